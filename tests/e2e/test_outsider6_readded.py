"""A group that removes the bot and adds it back hears what became of its reports (outsider trial 6).

Before: a rider reported in the group; the bot was removed from the group (by mistake, or while
the admins tidied up); the secretary accepted and resolved the case meanwhile. When the group
added the bot back, it heard nothing: the thread of the report never said the case was accepted
or resolved, and its reporter (who never started the bot) was never asked to confirm the fix.
The case news the group refused while the bot was away goes out once it is back.
"""
from __future__ import annotations

import asyncio
from typing import Any

import pytest

from tests.conftest import GROUP, SEC, TOKEN, WANG, buttons, said, two_branches, until, with_boss
from tests.factories import new_message, report

BOT_ID = int(TOKEN.split(":", 1)[0])


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _member(tg: Any, status: str, notify: bool = True) -> None:
    await tg._call("POST", "member", json=tg._tok({"chat_id": GROUP["id"], "user_id": BOT_ID, "status": status,
                                                   "notify": notify, "from": SEC}))


async def _group_blocked(db: Any, value: bool) -> bool:
    from storage.models import Chat
    async with db() as s:
        chat = await s.get(Chat, GROUP["id"])
        if chat is not None:
            await s.refresh(chat)
        return chat is not None and chat.blocked is value


@pytest.mark.parametrize("told", [True, False], ids=["removal-told", "removal-found-by-a-send"])
async def test_a_group_that_adds_the_bot_back_hears_its_cases_news(bot, tg, db, told) -> None:
    await two_branches(tg)  # WANG never started the bot: the group is where he hears his case
    registered = await report(tg, GROUP, WANG, "光华路和东三环路口红绿灯坏了 很危险")
    assert "C-000001" in registered["text"]
    report_id = registered["reply_to_message_id"]
    await _member(tg, "left", notify=told)
    if told:
        await until(lambda: _group_blocked(db, True))
    before = len(await tg.messages(GROUP["id"]))
    await said(tg, SEC["id"], SEC, "/accept C-000001")
    await said(tg, SEC["id"], SEC, "/resolve C-000001 已修好，信号灯恢复")
    await until(lambda: _group_blocked(db, True))  # the sends were refused (or not tried)
    assert len(await tg.messages(GROUP["id"])) == before
    await _member(tg, "member")
    accepted = await new_message(tg, GROUP["id"], before, "已受理")
    resolved = await new_message(tg, GROUP["id"], before, "已处理完毕")
    assert accepted["reply_to_message_id"] == resolved["reply_to_message_id"] == report_id
    assert accepted["message_id"] < resolved["message_id"]
    assert buttons(resolved) == ["cf:1:y", "cf:1:n"]  # WANG can confirm there
    await asyncio.sleep(1)  # each once, however long we wait
    texts = [m["plain_text"] for m in (await tg.messages(GROUP["id"]))[before:]]
    assert sum("已受理" in t for t in texts) == 1 and sum("已处理完毕" in t for t in texts) == 1, texts
