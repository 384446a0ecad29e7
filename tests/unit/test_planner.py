"""Planner properties: off-peak only, branch stagger, global cap, determinism, parsing."""

from __future__ import annotations

import random
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.lessons.planner import (
    DEFAULT_PROFILE,
    CapacityError,
    GroupPlan,
    NoValidWindowError,
    ProfileParseError,
    ShiftProfile,
    Span,
    WeekdayParseError,
    format_weekdays,
    parse_profile,
    parse_weekdays,
    plan_week,
    verify_plan,
)

WEEK = date(2025, 3, 3)  # a Monday
PEAKS = [(630, 810), (990, 1200)]  # the spec's default peaks, written out independently
QUIET = (1380, 420)

PROFILES = [
    DEFAULT_PROFILE,
    parse_profile("meeting 08:00"),
    parse_profile("早会 07:30"),
    # overlaps peaks and quiet hours on purpose: must be clipped
    parse_profile("offpeak 06:00-11:00 13:00-17:00 19:30-23:59"),
    parse_profile("peak 11:00-13:00 17:00-20:30; offpeak 14:00-16:30 21:00-22:30; meeting 08:00"),
    parse_profile("quiet 22:00-08:00; 错峰 21:30-22:30 14:00-14:20"),
]
TZS = ["Asia/Shanghai", "Asia/Urumqi", "Asia/Hong_Kong", "Asia/Tokyo"]


def local_minute(slot, tz: str) -> tuple[datetime, int]:
    local = slot.send_at.astimezone(ZoneInfo(tz))
    return local, local.hour * 60 + local.minute


def within(minute: int, start: int, end: int) -> bool:
    return start <= minute < end if start < end else minute >= start or minute < end


def random_groups(rng: random.Random, n: int, branches: int) -> list[GroupPlan]:
    patterns = ["mon,wed,fri", "二四六", "周一,周三,周日", "mon-sun", "weekend"]
    return [
        GroupPlan(
            group_id=rng.randrange(-10**13, -10**12),
            branch_id=rng.randrange(branches),
            weekdays=parse_weekdays(rng.choice(patterns)),
            tz=rng.choice(TZS),
            profile=rng.choice(PROFILES),
        )
        for _ in range(n)
    ]


def assert_properties(groups, slots, cap: int) -> None:
    by_id = {g.group_id: g for g in groups}
    for s in slots:
        g = by_id[s.group_id]
        assert s.send_at.tzinfo is not None and s.send_at.utcoffset() == timedelta(0)
        assert s.send_at.second == 0 and s.send_at.microsecond == 0
        local, m = local_minute(s, g.tz)
        assert not any(within(m, *p) for p in g.profile.peak), (local, g.profile)
        assert not any(within(m, *q) for q in g.profile.quiet), (local, g.profile)
        assert any(within(m, *w) for w in g.profile.windows()), (local, g.profile)
        assert local.weekday() in g.weekdays
        if g.profile == DEFAULT_PROFILE:  # against the spec's numbers, not the profile object
            assert not any(within(m, *p) for p in PEAKS) and not within(m, *QUIET)
            assert within(m, 555, 585) or within(m, 840, 960) or within(m, 1260, 1350)
    branch_minutes = Counter((s.branch_id, s.send_at) for s in slots)
    assert max(branch_minutes.values()) == 1
    assert max(Counter(s.send_at for s in slots).values()) <= cap
    per_group = Counter(s.group_id for s in slots)
    for g in groups:
        assert per_group[g.group_id] == len(g.weekdays)
    assert verify_plan(groups, slots, week_start=WEEK, per_minute_cap=cap) == []


@pytest.mark.parametrize("seed", range(12))
def test_properties_many_seeds(seed):
    rng = random.Random(seed)
    groups = random_groups(rng, 400, branches=rng.choice([3, 8, 40]))
    groups = list({g.group_id: g for g in groups}.values())
    cap = rng.choice([4, 10, 1200])
    slots = plan_week(groups, WEEK, seed=seed, per_minute_cap=cap)
    assert_properties(groups, slots, cap)
    assert slots == sorted(slots, key=lambda s: (s.send_at, s.group_id))


def test_default_profile_windows():
    assert [str(s) for s in DEFAULT_PROFILE.effective_windows()] == ["09:15-09:45", "14:00-16:00", "21:00-22:30"]
    assert [str(s) for s in parse_profile("meeting 08:30").effective_windows()][0] == "08:45-09:15"


