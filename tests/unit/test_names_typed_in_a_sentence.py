"""Names looked up from what a secretary or rider typed, with the sentence's end after them:
an input method puts `。` or `！` after the last word (`/assign C-1 住建局。`, `/top 本周。`)."""
from __future__ import annotations

import pytest

from bot.cases.departments import resolve_department
from bot.cases.lifecycle import InvalidInput
from bot.cases.routing import load_routing
from bot.services.top import parse_period


@pytest.mark.parametrize("typed, code", [("住建局。", "road_maintenance"), ("水务局！", "water_authority"),
                                         ("Road maintenance.", "road_maintenance"), ("住建局·市政道路，", "road_maintenance")])
def test_a_department_named_before_the_sentences_end(typed: str, code: str) -> None:
    assert resolve_department(load_routing(), typed) == code


def test_punctuation_alone_names_no_department() -> None:
    with pytest.raises(InvalidInput):
        resolve_department(load_routing(), "。")


@pytest.mark.parametrize("typed, period", [("本周。", "week"), ("week!", "week"), ("本月！", "month"), ("年。", None)])
def test_a_leaderboard_period_before_the_sentences_end(typed: str, period: str | None) -> None:
    assert parse_period(typed) == period
