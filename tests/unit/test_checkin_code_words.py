"""The check-in code among the words a rider adds to /checkin on a scooter (`K7MPQ 到了`, `签到K7MPQ`,
`K7MPQ thanks`): each got '没有签到码为“K7MPQ到了”的活动' (the words joined into one code)."""
from __future__ import annotations

import pytest

from bot.checkins.parsing import codes_in, split_code


@pytest.mark.parametrize("typed, codes", [
    ("K7MPQ", ["K7MPQ"]), ("k7mpq", ["K7MPQ"]), ("k7m pq", ["K7MPQ"]), ("“K7MPQ”。", ["K7MPQ"]),
    ("ｋ７ｍｐｑ", ["K7MPQ"]), ("K7MPQ 到了", ["K7MPQ"]), ("签到K7MPQ", ["K7MPQ"]), ("K7MPQ，李师傅到", ["K7MPQ"]),
    ("K7MPQ thanks", ["K7MPQ"]), ("there K7MPQ", ["THERE", "K7MPQ"]), ("签到", []), ("ABC", []),
    ("K7MPQX 到了", []),  # six letters: no code
])
def test_the_codes_a_rider_may_mean(typed: str, codes: list[str]) -> None:
    assert codes_in(typed) == codes

@pytest.mark.parametrize("typed, split", [
    ("K7MPQ2", ("K7MPQ", "2")), ("K7MPQ2.5h", ("K7MPQ", "2.5h")), ("k7mpq90分钟", ("k7mpq", "90分钟")),
    ("K7MPQ 2", ("K7MPQ", "2")), ("K7MPQ，2.5", ("K7MPQ", "2.5")), ("K7MPQ", ("K7MPQ", "")),
    ("K7MPQX 2", ("K7MPQX", "2")), ("", ("", "")),
])
def test_the_hours_after_a_code_glued_or_not(typed: str, split: tuple[str, str]) -> None:
    """`/hours K7MPQ2` (no space) got the usage: a code is five characters, a digit after it starts the hours."""
    assert split_code(typed) == split
