"""A number of days said with a Chinese numeral, as a secretary says it, through the real bot on
SQLite and PostgreSQL. 张书记's '/needs 最近一周' was answered '在你的范围内没有代码为“一周”的支部。'
(the span read as a branch), '/export cases 近一周' '没看懂“近一周”…', '/stats lessons 一周' with
its usage; now the one reader of a number of days (bot.periods.split_days) takes a Chinese numeral
before its unit (一周, 两周, 十天, 近一个月: a month is 30 days), for each of them."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.conftest import SEC, said, two_branches, with_boss


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_span_said_in_chinese_numerals(bot, tg, db) -> None:
    await two_branches(tg)
    got = (await said(tg, SEC["id"], SEC, "/needs 最近一周"))["plain_text"]
    assert got.startswith("📈 需求概览 · 朝阳支部 · 近 7 天"), got
    got = (await said(tg, SEC["id"], SEC, "/needs 近一个月"))["plain_text"]
    assert got.startswith("📈 需求概览 · 朝阳支部 · 近 30 天"), got
    got = (await said(tg, SEC["id"], SEC, "/stats lessons 两周"))["plain_text"]
    assert got.startswith("📊 微党课统计 · 近 14 天"), got
    got = (await said(tg, SEC["id"], SEC, "/export cases 近一周"))["plain_text"]
    since = (datetime.now(bot.settings.tz) - timedelta(days=7)).date().isoformat()
    assert got.startswith(f"📎 工单导出（{since} 起"), got
