"""Duplicate rules: proximity (pins, or the same *specific* place) and similar content."""
from __future__ import annotations

from datetime import datetime, timezone

from bot.cases.duplicates import (ReportRef, content_similarity, is_probable_duplicate, is_specific,
                                  may_follow)

NOW = datetime(2026, 11, 30, 12, tzinfo=timezone.utc)
PIN = (39.9087, 116.3975)
NEAR = (39.9090, 116.3978)  # about 40 m


def ref(place=None, pin=None, text=None, category="road") -> ReportRef:
    return ReportRef(category, NOW, place, pin, "new", text=text)


def test_a_bare_road_is_not_a_specific_place() -> None:
    assert not is_specific("建国路") and not is_specific("Jianguo Rd") and not is_specific("长安街")
    assert is_specific("建国路C口") and is_specific("幸福小区3号门") and is_specific("Keyuan Rd gate 2")
    assert is_specific("光华路和东三环路口")


def test_same_road_is_not_enough() -> None:
    assert not is_probable_duplicate(ref("建国路", text="有个坑"), ref("建国路", text="有个坑"), NOW)
    assert is_probable_duplicate(ref("建国路C口", text="有个坑"), ref("建国路C口", text="一个大坑"), NOW)


def test_content_must_be_similar_even_at_the_same_spot() -> None:
    assert not is_probable_duplicate(ref(pin=PIN, text="这有个大坑"), ref(pin=NEAR, text="井盖丢了 很危险"), NOW)
    assert is_probable_duplicate(ref(pin=PIN, text="井盖没了"), ref(pin=NEAR, text="井盖丢了 很危险"), NOW)
    assert content_similarity("Pothole on Jianguo Rd near exit C", "Manhole cover missing near exit C",
                              "Jianguo Rd", None) == 0
    assert content_similarity("street lamp broken", "the street light is out") > 0.3


def test_urgent_never_simply_follows_a_case_that_is_not() -> None:
    assert not may_follow("urgent", "normal") and may_follow("urgent", "urgent")
    assert may_follow("normal", "urgent") and may_follow("low", "normal")
