"""A number of days as a secretary types it after /needs or /stats lessons: 7, 7天, 近7天, last 7 days, 2周."""
from __future__ import annotations

import pytest

from bot.periods import split_days


@pytest.mark.parametrize("typed, days, rest", [
    ("7", 7, []), ("7天", 7, []), ("７天", 7, []), ("近7天", 7, []), ("最近 7 天", 7, []), ("7d", 7, []),
    ("last 7 days", 7, []), ("30 days hd", 30, ["hd"]), ("hd 30", 30, ["hd"]), ("cy 7天", 7, ["cy"]),
    ("2周", 14, []), ("2 weeks", 14, []), ("hd", None, ["hd"]), ("", None, []), ("cy2", None, ["cy2"]),
])
def test_a_number_of_days_as_typed(typed: str, days: int | None, rest: list[str]) -> None:
    assert split_days(typed) == (days, rest)
