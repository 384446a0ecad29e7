"""A rider who answers a survey by replying to its question in words, through the real bot on SQLite
and PostgreSQL: '1' or '充电桩' replied to '📊 问卷 #1 …' got nothing (read as chit-chat) and counted
nothing, so the rider believed they had answered. Now a reply that names an option (its number, `选2`,
its words, with a '！') is answered as its button is, in reply; anything else stays unanswered."""
from __future__ import annotations

import asyncio

import pytest

from tests.conftest import AMY, GROUP, LI, SEC, WANG, ledger, said, two_branches, with_boss
from tests.factories import answer_text, new_message


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _replied(tg, who: dict, text: str, question: dict) -> str:
    sent = await tg.send(GROUP, who, text, reply_to_message_id=question["message_id"])
    answer = await new_message(tg, GROUP["id"], 0, lambda m: m.get("reply_to_message_id") == sent["message_id"],
                               timeout=30)
    return str(answer["plain_text"])


async def test_a_reply_naming_an_option_answers_the_survey(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG, AMY)
    await said(tg, SEC["id"], SEC, "/survey new 你们最需要什么？｜充电桩｜午休点｜饮水点")
    question = await new_message(tg, GROUP["id"], 0, "问卷 #1", field="plain_text")
    assert await _replied(tg, LI, "1", question) == "✅ 已记录：充电桩（+3 积分）"
    assert await _replied(tg, WANG, "午休点！", question) == "✅ 已记录：午休点（+3 积分）"
    assert await _replied(tg, WANG, "选3", question) == "🔄 已改为：饮水点"
    assert await _replied(tg, AMY, "2", question) == "✅ Recorded: 午休点 (+3 points)"
    # a number naming no option is answered with the options (tests/e2e/test_survey_reply_no_option.py)
    assert (await _replied(tg, LI, "4", question)).startswith("问卷 #1 没有这个选项，请选 1–3")
    quiet = [await tg.send(GROUP, LI, text, reply_to_message_id=question["message_id"])
             for text in ("谢谢书记",)]  # chit-chat: unanswered
    assert await answer_text(tg, GROUP, LI, "/board")  # answered after anything those caused
    await asyncio.sleep(0.5)
    ids = {m["message_id"] for m in quiet}
    assert not [m for m in await tg.messages(GROUP["id"]) if m.get("reply_to_message_id") in ids]
    results = (await said(tg, SEC["id"], SEC, "/survey results 1"))["plain_text"]
    assert "1. 充电桩 — 1 票" in results and "2. 午休点 — 1 票" in results and "3. 饮水点 — 1 票" in results, results
    assert [e.rule for e in await ledger(db, LI["id"], at_least=1)] == ["survey_answered"]
