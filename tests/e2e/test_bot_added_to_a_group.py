"""The bot added to a new group says what it does there and how the group is put under a branch.

Before: a new branch secretary added the bot to the riders' group and heard nothing; nothing told them
that the group needs `/bind` before its reports are the branch's, nor what the bot does there (a trial as
a newcomer, h-C). Now the bot, added to a group that belongs to no branch, answers once in the language
of whoever added it; a group that has its branch (added back, or the bot made an admin) hears no welcome."""
from __future__ import annotations

import asyncio
from typing import Any

import pytest

from tests.conftest import AMY, BOSS, GROUP, LI, SEC, TOKEN, said, two_branches, with_boss

BOT_ID = int(TOKEN.split(":", 1)[0])
NEW = {"id": -100900, "type": "supergroup", "title": "望京骑手群"}


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _bot_status(tg: Any, chat: dict[str, Any], status: str, by: dict[str, Any], notify: bool = True) -> None:
    await tg._call("POST", "member", json=tg._tok({"chat_id": chat["id"], "user_id": BOT_ID, "status": status,
                                                   "notify": notify, "from": by}))


async def _added(tg: Any, chat: dict[str, Any], by: dict[str, Any]) -> list[dict[str, Any]]:
    """`by` adds the bot to `chat` (a group the emulator knows; the bot was not in it); what it says there."""
    await tg.send(chat, by, "大家好")  # the emulator learns the chat (the bot reads chit-chat and stays silent)
    await _bot_status(tg, chat, "left", by, notify=False)
    before = len(await tg.messages(chat["id"]))
    await _bot_status(tg, chat, "member", by)
    return (await tg.wait(chat["id"], before + 1))[before:]


@pytest.mark.parametrize(("adder", "words"), [(SEC, ("骑手哨兵", "本群还没有归属支部", "/bind 支部代码")),
                                              (AMY, ("Rider Sentinel", "belongs to no branch", "/bind <branch code>"))])
async def test_a_group_that_adds_the_bot_is_told_how_to_bind_it(bot, tg, db, adder, words) -> None:
    said_there = await _added(tg, NEW, adder)
    assert len(said_there) == 1, [m["plain_text"] for m in said_there]
    text = said_there[0]["plain_text"]
    assert all(w in text for w in words), text
    # and then binding it works as the welcome says
    await tg.send({"id": BOSS["id"], "type": "private"}, BOSS, "/start")
    bound = (await said(tg, NEW, BOSS, "/bind wj 望京支部"))["plain_text"]
    assert "望京支部" in bound, bound


async def test_a_group_with_its_branch_hears_no_welcome(bot, tg, db) -> None:
    await two_branches(tg, LI)
    before = len(await tg.messages(GROUP["id"]))
    await _bot_status(tg, GROUP, "left", SEC)
    await _bot_status(tg, GROUP, "member", SEC)  # added back
    await _bot_status(tg, GROUP, "administrator", SEC)  # made an admin
    await asyncio.sleep(2)
    assert [m["plain_text"] for m in (await tg.messages(GROUP["id"]))[before:]] == []


async def test_an_admin_promotion_in_an_unbound_group_is_no_second_welcome(bot, tg, db) -> None:
    said_there = await _added(tg, NEW, SEC)
    assert len(said_there) == 1
    await _bot_status(tg, NEW, "administrator", SEC)
    await asyncio.sleep(2)
    assert len(await tg.messages(NEW["id"])) == 1
