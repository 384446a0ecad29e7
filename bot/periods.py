"""Named periods of the calendar: the words people type for them, and where each starts and ends.

One table for every command that takes a period (/top's boards, /export's start): "这周", "上个月",
"last week" mean the same span wherever they are typed. A week starts on Monday (GB/T 7408, as
China's calendars print it).
"""
from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timedelta

from bot.numerals import ZH_DIGITS, chinese_int
from bot.typed import to_simplified, typed_key

# A calendar week (from Monday), month or year: the current one so far, or the last whole one.
# One rule: a period is a unit and how many of them back.
SPANS: dict[str, tuple[str, int]] = {"week": ("week", 0), "month": ("month", 0), "year": ("year", 0),
                                     "last-week": ("week", 1), "last-month": ("month", 1), "last-year": ("year", 1)}
# the words riders type for them, as they say them ("/top 这周", "/top 上个月", "/top last week")
PERIODS = {"month": "month", "m": "month", "月": "month", "本月": "month", "月榜": "month", "这个月": "month",
           "这月": "month", "当月": "month", "this month": "month", "monthly": "month",
           "week": "week", "w": "week", "周": "week", "本周": "week", "周榜": "week", "这周": "week",
           "本星期": "week", "这星期": "week", "这个星期": "week", "本礼拜": "week", "这礼拜": "week", "这个礼拜": "week", "这一周": "week",
           "this week": "week", "weekly": "week",
           "year": "year", "今年": "year", "本年": "year", "本年度": "year", "年榜": "year", "全年": "year",
           "this year": "year", "yearly": "year",
           "上周": "last-week", "上星期": "last-week", "上个星期": "last-week", "上礼拜": "last-week",
           "上个礼拜": "last-week", "上一周": "last-week", "上一个星期": "last-week", "上一个礼拜": "last-week", "last week": "last-week", "previous week": "last-week",
           "上月": "last-month", "上个月": "last-month", "上一个月": "last-month", "last month": "last-month",
           "previous month": "last-month",
           "去年": "last-year", "上一年": "last-year", "上年": "last-year", "last year": "last-year",
           "previous year": "last-year"}


def period_named(word: str) -> str | None:
    """The period (a SPANS key) a word names, as typed: `本周`, `Last  Week`, and in traditional
    characters as a Hong Kong or Taiwan phone types them (`本週`, `上個禮拜`, `這個月`: one table,
    bot.typed.typed_key); None for a word naming none."""
    return PERIODS.get(typed_key(word))


def span(period: str, now: datetime) -> tuple[datetime, datetime | None]:
    """Where `period` (a SPANS key) starts, and where it ends (None: it is the current one, so far),
    for `now` in local time."""
    unit, back = SPANS[period]
    day = now.replace(hour=0, minute=0, second=0, microsecond=0)
    if unit == "week":
        start = day - timedelta(days=day.weekday())
        return (start - timedelta(weeks=1), start) if back else (start, None)
    if unit == "month":
        start = day.replace(day=1)
        return ((start - timedelta(days=1)).replace(day=1), start) if back else (start, None)
    start = day.replace(month=1, day=1)
    return (start.replace(year=start.year - 1), start) if back else (start, None)


# A number of days as people type it after /needs or /stats lessons: 7, 7天, 7d, 7 days, 近7天, 最近 7 天,
# last 7 days, 2周, 2 weeks (a week is 7 days), 1个月, 1 month (a month is 30 days); width as the input
# method gives it (７天); the number in Chinese too, before its unit (一周, 最近一周, 两周, 十天, 近一个月).
_UNIT = r"天|日|d|days?|个?星期|个?礼拜|周|w|weeks?|个月|months?"
_DAYS = re.compile(rf"(?<!\w)(?:最近|近|过去|last|past)?\s*(?:(\d{{1,6}})\s*({_UNIT})?|([{ZH_DIGITS}十百]+)\s*({_UNIT}))(?!\w)",
                   re.IGNORECASE)
_WEEK_UNITS = ("周", "星期", "个星期", "礼拜", "个礼拜", "w", "week", "weeks")
_MONTH_UNITS = ("个月", "month", "months")


def split_days(text: str) -> tuple[int | None, list[str]]:
    """The number of days `text` says (its first such phrase), and its other words; None when it
    says none. A number too long to be a span (over 6 digits) is no number of days."""
    plain = to_simplified(unicodedata.normalize("NFKC", text))  # 一週 is 一周
    m = _DAYS.search(plain)
    if m is None:
        return None, plain.split()
    n, unit = (int(m[1]), m[2] or "") if m[1] else (chinese_int(m[3]), m[4])
    unit = unit.lower()
    days = n * 7 if unit in _WEEK_UNITS else n * 30 if unit in _MONTH_UNITS else n
    return days, (plain[:m.start()] + " " + plain[m.end():]).split()
