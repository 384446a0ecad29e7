"""Issue 13 §2, stale buttons: once decided, a report-in card, a redemption request and a
closed survey lose their buttons (an edit through the outbox) and say who decided; a press on
another secretary's stale copy answers who decided it."""
from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import BOSS, GROUP, LI, SEC, answer_for, buttons, said, two_branches, until, with_boss
from tests.factories import new_message


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _settled(tg, chat_id: int, message_id: int) -> dict[str, Any]:
    async def done() -> dict | None:
        msg = next(m for m in await tg.messages(chat_id) if m["message_id"] == message_id)
        return msg if msg["edits"] and not buttons(msg) else None
    return await until(done)


async def test_report_in_card_settles_and_a_second_press_names_the_decider(bot, tg, db) -> None:
    await two_branches(tg, LI)
    before = len(await tg.messages(SEC["id"]))
    await said(tg, GROUP, LI, "/reportin 河南省周口市某某村党支部")
    card = await new_message(tg, SEC["id"], before, "某某村党支部")
    assert buttons(card) == ["ri:1:a", "ri:1:r"]
    await answer_for(tg, await tg.press(SEC["id"], card["message_id"], SEC, "ri:1:a"))
    settled = await _settled(tg, SEC["id"], card["message_id"])
    assert "某某村党支部" in settled["text"] and "张书记" in settled["text"] and "已通过" in settled["text"]
    again = await answer_for(tg, await tg.press(SEC["id"], card["message_id"], SEC, "ri:1:r"))
    assert "已经处理过" in again["text"] and "张书记" in again["text"]


async def test_redemption_request_settles_on_every_copy_en(bot, tg, db) -> None:
    await two_branches(tg, LI)
    await said(tg, BOSS["id"], BOSS, "/lang en")
    hello = await tg.send(GROUP, LI, "收到")
    await said(tg, GROUP, SEC, "/points grant 60 冬季志愿服务", reply_to_message_id=hello["message_id"])
    sec_before, boss_before = len(await tg.messages(SEC["id"])), len(await tg.messages(BOSS["id"]))
    await said(tg, LI["id"], LI, "/redeem meal")
    sec_card = await new_message(tg, SEC["id"], sec_before, "R1")
    boss_card = await new_message(tg, BOSS["id"], boss_before, "R1")
    assert buttons(boss_card) == ["pr:1:y", "pr:1:n"]

    await answer_for(tg, await tg.press(SEC["id"], sec_card["message_id"], SEC, "pr:1:y"))
    settled = await _settled(tg, SEC["id"], sec_card["message_id"])
    assert "张书记" in settled["text"] and "发放" in settled["text"]
    # the superadmin's copy is stale: refusing it now refunds nothing and says who decided
    stale = await answer_for(tg, await tg.press(BOSS["id"], boss_card["message_id"], BOSS, "pr:1:n"))
    assert "already been handled" in stale["text"] and "张书记" in stale["text"], stale["text"]
    boss_settled = await _settled(tg, BOSS["id"], boss_card["message_id"])
    assert "张书记" in boss_settled["text"] and "Handled by" in boss_settled["text"]


async def test_closed_survey_loses_its_buttons(bot, tg, db) -> None:
    await two_branches(tg)
    before = len(await tg.messages(GROUP["id"]))
    await said(tg, SEC["id"], SEC, "/survey new 你们最需要什么？ | 充电桩 | 午休点")
    question = await new_message(tg, GROUP["id"], before, "你们最需要什么")
    assert buttons(question) == ["sv:1:0", "sv:1:1"]
    await said(tg, SEC["id"], SEC, "/survey close 1")
    settled = await _settled(tg, GROUP["id"], question["message_id"])
    assert "你们最需要什么" in settled["text"]
    late = await answer_for(tg, await tg.press(GROUP["id"], question["message_id"], LI, "sv:1:0"))
    assert "结束" in late["text"]


async def test_volunteer_hours_card_settles(bot, tg, db) -> None:
    from tests.e2e.test_checkins import Clock, create, local
    clock = Clock(local(2026, 12, 1, 10, 0))
    bot.core.checkins.clock = clock
    await two_branches(tg, LI)
    activity, _ = await create(tg, db)
    clock.now = local(2026, 12, 5, 9, 10)
    await said(tg, GROUP, LI, f"/checkin {activity.code}")
    clock.now = local(2026, 12, 5, 11, 30)
    before = len(await tg.messages(SEC["id"]))
    await said(tg, LI["id"], LI, f"/hours {activity.code} 1.5")
    card = await new_message(tg, SEC["id"], before, "1.5")
    assert buttons(card) == ["vh:1:3:a", "vh:1:3:r"]
    await answer_for(tg, await tg.press(SEC["id"], card["message_id"], SEC, "vh:1:3:a"))
    settled = await _settled(tg, SEC["id"], card["message_id"])
    assert "张书记" in settled["text"] and "已认可" in settled["text"]
    twice = await answer_for(tg, await tg.press(SEC["id"], card["message_id"], SEC, "vh:1:3:r"))
    assert "已经处理过" in twice["text"] and "张书记" in twice["text"]
