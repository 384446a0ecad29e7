"""Shift profiles: when a group's riders are busy, free, or asleep.

Lessons only work if they arrive when riders can read them (domain.md §4), so a
profile names the peak windows (never push), the quiet hours (never push) and
the off-peak windows (push here). All times are local minutes of the day; spans
are half-open ``[start, end)`` and may wrap midnight (``23:00-07:00``).

Secretaries edit profiles and plan days from chat, so the parsers accept both
English and Chinese (``"mon,wed,fri"``, ``"一三五"``, ``"高峰 10:30-13:30"``).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields, replace
from functools import lru_cache
from typing import Any, NamedTuple

MINUTES_PER_DAY = 1440


class LessonPlanError(ValueError):
    """Base for everything a secretary can get wrong about lesson timing. The message is for logs
    and the CLI; `why` (a reason code) and `params` are what a secretary is told, in their
    language (the lessons-bad-* messages of bot/locales select on `why`)."""

    def __init__(self, message: str, why: str = "other", **params: str) -> None:
        super().__init__(message)
        self.why, self.params = why, params


class NoValidWindowError(LessonPlanError):
    """The profile leaves no minute that is off-peak and outside peak/quiet hours."""


class ProfileParseError(LessonPlanError):
    """A shift-profile command could not be read."""


class WeekdayParseError(LessonPlanError):
    """A weekday list could not be read."""


class Span(NamedTuple):
    """Half-open local time span in minutes of the day; ``end <= start`` wraps midnight."""

    start: int
    end: int

    def minutes(self) -> range | list[int]:
        if self.start < self.end:
            return range(self.start, self.end)
        return [*range(self.start, MINUTES_PER_DAY), *range(0, self.end)]

    def contains(self, minute: int) -> bool:
        if self.start < self.end:
            return self.start <= minute < self.end
        return minute >= self.start or minute < self.end

    def __str__(self) -> str:
        return f"{fmt_minute(self.start)}-{fmt_minute(self.end)}"


def fmt_minute(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def _span(a: str, b: str) -> Span:
    return Span(_parse_time(a), _parse_time(b, allow_24=True))


@dataclass(frozen=True)
class ShiftProfile:
    """A group's working rhythm. Defaults follow the delivery peaks riders described.

    The morning window is derived from the meeting time (meeting + 15 min, for
    30 min) so a secretary only has to say when the meeting is.
    """

    peak: tuple[Span, ...] = (Span(630, 810), Span(990, 1200))
    offpeak: tuple[Span, ...] = (Span(840, 960), Span(1260, 1350))
    quiet: tuple[Span, ...] = (Span(1380, 420),)
    morning_meeting: int | None = 540
    meeting_gap: int = 15
    meeting_window: int = 30

    def __post_init__(self) -> None:
        for name in ("peak", "offpeak", "quiet"):  # accept plain (start, end) tuples
            object.__setattr__(self, name, tuple(Span(*s) for s in getattr(self, name)))
        for span in (*self.peak, *self.offpeak, *self.quiet):
            if not (0 <= span.start < MINUTES_PER_DAY and 0 < span.end <= MINUTES_PER_DAY):
                raise ProfileParseError(f"span out of range: {span!r}", "time", text=str(span))
            if span.start == span.end:
                raise ProfileParseError(f"empty span {span}", "empty-span", text=str(span))
        if self.morning_meeting is not None and not 0 <= self.morning_meeting < MINUTES_PER_DAY:
            raise ProfileParseError(f"meeting time out of range: {self.morning_meeting}", "meeting")
        if self.meeting_gap < 0 or self.meeting_window <= 0:
            raise ProfileParseError("meeting gap must be >= 0 and window > 0")

    def windows(self) -> tuple[Span, ...]:
        """Raw off-peak windows (meeting-derived first), before clipping."""
        spans = list(self.offpeak)
        if self.morning_meeting is not None:
            start = (self.morning_meeting + self.meeting_gap) % MINUTES_PER_DAY
            end = (start + self.meeting_window) % MINUTES_PER_DAY or MINUTES_PER_DAY
            spans.insert(0, Span(start, end))
        return tuple(spans)

    def allowed_minutes(self) -> tuple[int, ...]:
        """Sorted local minutes where a push may go; raises NoValidWindowError if none."""
        return _allowed_minutes(self)

    def effective_windows(self) -> tuple[Span, ...]:
        """Off-peak windows clipped by peak and quiet hours, as contiguous spans."""
        minutes = self.allowed_minutes()
        spans: list[Span] = []
        start = prev = minutes[0]
        for m in minutes[1:]:
            if m != prev + 1:
                spans.append(Span(start, prev + 1))
                start = m
            prev = m
        spans.append(Span(start, prev + 1))
        return tuple(spans)

    def is_allowed(self, minute: int) -> bool:
        """Independent check from the raw spans (used by verification, not planning)."""
        return (
            any(s.contains(minute) for s in self.windows())
            and not any(s.contains(minute) for s in self.peak)
            and not any(s.contains(minute) for s in self.quiet)
        )

    def to_dict(self) -> dict[str, object]:
        """Plain data for storage (JSON: spans become [start, end]); :meth:`from_dict` reads it back."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ShiftProfile:
        """The inverse of :meth:`to_dict` (read back from JSON, so untyped); fields it lacks keep their defaults."""
        return cls(**{f.name: data[f.name] for f in fields(cls) if f.name in data})

    def describe(self) -> str:
        """Shown to secretaries; round-trips through :func:`parse_profile` (default meeting gap/length)."""
        parts = [
            "peak " + (" ".join(map(str, self.peak)) or "none"),
            "offpeak " + (" ".join(map(str, self.offpeak)) or "none"),
            "quiet " + (" ".join(map(str, self.quiet)) or "none"),
            "meeting " + (fmt_minute(self.morning_meeting) if self.morning_meeting is not None else "none"),
        ]
        return "; ".join(parts)


