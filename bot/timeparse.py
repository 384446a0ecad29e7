"""Time expressions as busy secretaries type them, in Chinese and English.

    现在 / now                       -> now
    明天 08:30, 后天 9点半, 明早8点, today 18:00, tonight 8:30, 8pm, 2026-12-01 09:00, 12-01 9:00,
    周五 18:00, 30分钟后, in 2 hours -> one moment (local time of the bot, returned in UTC)
    明天, 明早, 今晚, tomorrow        -> with bare_day (a send time): that day at BARE_DAY_AT /
                                        BARE_EVENING_AT (今晚 once that hour has passed: now);
                                        else "say the time of day"
    每天 20:00, 每周一 08:30, 每周一三五 8点, 每周一至周五 7:30, 工作日 8:00,
    every day 20:00, daily 8pm, every mon 08:30, every mon,wed 8:30, weekdays 7:30
                                     -> a weekly cron (days of week, hour, minute)

A bare time of day ("08:30", "晚上8点") means the next such moment. The night's small hours
said with an evening word ("今晚12点", "晚上1点", "夜里2点") are after midnight: the night after
the day they are said of (今晚12点 = 00:00 after today; 每周五晚上12点 = Saturdays 00:00), and so are
they in English after "tonight" or "<day> night" ("tonight 1am", "tonight at 12", "friday night 1am"). Full-width
digits and colons are accepted (NFKC). Errors carry a catalogue key.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Any

from bot.typed import typed_key
from bot.numerals import chinese_int

DOW = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # CronTrigger's day_of_week names


class WhenError(ValueError):
    """Not a time expression we understand; `key` is the message to show, `params` its variables."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params: dict[str, Any] = params


@dataclass(frozen=True, slots=True)
class When:
    kind: str  # now | at | cron
    at: datetime | None = None  # aware UTC, for "at"
    days: tuple[int, ...] = field(default=())  # 0 = Monday; all seven = every day (cron)
    hour: int = 0
    minute: int = 0

    def cron_fields(self) -> dict[str, Any]:
        """For `Jobs.cron(...)` (APScheduler CronTrigger fields)."""
        dow = "*" if len(self.days) == 7 else ",".join(DOW[d] for d in self.days)
        return {"day_of_week": dow, "hour": self.hour, "minute": self.minute}

    def as_dict(self) -> dict[str, object]:
        """A JSON-able form for storage and for rendering."""
        return {"kind": self.kind, "at": self.at.isoformat() if self.at else None,
                "days": list(self.days), "hour": self.hour, "minute": self.minute}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> When:
        """From `as_dict()`'s form (read back from JSON, so its values are untyped)."""
        at = datetime.fromisoformat(str(d["at"])) if d.get("at") else None
        return cls(str(d["kind"]), at, tuple(int(x) for x in d.get("days") or ()),
                   int(d.get("hour") or 0), int(d.get("minute") or 0))


NOW_WORDS = {"now", "现在", "立即", "立刻", "马上", "即刻", "immediately", "asap"}
ALL_DAYS = tuple(range(7))

_CN_DOW = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_EN_DOW = {name: i for i, names in enumerate((
    ("mon", "monday", "mondays"), ("tue", "tues", "tuesday", "tuesdays"),
    ("wed", "weds", "wednesday", "wednesdays"), ("thu", "thur", "thurs", "thursday", "thursdays"),
    ("fri", "friday", "fridays"), ("sat", "saturday", "saturdays"), ("sun", "sunday", "sundays")))
    for name in names}

