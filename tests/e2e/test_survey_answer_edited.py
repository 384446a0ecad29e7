"""A typed survey answer, edited, through the real bot on SQLite and PostgreSQL: 王哥 replied '驿站' to
'午休点选哪里？| 驿站 | 公园 | 商场' ('✅ 已记录：驿站（+3 积分）'), then edited it to '驿站，离得近' and the
group was told again ('你已经选了：驿站'), a second announcement of the same vote. Now an edit that leaves
the vote as it was says nothing; an edit that changes it is one correction ('🔄 已改为：公园'), once
(bot.services.surveys.SurveyService.edited_answer)."""
from __future__ import annotations

import asyncio

import pytest

from tests.conftest import AMY, GROUP, LI, SEC, WANG, said, two_branches, with_boss
from tests.e2e.test_telegram_real import emu
from tests.factories import answer_text, posted_survey


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _replies(tg, message_id: int) -> list[str]:
    assert await answer_text(tg, GROUP, LI, "/board")  # answered after anything an edit caused
    await asyncio.sleep(0.5)
    return [m["plain_text"] for m in await tg.messages(GROUP["id"]) if m.get("reply_to_message_id") == message_id]


async def test_an_edit_keeping_the_vote_says_nothing_and_a_change_is_told_once(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG, AMY)
    survey = await posted_survey(tg)
    sent = await tg.send(GROUP, WANG, "驿站", reply_to_message_id=survey["message_id"])
    assert await _replies(tg, sent["message_id"]) == ["✅ 已记录：驿站（+3 积分）"]
    await emu(tg, "edit", chat_id=GROUP["id"], message_id=sent["message_id"], text="驿站，离得近")
    assert await _replies(tg, sent["message_id"]) == ["✅ 已记录：驿站（+3 积分）"]
    await emu(tg, "edit", chat_id=GROUP["id"], message_id=sent["message_id"], text="公园吧")
    assert await _replies(tg, sent["message_id"]) == ["✅ 已记录：驿站（+3 积分）", "🔄 已改为：公园"]
    await emu(tg, "edit", chat_id=GROUP["id"], message_id=sent["message_id"], text="公园吧，凉快")
    assert await _replies(tg, sent["message_id"]) == ["✅ 已记录：驿站（+3 积分）", "🔄 已改为：公园"]
    results = (await said(tg, SEC["id"], SEC, "/survey results 1"))["plain_text"]
    assert "1. 驿站 — 0 票" in results and "2. 公园 — 1 票" in results, results