DEFAULT_PROFILE = ShiftProfile()


@lru_cache(maxsize=1024)
def _allowed_minutes(profile: ShiftProfile) -> tuple[int, ...]:
    allowed = bytearray(MINUTES_PER_DAY)
    for span in profile.windows():
        for m in span.minutes():
            allowed[m] = 1
    for span in (*profile.peak, *profile.quiet):
        for m in span.minutes():
            allowed[m] = 0
    minutes = tuple(i for i, ok in enumerate(allowed) if ok)
    if not minutes:
        raise NoValidWindowError(
            "no push window left: every off-peak minute falls in a peak window or quiet hours "
            f"({profile.describe()})", "no-window"
        )
    return minutes


# --- parsing -----------------------------------------------------------------

_TIME = r"\d{1,2}[:：]\d{2}"
_DASH = r"\s*(?:-|–|—|~|～|至|到)\s*"
_SECTIONS = {
    "peak": ("peak", "高峰", "忙时"),
    "offpeak": ("off-peak", "offpeak", "off_peak", "windows", "window", "push", "错峰", "空闲", "低峰", "推送"),
    "quiet": ("quiet", "免打扰", "勿扰", "静默"),
    "meeting": ("meeting", "morning", "早会", "晨会", "例会"),
}
_KEYWORD_TO_SECTION = {kw: sec for sec, kws in _SECTIONS.items() for kw in kws}
_NONE_WORDS = ("none", "off", "无", "关", "不开")
_PROFILE_TOKEN = re.compile(
    rf"(?P<range>{_TIME}{_DASH}{_TIME})|(?P<time>{_TIME})"
    rf"|(?P<kw>{'|'.join(sorted(map(re.escape, _KEYWORD_TO_SECTION), key=len, reverse=True))})"
    rf"|(?P<none>{'|'.join(map(re.escape, _NONE_WORDS))})",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"[\s,，;；、=:：]+")


def _parse_time(text: str, *, allow_24: bool = False) -> int:
    h, m = re.split(r"[:：]", text.strip())
    hour, minute = int(h), int(m)
    if minute > 59 or hour > 24 or (hour == 24 and (minute or not allow_24)):
        raise ProfileParseError(f"not a time of day: {text!r}", "time", text=text.strip())
    return hour * 60 + minute


def parse_profile(text: str, base: ShiftProfile = DEFAULT_PROFILE) -> ShiftProfile:
    """Read a secretary's profile command, e.g. ``"高峰 10:30-13:30 16:30-20:00; 早会 08:30"``.

    Sections: ``peak``/高峰, ``offpeak``/错峰, ``quiet``/免打扰 take ranges (or
    ``none``); ``meeting``/早会 takes one time (or ``none``). Ranges before any
    keyword are off-peak windows. Unnamed sections keep ``base``'s value, except
    that giving off-peak windows without a meeting drops the meeting window, so
    the windows a secretary lists are exactly the ones used. Raises
    ProfileParseError, or NoValidWindowError if nothing is left to push in.
    """
    values: dict[str, list[Span | int | None]] = {}
    section = "offpeak"
    pos, text = 0, text.strip()
    if not text:
        raise ProfileParseError("empty profile", "empty")
    while pos < len(text):
        sep = _SEPARATORS.match(text, pos)
        if sep:
            pos = sep.end()
            continue
        tok = _PROFILE_TOKEN.match(text, pos)
        if not tok:
            raise ProfileParseError(f"cannot read {text[pos:pos + 12]!r}", "unreadable", text=text[pos:pos + 12])
        pos = tok.end()
        if tok["kw"]:
            section = _KEYWORD_TO_SECTION[tok["kw"].lower()]
            values.setdefault(section, [])
        elif tok["range"]:
            a, b = re.split(_DASH, tok["range"], maxsplit=1)
            values.setdefault(section, []).append(_span(a, b))
        elif tok["time"]:
            values.setdefault(section, []).append(_parse_time(tok["time"]))
        else:
            values.setdefault(section, []).append(None)
    changes: dict[str, Any] = {}  # ShiftProfile field -> new value
    for sec, items in values.items():
        if sec == "meeting":
            if len(items) != 1 or isinstance(items[0], Span):
                raise ProfileParseError("meeting takes one time, e.g. 'meeting 09:00', or 'none'", "meeting")
            changes["morning_meeting"] = items[0]
            continue
        if items == [None]:
            changes[sec] = ()
        elif items and all(isinstance(i, Span) for i in items):
            changes[sec] = tuple(items)
        else:
            raise ProfileParseError(f"{sec} takes ranges like 10:30-13:30, or 'none'", "ranges", section=sec)
    if "offpeak" in changes and "morning_meeting" not in changes:
        changes["morning_meeting"] = None
    profile = replace(base, **changes)
    profile.allowed_minutes()
    return profile


