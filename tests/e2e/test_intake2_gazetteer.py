"""The gazetteer that learns (issue 14): a rider's pin for a place named in words is remembered
per branch, and a later report naming the same place gets the coordinates."""
from __future__ import annotations

import pytest
from sqlmodel import select

from storage.models import Case
from storage.models.gazetteer import PlaceCoord
from tests.conftest import GROUP, GROUP_B, LI, WANG, said, two_branches, until, with_boss
from tests.factories import read_cases, read_cases_at_least

PIN = {"latitude": 39.9219, "longitude": 116.4436}


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _places(db) -> list[PlaceCoord]:
    async with db() as s:
        return list((await s.exec(select(PlaceCoord))).all())


async def _learn_pin(tg, db) -> Case:
    """LI reports a place in words, then answers the bot's message with a pin."""
    created = await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    assert "C-000001" in created["text"]
    corrected = await said(tg, GROUP, LI, location=PIN, reply_to_message_id=created["message_id"])
    assert "C-000001" in corrected["text"] and "幸福小区3号门" in corrected["text"]
    [entry] = await until(lambda: _places(db))
    [case] = await read_cases(db)
    assert case.location and "幸福小区3号门" in case.location
    assert entry.place == case.location and abs(entry.lat - PIN["latitude"]) < 1e-6
    return case


async def test_a_pin_for_a_named_place_is_learnt_and_given_to_later_reports(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG)
    first = await _learn_pin(tg, db)
    assert first.branch_id is not None
    [entry] = await _places(db)
    assert entry.branch_id == first.branch_id
    # another rider, another problem, the same place in words, no pin: the coordinates come along
    await said(tg, GROUP, WANG, "幸福小区3号门的井盖没了 好大一个洞")
    cases = await read_cases_at_least(db, 2)
    later = cases[1]
    assert later.category == "road" and later.location == first.location
    assert abs(later.lat - PIN["latitude"]) < 1e-6 and abs(later.lon - PIN["longitude"]) < 1e-6


async def test_the_gazetteer_is_per_branch(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG)
    await _learn_pin(tg, db)
    await said(tg, GROUP_B, WANG, "幸福小区3号门的井盖没了 好大一个洞")
    cases = await read_cases_at_least(db, 2)
    assert cases[1].location and "幸福小区3号门" in cases[1].location
    assert cases[1].lat is None and cases[1].lon is None


async def test_a_report_without_a_known_place_gets_no_coordinates(bot, tg, db) -> None:
    await said(tg, GROUP, WANG, "建设路和人民路路口的红绿灯坏了 一直闪黄")
    [case] = await until(lambda: read_cases(db))
    assert case.location and case.lat is None and not await _places(db)
