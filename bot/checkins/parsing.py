"""What riders and secretaries type, parsed; and the small arithmetic of codes, hours and streaks.

Pure on purpose: no database, no clock (times come in as arguments), no Telegram.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.checkins.errors import CheckinError
from bot.numerals import chinese_int
from bot.timeparse import WhenError, at_local, day_named, day_then, time_of_day
from bot.typed import typed_key

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, no 1/I
CODE_LEN = 5
MIN_RADIUS_M, MAX_RADIUS_M = 30, 5000
MAX_DURATION = timedelta(hours=24)


@dataclass(frozen=True, slots=True)
class ActivitySpec:
    title: str
    starts_at: datetime  # aware, local zone
    ends_at: datetime
    radius_m: int | None


_QUOTES = {'"': '"', "“": "”", "”": "”", "「": "」", "『": "』", "《": "》", "'": "'", "‘": "’"}
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?:-(\d{1,2}):(\d{2}))?$")
_TIME_RANGE = re.compile(r"(\d{1,2}[:：]\d{2}(?:\s*[ap]m)?)(?:\s*[-–—~～到至]\s*|\s+(?:to|till|until)\s+)"
                         r"(\d{1,2}[:：]\d{2})", re.I)
_DURATION = re.compile(r"^(?:(\d+(?:\.\d+)?)(?:h|hr|hrs|hour|hours|小时|个小时))?"
                       r"(?:(\d+)(?:m|min|mins|minutes|分钟|分))?$")
_RADIUS = re.compile(r"^(\d+(?:\.\d+)?)(m|米|km|公里|千米)$")
_HOURS = re.compile(r"^(\d+(?:\.\d+)?)(?:h|hr|hrs|hours?|小时|个小时)?$")
_HOURS_HM = re.compile(r"^(\d+):(\d{2})$")
_CN_COUNT = re.compile(r"^([一两二三四五六七八九十]{1,3})(?=个|小时|钟头)")  # 两小时, 一个半小时, 十二小时
_CN_COUNT_ANY = re.compile(r"^([零〇一两二三四五六七八九十百千]{1,6})(?=米|公里|千米)")  # 五百米, 一公里
# an amount in words and minutes: 90分钟, 90min, 半小时, 1个半小时, 2小时30分钟, 2h30m
_HOURS_WORDS = re.compile(r"^(?:(\d+(?:\.\d+)?)(?:个)?(?:h|hr|hrs|hours?|小时|钟头)?)??(半(?:个)?(?:小时|钟头))?"
                          r"(?:(\d+)(?:m|min|mins|minutes?|分钟|分))?$")


def norm_text(text: str) -> str:
    """Full-width folded (NFKC) and stripped."""
    return unicodedata.normalize("NFKC", text).strip()


def normalize_code(text: str | None) -> str:
    """What a rider typed as a code: full-width, lower case, spaces, dashes and any punctuation an
    input method put around it (`Q5KN8。`, `“Q5KN8”`) forgiven: a code is letters and digits only."""
    return re.sub(r"[\W_]", "", norm_text(text or "")).upper()


# Between a code and what follows it (`/hours Q5KN8，2.5`): a space, or the punctuation a Chinese
# input method types there. Not `:` alone after a digit: `1:30` is an amount.
_AFTER_CODE = re.compile(r"^\s*([^\s,，、;；:：。]+)[\s,，、;；:：。]*(.*)$", re.S)


def split_code(text: str) -> tuple[str, str]:
    """`CODE rest` as typed, the code cut at the first space or punctuation mark: ("Q5KN8", "2.5")
    from `Q5KN8，2.5`, `Q5KN8：2.5` or `Q5KN8 2.5`, and from `Q5KN82.5` (a code is five characters:
    what is glued to one and starts with a digit is the rest); ("", "") for nothing."""
    m = _GLUED.match(norm_text(text or ""))
    if m is not None and is_code(m[1]):
        return m[1], m[2].strip()
    m = _AFTER_CODE.match(text or "")
    return (m[1], m[2].strip()) if m else ("", "")


_GLUED = re.compile(r"^([A-Za-z0-9]{%d})(\d.*)$" % CODE_LEN, re.S)


_CODE_RUN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]{%d}(?![A-Za-z0-9])" % CODE_LEN)


def codes_in(text: str | None) -> list[str]:
    """The check-in codes a rider may mean by what they typed, most likely first, with the words
    around it they add on a scooter: `K7MPQ 到了`, `签到K7MPQ`, `K7MPQ thanks`, as well as `k7m pq` (a
    code split by a space). The whole of it when it is a code; else each run of five letters and
    digits that could be one (the caller takes the first an activity has)."""
    whole = normalize_code(text)
    if is_code(whole):
        return [whole]
    runs = [c.upper() for c in _CODE_RUN.findall(norm_text(text or ""))]
    return list(dict.fromkeys(c for c in runs if is_code(c)))


def is_code(text: str | None) -> bool:
    code = normalize_code(text)
    return len(code) == CODE_LEN and all(c in CODE_ALPHABET for c in code)


def _split_title(text: str, today: date) -> tuple[str, str]:
    text = text.strip()
    close = _QUOTES.get(text[:1])
    if close:
        end = text.find(close, 1)
        if end > 1:
            return text[1:end].strip(), text[end + 1:]
        raise CheckinError("activity-err-usage")
    words = text.split()
    for i, word in enumerate(words[1:], 1):  # a title has a word at least: `周六 清洁 周六 9点 2h`
        if _is_date(words[i:], today) or _is_time(word) or _timed_day(word, today) is not None:
            return " ".join(words[:i]), " ".join(words[i:])
    return text, ""


def _is_time(word: str) -> bool:
    return bool(_TIME.match(word.replace("：", ":")) or _clock(word) or _clock_range(word))


def _timed_day(word: str, today: date) -> tuple[date, str] | None:
    """A day said flush against its start time (明天上午9点, 周六9点-11点, 12月6日9:00: timeparse.day_then):
    the day and the time; None for anything else (今天天气: a day, then no time)."""
    try:
        found = day_then(word, today)
    except WhenError:
        return None
    return found if found is not None and _is_time(found[1]) else None


def _is_date(words: list[str], today: date) -> bool:
    try:
        return _day_at(words, today)[0] is not None
    except WhenError:  # 2026-02-30, Feb 30: a date, if none a calendar has
        return True


def _day_at(words: list[str], today: date) -> tuple[date | None, int]:
    """The day said by the first words of `words` (`_day`), and how many words it took: one, or
    up to three for a day said in words apart (Dec 5, 5 December 2026: bot.timeparse.english_date)."""
    for n in (3, 2, 1):
        if len(words) >= n and (day := _day(" ".join(words[:n]), today)) is not None:
            return day, n
    return None, 0


# a day gone by: for an activity, a date (so refused as past), never a word of its title
_PAST_DAYS = {"昨天": 1, "昨日": 1, "yesterday": 1, "前天": 2}


def _day(word: str, today: date) -> date | None:
    """A day said alone, as /broadcast and /lessons read one (bot.timeparse.day_named): 今天, 明天, 后天,
    2026-12-05, 12月5日, 周六, 下周六, saturday; English day names whole (`sun`, `sat` are title words too);
    and 昨天, 前天, yesterday (`社区清洁 昨天 9:00 2h` made an activity titled 社区清洁 昨天, today)."""
    if (back := _PAST_DAYS.get(word.strip().lower())) is not None:
        return today - timedelta(days=back)
    return day_named(word, today, short_names=False)


# a range of clock times said in words, `9点-11点`, `9点半到11点`, `下午2点~4点`: one word, as `09:00-11:00` is
_CLOCK_RANGE_GAP = re.compile(r"(点半?|点\d{1,2}分?|[ap]m)(?:\s*[-–—~～到至]\s*|\s+(?:to|till|until)\s+)", re.I)
_FILLERS = {"for", "at", "from", "on", "lasting"}  # English words between an activity's parts
_AMPM_APART = re.compile(r"(\d)\s+([ap]\.?m\.?)(?![A-Za-z])", re.I)  # `9 am`, as `9am`


def _clock_range(word: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """`9点-11点` -> ((9, 0), (11, 0)); an end said without its half of the day takes the start's
    (`下午2点-4点` ends at 16:00, not 04:00)."""
    start_word, sep, end_word = word.partition("-")
    if not sep or not end_word:
        return None
    start, end = _clock(start_word), _clock(end_word)
    half = re.search(r"[ap]m$", end_word.lower())
    if start is None and end is not None and half is not None and start_word.isdigit():
        # `9-11am`, `11-1pm`: a bare start takes the end's half of the day, else the other half
        start = _clock(start_word + half[0])
        if start is None or start > end:
            start = _clock(start_word + ("am" if half[0] == "pm" else "pm"))
    if start is None or end is None:
        return None
    if end < start and end[0] <= 12 <= start[0] and (end[0] + 12, end[1]) > start:  # 晚上10点-12点: midnight
        end = (end[0] + 12, end[1])
    return start, end


def _clock(word: str) -> tuple[int, int] | None:
    """A start time said in words (9点半, 下午3点, 3pm), as (hour, minute): the one reader of a time
    of day, bot.timeparse.time_of_day (晚上1点 is the night's 25:00: `at_local`); None for anything
    else, or a time no clock shows."""
    try:
        return time_of_day(word.lower())
    except WhenError:
        return None


def _duration(word: str) -> timedelta | None:
    """A length (2h, 90m, 2h30m), or hours said as /hours reads them (两小时, 1个半小时, 90分钟,
    2 hours: `hours_typed`) — with a unit: a bare number is no length."""
    m = _DURATION.match(word.lower())
    if m and (m[1] or m[2]):
        return timedelta(hours=float(m[1] or 0), minutes=int(m[2] or 0))
    if re.fullmatch(r"[\d.]*", word):
        return None
    try:
        return timedelta(hours=hours_typed(word))
    except CheckinError:
        return None


# a number and its unit set apart (`2 hours`, `500 米`), and the commas a Chinese input method
# types between an activity's parts (`周六社区清洁，周六，9:00，2小时`: NFKC has made them ASCII)
_UNIT_APART = re.compile(r"(\d)\s+(h|hrs?|hours?|mins?|minutes?|小时|个小时|分钟|m|米|km|公里|千米)(?![A-Za-z])", re.I)
_PARTS = re.compile(r"\s*[,、;；]\s*")


def _radius(word: str) -> int | None:
    word = _CN_COUNT_ANY.sub(lambda m: str(chinese_int(m[1])), word)  # 五百米, 一公里: a number in words
    m = _RADIUS.match(word.lower())
    if not m:
        return None
    return round(float(m[1]) * (1000 if m[2] in ("km", "公里", "千米") else 1))


def parse_activity(text: str, now_local: datetime) -> ActivitySpec:
    """`"title" [date] HH:MM (duration | -HH:MM) [radius]`, e.g. `"周六社区清洁" 2026-12-05 09:00 2h 500m`.

    date: 2026-12-05, 12-05, 12月5日, Dec 5, 5 December 2026, 今天/明天/后天, today/tomorrow, 周六/下周六/saturday
    (default: today);
    duration: 2h, 1.5h, 90m, 2h30m, 2小时; or an end time: 09:00-11:00;
    radius: 500m, 1km, 500米 (then a location pin sets the place).
    """
    text = _CLOCK_RANGE_GAP.sub(r"\1-", _TIME_RANGE.sub(r"\1-\2", _AMPM_APART.sub(r"\1\2", norm_text(text))))
    if text[:1] not in _QUOTES:  # a quoted title keeps its commas
        text = _PARTS.sub(" ", text)
    title, rest = _split_title(text, now_local.date())
    title = " ".join(title.split())
    # `下週六 9點 2小時` read through the word tables' key (the title as typed); parts apart by commas, `2 hours`
    words = _UNIT_APART.sub(r"\1\2", _PARTS.sub(" ", typed_key(rest).replace("：", ":"))).split()
    words = [w for w in words if w not in _FILLERS]  # `9:00 for 2 hours`, `at 9am`
    if not title or not words:
        raise CheckinError("activity-err-usage")
    tz = now_local.tzinfo
    day = now_local.date()
    try:
        named, took = _day_at(words, day)
    except WhenError:
        raise CheckinError("activity-err-date", value=words[0]) from None
    if named is None and words and (timed := _timed_day(words[0], day)) is not None:
        named, words[0], took = timed[0], timed[1], 0  # 明天上午9点: the day, then its time
    if named is not None:
        day = named
        del words[:took]
    first = words.pop(0) if words else ""
    m = _TIME.match(first)
    span = None if m else _clock_range(first)  # 9点-11点
    said = (int(m[1]), int(m[2])) if m else span[0] if span else _clock(first)  # 09:00, or 9点, 下午3点, 3pm
    if said is None:
        raise CheckinError("activity-err-time")
    try:
        # 25:00 typed is no time (ValueError); 晚上1点 said is the night after `day` (at_local)
        starts = datetime.combine(day, time(*said), tz) if m is not None else at_local(day, said, tz)
        if (m is not None and m[3] is not None) or span is not None:
            ends = (datetime.combine(day, time(int(m[3]), int(m[4])), tz) if m is not None
                    else at_local(day, span[1], tz) if span is not None else starts)
            if ends <= starts:
                ends += timedelta(days=1)
        else:
            length = _duration(words.pop(0)) if words else None
            if length is None:
                raise CheckinError("activity-err-duration")
            ends = starts + length
    except ValueError:
        raise CheckinError("activity-err-time") from None
    if not timedelta(0) < ends - starts <= MAX_DURATION:
        raise CheckinError("activity-err-duration")
    radius = None
    if words:
        radius = _radius(words.pop(0))
        if radius is None or words:
            raise CheckinError("activity-err-usage")
        if not MIN_RADIUS_M <= radius <= MAX_RADIUS_M:
            raise CheckinError("activity-err-radius", min=MIN_RADIUS_M, max=MAX_RADIUS_M)
    return ActivitySpec(title[:100], starts, ends, radius)


def parse_radius(word: str | None) -> int | None:
    if word is None:
        return None
    radius = _radius(norm_text(word))
    if radius is None or not MIN_RADIUS_M <= radius <= MAX_RADIUS_M:
        raise CheckinError("activity-err-radius", min=MIN_RADIUS_M, max=MAX_RADIUS_M)
    return radius


def hours_typed(text: str) -> float:
    """Hours as typed (2.5, 2.5h, 2小时, 1:30, 90分钟, 1个半小时), unrounded."""
    # `2。5`: a Chinese input method's full stop typed as the decimal point; `2.5。` ends a sentence
    word = typed_key(text).replace(" ", "").rstrip("。.!！").replace("。", ".")  # `2小時`, `90分鐘` too
    word = _CN_COUNT.sub(lambda m: str(chinese_int(m[1])), word)  # 一个半小时, 两小时: a count in words
    if m := _HOURS_HM.match(word):
        return int(m[1]) + int(m[2]) / 60
    if m := _HOURS.match(word):
        return float(m[1])
    if m := _HOURS_WORDS.match(word):  # 90分钟, 半小时, 1个半小时, 2小时30分钟
        return float(m[1] or 0) + (0.5 if m[2] else 0) + int(m[3] or 0) / 60
    raise CheckinError("hours-err-amount", value=text[:20])


def parse_hours(text: str) -> int:
    """Hours as typed -> half hours, rounded to the nearest half (hours_typed says whether that
    changed them). Under a quarter of an hour (`10分钟`) is a length, too short to count."""
    value = hours_typed(text)
    halves = math.floor(value * 2 + 0.5)
    if halves <= 0:
        raise CheckinError("hours-err-too-little" if value > 0 else "hours-err-amount", value=text[:20])
    return halves


# `/hours 2 K7MPQ`, `/hours 2小时，K7MPQ`: the amount typed before the code
_CODE_LAST = re.compile(r"^(.*?)[\s,，、;；:：。]+([A-Za-z0-9]{%d})[\s。.!！]*$" % CODE_LEN, re.S)


def code_and_amount(text: str) -> tuple[str, str]:
    """/hours' `CODE amount` (split_code), or `amount CODE` as a rider in a hurry types it the other
    way round: ("K7MPQ", "2") from `K7MPQ 2` and from `2 K7MPQ`."""
    code, rest = split_code(text)
    if rest and not is_code(code) and (m := _CODE_LAST.match(norm_text(text or ""))) and is_code(m[2]):
        try:
            hours_typed(m[1])
        except CheckinError:
            return code, rest
        return m[2], m[1].strip()
    return code, rest


KM_FROM_M = 10_000  # from here on a distance reads in kilometres: another district, not a walk away


def distance_args(metres: int) -> dict[str, int | str]:
    """A distance for a message: `unit` "m" with `distance` in metres, or from KM_FROM_M on "km" with
    `km` whole kilometres (1068 km, not 1068231 m)."""
    return {"distance": metres, "km": str(round(metres / 1000)), "unit": "km" if metres >= KM_FROM_M else "m"}


def most_halves(starts_at: datetime, ends_at: datetime) -> int:
    """The most half hours an activity's volunteer hours may claim: its length, rounded up."""
    return math.ceil((ends_at - starts_at) / timedelta(minutes=30))


def hours_text(halves: int | float) -> str:
    return f"{halves / 2:g}"


def streak_days(days: set[date], today: date) -> int:
    """Consecutive days with something, ending today (or yesterday: today is not over yet)."""
    day = today if today in days else today - timedelta(days=1)
    n = 0
    while day in days:
        n, day = n + 1, day - timedelta(days=1)
    return n


def streak_weeks(days: set[date], today: date) -> int:
    """Consecutive weeks (Monday to Sunday) with something, ending this week or last week."""
    weeks = {d - timedelta(days=d.weekday()) for d in days}
    week = today - timedelta(days=today.weekday())
    if week not in weeks:
        week -= timedelta(weeks=1)
    n = 0
    while week in weeks:
        n, week = n + 1, week - timedelta(weeks=1)
    return n
