"""A courtesy said as riders say it, through the real bot on SQLite and PostgreSQL: '@bot 谢谢师傅们辛苦了🙏'
in the group got what the bot does ('👋 我是骑手哨兵…'), and '謝謝' or '谢谢你们' in the private chat the
greeting's pointer to /help, while '@bot 谢谢' got '不客气'. Now several courtesy phrases, with whom they are
said to between them ('师傅们', '你们', 'guys'), in either script (bot.typed.typed_key), are a thank-you;
chit-chat the bot is not named in stays unanswered."""
from __future__ import annotations

import asyncio

import pytest

from tests.conftest import AMY, GROUP, LI, said, two_branches, with_boss


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_thanks_with_whom_and_in_traditional_characters(bot, tg, db) -> None:
    await two_branches(tg, LI, AMY)
    got = (await said(tg, GROUP, LI, "@rider_sentinel_bot 谢谢师傅们辛苦了🙏"))["plain_text"]
    assert got.startswith("不客气"), got
    for typed in ("謝謝", "谢谢你们！"):
        got = (await said(tg, LI["id"], LI, typed))["plain_text"]
        assert got.startswith("不客气"), (typed, got)
    got = (await said(tg, AMY["id"], AMY, "thanks a lot guys"))["plain_text"]
    assert got.startswith("You're welcome"), got
    before = len(await tg.messages(GROUP["id"]))
    await tg.send(GROUP, LI, "谢谢师傅们辛苦了")  # nobody named: left alone
    await asyncio.sleep(1.0)
    assert len(await tg.messages(GROUP["id"])) == before