def test_global_cap_binds_and_spreads():
    groups = [GroupPlan(group_id=i, branch_id=i) for i in range(1500)]  # no branch limits
    slots = plan_week(groups, WEEK, seed=1, per_minute_cap=7)
    per_minute = Counter(s.send_at for s in slots)
    assert max(per_minute.values()) == 7  # 1500 sends over 240 minutes must hit a cap of 7
    assert_properties(groups, slots, 7)
    # all three windows get used
    windows = {local_minute(s, "Asia/Shanghai")[1] // 60 for s in slots}
    assert {9, 14, 15, 21, 22} <= windows


def test_generous_cap_spreads_evenly():
    groups = [GroupPlan(group_id=i, branch_id=i % 50) for i in range(5000)]
    slots = plan_week(groups, WEEK, seed=3, per_minute_cap=1200)
    monday = Counter(s.send_at for s in slots if s.send_at.date() == date(2025, 3, 3))
    assert len(monday) == 240  # every usable minute of the day is used
    assert max(monday.values()) <= 60  # ~21 expected; nowhere near a burst


def test_branch_stagger_and_capacity_error():
    groups = [GroupPlan(group_id=i, branch_id=7, weekdays=(0,)) for i in range(240)]
    slots = plan_week(groups, WEEK, seed=0, per_minute_cap=1200)
    assert len({s.send_at for s in slots}) == 240  # one branch: every group in its own minute
    with pytest.raises(CapacityError, match="branch 7"):
        plan_week([*groups, GroupPlan(group_id=999, branch_id=7, weekdays=(0,))], WEEK, seed=0, per_minute_cap=1200)


def test_global_cap_capacity_error():
    groups = [GroupPlan(group_id=i, branch_id=i, weekdays=(0,)) for i in range(241)]
    with pytest.raises(CapacityError):
        plan_week(groups, WEEK, seed=0, per_minute_cap=1)


def test_deterministic_and_order_independent():
    groups = random_groups(random.Random(5), 500, 10)
    a = plan_week(groups, WEEK, seed=42, per_minute_cap=5)
    b = plan_week(list(reversed(groups)), WEEK, seed=42, per_minute_cap=5)
    assert a == b
    assert plan_week(groups, WEEK, seed=43, per_minute_cap=5) != a


def test_adding_a_group_moves_few_others():
    groups = [GroupPlan(group_id=i, branch_id=i % 20) for i in range(300)]
    before = {(s.group_id, s.send_at) for s in plan_week(groups, WEEK, seed=9, per_minute_cap=1200)}
    after = {(s.group_id, s.send_at) for s in plan_week([*groups, GroupPlan(10_000, 3)], WEEK, seed=9, per_minute_cap=1200)}
    assert len(before - after) <= 10


def test_dst_free_timezone_is_fixed_offset():
    g = GroupPlan(group_id=1, branch_id=1, weekdays=tuple(range(7)))
    for s in plan_week([g], WEEK, seed=2, per_minute_cap=10):
        local = s.send_at.astimezone(ZoneInfo("Asia/Shanghai"))
        assert local.utcoffset() == timedelta(hours=8)
        assert local.replace(tzinfo=None) - s.send_at.replace(tzinfo=None) == timedelta(hours=8)


def test_dst_zone_week_still_valid():
    # Europe/Berlin springs forward on 2025-03-30 (Sunday); quiet hours cover the gap anyway
    profile = parse_profile("offpeak 01:00-04:00 14:00-16:00; quiet 23:30-00:30")
    groups = [GroupPlan(group_id=i, branch_id=i % 3, weekdays=(6,), tz="Europe/Berlin", profile=profile) for i in range(200)]
    week = date(2025, 3, 24)
    slots = plan_week(groups, week, seed=1, per_minute_cap=50)
    assert verify_plan(groups, slots, week_start=week, per_minute_cap=50) == []
    for s in slots:
        local = s.send_at.astimezone(ZoneInfo("Europe/Berlin"))
        assert not (local.hour == 2 and local.date() == date(2025, 3, 30))  # 02:xx does not exist that day


def test_custom_profile():
    profile = parse_profile("peak 11:00-14:30 17:00-20:00; offpeak 14:00-15:00 22:00-23:30; meeting none")
    assert [str(s) for s in profile.effective_windows()] == ["14:30-15:00", "22:00-23:00"]
    groups = [GroupPlan(group_id=i, branch_id=i % 4, profile=profile) for i in range(100)]
    slots = plan_week(groups, WEEK, seed=4, per_minute_cap=1200)
    assert_properties(groups, slots, 1200)
    for s in slots:
        m = local_minute(s, "Asia/Shanghai")[1]
        assert 870 <= m < 900 or 1320 <= m < 1380


def test_empty_window_errors():
    with pytest.raises(NoValidWindowError):
        parse_profile("offpeak 11:00-12:00")  # entirely inside the lunch peak
    with pytest.raises(NoValidWindowError):
        parse_profile("错峰 23:30-06:30")  # entirely inside quiet hours
    bad = ShiftProfile(offpeak=(Span(600, 700),), morning_meeting=None, peak=(Span(540, 720),))
    with pytest.raises(NoValidWindowError, match="group 5"):
        plan_week([GroupPlan(group_id=5, branch_id=1, profile=bad)], WEEK, seed=0, per_minute_cap=10)


def test_lesson_index_rotation_and_bad_inputs():
    g = GroupPlan(group_id=1, branch_id=1, next_lesson=12)
    assert [s.lesson_index for s in plan_week([g], WEEK, seed=0, per_minute_cap=5, lesson_count=13)] == [12, 0, 1]
    assert {s.lesson_index for s in plan_week([g], WEEK, seed=0, per_minute_cap=5)} == {None}
    with pytest.raises(ValueError):
        plan_week([g, g], WEEK, seed=0, per_minute_cap=5)
    with pytest.raises(ValueError):
        plan_week([g], WEEK, seed=0, per_minute_cap=0)
    with pytest.raises(TypeError):
        plan_week([g], datetime(2025, 3, 3, tzinfo=UTC), seed=0, per_minute_cap=5)


def test_five_thousand_groups_fast():
    rng = random.Random(11)
    groups = [
        GroupPlan(group_id=i, branch_id=i % 50, weekdays=rng.choice([(0, 2, 4), (1, 3, 5), (0, 3, 6)]),
                  profile=rng.choice(PROFILES), tz=rng.choice(TZS))
        for i in range(5000)
    ]
    t0 = time.perf_counter()
    slots = plan_week(groups, WEEK, seed=11, per_minute_cap=1200)
    assert time.perf_counter() - t0 < 2.0
    assert len(slots) == 15000
    assert verify_plan(groups, slots, week_start=WEEK, per_minute_cap=1200) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mon,wed,fri", (0, 2, 4)),
        ("Mon, Wed, Fri", (0, 2, 4)),
        ("monday tuesday", (0, 1)),
        ("一三五", (0, 2, 4)),
        ("周一,周三", (0, 2)),
        ("周一、周三、周五", (0, 2, 4)),
        ("星期二 星期四", (1, 3)),
        ("周日", (6,)),
        ("周天", (6,)),
        ("周一至周五", (0, 1, 2, 3, 4)),
        ("一到三", (0, 1, 2)),
        ("mon-fri", (0, 1, 2, 3, 4)),
        ("fri-mon", (0, 4, 5, 6)),
        ("工作日", (0, 1, 2, 3, 4)),
        ("周末", (5, 6)),
        ("weekend", (5, 6)),
        ("每天", tuple(range(7))),
        ("daily", tuple(range(7))),
        ("1,3,5", (0, 2, 4)),
        ("7", (6,)),
        ("tue and thu", (1, 3)),
    ],
)
def test_parse_weekdays(text, expected):
    assert parse_weekdays(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "xyz", "周八", "mon-", "-fri", "0", "mon--fri", "10"])
