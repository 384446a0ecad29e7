"""An activity's time said as an English speaker types it, through the real bot on SQLite and
PostgreSQL. Sec B's '/activity new Clean-up tomorrow 9 am 2 hrs' and '… tomorrow 9-11am' were
answered 'Please give a start time such as 09:00 or 3pm…', '… tomorrow 9:00 for 2 hours' and
'… Saturday 9:00 to 11:00' 'Please give a length…'. Now 'am'/'pm' may stand apart from the hour,
'to'/'till' join two times as '-' does, a bare start takes the end's half of the day (9-11am,
2-4pm; 11-1pm from 11:00), and 'for', 'at', 'on' between the parts are passed over."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.conftest import SEC_B, said, two_branches, with_boss


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_english_times(bot, tg, db) -> None:
    await two_branches(tg)
    tomorrow = (datetime.now(bot.settings.tz).date() + timedelta(days=1)).strftime("%m-%d")
    for typed, span in (("tomorrow 9 am 2 hrs", "09:00–11:00"), ("tomorrow 9:00 for 2 hours", "09:00–11:00"),
                        ("tomorrow 9-11am", "09:00–11:00"), ("tomorrow 2-4pm", "14:00–16:00"),
                        ("tomorrow 11-1pm", "11:00–13:00"), ("tomorrow 9:00 to 11:00", "09:00–11:00"),
                        ("tomorrow at 9am for 2 hours", "09:00–11:00")):
        got = (await said(tg, SEC_B["id"], SEC_B, f"/activity new Clean-up {typed}"))["plain_text"]
        assert got.startswith("✅ Activity “Clean-up” created") and f"{tomorrow} {span}" in got, (typed, got)
    got = (await said(tg, SEC_B["id"], SEC_B, "/activity new Party for kids tomorrow 9:00 2h"))["plain_text"]
    assert got.startswith("✅ Activity “Party for kids” created"), got
