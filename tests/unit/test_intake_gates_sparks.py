"""The seventh hand round's kinds (scripts/intake_seeds_hand7.py; these lines are not among its own): a gate,
door, lock or steps broken is public_facility (short reports of a broken thing that is not a lamp were
filed as lighting: the corpus said "X坏了" mostly of lights), sparks at electrical gear are urgent
fire_safety, an animal dead on the road is sanitation (taxonomy), and the same words in talk stay talk."""
from __future__ import annotations

import pytest

from bot.intake import classify


@pytest.mark.parametrize(("text", "category"), [
    ("西门的门禁又坏了 外卖进不去", "public_facility"),  # was lighting
    ("出小区的门坏了", "public_facility"),  # was lighting
    ("公厕门锁坏了", "public_facility"),  # was lighting
    ("后门的铁门倒了", "public_facility"),  # was small talk
    ("天桥台阶松了 踩上去晃", "public_facility"),
    ("有只狗被车撞死在路上", "sanitation"),  # was traffic
    ("路上有只死狗 被车压了", "sanitation"),
    ("the gate at the back of the market is broken", "public_facility"),
])
def test_a_broken_gate_door_or_steps_and_a_dead_animal(text: str, category: str) -> None:
    r = classify(text)
    assert r.is_report and r.category == category, r


@pytest.mark.parametrize("text", ["变压器那边冒火星子", "变压器冒火星", "sparks coming out of the electric box at the corner"])
def test_sparks_at_electrical_gear_are_urgent(text: str) -> None:
    r = classify(text)
    assert r.is_report and r.category == "fire_safety" and r.urgency == "urgent", r


@pytest.mark.parametrize("text", ["小区大门几点关", "门口等你", "meet at the main gate at 12?"])
def test_the_same_words_in_talk(text: str) -> None:
    assert not classify(text).is_report


@pytest.mark.parametrize("text", ["pothole here, nearly fell off my scooter", "streetlight at gate 3 of Xingfu Garden is out",
                                  "this drain is blocked again", "这里有个坑"])
def test_a_short_report_at_the_spot_is_filed_without_asking(text: str) -> None:
    """These were asked "is this something to report?" (0.62, 0.53, 0.57, 0.55: below ASK_THRESHOLD or
    near it); the seventh round's short reports pointing at the spot, and "streetlight" in one word."""
    from bot.intake import ASK_THRESHOLD
    r = classify(text)
    assert r.is_report and r.confidence >= ASK_THRESHOLD + 0.1, r