_WEEKDAY_WORDS = {
    **dict.fromkeys(("mon", "monday"), 0),
    **dict.fromkeys(("tue", "tues", "tuesday"), 1),
    **dict.fromkeys(("wed", "weds", "wednesday"), 2),
    **dict.fromkeys(("thu", "thur", "thurs", "thursday"), 3),
    **dict.fromkeys(("fri", "friday"), 4),
    **dict.fromkeys(("sat", "saturday"), 5),
    **dict.fromkeys(("sun", "sunday"), 6),
    **{str(i): i - 1 for i in range(1, 8)},  # ISO numbers, 7 = Sunday
    "一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "七": 6,
}
_WEEKDAY_PHRASES = (
    ("工作日", " mon-fri "), ("双休日", " sat,sun "), ("周末", " sat,sun "),
    ("每天", " mon-sun "), ("每日", " mon-sun "), ("天天", " mon-sun "),
    ("weekdays", " mon-fri "), ("workdays", " mon-fri "), ("weekends", " sat,sun "),
    ("weekend", " sat,sun "), ("every day", " mon-sun "), ("everyday", " mon-sun "),
    ("daily", " mon-sun "), ("星期", " "), ("礼拜", " "), ("周", " "),
)
_WEEKDAY_TOKEN = re.compile(r"(?P<word>[a-z]+|\d)|(?P<zh>[一二三四五六日天七])|(?P<dash>-|–|—|~|～|至|到)")
_WEEKDAY_SEP = re.compile(r"(?:[\s,，、;；/|.。和及]|and\b)+")


def parse_weekdays(text: str) -> tuple[int, ...]:
    """``"mon,wed,fri"`` / ``"一三五"`` / ``"周一,周三"`` / ``"mon-fri"`` → sorted weekdays, Monday = 0."""
    s = text.strip().lower()
    for phrase, repl in _WEEKDAY_PHRASES:
        s = s.replace(phrase, repl)
    days: set[int] = set()
    pending_range_start: int | None = None
    last: int | None = None
    pos = 0
    while pos < len(s):
        sep = _WEEKDAY_SEP.match(s, pos)
        if sep:
            pos = sep.end()
            continue
        tok = _WEEKDAY_TOKEN.match(s, pos)
        if not tok:
            raise WeekdayParseError(f"cannot read weekday at {text.strip()!r}", "unreadable", text=text.strip()[:24])
        pos = tok.end()
        if tok["dash"]:
            if last is None or pending_range_start is not None:
                raise WeekdayParseError(f"dangling range in {text!r}", "range")
            pending_range_start = last
            continue
        key = tok["word"] or tok["zh"]
        if key not in _WEEKDAY_WORDS:
            raise WeekdayParseError(f"unknown weekday {key!r} in {text!r}", "unknown", text=key)
        day = _WEEKDAY_WORDS[key]
        if pending_range_start is not None:
            d = pending_range_start
            while d != day:
                days.add(d)
                d = (d + 1) % 7
            pending_range_start = None
        days.add(day)
        last = day
    if pending_range_start is not None:
        raise WeekdayParseError(f"dangling range in {text!r}", "range")
    if not days:
        raise WeekdayParseError(f"no weekdays in {text!r}", "none")
    return tuple(sorted(days))


_WEEKDAY_NAMES_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_WEEKDAY_NAMES_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


def format_weekdays(days: tuple[int, ...] | list[int], lang: str = "en") -> str:
    """Weekdays as a reader says them ("周一、周三、周五", "Mon, Wed, Fri"), not the codes a command
    takes ("mon,wed,fri", which an English plan used to show)."""
    names = _WEEKDAY_NAMES_ZH if lang.startswith("zh") else _WEEKDAY_NAMES_EN
    return ("、" if lang.startswith("zh") else ", ").join(names[d] for d in sorted(set(days)))