_NUM = r"(?:\d{1,2}|[零〇一二两三四五六七八九十]{1,3})"
_HM = re.compile(r"^(\d{1,2}):(\d{2})\s*(am|pm|a\.m\.|p\.m\.)?$")
_H_AMPM = re.compile(r"^(\d{1,2})\s*(am|pm|a\.m\.|p\.m\.)$")
_PERIOD = r"(上午|早上|早晨|清晨|中午|下午|傍晚|晚上|夜里|夜间|半夜|深夜|凌晨)"
_NIGHT = ("晚上", "夜里", "夜间", "半夜", "深夜")  # evening words; with 12 or a small hour, after midnight
_NIGHT_LAST = 4  # "晚上4点" is still the night's; "晚上5点", dark in winter, the afternoon's 17:00
_CN_TIME = re.compile(rf"^{_PERIOD}?\s*({_NUM})\s*[点點时時](?:\s*(半|一刻|三刻|{_NUM})\s*分?)?$")
_CN_PERIOD_ONLY = re.compile(rf"^{_PERIOD}\s*(\d{{1,2}}):(\d{{2}})$")
_DATE_FULL = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$")
_DATE_SHORT = re.compile(r"^(\d{1,2})\s*[-/月]\s*(\d{1,2})\s*[日号]?$")
_IN = re.compile(r"^(?:in\s+)?(\d{1,4})\s*(分钟|分|min|mins|minute|minutes|小时|个小时|h|hr|hrs|hour|hours)\s*(?:后|以后|之后|later)?$")
_REL_DAYS = {"今天": 0, "今日": 0, "today": 0, "明天": 1, "明日": 1, "tomorrow": 1, "后天": 2}
# A send time given as a relative day alone ("/broadcast all 明天 …", parse_when(bare_day=True)):
# that day at an hour that fits riders' shifts (bot/lessons/shifts.py DEFAULT_PROFILE): a day in
# the morning, before the lunch peak; an evening after the dinner peak, at its off-peak window.
BARE_DAY_AT = (9, 0)
BARE_EVENING_AT = (21, 0)
# A deadline given as a day alone (a survey's `close=明天`, a vote's `close=周五`, parse_when(deadline=True)):
# the end of that day, stated in the confirmation, instead of asking for a time of day.
DAY_END = (23, 59)
BARE_DAYS = {"明天": (1, BARE_DAY_AT), "明日": (1, BARE_DAY_AT), "明早": (1, BARE_DAY_AT), "后天": (2, BARE_DAY_AT),
             "tomorrow": (1, BARE_DAY_AT), "day after tomorrow": (2, BARE_DAY_AT),
             "今晚": (0, BARE_EVENING_AT), "明晚": (1, BARE_EVENING_AT), "tonight": (0, BARE_EVENING_AT)}


# The dates anyone may ask for (a filter, an export's start, an Open311 window): a date outside is
# brought to the nearest end. Python's dates stop at years 1 and 9999, so a day added to 9999-12-31 or
# a time zone applied to 0001-01-01 overflowed into a bare 500; within these bounds every shift the
# code makes (a day, an offset, 90 days) stays representable, and no case is older or newer.
EARLIEST = date(1970, 1, 1)
LATEST = date(2999, 12, 31)


def clamp_day(day: date) -> date:
    """`day` within EARLIEST..LATEST (what "since year 1" or "until 9999" means: everything)."""
    return min(max(day, EARLIEST), LATEST)


def clamp_when(when: datetime) -> datetime:
    """`when`, or the bound it passes as an instant in UTC (EARLIEST's first or LATEST's last moment)
    when its wall-clock date is outside them: checked before any conversion, which is where an
    extreme date overflows; and in one zone, so that two clamped ends never come out reversed."""
    if when.date() < EARLIEST:
        return datetime.combine(EARLIEST, time.min, timezone.utc)
    if when.date() > LATEST:
        return datetime.combine(LATEST, time.max, timezone.utc)
    return when


# English month names as typed: Nov, Nov., November, Sept
MONTHS = {name: n for n, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"),
     ("nov", "november"), ("dec", "december")), start=1) for name in names}
_DATE_EN = re.compile(r"(?:(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?|([a-z]+)\.?\s*(\d{1,2})(?:st|nd|rd|th)?)"
                      r"(?:\s*,?\s*(\d{4}))?(?![\w:])")


def english_date(text: str) -> tuple[int | None, int, int, int] | None:
    """The day an English month name says at the start of `text` (lower case, half width): Nov 1,
    Nov. 1st, 1 November, November 1, 2026, Dec 5 2026; as (year or None, month, day, where it ends).
    None when `text` starts with none (`9 am`, `sat 9:00`: no month name). The one reading of such a
    day, for a date typed (read_day) and a day said before a time (_day_word)."""
    m = _DATE_EN.match(text)
    if m is None or (month := MONTHS.get(m[2] or m[3])) is None:
        return None
    return (int(m[5]) if m[5] else None), month, int(m[1] or m[4]), m.end()


