"""The option a rider's reply to a survey's question names (bot.services.surveys.option_named)."""
from __future__ import annotations

import pytest

from bot.services.surveys import option_named

OPTIONS = ["充电桩", "午休点", "Water point"]


@pytest.mark.parametrize("typed, option", [
    ("1", 0), ("２", 1), ("3。", 2), ("选2", 1), ("选项 2", 1), ("2号", 1), ("第2个", 1), ("#3", 2), ("option 3", 2),
    ("充电桩", 0), ("午休点！", 1), ("water point", 2), ("WATER POINT.", 2),
    ("4", None), ("0", None), ("谢谢", None), ("午休点和充电桩都要", None), ("12345", None), ("", None),
])
def test_a_reply_names_an_option_by_its_number_or_its_words(typed: str, option: int | None) -> None:
    assert option_named(OPTIONS, typed) == option
