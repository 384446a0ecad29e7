"""Volunteer hours as a rider says them after /hours CODE (bot.checkins.parsing.parse_hours, in half
hours): '/hours K7MPQ 90分钟' and '/hours K7MPQ 一个半小时' got '“90分钟”不是有效的时长' (only 2, 2.5,
2h, 2小时 and 1:30 were read)."""
from __future__ import annotations

import pytest

from bot.checkins.errors import CheckinError
from bot.checkins.parsing import parse_hours


@pytest.mark.parametrize("typed, halves", [
    ("90分钟", 3), ("90 分钟", 3), ("90min", 3), ("30分", 1), ("半小时", 1), ("半个小时", 1), ("1个半小时", 3),
    ("一个半小时", 3), ("两小时", 4), ("两个小时", 4), ("2小时30分钟", 5), ("2h30m", 5), ("2个半钟头", 5),
    ("2", 4), ("2.5", 5), ("1:30", 3),  # as before
])
def test_hours_as_said(typed: str, halves: int) -> None:
    assert parse_hours(typed) == halves


@pytest.mark.parametrize("typed", ["0分钟", "10分钟", "很久", "半", "abc"])
def test_no_amount_is_refused(typed: str) -> None:
    with pytest.raises(CheckinError):
        parse_hours(typed)
