"""/top's periods (bot/services/top.py): the words riders type for them, and where each starts and ends.
Before, only this week and this month were known: `/top 上周`, `/top 上个月`, `/top 今年` got the usage."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.periods import PERIODS, SPANS, span
from bot.services.top import parse_period

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 1, 7, 10, 0, tzinfo=TZ)  # a Wednesday, early in a year


@pytest.mark.parametrize("typed, period", [
    ("", "month"), ("本周", "week"), ("上周", "last-week"), ("上个星期", "last-week"), ("Last  Week", "last-week"),
    ("上个月", "last-month"), ("上月。", "last-month"), ("last month", "last-month"), ("今年", "year"),
    ("本年", "year"), ("this year", "year"), ("去年", "last-year"), ("last year", "last-year"), ("明年", None),
    ("本週", "week"), ("這個禮拜", "week"), ("上週", "last-week"), ("上個月", "last-month"), ("當月", "month"),
    ("這個月。", "month"), ("週榜", "week"),
])
def test_the_words_for_a_period(typed: str, period: str | None) -> None:
    assert parse_period(typed) == period


def test_every_word_names_a_period_with_a_span() -> None:
    assert set(PERIODS.values()) == set(SPANS)


@pytest.mark.parametrize("period, start, end", [
    ("week", "2026-01-05", None), ("last-week", "2025-12-29", "2026-01-05"),
    ("month", "2026-01-01", None), ("last-month", "2025-12-01", "2026-01-01"),
    ("year", "2026-01-01", None), ("last-year", "2025-01-01", "2026-01-01"),
])
def test_where_a_period_starts_and_ends(period: str, start: str, end: str | None) -> None:
    since, until = span(period, NOW)
    assert f"{since:%Y-%m-%d %H:%M}" == f"{start} 00:00" and since.tzinfo is TZ
    assert (f"{until:%Y-%m-%d %H:%M}" if until else None) == (f"{end} 00:00" if end else None)
