"""The check-in code among the words a rider adds to /checkin on a scooter (`K7MPQ 到了`, `签到K7MPQ`,
`K7MPQ thanks`): each got '没有签到码为“K7MPQ到了”的活动' (the words joined into one code)."""
from __future__ import annotations

import pytest

from bot.checkins.parsing import codes_in


@pytest.mark.parametrize("typed, codes", [
    ("K7MPQ", ["K7MPQ"]), ("k7mpq", ["K7MPQ"]), ("k7m pq", ["K7MPQ"]), ("“K7MPQ”。", ["K7MPQ"]),
    ("ｋ７ｍｐｑ", ["K7MPQ"]), ("K7MPQ 到了", ["K7MPQ"]), ("签到K7MPQ", ["K7MPQ"]), ("K7MPQ，李师傅到", ["K7MPQ"]),
    ("K7MPQ thanks", ["K7MPQ"]), ("there K7MPQ", ["THERE", "K7MPQ"]), ("签到", []), ("ABC", []),
    ("K7MPQX 到了", []),  # six letters: no code
])
def test_the_codes_a_rider_may_mean(typed: str, codes: list[str]) -> None:
    assert codes_in(typed) == codes
