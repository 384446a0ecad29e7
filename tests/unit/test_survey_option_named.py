"""The option a rider's reply to a survey's question names (bot.services.surveys.option_named)."""
from __future__ import annotations

import pytest

from bot.services.surveys import option_named, unreadable_choice

OPTIONS = ["充电桩", "午休点", "Water point"]


@pytest.mark.parametrize("typed, option", [
    ("1", 0), ("２", 1), ("3。", 2), ("选2", 1), ("选项 2", 1), ("2号", 1), ("第2个", 1), ("#3", 2), ("option 3", 2),
    ("充电桩", 0), ("午休点！", 1), ("water point", 2), ("WATER POINT.", 2),
    ("2，离得近", 1), ("选3 吧", 2), ("1 ok", 0), ("3个人都说充电桩好", 0), ("2点以后都行", None),
    ("我觉得午休点好一点，离得近", 1), ("还是充电桩吧", 0), ("I'd say water point", 2),
    ("不要充电桩", None), ("充电桩太远了", None), ("哪个都行", None), ("watering pointless", None),
    ("4", None), ("0", None), ("谢谢", None), ("午休点和充电桩都要", None), ("12345", None), ("", None),
])
def test_a_reply_names_an_option_by_its_number_or_its_words(typed: str, option: int | None) -> None:
    assert option_named(OPTIONS, typed) == option


def test_an_option_inside_a_longer_one_is_that_one() -> None:
    assert option_named(["公园", "公园东门"], "我选公园东门吧") == 1


@pytest.mark.parametrize("options, typed, unreadable", [
    (["驿站", "公园"], "station", True), (["驿站", "公园"], "the park", True), (["驿站", "公园"], "thanks", False),
    (["驿站", "公园"], "hahaha", False), (["驿站", "公园"], "lol", False), (["驿站", "公园"], "cool!", False),
    (["Yes", "No"], "哈哈哈", False), (["Yes", "No"], "666", False),
    (["驿站", "公园"], "I think we should ask everyone again next week", False), (["驿站", "公园"], "午休", False),
    (["Yes", "No"], "充电", True), (["Yes", "No"], "maybe", False), (["1号", "2号"], "station", True),
])
def test_a_short_reply_in_another_language_is_a_choice_unread(options: list[str], typed: str, unreadable: bool) -> None:
    assert unreadable_choice(options, typed) is unreadable