def read_day(text: str, today: date | None = None) -> date | None:
    """A calendar day as people type it into a date field or a URL: ISO (2026-12-01), with slashes,
    dots or 年月日 (2026/12/1, 2026年12月1日), with an English month name (Nov 1, 1 November,
    November 1, 2026), in full-width digits too; within EARLIEST..LATEST (clamp_day). A day without
    its year (Nov 1, 11-01, 11/1, 11.1, 11月1日), given `today`, is its last such day on or before today. None when it is no day
    at all (2026-13-01, 'yesterday')."""
    plain = typed_key(text or "")  # full width, traditional characters (2026年11月1號), as every typed word
    try:
        if (found := _DATE_FULL.match(plain)) is not None:
            return clamp_day(date(*(int(g) for g in found.groups())))
        if today is not None and (short := _DATE_SHORT.match(re.sub(r"^(\d{1,2})\.(\d{1,2})$", r"\1-\2", plain))):
            month, day_of = int(short[1]), int(short[2])  # 11-01, 11/1, 11.1, 11月1日: the last such day
            found_day = date(today.year, month, day_of)
            return found_day if found_day <= today else date(today.year - 1, month, day_of)
        named = english_date(plain)
        if named is None or named[3] != len(plain):
            return None
        year, month, day, _ = named
        if year is None and today is None:
            return None
        if year is not None:
            return clamp_day(date(year, month, day))
        assert today is not None
        found_day = date(today.year, month, day)
        return clamp_day(found_day if found_day <= today else date(today.year - 1, month, day))
    except ValueError:
        return None


def normalize(text: str) -> str:
    """A typed word as the word tables are keyed (bot.typed.typed_key: full width to half
    width, lower case, single spaces, traditional characters to simplified: `下週六`, `結果`), and
    Chinese commas to ASCII."""
    return typed_key(text.replace("、", ","))


def is_bare_day(text: str) -> bool:
    """Whether `text` is a relative day word alone (明天, 今晚, tomorrow…): no time of day."""
    return normalize(text) in BARE_DAYS


def parse_when(text: str, now: datetime, tz: tzinfo, bare_day: bool = False, deadline: bool = False) -> When:
    """Parse `text` relative to `now` (aware). One-off moments must lie in the future.
    `bare_day`: a relative day word alone (BARE_DAYS) is that day at its default hour (a send
    time; 今晚/tonight said after its hour is now: the evening is still on); `deadline`: any day said
    alone (明天, 今晚, 周五, 12月8日) is the end of that day (DAY_END); else it asks for a time
    of day. A time of day today that has passed ("今晚 20:00" at 22:00) is `when-err-past-today`,
    with what was said, the time now and the time of day to write after 明天 instead."""
    s = normalize(text)
    if not s:
        raise WhenError("when-err-empty")
    if s in NOW_WORDS:
        return When("now")
    local_now = now.astimezone(tz)
    if bare_day and s in BARE_DAYS:
        offset, default = BARE_DAYS[s]
        at = at_local(local_now.date() + timedelta(days=offset), default, tz)
        if at <= local_now:  # only today's evening can have passed: it is still this evening, so at once
            return When("now")
        return When("at", at=at.astimezone(timezone.utc))
    recurring = _recurring(s)
    if recurring is not None:
        days, rest = recurring
        hm = time_of_day(rest)
        if hm is None:
            raise WhenError("when-err-need-time")
        if hm[0] >= 24:  # "每周五晚上12点": the night after Friday, Saturday 00:00
            days = tuple(sorted({(d + 1) % 7 for d in days}))
        return When("cron", days=days, hour=hm[0] % 24, minute=hm[1])
    m = _IN.match(s)
    if m:
        n, unit = int(m.group(1)), m.group(2)
        minutes = n if unit in ("分钟", "分", "min", "mins", "minute", "minutes") else n * 60
        if minutes <= 0:
            raise WhenError("when-err-past")
        return When("at", at=(now + timedelta(minutes=minutes)).astimezone(timezone.utc))
    day, rest, roll = _day(s, local_now)
    hm = time_of_day(rest)
    if hm is None and deadline and day is not None and rest in ("", "晚上"):
        hm, roll = DAY_END, 0  # "close=明天": until the day is over
    if hm is None:
        raise WhenError("when-err-need-time" if day is not None else "when-err-unknown")
    if day is None:  # a bare time of day: the next such moment ("晚上1点" at 00:30: in half an hour)
        day, roll, hm = local_now.date(), 1, (hm[0] % 24, hm[1])
    at = at_local(day, hm, tz)
    if at <= local_now and roll:  # "周三 9:00" said on Wednesday afternoon: next week's
        at = at_local(day + timedelta(days=roll), hm, tz)
    if at <= local_now and day == local_now.date():  # "今晚 20:00" at 22:00: say so, and what to write
        raise WhenError("when-err-past-today", said=text.strip(), now=f"{local_now:%H:%M}",
                        time=f"{hm[0] % 24:02d}:{hm[1]:02d}")
    if at <= local_now:
        raise WhenError("when-err-past")
    return When("at", at=at.astimezone(timezone.utc))


