"""A rider's opinion replying to a survey's question, through the real bot on SQLite and PostgreSQL:
王哥's '我觉得驿站好一点，离得近' replying to '午休点选哪里？| 驿站 | 公园 | 商场' was asked '是不是要上报？'
(the intake read it as a maybe-report) and counted nothing; Amy's 'station' or 'the park' replying to the
Chinese options met silence. A reply to a survey's question is an answer to the survey, never a report:
an opinion naming one option by its words is that option's vote, as the option typed alone is; words in
another language than the options' are answered with the options, as a number naming none is; an
opinion naming none (or two) is left alone, as chit-chat is."""
from __future__ import annotations

import asyncio

import pytest

from tests.conftest import AMY, GROUP, LI, SEC, WANG, said, two_branches, with_boss
from tests.e2e.test_telegram_real import emu
from tests.factories import answer_text, new_message, posted_survey

ZHAO = {"id": 504, "first_name": "赵师傅", "language_code": "zh"}


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_an_opinion_naming_an_option_is_its_vote(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG, AMY)
    survey = await posted_survey(tg)
    got = (await said(tg, GROUP, WANG, "我觉得驿站好一点，离得近", reply_to_message_id=survey["message_id"]))["plain_text"]
    assert got == "✅ 已记录：驿站（+3 积分）", got
    got = (await said(tg, GROUP, LI, "还是公园吧，凉快", reply_to_message_id=survey["message_id"]))["plain_text"]
    assert got == "✅ 已记录：公园（+3 积分）", got
    got = (await said(tg, GROUP, WANG, "3，商场有空调", reply_to_message_id=survey["message_id"]))["plain_text"]
    assert got == "🔄 已改为：商场", got
    got = (await said(tg, GROUP, ZHAO, "4 吧", reply_to_message_id=survey["message_id"]))["plain_text"]
    assert got == "问卷 #1 没有这个选项，请选 1–3：1 驿站；2 公园；3 商场。", got
    got = (await said(tg, GROUP, AMY, "station", reply_to_message_id=survey["message_id"]))["plain_text"]
    assert got == "Survey #1 has no such option; choose 1–3: 1 驿站; 2 公园; 3 商场.", got
    got = (await said(tg, GROUP, AMY, "the park", reply_to_message_id=survey["message_id"]))["plain_text"]
    assert got == "Survey #1 has no such option; choose 1–3: 1 驿站; 2 公园; 3 商场.", got
    results = (await said(tg, SEC["id"], SEC, "/survey results 1"))["plain_text"]
    assert "1. 驿站 — 0 票" in results and "2. 公园 — 1 票" in results and "3. 商场 — 1 票" in results, results


async def test_an_opinion_naming_no_option_is_left_alone(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG, AMY)
    survey = await posted_survey(tg)
    quiet = [await tg.send(GROUP, who, text, reply_to_message_id=survey["message_id"])
             for who, text in ((WANG, "我觉得哪里都行，离得近就好"), (ZHAO, "驿站和公园都可以"),
                               (LI, "不要商场，太吵"), (WANG, "中午热得不行，路边根本没地方歇"),
                               (AMY, "thanks"), (AMY, "haha"))]
    assert await answer_text(tg, GROUP, LI, "/board")  # answered after anything those caused
    await asyncio.sleep(0.5)
    ids = {m["message_id"] for m in quiet}
    said_back = [m["plain_text"] for m in await tg.messages(GROUP["id"]) if m.get("reply_to_message_id") in ids]
    assert not said_back, said_back
    results = (await said(tg, SEC["id"], SEC, "/survey results 1"))["plain_text"]
    assert "共 0 人" in results or "0 票" in results, results


async def test_an_edited_reply_is_still_an_answer_to_the_survey(bot, tg, db) -> None:
    """An edit is read as a new message would be: an edited reply to the survey opened a case
    ('📝 已登记工单 C-000001 …'); now it is read as the reply is."""
    await two_branches(tg, LI, WANG, AMY)
    survey = await posted_survey(tg)
    sent = await tg.send(GROUP, WANG, "都可以", reply_to_message_id=survey["message_id"])
    await emu(tg, "edit", chat_id=GROUP["id"], message_id=sent["message_id"],
              text="都可以，中午热得不行，路边根本没地方歇，光华路路灯也坏了")
    other = await tg.send(GROUP, LI, "随便", reply_to_message_id=survey["message_id"])
    await emu(tg, "edit", chat_id=GROUP["id"], message_id=other["message_id"], text="我觉得公园好一点")
    voted = await new_message(tg, GROUP["id"], 0, lambda m: m.get("reply_to_message_id") == other["message_id"])
    assert voted["plain_text"] == "✅ 已记录：公园（+3 积分）", voted["plain_text"]
    assert await answer_text(tg, GROUP, LI, "/board")  # answered after anything those caused
    await asyncio.sleep(0.5)
    said_back = [m["plain_text"] for m in await tg.messages(GROUP["id"]) if m.get("reply_to_message_id") == sent["message_id"]]
    assert not said_back, said_back


async def test_an_urgent_report_replying_to_a_survey_is_a_case(bot, tg, db) -> None:
    """Someone hurt, told in reply to the survey's question: a case with its one-hour deadline, as in a
    proposal's thread (bot.deliberation.replies), not an answer to the survey left alone."""
    await two_branches(tg, LI, WANG, AMY)
    survey = await posted_survey(tg)
    got = (await said(tg, GROUP, WANG, "公园门口有个大爷晕倒了，叫不醒", reply_to_message_id=survey["message_id"]))
    assert "C-000001" in got["plain_text"], got["plain_text"]
    got = (await said(tg, GROUP, LI, "我觉得公园好一点，离得近", reply_to_message_id=survey["message_id"]))["plain_text"]
    assert got == "✅ 已记录：公园（+3 积分）", got
