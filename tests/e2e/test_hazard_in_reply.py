"""A hazard of another kind said in reply to a case's news is a case of its own. Before: "旁边井盖没了，
很危险" in reply to the bot's message about a street light being handled was passed on to the lighting
department as the reporter's words ("已转给处理的人"): the missing manhole cover, a danger to life, never
reached a department that could act, nor got its one-hour deadline. Words about the case itself ("是靠近垃圾
桶那根", a follow-up of the same kind) are still passed on (tests/e2e/test_reporter_answers_the_department.py)."""
from __future__ import annotations

import pytest

from storage.models import Case
from tests.conftest import BOSS, GROUP, LI, said, two_branches, until, with_boss
from tests.factories import new_message

LIGHT = {"id": 702, "first_name": "Lee", "language_code": "en"}   # urban_lighting
WANG = {"id": 703, "first_name": "王哥", "language_code": "zh-hans"}


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _handled_light(tg) -> dict:
    """C-000001, a street light, accepted by its department; the group's news of it."""
    await two_branches(tg, LI, LIGHT, WANG)
    await said(tg, BOSS["id"], BOSS, f"/grant {LIGHT['id']} dept urban_lighting")
    await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    before = len(await tg.messages(GROUP["id"]))
    await said(tg, LIGHT["id"], LIGHT, "/accept C-000001")
    return await new_message(tg, GROUP["id"], before, "C-000001")


@pytest.mark.parametrize("who", [LI, WANG], ids=["reporter", "follower"])
async def test_a_hazard_of_another_kind_in_reply_is_its_own_case(bot, tg, db, who) -> None:
    news = await _handled_light(tg)
    if who is WANG:  # he follows the case: its news reaches him too
        told = await said(tg, GROUP, WANG, "+1 我也遇到了", reply_to_message_id=news["message_id"])
        assert "C-000001" in told["text"], told["text"]
    answer = await said(tg, GROUP, who, "旁边井盖没了，很危险", reply_to_message_id=news["message_id"])
    assert "C-000002" in answer["text"] and "已转给处理的人" not in answer["text"], answer["text"]
    async with db() as s:
        case = await s.get(Case, 2)
    assert case is not None and case.category == "road" and case.urgency == "urgent"
    assert case.reporter_id == who["id"]
    assert not [m for m in await tg.messages(LIGHT["id"]) if "井盖" in (m.get("text") or "")]


async def test_words_of_the_same_kind_in_reply_are_still_passed_on(bot, tg, db) -> None:
    news = await _handled_light(tg)
    told = await said(tg, GROUP, LI, "一直不亮，晚上太黑了", reply_to_message_id=news["message_id"])
    assert "已转给处理的人" in told["text"], told["text"]
    await until(lambda: _heard(tg, "一直不亮"))
    async with db() as s:
        assert await s.get(Case, 2) is None


async def _heard(tg, needle: str) -> bool:
    return any(needle in (m.get("text") or "") for m in await tg.messages(LIGHT["id"]))
