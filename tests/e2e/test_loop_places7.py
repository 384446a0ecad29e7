"""The place7 kinds in the conversation: the rider's work spot named by its kind alone ("我在中转站") is no
answer to the place question (it filled the case's place), an area whose name ends as a spot's does
("在金台") is one (the bot asked again), and a report told as arriving somewhere and seeing a problem
there ("刚到达三元桥下发现积水") opens a case with its place (the bot took it for chat and said nothing)."""
from __future__ import annotations

import pytest

from tests.conftest import GROUP, LI, said, until
from tests.factories import read_cases


async def _placed(db) -> bool:
    return any(c.location for c in await read_cases(db))


@pytest.mark.parametrize("spot", ["我在中转站", "在配送站", "我在驿站"])
async def test_a_work_spot_alone_is_not_the_answer(bot, tg, db, spot) -> None:
    await tg.send(GROUP, LI, "路灯坏了")
    [asked] = await tg.wait(GROUP["id"], 1)
    assert "还缺地点" in asked["text"]
    await tg.send(GROUP, LI, spot)
    await tg.send(GROUP, LI, "在十里堡")  # the answer that follows it is taken
    await until(lambda: _placed(db))
    [case] = await read_cases(db)
    assert case.location == "十里堡"


@pytest.mark.parametrize("answer, place", [("在金台", "金台"), ("我在草房这边", "草房")])
async def test_an_area_named_like_a_spot_is_the_answer(bot, tg, db, answer, place) -> None:
    await tg.send(GROUP, LI, "井盖没了")
    await tg.wait(GROUP["id"], 1)
    reply = await said(tg, GROUP, LI, answer)
    assert place in reply["text"] and "C-000002" not in reply["text"]
    [case] = await read_cases(db)
    assert case.location == place and not case.awaiting_location


@pytest.mark.parametrize("report, place", [("刚到达三元桥下发现积水", "三元桥下"),
                                           ("到达金源时代对面发现有积水", "金源时代对面")])
async def test_arriving_and_seeing_a_problem_opens_a_case_with_its_place(bot, tg, db, report, place) -> None:
    sent = await tg.send(GROUP, LI, report)
    [created] = await tg.wait(GROUP["id"], 1)
    assert created["reply_to_message_id"] == sent["message_id"] and "C-000001" in created["text"]
    [case] = await read_cases(db)
    assert case.category == "waterlogging" and case.location == place


async def test_saying_where_the_rider_is_gets_no_answer_in_the_group(bot, tg, db) -> None:
    """"在驿站", "在配送站等单", "在路上": where the rider is, no report; the bot asked 是，上报 / 不是 about each."""
    for text in ("在驿站", "在配送站等单", "在路上", "on my way"):
        await tg.send(GROUP, LI, text)
    sent = await tg.send(GROUP, LI, "建国路的路灯坏了")
    msgs = await tg.wait(GROUP["id"], 2, timeout=3)
    assert [m["reply_to_message_id"] for m in msgs] == [sent["message_id"]], [m["text"][:40] for m in msgs]
    assert [c.location for c in await read_cases(db)] == ["建国路"]
