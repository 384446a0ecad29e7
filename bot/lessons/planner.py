"""Staggered weekly lesson planner (错峰推送).

Each group gets one send per planned weekday at a minute inside its own
off-peak windows (local time), so riders read lessons in the lunch lull or
after the morning meeting rather than mid-delivery. Two more rules keep the
pushes from landing all at once:

* no two groups of the same branch in the same minute (a secretary who sits
  in many groups is not flooded, and replies don't pile up);
* at most ``per_minute_cap`` sends in any minute overall, derived by the caller
  from Telegram's ~30 messages/second bot limit.

The plan is deterministic: no clock reads, and each group's starting minute is a
hash of (seed, group, date), so adding one group barely moves the others.
Placement is first-fit from that starting minute with per-minute counters in
flat lists — O(groups × days) in practice.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from bot.lessons.shifts import (
    DEFAULT_PROFILE,
    MINUTES_PER_DAY,
    LessonPlanError,
    NoValidWindowError,
    ProfileParseError,
    ShiftProfile,
    Span,
    WeekdayParseError,
    format_weekdays,
    parse_profile,
    parse_weekdays,
)

__all__ = [
    "DEFAULT_PER_MINUTE_CAP",
    "DEFAULT_PROFILE",
    "DEFAULT_TZ",
    "DEFAULT_WEEKDAYS",
    "CapacityError",
    "GroupPlan",
    "LessonPlanError",
    "NoValidWindowError",
    "ProfileParseError",
    "ShiftProfile",
    "Slot",
    "Span",
    "WeekdayParseError",
    "format_weekdays",
    "parse_profile",
    "parse_weekdays",
    "plan_week",
    "verify_plan",
]

DEFAULT_TZ = "Asia/Shanghai"
DEFAULT_WEEKDAYS = (0, 2, 4)  # mon, wed, fri
# Telegram allows ~30 messages/s per bot; 20/s (1,200/min) leaves room for case updates.
DEFAULT_PER_MINUTE_CAP = 1200
_EPOCH_DAY = date(1970, 1, 1).toordinal()


class CapacityError(LessonPlanError):
    """A group-day found no free minute: its branch or the global cap is full in all its windows."""


@dataclass(frozen=True, slots=True)
class GroupPlan:
    """What the planner needs to know about one group chat."""

    group_id: int
    branch_id: int
    weekdays: tuple[int, ...] = DEFAULT_WEEKDAYS  # Monday = 0, see parse_weekdays
    tz: str = DEFAULT_TZ
    profile: ShiftProfile = DEFAULT_PROFILE
    next_lesson: int | None = None  # library index of the next lesson this group gets


@dataclass(frozen=True, slots=True)
class Slot:
    group_id: int
    branch_id: int
    send_at: datetime  # aware, UTC, whole minute
    lesson_index: int | None


@lru_cache(maxsize=64)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def _local_to_epoch_minutes(tz: str, day: date, minutes: tuple[int, ...]) -> list[int]:
    """Absolute (epoch) minutes for local minutes of ``day``; skips times a DST gap removes."""
    zone = _zone(tz)
    midnight = datetime(day.year, day.month, day.day, tzinfo=zone)
    next_midnight = midnight + timedelta(days=1)
    off0, off1 = midnight.utcoffset(), next_midnight.utcoffset()
    day_base = (day.toordinal() - _EPOCH_DAY) * MINUTES_PER_DAY
    if off0 is not None and off0 == off1:  # no transition today: one subtraction per minute (aware: never None)
        shift = day_base - int(off0.total_seconds()) // 60
        return [shift + m for m in minutes]
    out = []
    for m in minutes:
        local = datetime(day.year, day.month, day.day, m // 60, m % 60, tzinfo=zone)
        utc = local.astimezone(UTC)
        if utc.astimezone(zone).replace(tzinfo=None) != local.replace(tzinfo=None):
            continue  # nonexistent local time (spring forward)
        out.append(int(utc.timestamp()) // 60)
    return sorted(out)


def _start_hash(seed: int, group_id: int, day: date) -> int:
    digest = hashlib.blake2b(f"{seed}:{group_id}:{day.toordinal()}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def plan_week(
    groups: Sequence[GroupPlan],
    week_start: date,
    *,
    seed: int,
    per_minute_cap: int = DEFAULT_PER_MINUTE_CAP,
    lesson_count: int | None = None,
) -> list[Slot]:
    """One slot per group per planned weekday in the 7 days from ``week_start``.

    ``lesson_count`` (library size) turns ``GroupPlan.next_lesson`` into a
    rotating ``lesson_index``; without it every slot's index is None. Slots come
    back sorted by (send_at, group_id). Raises NoValidWindowError for a profile
    with no usable minute, CapacityError when a branch or the cap is saturated.
    """
    if isinstance(week_start, datetime) or not isinstance(week_start, date):
        raise TypeError("week_start must be a date (local calendar day), not a datetime")
    if per_minute_cap < 1:
        raise ValueError("per_minute_cap must be >= 1")
    ordered = sorted(groups, key=lambda g: g.group_id)
    for a, b in zip(ordered, ordered[1:]):
        if a.group_id == b.group_id:
            raise ValueError(f"group {a.group_id} listed twice")

    days = [week_start + timedelta(days=i) for i in range(7)]
    # Minute indices are relative to two days before week_start (UTC); 11 days
    # covers any UTC offset (±14 h) plus windows that wrap past midnight.
    base = (week_start.toordinal() - _EPOCH_DAY - 2) * MINUTES_PER_DAY
    horizon = 11 * MINUTES_PER_DAY
    counts = [0] * horizon
    branch_used: set[int] = set()
    branch_index: dict[int, int] = {}
    cand_cache: dict[tuple[str, ShiftProfile, date], list[int]] = {}
    slots: list[Slot] = []

    for group in ordered:
        try:
            allowed = group.profile.allowed_minutes()
        except NoValidWindowError as exc:
            raise NoValidWindowError(f"group {group.group_id}: {exc}", exc.why, **exc.params) from exc
        b_off = branch_index.setdefault(group.branch_id, len(branch_index)) * horizon
        wanted = set(group.weekdays)
        ordinal = 0
        for day in days:
            if day.weekday() not in wanted:
                continue
            key = (group.tz, group.profile, day)
            cands = cand_cache.get(key)
            if cands is None:
                cands = [m - base for m in _local_to_epoch_minutes(group.tz, day, allowed)]
                cand_cache[key] = cands
            n = len(cands)
            if not n:
                raise NoValidWindowError(f"group {group.group_id}: no valid local minute on {day} ({group.tz})",
                                         "no-window")
            start = _start_hash(seed, group.group_id, day) % n
            for i in range(n):
                m = cands[(start + i) % n]
                if counts[m] < per_minute_cap and (b_off + m) not in branch_used:
                    break
            else:
                raise CapacityError(
                    f"group {group.group_id} (branch {group.branch_id}) has no free minute on {day}: "
                    f"{n} candidate minutes are all taken by its branch or the {per_minute_cap}/min cap", "full"
                )
            counts[m] += 1
            branch_used.add(b_off + m)
            index = None
            if lesson_count and group.next_lesson is not None:
                index = (group.next_lesson + ordinal) % lesson_count
            ordinal += 1
            slots.append(Slot(group.group_id, group.branch_id, _to_utc(base + m), index))
    slots.sort(key=lambda s: (s.send_at, s.group_id))
    return slots


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _to_utc(epoch_minute: int) -> datetime:
    return _EPOCH + timedelta(minutes=epoch_minute)


def verify_plan(
    groups: Sequence[GroupPlan],
    slots: Sequence[Slot],
    *,
    week_start: date,
    per_minute_cap: int,
) -> list[str]:
    """Check a plan against the rules from scratch (raw spans, no planner state).

    Used by the bench and tests; returns human-readable violations (empty = ok).
    """
    problems: list[str] = []
    by_id = {g.group_id: g for g in groups}
    per_minute: dict[datetime, int] = {}
    branch_minute: set[tuple[int, datetime]] = set()
    got: dict[int, list[date]] = {}
    for s in slots:
        g = by_id.get(s.group_id)
        if g is None:
            problems.append(f"slot for unknown group {s.group_id}")
            continue
        if s.send_at.utcoffset() != timedelta(0) or s.send_at.second or s.send_at.microsecond:
            problems.append(f"group {s.group_id}: send_at {s.send_at} is not a whole UTC minute")
        local = s.send_at.astimezone(_zone(g.tz))
        minute = local.hour * 60 + local.minute
        if any(span.contains(minute) for span in g.profile.peak):
            problems.append(f"group {s.group_id}: {local:%a %H:%M} is in a peak window")
        if any(span.contains(minute) for span in g.profile.quiet):
            problems.append(f"group {s.group_id}: {local:%a %H:%M} is in quiet hours")
        if not any(span.contains(minute) for span in g.profile.windows()):
            problems.append(f"group {s.group_id}: {local:%a %H:%M} is outside its off-peak windows")
        if local.weekday() not in g.weekdays:
            problems.append(f"group {s.group_id}: {local:%a} is not a planned weekday")
        if (g.branch_id, s.send_at) in branch_minute:
            problems.append(f"branch {g.branch_id}: two groups at {s.send_at:%Y-%m-%d %H:%M}Z")
        branch_minute.add((g.branch_id, s.send_at))
        per_minute[s.send_at] = per_minute.get(s.send_at, 0) + 1
        got.setdefault(s.group_id, []).append(local.date())
    problems += [
        f"{t:%Y-%m-%d %H:%M}Z has {c} sends (cap {per_minute_cap})" for t, c in per_minute.items() if c > per_minute_cap
    ]
    week = [week_start + timedelta(days=i) for i in range(7)]
    for g in groups:
        expected = sorted(d for d in week if d.weekday() in g.weekdays)
        if sorted(got.get(g.group_id, [])) != expected:
            problems.append(f"group {g.group_id}: planned days {sorted(got.get(g.group_id, []))} != {expected}")
    return problems
