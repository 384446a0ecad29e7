"""An edited comment in a proposal's thread, through the real bot on SQLite and PostgreSQL: a reply to a
proposal's card is a comment, never a report, but an edit is read as a new message would be, so 王哥's
'大家怎么看' edited to '中午热得不行，路边根本没地方歇，光华路路灯也坏了' opened a case ('📝 已登记工单 C-000001 …') in
reply to it, in the middle of the discussion, and the thread kept the words he took back. Now the edit is
the comment's new words (the proposal's summary reads them), and the group hears nothing but the one
hint of how to report that a comment reading as a report gets, as when it is first sent."""
from __future__ import annotations

import asyncio

import pytest

from tests.conftest import GROUP, LI, SEC, WANG, said, two_branches, with_boss
from tests.e2e.test_telegram_real import emu
from tests.factories import answer_text


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_an_edited_comment_is_the_comment_not_a_report(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG)
    await answer_text(tg, GROUP, LI, "/propose 驿站加装空调 | 夏天太热")
    card = [m for m in await tg.messages(GROUP["id"]) if "新议题" in m["text"]][-1]
    sent = await tg.send(GROUP, WANG, "大家怎么看", reply_to_message_id=card["message_id"])
    await said(tg, SEC["id"], SEC, "/proposal 1")  # a later update: the comment is in by now
    await emu(tg, "edit", chat_id=GROUP["id"], message_id=sent["message_id"], text="我觉得很有必要，中午根本没地方歇")
    assert await answer_text(tg, GROUP, LI, "/board")  # answered after anything the edit caused
    await asyncio.sleep(0.5)
    said_back = [m["plain_text"] for m in await tg.messages(GROUP["id"]) if m.get("reply_to_message_id") == sent["message_id"]]
    assert not said_back, said_back
    got = (await said(tg, SEC["id"], SEC, "/proposal 1"))["plain_text"]
    assert "1 条讨论" in got and "中午根本没地方歇" in got and "大家怎么看" not in got, got

    await emu(tg, "edit", chat_id=GROUP["id"], message_id=sent["message_id"],
              text="中午热得不行，路边根本没地方歇，光华路路灯也坏了")
    assert await answer_text(tg, GROUP, LI, "/board")
    await asyncio.sleep(0.5)
    said_back = [m["plain_text"] for m in await tg.messages(GROUP["id"]) if m.get("reply_to_message_id") == sent["message_id"]]
    assert said_back and all("议题 #1" in m and "已登记工单" not in m for m in said_back), said_back  # the hint: how to report
    assert "1 条讨论" in (await said(tg, SEC["id"], SEC, "/proposal 1"))["plain_text"]
