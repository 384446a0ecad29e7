"""A commitment's due date as the secretary writes it after `due=`: a date, with an optional time
(the end of that local day, 23:59, without one). Pure: the caller gives the local "now".

    due=2026-12-31   due=2026/12/31   due=12-31   due=12/31   due=12月31日   due=2026年12月31日
    due=明天  due=后天  due=今天  due=tomorrow  due=today
    … each optionally followed by a time, in the same word or the next: "2026-12-31 18:00",
    "12-31T18:00", "明天18:00", "tomorrow 6pm" is not read (24-hour HH:MM, or 18点 / 18点30)

A month-day without a year is the next such day (this year's, or next year's once it has passed).
The time never leaks into the owner: `commit 街道办 due=2026-12-31 18:00` is owner 街道办.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta

END_OF_DAY = time(23, 59)
_RELATIVE = {"今天": 0, "today": 0, "明天": 1, "明日": 1, "tomorrow": 1, "后天": 2}
_DATE = re.compile(r"^(?:(?P<y>\d{4})\s*[-/.年]\s*)?(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*[日号]?")
_TIME = re.compile(r"^(?P<h>\d{1,2})\s*(?::|点|时)\s*(?P<min>\d{1,2})?\s*分?$")


def _clean(s: str) -> str:
    return unicodedata.normalize("NFKC", s).strip().lower()


def read_time(s: str) -> time | None:
    """"18:00", "18点", "18点30分": a time of day; None when it is not one."""
    m = _TIME.match(_clean(s))
    if m is None:
        return None
    h, minute = int(m["h"]), int(m["min"] or 0)
    return time(h, minute) if h < 24 and minute < 60 else None


def _day(s: str, today: date) -> tuple[date, str] | None:
    """The date at the start of `s`, and what follows it."""
    for word, days in _RELATIVE.items():
        if s.startswith(word):
            return today + timedelta(days=days), s[len(word):]
    m = _DATE.match(s)
    if m is None:
        return None
    try:
        if m["y"]:
            return date(int(m["y"]), int(m["m"]), int(m["d"])), s[m.end():]
        day = date(today.year, int(m["m"]), int(m["d"]))
        if day < today:
            day = date(today.year + 1, day.month, day.day)
        return day, s[m.end():]
    except ValueError:
        return None


def parse_due(value: str, following: list[str], now: datetime) -> tuple[datetime, int] | None:
    """The due moment (in `now`'s time zone) from `value` (what follows `due=`) and, when `value`
    has no time of its own, the next word if it is one; with how many of `following` it used.
    None when `value` is no date."""
    found = _day(_clean(value), now.date())
    if found is None:
        return None
    day, rest = found
    rest = rest.lstrip("t ").strip()
    used = 0
    if rest:
        at = read_time(rest)
        if at is None:
            return None
    elif following and (at := read_time(following[0])) is not None:
        used = 1
    else:
        at = END_OF_DAY
    return datetime.combine(day, at, tzinfo=now.tzinfo), used


def shown(local: str) -> str:
    """A due moment as shown ("YYYY-MM-DD HH:MM" local): the date alone at the end of the day."""
    return local[:10] if local.endswith(END_OF_DAY.strftime("%H:%M")) else local
