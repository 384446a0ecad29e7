"""/export's start date with an English month name, through the real bot on SQLite and PostgreSQL.
Sec B's '/export cases Nov 1', '/export cases since Nov 1' and '/export cases 1 November' were
answered 'I didn't understand “Nov”…'; now the one day reader (bot.timeparse.read_day) reads a
month name (Nov, Nov., November) before or after the day, with or without a year (without: its
last such day up to today), for /export and every other reader of a day."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.conftest import SEC, SEC_B, said, two_branches, with_boss


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_month_name(bot, tg, db) -> None:
    await two_branches(tg)
    today = datetime.now(bot.settings.tz).date()
    nov1 = date(today.year if (today.month, today.day) >= (11, 1) else today.year - 1, 11, 1).isoformat()
    for typed in ("/export cases Nov 1", "/export cases since Nov 1", "/export cases 1 November csv"):
        got = (await said(tg, SEC_B["id"], SEC_B, typed))["plain_text"]
        assert got.startswith("📎") and nov1 in got, (typed, got)
    got = (await said(tg, SEC["id"], SEC, "/export cases November 1 2025"))["plain_text"]
    assert got.startswith("📎 工单导出（2025-11-01 起"), got
