"""A rider saying only where they are ("在驿站", "在配送站等单", "在路上", "on my way") is order logistics, no
report (taxonomy.md); the heads leaned to a report just under the threshold, so the bot asked "是，上报 / 不是"
in the group. 在 before a verb is the progressive ("在漏水", "在冒烟"), and a problem named beside the spot is
still a report."""
from __future__ import annotations

import pytest

from bot.intake import classify
from bot.intake.location import ends_as_place


@pytest.mark.parametrize("text", [
    "在驿站", "在配送站等单", "我在驿站等单", "我在快递站", "在商场门口等餐", "在店里等餐", "在小区门口", "在路上",
    "我在路上了", "在建国路等单", "在望京SOHO等单呢", "on my way", "I'm at the hub waiting for orders",
])
def test_where_the_rider_is_is_no_report(text: str) -> None:
    intake = classify(text)
    assert not intake.is_report and intake.confidence >= 0.9, intake


@pytest.mark.parametrize(("text", "category"), [
    ("在冒烟", "fire_safety"), ("在驿站，门口积水了", "waterlogging"), ("在小区门口摔倒了一个老人", "person_in_need"),
    ("在楼道里充电", "fire_safety"),
])
def test_a_problem_beside_the_spot_is_still_a_report(text: str, category: str) -> None:
    intake = classify(text)
    assert intake.is_report and intake.category == category, intake


@pytest.mark.parametrize(("name", "place"), [("建国路", True), ("望京soho", True), ("幸福小区东门", True),
                                             ("漏水", False), ("冒烟", False)])
def test_a_place_by_its_form(name: str, place: bool) -> None:
    assert ends_as_place(name) is place