def at_local(day: date, hm: tuple[int, int], tz: tzinfo | None) -> datetime:
    """`day` at `hm`; an hour from 24 on is the night after `day` (`_cn_period`: 今晚12点, 周五晚上1点)."""
    later, hour = divmod(hm[0], 24)
    return datetime.combine(day + timedelta(days=later), time(hour, hm[1]), tzinfo=tz)


def _recurring(s: str) -> tuple[tuple[int, ...], str] | None:
    """(days, rest) for every-day / every-week expressions, else None."""
    for prefix in ("每天", "每日", "天天", "every day", "everyday", "daily", "each day"):
        if s.startswith(prefix):
            return ALL_DAYS, s[len(prefix):].strip()
    for prefix in ("每个工作日", "每工作日", "工作日", "every weekday", "weekdays", "workdays"):
        if s.startswith(prefix):
            return (0, 1, 2, 3, 4), s[len(prefix):].strip()
    for prefix in ("每周末", "周末", "every weekend", "weekends"):
        if s.startswith(prefix):
            return (5, 6), s[len(prefix):].strip()
    m = re.match(r"^(?:每个?(?:周|星期|礼拜))\s*", s)
    if m:
        return _cn_days(s[m.end():])
    m = re.match(r"^(?:every|each)\s+", s)
    if m:
        return _en_days(s[m.end():])
    return None


_CN_DAY = r"(?:周|星期|礼拜)?[一二三四五六日天]"
_CN_DAYS = re.compile(rf"^{_CN_DAY}(?:\s*(?:,|和|及|至|到|~|-)?\s*{_CN_DAY})*")


def _cn_days(s: str) -> tuple[tuple[int, ...], str]:
    """'一三五 8点', '一至五 7:30', '一,周三 08:30' -> days and the rest."""
    m = _CN_DAYS.match(s)
    if not m:
        raise WhenError("when-err-need-day")
    days: list[int] = []
    ranged = False
    for token in re.findall(r"[一二三四五六日天]|至|到|~|-", m.group(0)):
        if token in ("至", "到", "~", "-"):
            ranged = bool(days)
            continue
        d = _CN_DOW[token]
        days.extend(range(days[-1] + 1, d + 1) if ranged else [d])
        ranged = False
    return tuple(sorted(set(days))), s[m.end():].strip()


def _en_days(s: str) -> tuple[tuple[int, ...], str]:
    """'mon,wed 8:30', 'monday and friday 8am', 'mon-fri 7:30' -> days and the rest."""
    days: list[int] = []
    words = re.split(r"(\s*(?:,|&|\band\b|-|\bto\b)\s*|\s+)", s)
    rest_at = len(words)
    pending_range = False
    for idx, word in enumerate(words):
        w = word.strip()
        if not w or w in (",", "&", "and"):
            continue
        if w in ("-", "to"):
            pending_range = True
            continue
        if w in _EN_DOW:
            d = _EN_DOW[w]
            if pending_range and days:
                days.extend(range(days[-1] + 1, d + 1))
            else:
                days.append(d)
            pending_range = False
            continue
        rest_at = idx
        break
    if not days:
        raise WhenError("when-err-need-day")
    return tuple(sorted(set(days))), "".join(words[rest_at:]).strip()


def _day(s: str, local_now: datetime) -> tuple[date | None, str, int]:
    """A leading day (relative word, date, or next weekday), the rest of the text, and how
    many days later the same words mean if that moment has passed today (0: none). A day followed
    by "night" or "evening" ("tomorrow night 1am", "friday evening 8") is read as "tonight" is."""
    day, rest, roll = _day_word(s, local_now)
    evening = re.match(r"^(?:at\s+)?(?:night|evening)\b", rest)
    if day is not None and evening:
        return (*_evening(day, rest[evening.end():]), roll)
    return day, rest, roll