def test_parse_weekdays_errors(text):
    with pytest.raises(WeekdayParseError):
        parse_weekdays(text)


def test_format_weekdays():
    assert format_weekdays((4, 0, 2)) == "Mon, Wed, Fri"
    assert format_weekdays((0, 2), "zh") == "周一、周三"


def test_parse_profile_variants():
    assert parse_profile(DEFAULT_PROFILE.describe()) == DEFAULT_PROFILE
    p = parse_profile("高峰：10:00-13:00、17:00-19:30；早会 08:30")
    assert p.peak == (Span(600, 780), Span(1020, 1170)) and p.morning_meeting == 510
    assert p.offpeak == DEFAULT_PROFILE.offpeak  # untouched sections inherit
    q = parse_profile("14:00～16:00 21:00至22:00")  # bare ranges are off-peak windows
    assert q.offpeak == (Span(840, 960), Span(1260, 1320)) and q.morning_meeting is None
    r = parse_profile("offpeak 14:00-16:00 meeting 09:00 quiet none")
    assert r.quiet == () and r.morning_meeting == 540
    assert parse_profile("off-peak 14:00-16:00").offpeak == (Span(840, 960),)


@pytest.mark.parametrize(
    "text",
    ["", "peak 25:00-26:00", "peak 10:61-11:00", "meeting 09:00-10:00", "peak 10:00-10:00", "lunch 14:00-15:00",
     "meeting 08:00 09:00", "peak 10:00-11:00 none"],
)
def test_parse_profile_errors(text):
    with pytest.raises(ProfileParseError):
        parse_profile(text)
