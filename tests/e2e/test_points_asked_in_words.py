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


async def test_points_and_cases_asked_as_a_hurried_rider_types_them(bot, tg, db) -> None:
    """'我想查一下我的積分', '幫我查下工單吧', '我的工單' and 'my points please' in the private chat got the whole
    manual (/help): the words were compared as typed. Now they are read through the word tables' key
    (traditional characters, width), their polite wrapping and a verb before them aside."""
    await two_branches(tg, LI, AMY)
    await tg.send(GROUP, LI, "光华路和东三环路口红绿灯坏了")
    await tg.wait(GROUP["id"], 2)
    for typed in ("我想查一下我的積分", "幫我查下積分吧", "我的积分呢？"):
        got = (await said(tg, LI["id"], LI, typed))["plain_text"]
        assert got.startswith("我的积分") and "使用说明" not in got, (typed, got)
    for typed in ("我的工單", "幫我查下工單吧", "查一下我的工单"):
        got = (await said(tg, LI["id"], LI, typed))["plain_text"]
        assert got.startswith("我上报的工单") and "C-000001" in got, (typed, got)
    got = (await said(tg, AMY["id"], AMY, "my points please"))["plain_text"]
    assert got.startswith("My points"), got