def _evening(day: date, rest: str) -> tuple[date, str]:
    """The day and time of day said after an evening word ("tonight", "friday night"), as 晚上 reads
    them (`_cn_period`): 8 or 8:30 the evening's, 12 and the small hours the night after `day`; an
    hour said with am is the night's too, so the next day's ("tonight 1am" = 01:00 after today, as
    今晚1点); one with pm as said."""
    rest = re.sub(r"^(?:at|@)\s*", "", rest.strip())
    if re.search(r"(?:am|a\.m\.)$", rest):
        return day + timedelta(days=1), rest
    if re.search(r"(?:pm|p\.m\.)$", rest):
        return day, rest
    return day, "晚上" + (rest + "点" if re.fullmatch(r"\d{1,2}", rest) else rest)


def _day_word(s: str, local_now: datetime) -> tuple[date | None, str, int]:
    """`_day` without what follows an evening word."""
    today = local_now.date()
    s = re.sub(r"^(?:at|on)\s+", "", s)
    for word, offset in sorted(_REL_DAYS.items(), key=lambda kv: -len(kv[0])):
        if s.startswith(word):
            return today + timedelta(days=offset), s[len(word):].strip(), 0
    if s.startswith("day after tomorrow"):
        return today + timedelta(days=2), s[len("day after tomorrow"):].strip(), 0
    if s.startswith("今晚"):  # 今晚8点 = today 20:00
        return today, "晚上" + s[len("今晚"):].strip(), 0
    if s.startswith("明晚"):
        return today + timedelta(days=1), "晚上" + s[len("明晚"):].strip(), 0
    if s.startswith("明早"):  # 明早8点 = tomorrow 08:00
        return today + timedelta(days=1), "早上" + s[len("明早"):].strip(), 0
    if re.match(r"^tonight\b", s):  # tonight 8:30 = today 20:30; tonight 1am = the night after today
        return (*_evening(today, s[len("tonight"):]), 0)
    head, _, tail = s.partition(" ")
    head, tail = _split_iso(head, tail)
    for pattern, full in ((_DATE_FULL, True), (_DATE_SHORT, False)):
        m = pattern.match(head) or _date_prefix(pattern, s)
        if m:
            rest = tail if pattern.match(head) else s[m.end():].strip()
            try:
                if full:
                    return date(int(m.group(1)), int(m.group(2)), int(m.group(3))), rest, 0
                day = date(today.year, int(m.group(1)), int(m.group(2)))
            except ValueError:
                raise WhenError("when-err-bad-date") from None
            return (day if day >= today else day.replace(year=today.year + 1)), rest, 0
    if (named := english_date(s)) is not None:  # dec 5 9:00, 5 december 2026 9:00: the next such day
        year, month, day_of, end = named
        try:
            day = date(year or today.year, month, day_of)
            if year is None and day < today:
                day = day.replace(year=today.year + 1)
        except ValueError:
            raise WhenError("when-err-bad-date") from None
        return day, s[end:].lstrip(" ,;"), 0
    m = re.match(r"^(下个?|本|这个?)?(?:周|星期|礼拜)([一二三四五六日天])\s*", s)
    if m:
        return _next_weekday(today, _CN_DOW[m.group(2)], m.group(1) in ("下", "下个")), s[m.end():].strip(), 7
    m = re.match(r"^(next\s+)?([a-z]+)\b\s*", s)
    if m and m.group(2) in _EN_DOW:
        return _next_weekday(today, _EN_DOW[m.group(2)], bool(m.group(1))), s[m.end():].strip(), 7
    return None, s, 0


def day_named(word: str, today: date, *, short_names: bool = True) -> date | None:
    """A day said alone, as before a time of day (`_day_word`): 今天, 明天, 后天, today, tomorrow; 2026-12-05,
    2026年12月5日, 12-05, 12.5, 12月5日 (the next such day); 周六, 星期六, 礼拜六, 本周六 (the next one, today
    included), 下周六 (next week's); saturday. `short_names` False leaves sat, sun, wed… out (an
    activity's title may hold them). None when `word` is no day, or says more than one; raises
    WhenError("when-err-bad-date") for a date no calendar has (2026-02-30)."""
    s = re.sub(r"^(\d{1,2})\.(\d{1,2})$", r"\1-\2", normalize(word))  # 12.5 alone in a day's place
    if not short_names and re.sub(r"^(?:at|on)\s+", "", s) in _EN_DOW and not s.endswith("day"):
        return None
    day, rest, _ = _day_word(s, datetime.combine(today, time()))
    return day if not rest else None


