"""Probable-duplicate detection: distance, place likeness, time window, open cases."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.cases.duplicates import (
    ReportRef, haversine_m, is_probable_duplicate, may_have_duplicates, normalize_place, place_similarity,
)

NOW = datetime(2025, 5, 1, 18, 0)
TIANANMEN = (39.9087, 116.3975)


def test_haversine_known_distances():
    assert haversine_m(TIANANMEN, TIANANMEN) == 0
    one_degree_lat = haversine_m((0.0, 0.0), (1.0, 0.0))
    assert one_degree_lat == pytest.approx(111_195, rel=1e-3)
    shanghai = (31.2304, 121.4737)
    assert haversine_m(TIANANMEN, shanghai) == pytest.approx(1_067_000, rel=0.01)
    assert haversine_m(TIANANMEN, (39.9087 + 0.001, 116.3975)) == pytest.approx(111.2, rel=0.01)


@pytest.mark.parametrize("a, b", [
    ("幸福小区3号门", "幸福小区三号门口"),
    ("幸福小区3号门", "幸福小区３号门附近"),             # full-width digit
    ("朝阳路与建国路交叉口", "建国路和朝阳路路口"),       # junction, either order
    ("和平路与建国路十字路口", "建国路与和平路交叉口"),   # 和平路 keeps its 和
    ("幸福小区二十三号楼", "幸福小区23栋旁边"),
    ("underpass on Keyuan Rd", "Keyuan Road underpass"),
    ("Keyuan Rd & Main St", "main street and keyuan road"),
    ("near the gate of Xinfu Garden", "Xinfu Garden gate"),
    ("建国路88号", "建国路88号"),
])
def test_same_place(a, b):
    assert place_similarity(a, b) >= 0.8, (normalize_place(a), normalize_place(b))


@pytest.mark.parametrize("a, b", [
    ("幸福小区3号门", "幸福小区5号门"),                  # a different gate
    ("幸福小区3号门", "阳光花园北门"),
    ("光华路", "建国路"),
    ("Keyuan Road underpass", "Main Street bridge"),
    ("", "建国路"),
])
def test_different_place(a, b):
    assert place_similarity(a, b) < 0.8


def test_normalize_place_numerals():
    assert normalize_place("三零一") == "301"
    assert normalize_place("一百零五号") == "105号"
    assert normalize_place("十字路口") == "路口"


def existing(**kw) -> ReportRef:
    base = dict(category="road", reported_at=NOW - timedelta(hours=5), place="幸福小区3号门",
                pin=TIANANMEN, status="accepted")
    base.update(kw)
    return ReportRef(**base)


def new(**kw) -> ReportRef:
    base = dict(category="road", reported_at=NOW, place=None, pin=None)
    base.update(kw)
    return ReportRef(**base)


def test_duplicate_by_pin_within_150_m():
    near = (TIANANMEN[0] + 0.001, TIANANMEN[1])            # ~111 m north
    assert is_probable_duplicate(new(pin=near), existing(), NOW)
    far = (TIANANMEN[0] + 0.002, TIANANMEN[1])             # ~222 m
    assert not is_probable_duplicate(new(pin=far), existing(place=None), NOW)


def test_duplicate_by_place_text():
    assert is_probable_duplicate(new(place="幸福小区三号门口"), existing(pin=None), NOW)
    assert not is_probable_duplicate(new(place="阳光花园北门"), existing(pin=None), NOW)
    far = (TIANANMEN[0] + 0.01, TIANANMEN[1])
    # far pins but the same named place: still probable (pins are often dropped late)
    assert is_probable_duplicate(new(place="幸福小区3号门", pin=far), existing(), NOW)


def test_not_duplicate_across_categories():
    assert not is_probable_duplicate(new(category="lighting", pin=TIANANMEN), existing(), NOW)
    assert not is_probable_duplicate(new(category=None, pin=TIANANMEN), existing(), NOW)


def test_window_is_48_hours():
    recent = existing(reported_at=NOW - timedelta(hours=47, minutes=59))
    old = existing(reported_at=NOW - timedelta(hours=48, minutes=1))
    assert is_probable_duplicate(new(pin=TIANANMEN), recent, NOW)
    assert not is_probable_duplicate(new(pin=TIANANMEN), old, NOW)


@pytest.mark.parametrize("status, expected", [
    ("new", True), ("accepted", True), ("in_progress", True), ("transferred", True),
    ("resolved", True), ("closed", False), ("rejected", False), ("duplicate", False),
    ("closed_not_fixed", False),
])
def test_only_open_cases_attract_duplicates(status, expected):
    assert is_probable_duplicate(new(pin=TIANANMEN), existing(status=status), NOW) is expected


def test_no_place_no_pin_is_not_a_duplicate():
    assert not is_probable_duplicate(new(), existing(), NOW)


PLACE_PARTS = ["幸福小区", "建国路", "朝阳路", "3号门", "三号门口", "5号楼", "东门", "路口", "和", "与", "附近",
               "Keyuan Rd", " gate 2", " gate 5", " & ", "Jianguo Rd", "B口", "C口", "二十三号"]


@given(st.lists(st.sampled_from(PLACE_PARTS), min_size=1, max_size=5),
       st.lists(st.sampled_from(PLACE_PARTS), min_size=1, max_size=5),
       st.sampled_from([0.3, 0.6, 0.8, 0.95]))
@settings(max_examples=400, deadline=None)
def test_a_floor_only_skips_pairs_that_cannot_reach_it(a: list[str], b: list[str], floor: float) -> None:
    """`at_least` is a shortcut, never a different answer: a pair reaches the floor with it
    exactly when its full score does (the duplicate check asks at the threshold)."""
    x, y = "".join(a), "".join(b)
    full = place_similarity(x, y)
    fast = place_similarity(x, y, at_least=floor)
    assert (fast >= floor) == (full >= floor)
    if fast >= floor:
        assert fast == full


PINS = st.one_of(st.none(), st.sampled_from([TIANANMEN, (39.9088, 116.3976), (31.23, 121.47)]))


@given(st.one_of(st.none(), st.lists(st.sampled_from(PLACE_PARTS), min_size=1, max_size=4).map("".join)), PINS,
       st.one_of(st.none(), st.lists(st.sampled_from(PLACE_PARTS), min_size=1, max_size=4).map("".join)), PINS,
       st.sampled_from([None, "road", "lighting"]))
@settings(max_examples=400, deadline=None)
def test_a_report_ruled_out_up_front_has_no_duplicate(place: str | None, pin: tuple[float, float] | None,
                                                      other: str | None, other_pin: tuple[float, float] | None,
                                                      category: str | None) -> None:
    """`may_have_duplicates` is a shortcut, never a different answer: a report it rules out (no
    pin, no specific place, no category) is no probable duplicate of any case."""
    report = ReportRef(category, NOW, place, pin, text="路灯坏了 井盖没了")
    case = ReportRef(category, NOW - timedelta(hours=1), other, other_pin, text="路灯坏了 井盖没了")
    if not may_have_duplicates(report):
        assert not is_probable_duplicate(report, case, NOW)


@pytest.mark.parametrize("place, pin, expected", [
    ("建国路", None, False), (None, None, False), ("Keyuan Rd", None, False),
    ("建国路3号门", None, True), ("建国路", TIANANMEN, True), (None, TIANANMEN, True),
])
def test_which_reports_are_compared_at_all(place, pin, expected):
    assert may_have_duplicates(ReportRef("road", NOW, place, pin)) is expected
