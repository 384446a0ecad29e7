"""A rider who asks for their points in words, through the real bot on SQLite and PostgreSQL:
'我的积分' or 'what is my balance' in the private chat got the whole manual (/help); now /me's answer,
as '我的工单' is /mycases. In a group, said to the bot by name, the answer goes privately."""
from __future__ import annotations

import asyncio

import pytest

from tests.conftest import AMY, GROUP, LI, said, two_branches, with_boss


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_points_asked_in_words_get_me(bot, tg, db) -> None:
    await two_branches(tg, LI, AMY)
    for typed in ("我的积分", "积分？", "查积分", "我有多少积分"):
        got = (await said(tg, LI["id"], LI, typed))["plain_text"]
        assert got.startswith("我的积分") and "可用积分" in got and "使用说明" not in got, (typed, got)
    for typed in ("what is my balance?", "My points"):
        got = (await said(tg, AMY["id"], AMY, typed))["plain_text"]
        assert got.startswith("My points") and "Balance" in got, (typed, got)
    before = len(await tg.messages(LI["id"]))
    await tg.send(GROUP, LI, "@rider_sentinel_bot 我的积分")
    got = (await tg.wait(LI["id"], before + 1))[before]["plain_text"]
    assert got.startswith("我的积分"), got
    await asyncio.sleep(0.3)
    assert not [m for m in await tg.messages(GROUP["id"]) if "可用积分" in (m.get("plain_text") or "")]
