"""The night's small hours said with an evening word (bot/timeparse.py `_cn_period`): "今晚12点" is
midnight at the end of today, "晚上1点" one in the morning; they used to read as noon and 13:00 (a
broadcast "今晚12点" went out at the lunch peak, or was refused as past). And what a relative day
means when said after midnight, at 00:30 (kept as is: see the report of this change)."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.timeparse import parse_when

TZ = ZoneInfo("Asia/Shanghai")
MORNING = datetime(2026, 12, 4, 10, 0, tzinfo=TZ)  # a Friday
SMALL_HOURS = datetime(2026, 12, 4, 0, 30, tzinfo=TZ)


def _at(text: str, now: datetime) -> str:
    when = parse_when(text, now, TZ, bare_day=True)
    assert when.kind == "at" and when.at is not None, when
    return when.at.astimezone(TZ).strftime("%m-%d %H:%M")


@pytest.mark.parametrize("text, local", [
    ("今晚12点", "12-05 00:00"), ("今晚 12:30", "12-05 00:30"), ("晚上12点", "12-05 00:00"), ("半夜12点", "12-05 00:00"),
    ("今晚1点", "12-05 01:00"), ("晚上1点", "12-05 01:00"), ("夜里两点", "12-05 02:00"), ("tonight 12:30", "12-05 00:30"),
    ("明天晚上12点", "12-06 00:00"), ("周五晚上12点", "12-05 00:00"), ("12-05 晚上1点", "12-06 01:00"),
    # the evening's own hours are as before
    ("晚上8点", "12-04 20:00"), ("晚上11点半", "12-04 23:30"), ("晚上5点", "12-04 17:00"), ("下午1点", "12-04 13:00"),
    ("凌晨2点", "12-05 02:00"), ("中午12点", "12-04 12:00"),
    # in English too: an hour said after "tonight" with am, or 12 or a small hour alone, is the night's
    ("tonight 1am", "12-05 01:00"), ("tonight at 1 am", "12-05 01:00"), ("Tonight 1:30 a.m.", "12-05 01:30"),
    ("tonight 12am", "12-05 00:00"), ("tonight at 12", "12-05 00:00"), ("tonight 1", "12-05 01:00"),
    ("tonight 11pm", "12-04 23:00"), ("tonight 8", "12-04 20:00"), ("tonight 8:30", "12-04 20:30"),
    ("tomorrow night 1am", "12-06 01:00"), ("tomorrow evening 8", "12-05 20:00"), ("friday night 1am", "12-05 01:00"),
    ("tomorrow 1am", "12-05 01:00"),
])
def test_the_nights_small_hours(text: str, local: str) -> None:
    assert _at(text, MORNING) == local


def test_a_weekly_night_hour_is_the_next_days() -> None:
    """"每周五晚上12点": Saturday 00:00 every week; "每天晚上12点": 00:00 every day."""
    friday = parse_when("每周五晚上12点", MORNING, TZ)
    assert (friday.kind, friday.days, friday.hour, friday.minute) == ("cron", (5,), 0, 0)
    daily = parse_when("每天晚上12点", MORNING, TZ)
    assert (daily.days, daily.hour) == (tuple(range(7)), 0)


@pytest.mark.parametrize("text, local", [
    ("晚上1点", "12-04 01:00"),  # a bare time: the next such moment, in half an hour
    ("今晚", "12-04 21:00"),  # the coming evening of the same calendar day
    ("今晚12点", "12-05 00:00"),
    ("明天", "12-05 09:00"),  # the calendar's tomorrow, shown as a date in the preview before ✅
    ("明早", "12-05 09:00"),
    ("今天 9点", "12-04 09:00"),  # what to write for this morning
    ("tonight 1am", "12-05 01:00"),  # as 今晚1点
])
def test_said_at_half_past_midnight(text: str, local: str) -> None:
    assert _at(text, SMALL_HOURS) == local
