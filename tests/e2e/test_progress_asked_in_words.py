"""A rider asking how their report is getting on without its number, through the real bot on SQLite and
PostgreSQL: '@bot 光华路那个红绿灯修好了吗' in the group got the bot's introduction ('👋 我是骑手哨兵…'), and
'我报的井盖处理了没？' privately the manual's pointer, as did '我上次报的红绿灯有人管吗' and 'any update on my
report?'. Now such a question, said to the bot, is answered with
the rider's cases as /mycases answers (privately, for a group's); chit-chat ('@bot 今天单子怎么样了') and a new
report ('路灯修好了吗？怎么又坏了') are not."""
from __future__ import annotations

import asyncio

import pytest

from tests.conftest import AMY, GROUP, LI, said, two_branches, with_boss
from tests.factories import new_message


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_reports_progress_asked_in_words_gets_the_riders_cases(bot, tg, db) -> None:
    await two_branches(tg, LI, AMY)
    await tg.send(GROUP, LI, "光华路和东三环路口红绿灯坏了")
    await new_message(tg, GROUP["id"], 0, "C-000001")
    for typed in ("我报的井盖处理了没？", "上次那个红绿灯修好了吗", "红绿灯怎么样了",
                  # whether anyone took it up, how it is being handled (they got the manual's pointer)
                  "我上次报的红绿灯有人管吗", "处理得怎么样了", "上报的事有回音吗"):
        got = (await said(tg, LI["id"], LI, typed))["plain_text"]
        assert got.startswith("我上报的工单") and "C-000001" in got, (typed, got)
    for typed in ("is it fixed yet?", "any update on my report?", "is the pothole I reported fixed yet?",
                  "what happened to my case?"):  # the last three got the manual's pointer
        got = (await said(tg, AMY["id"], AMY, typed))["plain_text"]
        assert got.startswith("You have not reported any case yet"), (typed, got)

    before = len(await tg.messages(LI["id"]))
    await tg.send(GROUP, LI, "@rider_sentinel_bot 光华路那个红绿灯修好了吗")
    got = (await tg.wait(LI["id"], before + 1))[before]["plain_text"]
    assert got.startswith("我上报的工单") and "C-000001" in got, got
    await asyncio.sleep(0.3)
    assert not [m for m in await tg.messages(GROUP["id"]) if "我是骑手哨兵" in (m.get("plain_text") or "")]


async def test_chit_chat_asking_how_things_are_is_not_about_cases(bot, tg, db) -> None:
    await two_branches(tg, LI)
    got = (await said(tg, GROUP, LI, "@rider_sentinel_bot 今天单子怎么样了"))["plain_text"]
    assert "我上报的工单" not in got, got
