"""A reply to a survey's question judging an option poorly, through the real bot on SQLite and
PostgreSQL: 王哥's '驿站一般般' replying to '午休点选哪里？| 驿站 | 公园 | 商场' was recorded as a vote for
驿站 ('✅ 已记录：驿站'), as were '驿站不行', '驿站太远了', '不想去驿站' (an option was matched by its words
alone). Now an option named with a negative or lukewarm judgement (before it: 不想去, 不要; after it,
perhaps after 的话/感觉/有点: 一般般, 不行, 不好, 太远, 不想去) is no vote for it: another option named
well in the same reply is the vote ('驿站一般般，公园好一点' → 公园), and a reply naming none well is left
alone, as an opinion naming no option is (bot.services.surveys._said_for)."""
from __future__ import annotations

import asyncio

import pytest

from tests.conftest import AMY, GROUP, LI, SEC, WANG, said, two_branches, with_boss
from tests.factories import answer_text, posted_survey

ZHAO = {"id": 504, "first_name": "赵师傅", "language_code": "zh"}


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_an_option_judged_poorly_is_no_vote_for_it(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG, AMY)
    survey = await posted_survey(tg)
    quiet = [await tg.send(GROUP, who, text, reply_to_message_id=survey["message_id"])
             for who, text in ((WANG, "驿站一般般"), (LI, "驿站不行"), (ZHAO, "驿站太远了"), (WANG, "不想去驿站"),
                               (LI, "驿站的话感觉不太好"), (ZHAO, "商场有点远"), (AMY, "the park is too far"))]
    assert await answer_text(tg, GROUP, LI, "/board")  # answered after anything those caused
    await asyncio.sleep(0.5)
    ids = {m["message_id"] for m in quiet}
    said_back = [m["plain_text"] for m in await tg.messages(GROUP["id"]) if m.get("reply_to_message_id") in ids]
    assert not said_back, said_back
    results = (await said(tg, SEC["id"], SEC, "/survey results 1"))["plain_text"]
    assert all(f"{n}. {o} — 0 票" in results for n, o in ((1, "驿站"), (2, "公园"), (3, "商场"))), results

    got = (await said(tg, GROUP, WANG, "驿站一般般，公园好一点", reply_to_message_id=survey["message_id"]))["plain_text"]
    assert got == "✅ 已记录：公园（+3 积分）", got
    got = (await said(tg, GROUP, LI, "商场不想去，驿站离得近", reply_to_message_id=survey["message_id"]))["plain_text"]
    assert got == "✅ 已记录：驿站（+3 积分）", got
    got = (await said(tg, GROUP, ZHAO, "驿站一般都有空位", reply_to_message_id=survey["message_id"]))["plain_text"]
    assert got == "✅ 已记录：驿站（+3 积分）", got  # 一般 as 'usually' is no judgement
