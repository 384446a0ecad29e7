"""A report that puts its problem at the rider's home a few clauses after saying where they live.

Before: the check read only the clause right after the address, so "我住幸福小区5号楼1203室，今天下班回来，
楼下路灯坏了" made a case with no place and the bot asked where; now the home is the place, and the group,
the secretary's card and the board read its compound only, while the reporter's own chat reads it as
written. A home said before the rider went somewhere else ("今天去公司附近，路灯坏了") is not the place."""
from __future__ import annotations

import pytest

from tests.conftest import AMY, GROUP, LI, SEC, said, two_branches, with_boss
from tests.factories import read_case, report


@pytest.fixture
def settings(settings):
    return with_boss(settings)


@pytest.mark.parametrize("text, home, compound", [
    ("我住幸福小区5号楼1203室，今天下班回来，楼下路灯坏了好几天", "幸福小区5号楼", "幸福小区"),
    ("我家住光明里3单元502，昨晚十点多，跟大家说一下，楼道里堆满了纸箱", "光明里3单元", "光明里"),
])
async def test_a_home_two_clauses_before_the_problem_is_the_place_shared_as_its_compound(
        bot, tg, db, text, home, compound) -> None:
    await two_branches(tg, LI)
    unit = home[len(compound):]
    answer = (await report(tg, GROUP, LI, text))["plain_text"]
    case = await read_case(db)
    assert case.location == home, case.location
    assert "C-000001" in answer and compound in answer and "还缺地点" not in answer, answer
    for leak in (unit, "1203", "502"):
        assert leak not in answer, answer
    card = (await said(tg, SEC["id"], SEC, "/case C-000001"))["plain_text"]
    assert compound in card and unit not in card and "1203" not in card and "502" not in card, card
    board = (await said(tg, SEC["id"], SEC, "/board"))["plain_text"]
    assert unit not in board and "1203" not in board and "502" not in board, board
    own = (await said(tg, LI["id"], LI, "/case C-000001"))["plain_text"]
    assert home in own, own


async def test_a_home_said_before_going_elsewhere_is_not_the_place(bot, tg, db) -> None:
    await two_branches(tg, LI)
    answer = (await report(tg, GROUP, LI, "我住幸福小区5号楼1203室，今天去公司附近，路灯坏了"))["plain_text"]
    assert "还缺地点" in answer, answer  # the place is asked for, the home not taken for it
    for leak in ("幸福小区", "5号楼", "1203"):
        assert leak not in answer, answer
    assert (await read_case(db)).location is None


async def test_an_english_home_past_its_flats_comma_is_not_shown_as_the_place(bot, tg, db) -> None:
    """"I live in Block 5, Xili Garden, but …": the address read stopped at the comma, so Xili Garden was
    taken for the incident's place and shown to the group as such (a home is not shown at all)."""
    await two_branches(tg, AMY)
    answer = (await report(tg, GROUP, AMY,
                           "I live in Block 5, Xili Garden, but the street light on Honghe Rd is out"))["plain_text"]
    assert "Honghe Rd" in answer and "Xili" not in answer and "Block 5" not in answer, answer
    assert (await read_case(db)).location == "Honghe Rd"
    card = (await said(tg, SEC["id"], SEC, "/case C-000001"))["plain_text"]
    assert "Honghe Rd" in card and "Block 5" not in card, card


async def test_a_building_after_the_compounds_comma_stays_in_the_riders_chat(bot, tg, db) -> None:
    """"我住幸福小区，5号楼1203，楼下路灯坏了": the address was read to its first comma, so the secretary's
    card showed the report as "我住***，5号楼***，…", the building named outside the rider's chat."""
    await two_branches(tg, LI)
    answer = (await report(tg, GROUP, LI, "我住幸福小区，5号楼1203，楼下路灯坏了"))["plain_text"]
    assert "幸福小区" in answer and "5号楼" not in answer and "还缺地点" not in answer, answer
    card = (await said(tg, SEC["id"], SEC, "/case C-000001"))["plain_text"]
    assert "幸福小区" in card and "5号楼" not in card and "1203" not in card, card
    own = (await said(tg, LI["id"], LI, "/case C-000001"))["plain_text"]
    assert "5号楼1203" in own, own
