"""Names looked up from what a secretary or rider typed, with the sentence's end after them:
an input method puts `。` or `！` after the last word (`/assign C-1 住建局。`, `/top 本周。`)."""
from __future__ import annotations

import pytest

from bot.cases.departments import NoSuchDepartment, find_department
from bot.cases.numbers import parse_case_no
from bot.cases.routing import load_routing
from bot.commandtext import without_sentence_end
from bot.services.top import parse_period


@pytest.mark.parametrize("typed, code", [("住建局。", "road_maintenance"), ("水务局！", "water_authority"),
                                         ("Road maintenance.", "road_maintenance"), ("住建局·市政道路，", "road_maintenance")])
def test_a_department_named_before_the_sentences_end(typed: str, code: str) -> None:
    assert find_department(load_routing(), typed) == code


def test_punctuation_alone_names_no_department() -> None:
    with pytest.raises(NoSuchDepartment):
        find_department(load_routing(), "。")


@pytest.mark.parametrize("typed, period", [("本周。", "week"), ("week!", "week"), ("本月！", "month"), ("年。", None)])
def test_a_leaderboard_period_before_the_sentences_end(typed: str, period: str | None) -> None:
    assert parse_period(typed) == period


@pytest.mark.parametrize("mark", list("，、：；。！？,:;.!?") + ["。 ", "！！", "？。"])
def test_every_reader_of_a_typed_word_ends_the_sentence_alike(mark: str) -> None:
    """One rule (bot.commandtext.without_sentence_end) for case numbers, departments and periods:
    each used to keep its own set of marks, so `/top 本周：` or `/case C-1；` was refused."""
    assert parse_case_no(f"C-000001{mark}") == 1
    assert find_department(load_routing(), f"住建局{mark}") == "road_maintenance"
    assert parse_period(f"本周{mark}") == "week"
    assert without_sentence_end(f" 住建局{mark}") == "住建局"


@pytest.mark.parametrize("typed", ["【{}】", "「{}」。", "（{}）", "“{}”", "《{}》！"])
def test_a_name_in_brackets_or_quotes_is_read(typed: str) -> None:
    """`/assign C-1 【住建局】`, `/top 「本周」`: the brackets are the sentence's, not the name's."""
    assert find_department(load_routing(), typed.format("住建局")) == "road_maintenance"
    assert parse_period(typed.format("本周")) == "week"
    assert parse_case_no(typed.format("C-000001")) == 1
