"""Danger from a person or from water is urgent (taxonomy: immediate danger to someone's safety):
"有人拿刀在街上追人" was small talk (0.57) and nobody heard of it; "河边有人落水了 快来人" was filed as
waterlogging with a normal deadline. A knife used on people, someone in the water and a child shut in a
car are life-safety cues (bot.intake.rules.URGENT_ZH / URGENT_EN); a knife in the kitchen, a day's
fishing and keys locked in a car are not."""
from __future__ import annotations

import pytest

from bot.intake import classify


@pytest.mark.parametrize(("text", "category"), [
    ("有人拿刀在街上追人", "other"),
    ("有个男的拿着刀到处吓人", "other"),
    ("someone with a knife is chasing people near the market", "other"),
    ("河边有人落水了 快来人", "person_in_need"),
    ("a kid fell into the river by the park", "person_in_need"),
    ("有个小孩被锁在车里 车窗关着 太阳很大", "person_in_need"),
])
def test_danger_from_a_person_or_water_is_urgent(text: str, category: str) -> None:
    r = classify(text)
    assert r.is_report and r.urgency == "urgent" and r.category == category, r


@pytest.mark.parametrize("text", ["我拿刀切菜呢", "拿刀的那个厨师手艺好", "今天去河边钓鱼了", "钥匙锁在车里了 哈哈",
                                  "如果有人拿刀追你怎么办"])
def test_the_same_words_without_danger(text: str) -> None:
    r = classify(text)
    assert not r.urgent_report, r
