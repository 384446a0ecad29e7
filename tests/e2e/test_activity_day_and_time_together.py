"""An activity's day typed flush against its time, through the real bot on SQLite and PostgreSQL.
张书记's '/activity new 清洁，明天上午9点，2个小时' was answered '格式不对。例如：/activity new "周六社区清洁"
2026-12-05 09:00 2h 500m', and '/activity new 清洁 明晚8点 1h' and '… 下周六9点-11点' the same (the day
and its time in one word, as she says them). Now a day said flush against its start time is the day
and then the time (bot.timeparse.day_then, as /broadcast reads '明天早上8点'), and a word that is a
day and no time (今天天气) stays in the title."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.conftest import SEC, said, two_branches, with_boss


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_day_and_its_time_in_one_word(bot, tg, db) -> None:
    await two_branches(tg)
    tomorrow = (datetime.now(bot.settings.tz).date() + timedelta(days=1)).strftime("%m-%d")
    for typed, span in (("清洁，明天上午9点，2个小时", "09:00–11:00"), ("清洁 明晚8点 1h", "20:00–21:00"),
                        ("清洁 明天下午3点到5点", "15:00–17:00")):
        got = (await said(tg, SEC["id"], SEC, f"/activity new {typed}"))["plain_text"]
        assert got.startswith("✅ 已创建活动「清洁」") and f"{tomorrow} {span}" in got, (typed, got)
    got = (await said(tg, SEC["id"], SEC, "/activity new 清洁 下周六9点-11点"))["plain_text"]
    assert got.startswith("✅ 已创建活动「清洁」") and "09:00–11:00" in got, got
    got = (await said(tg, SEC["id"], SEC, "/activity new 今天天气好 明天9点 2h"))["plain_text"]
    assert got.startswith("✅ 已创建活动「今天天气好」") and f"{tomorrow} 09:00–11:00" in got, got
