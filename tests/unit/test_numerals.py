"""bot.numerals: the one reader of Chinese numerals (clock times, hours, house numbers, personal data)."""
from __future__ import annotations

import pytest

from bot.cases.duplicates import normalize_place
from bot.checkins.parsing import parse_hours
from bot.numerals import ascii_digits, chinese_int
from bot.privacy.kinds import digits
from bot.timeparse import time_of_day


@pytest.mark.parametrize("text, value", [
    ("8", 8), ("八", 8), ("十", 10), ("十二", 12), ("二十", 20), ("三十五", 35), ("一百零五", 105),
    ("三零一", 301), ("两千", 2000), ("零", 0), ("壹拾贰", 12), ("幺三八", 138),
])
def test_numerals_with_and_without_units(text: str, value: int) -> None:
    assert chinese_int(text) == value


@pytest.mark.parametrize("text", ["", "十x", "abc", "八点"])
def test_what_is_no_numeral_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        chinese_int(text)


def test_every_reader_reads_the_same_numerals() -> None:
    assert ascii_digits("一三八号") == "138号"
    assert digits("壹叁捌") == "138"
    assert time_of_day("晚上八点四十五") == (20, 45)
    assert normalize_place("十二号楼") == normalize_place("12号楼")
    assert parse_hours("两小时") == 4 and parse_hours("十二小时") == 24  # half hours
