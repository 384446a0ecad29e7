"""Words read from outside (outsider trial 7): a command mistyped, a case asked about, a place's clause."""
from __future__ import annotations

from datetime import date

import pytest

from bot.cases.places import place_clause
from bot.commands import close_to
from bot.refusals import Refused
from bot.services.asked import asked, named_case
from bot.services.chat_export import parse_args


@pytest.mark.parametrize("typed, staff, meant", [
    ("accpet", True, "accept"), ("acept", True, "accept"), ("accpet", False, None), ("mycase", False, "mycases"),
    ("boad", False, "board"), ("hlep", False, "help"), ("frob", False, None), ("help", False, None), ("me", False, None),
])
def test_close_to(typed: str, staff: bool, meant: str | None) -> None:
    assert close_to(typed, staff=staff) == meant


@pytest.mark.parametrize("text, number", [
    ("C-000001", "C-000001"), ("c1 怎么样了", "c1"), ("【C-3】进度？", "C-3"), ("Ｃ－０００００１修好了吗", "C-000001"),
    ("how is case #12 going?", "#12"), ("c一1", "c一1"),
    ("建国路88号门口井盖丢了，晚上很黑，和C-1不是一处，快来修", None), ("C-2 和 C-3", None), ("3号门", None), ("Bloc 3", None),
])
def test_named_case(text: str, number: str | None) -> None:
    named = named_case(text)
    assert (named[0] if named else None) == number


@pytest.mark.parametrize("text, number", [
    ("C-1 怎么样了", "C-1"), ("我的工单", None), ("C-1 在幸福小区3号门", "-"), ("C-1 is at Keyuan Rd gate 2", "-"),
])
async def test_asked(text: str, number: str | None) -> None:
    """What a message asks about; "-": nothing (a place given with the number is a place's answer)."""
    found = await asked(text)
    assert (found.number if found else "-") == number


@pytest.mark.parametrize("text, place, clause", [
    ("今天好累，光华路和东三环路口的红绿灯坏了", "光华路和东三环路口", "光华路和东三环路口的红绿灯坏了"),
    ("so tired. The cover at Keyuan Rd. gate 2 is missing", "Keyuan Rd. gate 2", " The cover at Keyuan Rd. gate 2 is missing"),
    ("光华路和东三环路口的红绿灯坏了", "光华路和东三环路口", None),  # one clause: the message itself
    ("路灯坏了", "幸福小区", None),
])
def test_place_clause(text: str, place: str, clause: str | None) -> None:
    assert place_clause(text, place) == clause


@pytest.mark.parametrize("words, since, fmt", [
    (["上周"], date(2026, 11, 23), "xlsx"), (["last", "week", "csv"], date(2026, 11, 23), "csv"),
    (["上个月"], date(2026, 11, 1), "xlsx"), (["last", "month"], date(2026, 11, 1), "xlsx"),
    (["这周"], date(2026, 11, 30), "xlsx"), (["本月"], date(2026, 12, 1), "xlsx"),
])
def test_export_periods(words: list[str], since: date, fmt: str) -> None:
    assert parse_args(words, date(2026, 12, 4)) == (since, fmt)  # a Friday


@pytest.mark.parametrize("words, named", [(["2026-13-01"], "2026-13-01"), (["上星期五"], "上星期五"), (["csv", "x"], "x")])
def test_export_word_unread(words: list[str], named: str) -> None:
    with pytest.raises(Refused) as refused:
        parse_args(words, date(2026, 12, 4))
    assert refused.value.key == "export-bad-word" and refused.value.params == {"word": named}


@pytest.mark.parametrize("words, since", [
    (["30d"], date(2026, 11, 4)), (["30天"], date(2026, 11, 4)), (["7", "days"], date(2026, 11, 27)),
    (["近7天"], date(2026, 11, 27)), (["last", "7", "days"], date(2026, 11, 27)), (["2周", "csv"], date(2026, 11, 20)),
    (["７天"], date(2026, 11, 27)), (["14"], date(2026, 11, 20)),
])
def test_export_days_as_people_type_them(words: list[str], since: date) -> None:
    """The export read only 30d / 30天 of a number of days ('/export cases 7 days', '近7天', '2周' were
    unread words): bot.periods.split_days, the one reader /needs and /stats lessons use, reads them."""
    assert parse_args(words, date(2026, 12, 4))[0] == since


@pytest.mark.parametrize("words", [["2026"], ["7天", "x"]])
def test_export_days_that_are_none(words: list[str]) -> None:
    with pytest.raises(Refused):
        parse_args(words, date(2026, 12, 4))