def day_then(word: str, today: date) -> tuple[date, str] | None:
    """A day said flush against what follows it, as `_day_word` reads one before a time of day
    (明天上午9点, 周六9点, 12月6日9:00, 明晚8点): the day and the rest (上午9点, 9点, 9:00, 晚上8点); None
    when `word` starts with no day, or is a day alone. Raises WhenError for a date no calendar has."""
    day, rest, _ = _day_word(normalize(word), datetime.combine(today, time()))
    return (day, rest) if day is not None and rest else None


def _split_iso(head: str, tail: str) -> tuple[str, str]:
    """'2026-12-01t09:00' -> ('2026-12-01', '09:00 ...')."""
    if "t" in head and re.match(r"^\d{4}-\d{1,2}-\d{1,2}t", head):
        d, _, t = head.partition("t")
        return d, (t + " " + tail).strip()
    return head, tail


def _date_prefix(pattern: re.Pattern[str], s: str) -> re.Match[str] | None:
    """A date written flush against the time ('12月1日9点')."""
    if "月" not in s and "年" not in s:
        return None
    return re.match(pattern.pattern.rstrip("$"), s)


def _next_weekday(today: date, dow: int, next_week: bool) -> date:
    ahead = (dow - today.weekday()) % 7
    if next_week:
        ahead += 7 if ahead == 0 or dow >= today.weekday() else 0
    return today + timedelta(days=ahead)


def time_of_day(s: str) -> tuple[int, int] | None:
    """A time of day as typed (09:00, 9:30am, 3pm, 9点, 九点半, 下午3点, 晚上8点一刻) -> (hour, minute),
    the hour from 24 on for the night's small hours said with an evening word (晚上1点: `at_local`);
    None when it is none. Raises WhenError for a time no clock shows (25:00, 13pm)."""
    s = s.strip()
    if not s:
        return None
    s = re.sub(r"^(?:at|@)\s*", "", s)
    m = _HM.match(s)
    if m:
        return _checked(int(m.group(1)), int(m.group(2)), m.group(3))
    m = _H_AMPM.match(s)
    if m:
        return _checked(int(m.group(1)), 0, m.group(2))
    m = _CN_PERIOD_ONLY.match(s)
    if m:
        return _in_period(m.group(1), int(m.group(2)), int(m.group(3)))
    m = _CN_TIME.match(s)
    if m:
        hour = chinese_int(m.group(2))
        minute_text = m.group(3)
        minute = {"半": 30, "一刻": 15, "三刻": 45, None: 0}.get(minute_text)
        if minute is None:
            minute = chinese_int(minute_text or "0")
        return _in_period(m.group(1), hour, minute)
    return None


def _in_period(period: str | None, hour: int, minute: int) -> tuple[int, int]:
    """A clock time said with its part of the day ("晚上8点", "凌晨2点"), checked as said."""
    hour, minute = _checked(hour, minute, None)
    return _cn_period(period, hour), minute


def _cn_period(period: str | None, hour: int) -> int:
    """The hour that a part of the day and a clock hour mean. The night's small hours said with an
    evening word ("晚上12点", "夜里1点", "半夜2点") are after midnight, not noon nor the afternoon: an
    hour from 24 on, the night after the day they are said of (`_local`)."""
    if period in _NIGHT and (hour == 12 or hour <= _NIGHT_LAST):
        return hour % 12 + 24
    if period in ("下午", "傍晚", *_NIGHT) and hour < 12:
        return hour + 12
    if period == "中午" and hour < 6:
        return hour + 12
    if period == "凌晨" and hour == 12:
        return 0
    return hour


def _checked(hour: int, minute: int, ampm: str | None) -> tuple[int, int]:
    if ampm:
        if not 1 <= hour <= 12:
            raise WhenError("when-err-bad-time")
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise WhenError("when-err-bad-time")
    return hour, minute


