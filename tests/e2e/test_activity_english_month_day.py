"""An activity's day said with an English month name, through the real bot on SQLite and PostgreSQL.
Sec B's '/activity new Clean-up Dec 5 9:00 2h' made an activity titled “Clean-up Dec 5”, today
(the month name taken for a word of the title, the day for nothing). Now a day said with a month
name (Dec 5, 5 Dec, December 5, Dec 5, 2027) is read as its day, by the one reading of such a day
(bot.timeparse.english_date, as /export reads it through read_day): without a year the next such
day, as 12月5日 is; a day no calendar has (Feb 30) is refused by name, and one gone by as past."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.conftest import SEC, SEC_B, said, two_branches, with_boss


MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
MONTH_ABBR = tuple(name[:3] for name in MONTH_NAMES)


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_month_name_is_the_day(bot, tg, db) -> None:
    await two_branches(tg)
    today = datetime.now(bot.settings.tz).date()
    ahead = today + timedelta(days=1)  # a day to come whatever today is: its month said by name
    mon, month, day = MONTH_ABBR[ahead.month - 1], MONTH_NAMES[ahead.month - 1], ahead.day
    for typed in (f"Clean-up {mon} {day} 9:00 2h", f"Clean-up {day} {mon} 9:00 2h", f"Clean-up {month} {day}th, 9:00, 2h",
                  f"Clean-up {mon} {day}, {ahead.year} 9:00 2h"):
        got = (await said(tg, SEC_B["id"], SEC_B, f"/activity new {typed}"))["plain_text"]
        assert got.startswith("✅ Activity “Clean-up” created"), (typed, got)
        assert f"{ahead.month:02d}-{ahead.day:02d}" in got or ahead.isoformat() in got, (typed, got)
    got = (await said(tg, SEC["id"], SEC, f"/activity new 社区清洁 {mon} {day} 9:00 2h"))["plain_text"]
    assert got.startswith("✅ 已创建活动「社区清洁」"), got
    got = (await said(tg, SEC_B["id"], SEC_B, "/activity new Clean-up Feb 30 9:00 2h"))["plain_text"]
    assert "Clean-up Feb" not in got and "feb" in got.lower() and not got.startswith("✅"), got
    got = (await said(tg, SEC_B["id"], SEC_B, f"/activity new Clean-up Jan 2, {today.year - 1} 9:00 2h"))["plain_text"]
    assert not got.startswith("✅"), got
