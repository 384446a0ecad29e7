"""A secretary who types traditional characters (a Hong Kong or Taiwan input method, or habit),
through the real bot on SQLite and PostgreSQL. 張書記's '/broadcast all 每週一 08:30 周例會提醒'
was read as a broadcast to send NOW whose text was '每週一 08:30 周例會提醒' (one tap on ✅ from a
weekly notice going out at once, its schedule in its text); '/cases 已辦結' and '/cases 超時' were
unknown filters, '/export cases 上個月' an unknown word. Every reader of a command's words (a send
time, a /cases filter, a period) now reads a traditional character as its simplified form
(bot.typed, the intake's table), while the text sent stays as typed."""
from __future__ import annotations

import pytest

from tests.conftest import SEC, said, two_branches, with_boss


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_weekly_broadcast_typed_in_traditional_characters_is_weekly(bot, tg, db) -> None:
    await two_branches(tg)
    got = (await said(tg, SEC["id"], SEC, "/broadcast all 每週一 08:30 周例會提醒"))["plain_text"]
    assert "时间：每周一 08:30" in got, got
    assert got.endswith("\n周例會提醒"), got  # the text as typed
    got = (await said(tg, SEC["id"], SEC, "/broadcast cancel"))["plain_text"]
    got = (await said(tg, SEC["id"], SEC, "/broadcast all 後天早上8點 開會"))["plain_text"]
    assert "时间：2026-" in got and "08:00" in got and got.endswith("\n開會"), got


async def test_case_filters_and_periods_in_traditional_characters(bot, tg, db) -> None:
    await two_branches(tg)
    for typed, answer in (("/cases 已辦結", "没有已办结"), ("/cases 超時", "没有超时工单")):
        got = (await said(tg, SEC["id"], SEC, typed))["plain_text"]
        assert got.startswith(answer), (typed, got)
    got = (await said(tg, SEC["id"], SEC, "/export cases 上個月"))
    assert got.get("document") or "工单导出" in got["plain_text"], got
    assert "没看懂" not in got["plain_text"], got