def next_fire(when: When, now: datetime, tz: tzinfo) -> datetime | None:
    """The next moment `when` fires after `now` (aware UTC), without asking the scheduler."""
    if when.kind == "at":
        return when.at if when.at and when.at > now else None
    if when.kind != "cron":
        return None
    local_now = now.astimezone(tz)
    for ahead in range(8):
        day = local_now.date() + timedelta(days=ahead)
        at = at_local(day, (when.hour, when.minute), tz)
        if day.weekday() in when.days and at > local_now:
            return at.astimezone(timezone.utc)
    return None


# --- the time that leads a text (a broadcast's send time, a survey's close) ---------------
MAX_WHEN_WORDS = 4  # "every mon , wed 8:30"
# errors that say a time was clearly meant ("2020-01-01 08:00", "25:00", "今晚 20:00" at 22:00): a
# shorter reading of the same words never hides them
STRICT_WHEN_ERRORS = {"when-err-past", "when-err-past-today", "when-err-bad-time", "when-err-bad-date"}


def longest_when(words: list[str], now: datetime, tz: tzinfo, first: str | None = None,
                 bare_day: bool = False, deadline: bool = False) -> tuple[When, int] | None:
    """The longest run of leading `words` (after `first`, a key's value) that is a time expression:
    (when, words used), or None. `bare_day`: a send time, where a relative day alone ("明天",
    "tonight") is that day at its default hour (BARE_DAYS), unless the words after it were clearly
    a time that is wrong ("今晚 20:00" passed, "明天 25:00"); `deadline`: a day alone is its end
    (parse_when). A strict error is raised when nothing reads."""
    head = [first] if first is not None else []
    strict: WhenError | None = None
    for n in range(min(MAX_WHEN_WORDS, len(words)), -1 if head else 0, -1):
        text = " ".join(head + words[:n])
        try:
            when = parse_when(text, now, tz, bare_day, deadline)
        except WhenError as e:
            strict = strict or (e if e.key in STRICT_WHEN_ERRORS else None)
            continue
        if strict is not None and bare_day and is_bare_day(text):
            break  # "when=今晚 20:00" at 22:00: the time that passed, not 今晚 at its default hour
        return when, n
    if strict is not None:  # clearly meant as a time ("2020-01-01 08:00", "25:00"): say what is wrong
        raise strict
    return None


# What sets a send time's words apart: a space, or the comma or semicolon a Chinese input method types
# after a day (`明天，8点 开会`, `每周一，08：30 例会`, `明天 8:30，开会`); an ASCII comma stays a word's
# own (`every mon,wed 08:30`).
_TIME_WORD = re.compile(r"[^\s，；]+")


def time_words(text: str) -> list[tuple[int, str]]:
    """The words of `text` as the send-time readers take them, each with where it starts."""
    return [(m.start(), m.group()) for m in _TIME_WORD.finditer(text)]


def send_time(text: str, now: datetime, tz: tzinfo, key: str | None = None) -> tuple[When, int] | None:
    """The send time that leads `text`, and how many of its words it takes; None when the text does
    not open with one (it is the message itself). One reading — a day word, then perhaps a time:

    - the longest run of words that is a time expression ("明天 08:30", "每周一 8点", "30分钟后");
    - else a relative day alone (BARE_DAYS: "明天", "今晚", "day after tomorrow") that stands as the
      time: after `key` (`when=明天`, its value, normalized) always; leading the text, when set apart
      — Chinese runs on without spaces, so "明天 你好" stands apart while "明天起建国路封路" is the
      text; English always has spaces, so "tomorrow" stands apart only at the end of its line
      ("Tomorrow the road is closed" is the text) — that day at its default hour;
    - a day word, or a text, followed by a time of day that does not parse ("明天 8点半半 开会",
      "每周八 08:30"): the time was mistyped, never this day at its default hour nor a text sent now.

    Raises WhenError: what is wrong with a time clearly meant (STRICT_WHEN_ERRORS), "when-err-mistyped"
    (`said`: the words that look like a time) and, after `key`, why its value does not read."""
    tokens = time_words(text)
    words = [w for _, w in tokens]
    if key is None:
        apart = [(m.start(), m.group()) for m in re.finditer(r"\S+", text)]  # `明天，大家…` runs on: a text
        found = longest_when(words, now, tz, bare_day=_stands_apart(text, apart))
        if found is None and (said := mistyped_when(text)) is not None:
            raise WhenError("when-err-mistyped", said=said)  # "每周八 08:30 …": never sent now as the text
        return found
    found = longest_when(words, now, tz, key, bare_day=True)
    if found is None:
        parse_when(key, now, tz)  # raises the precise reason
        raise WhenError("when-err-unknown")
    if found[1] == 0 and is_bare_day(key) and words:
        said = mistyped_when(key + " " + text)
        if said is not None:  # "when=明天 8点半半 …": the time that follows is unreadable
            raise WhenError("when-err-mistyped", said=said)
    return found


def _stands_apart(text: str, tokens: list[tuple[int, str]]) -> bool:
    """Whether `text` (its `tokens`) opens with a relative day alone that is the send time rather than
    the text's first words (see `send_time`)."""
    used = next((n for n in (3, 2, 1) if len(tokens) >= n and is_bare_day(" ".join(w for _, w in tokens[:n]))), 0)
    if not used or mistyped_when(text) is not None:
        return False
    end = tokens[used - 1][0] + len(tokens[used - 1][1])
    if tokens[0][1][:1].isascii():
        return text[end:].split("\n", 1)[0].strip() == ""
    return True


# --- a schedule that was meant but does not parse ---------------------------------------
# `/broadcast all 每周八 08:30 …` must not become an immediate broadcast of the words "每周八 08:30 …":
# a text that opens like a time expression and is none says so. Narrow on purpose, so that a notice
# that merely starts with a day word ("明天起建国路封路", "Every rider must …", "每周五晚上有例会") is
# still a text: a day or recurrence word counts only with a time of day right after it, or when the
# day itself is impossible (周九, 每周八, 星期十).
_TIMEISH = (rf"(?:{_PERIOD}\s*)?(?:\d{{1,2}}\s*[:：]\s*\d|\d{{1,2}}\s*(?:am|pm|a\.m\.|p\.m\.)(?![a-z])"
            rf"|{_NUM}\s*[点點时時](?=$|\s|半|一刻|三刻|整|分|[\d零〇一二两三四五六七八九十]))")
_LEAD = (r"(?:每个?(?:周|星期|礼拜)\S{0,8}?|每天|每日|天天|每个?工作日|工作日|每周末|周末"
         r"|今天|今日|明天|明日|大?后天|今晚|明晚|明早|(?:下个?|本|这个?)?(?:周|星期|礼拜)\S"
         r"|\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?|\d{1,2}\s*[月/-]\s*\d{1,2}\s*[日号]?"
         r"|(?:every|each)\s+\S+(?:\s*,\s*\S+){0,6}|daily|everyday|weekdays|weekends"
         r"|tomorrow|today|tonight|day after tomorrow|(?:next\s+)?[a-z]{3,9})")
_AT_HOUR = r"(?:at\s+|@\s*)\d{1,2}(?![\d:：.])(?!\s*(?:am|pm|a\.m\.|p\.m\.|o'?clock))"  # `at 8`: morning or evening?
_MISTYPED = re.compile(
    rf"^(?:{_LEAD}\s*(?:at\s+|@\s*|的\s*)?{_TIMEISH}|{_LEAD}\s+{_AT_HOUR}"
    r"|(?:每个?|下个?|本|这个?)?(?:周|星期|礼拜)[七八九十零〇\d]"
    rf"|(?:at\s+|@\s*)?{_TIMEISH})")


def mistyped_when(text: str) -> str | None:
    """The opening words of `text` when they look like a time expression (a day or recurrence
    followed by a time of day, an impossible weekday, a bare time of day), else None. Whether it
    parses is the caller's question: this only says that a time was meant."""
    s = normalize(text)
    m = _MISTYPED.match(s)
    if m is None:
        return None
    if m.group(0)[:1].isalpha() and m.group(0)[:1].isascii():  # an English lead: a real day or time word
        lead = m.group(0).split()[0].rstrip(",")
        if lead not in _EN_LEADS and lead not in _EN_DOW and not lead.startswith("next"):
            return None
    words = text.split()
    used = len(m.group(0).split())
    return " ".join(words[:max(used, 1)])


_EN_LEADS = {"every", "each", "daily", "everyday", "weekdays", "weekends", "tomorrow", "today", "tonight",
             "day", "at"}
