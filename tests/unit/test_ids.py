"""Ids at the edge (and in every button's data), which failures are retried, and catalogue texts that are valid Telegram HTML."""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from bot.buttons import (MAX_DATA_BYTES, PREFIXES, BroadcastPress, Button, CaseAction, CaseConfirm, DepartmentChoice,
                         HoursVerdict, LessonPress, RedemptionVerdict, ReportInBranch, ReportInVerdict, ShopRedeem,
                         ProposeFromCase, SupportPress, SurveyOption, UnsureReport, VoicePlace, VoiceTriage,
                         VotePress, decode, encode)
from bot.cases.numbers import parse_case_no
from bot.i18n import LANGS, message_keys, t
from bot.ids import ID, MAX_ID, bounded_int, parse_id
from bot.services.points import parse_redemption_no
from emulator.html import parse_html
from storage.errors import is_retryable

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("text, expected", [
    ("12", 12), ("#12", 12), ("１２", 12), (str(MAX_ID), MAX_ID), (str(MAX_ID + 1), None), ("0", None),
    ("-5", None), ("99999999999999999999", None), ("1" * 5000, None), ("²", 2), ("٣", 3), ("", None), (None, None),
    ("12a", None), ("R12", None)])
def test_parse_id_is_bounded(text: str | None, expected: int | None) -> None:
    assert parse_id(text) == expected


def test_case_and_redemption_numbers_are_bounded() -> None:
    assert parse_case_no("C-000123") == 123 and parse_case_no("C-99999999999") is None
    assert parse_case_no(f"C-{MAX_ID}") == MAX_ID
    assert parse_redemption_no("R12") == 12 and parse_redemption_no("#r-12") == 12
    assert parse_redemption_no("R99999999999") is None and parse_redemption_no("R") is None


def test_bounded_int() -> None:
    assert bounded_int("+20", -100, 100) == 20 and bounded_int("-20", -100, 100) == -20
    assert bounded_int("101", -100, 100) is None and bounded_int("9" * 5000, 0, 10) is None
    assert bounded_int("²", 0, 10) == 2  # NFKC: what a phone keyboard may type


def test_every_button_kind_takes_ids_of_sane_length() -> None:
    """A forged button with a 20-digit id must not even match a handler: every button kind's
    pattern (bot.buttons, the one place button data is read) uses the shared ID pattern, never
    an unbounded run of digits, and no handler reads callback data on its own."""
    assert len(PREFIXES) >= 14
    for kind, pattern in PREFIXES.values():
        assert r"\d+" not in pattern.pattern and r"\d*" not in pattern.pattern, pattern.pattern
        assert pattern.pattern.startswith(kind.prefix + ":")
    assert re.fullmatch(ID, "9" * 9) and not re.fullmatch(ID, "9" * 10)
    handlers = "\n".join(p.read_text() for p in (REPO / "handlers").rglob("*.py"))
    assert "F.data" not in handlers and "query.data or" not in handlers
    from tests.e2e.test_poison import FORGED
    assert set(PREFIXES) <= {d.split(":")[0] for d in FORGED}, "add the new prefix to FORGED in test_poison.py"


SAMPLES: list[Button] = [
    CaseAction(12, "accept"), CaseConfirm(12, True), CaseConfirm(12, False), DepartmentChoice(3, "assign", "roads"),
    DepartmentChoice(3, "transfer_request", "#4"), DepartmentChoice(3, None), UnsureReport(9, False),
    ReportInVerdict(5, True), ReportInBranch(5, 2), HoursVerdict(7, 5, False), BroadcastPress("go", 4),
    BroadcastPress("c", MAX_ID if len(str(MAX_ID)) <= 9 else 999_999_999), SurveyOption(8, 9), LessonPress(6, None),
    LessonPress(6, 3), ShopRedeem(2), RedemptionVerdict(11, True), VoiceTriage(1, "road_maintenance"), VoicePlace(1),
    SupportPress(4), VotePress(4, 12), ProposeFromCase(9)]


def test_every_button_kind_reads_back_what_it_built() -> None:
    assert {type(b) for b in SAMPLES} == {kind for kind, _ in PREFIXES.values()}
    for button in SAMPLES:
        data = encode(button)
        assert len(data.encode()) <= MAX_DATA_BYTES and decode(data) == button, data


@pytest.mark.parametrize("data", [
    None, "", "ca", "ca:", "ca:1", "ca:1:", "ca:1:accept:x", "ca:1234567890:accept", "ri:1:a\n", "ri:-1:a",
    "cf:1:Y", "ls:1:10", "sv:1:100", "pt:1", "pt:x:1", "bc:go:", "vp:", "zz:1:a", "cd:1:as:" + "a" * 41,
    "cd:1:zz:roads", "vh:1:a", "ca:1:" + "a" * 70])
def test_malformed_or_forged_data_is_no_button(data: str | None) -> None:
    assert decode(data) is None


def test_a_button_that_does_not_fit_is_refused_where_it_is_made() -> None:
    with pytest.raises(ValueError):
        encode(DepartmentChoice(1, "assign", "路" * 20))  # 60 bytes of token: over Telegram's 64
    with pytest.raises(ValueError):
        encode(LessonPress(1, 10))  # one digit per quiz option


def _wrap(orig: BaseException) -> DBAPIError:
    return DBAPIError("SELECT 1", {}, orig)


class _PgError(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


@pytest.mark.parametrize("exc, retry", [
    (OperationalError("x", {}, sqlite3.OperationalError("database is locked")), True),
    (_wrap(_PgError("40001")), True), (_wrap(_PgError("40P01")), True), (_wrap(_PgError("55P03")), True),
    (_wrap(_PgError("57014")), True), (_wrap(_PgError("08006")), True), (ConnectionResetError(), True),
    (DBAPIError("x", {}, Exception("gone"), connection_invalidated=True), True),
    (_wrap(_PgError("22003")), False), (_wrap(_PgError("22P02")), False), (OverflowError("int too big"), False),
    (IntegrityError("x", {}, _PgError("23503")), False), (ValueError("bad"), False), (KeyError("k"), False),
    (OperationalError("x", {}, sqlite3.OperationalError("no such table: foo")), False),
])
def test_only_what_a_retry_can_fix_is_retried(exc: BaseException, retry: bool) -> None:
    assert is_retryable(exc) is retry


@pytest.mark.parametrize("lang", LANGS)
def test_every_catalogue_text_is_valid_telegram_html(lang: str) -> None:
    """A placeholder written `<branch>` is an unknown tag to Telegram: the message would be
    rejected and resent without it. Every text must parse as Telegram HTML as it stands."""
    bad = {}
    for key in sorted(message_keys(lang)):
        text = t(lang, key)
        try:
            parse_html(text)
        except ValueError as e:
            bad[key] = str(e)
    assert bad == {}


@pytest.mark.parametrize("lang", LANGS)
def test_every_refused_action_has_a_name(lang: str) -> None:
    """A refusal names the action in words (`case-action-<code>`), never the raw key."""
    from bot.cases.lifecycle import ACTIONS
    from bot.i18n import has
    missing = [a for a in (*ACTIONS, "view", "recategorize") if not has(lang, f"case-action-{a}")]
    assert missing == []


def test_a_refusal_never_shows_a_raw_action_key() -> None:
    from handlers.render import error_text
    text = error_text("zh", "case-err-illegal", {"status": "new", "action": "x"})
    assert "case-action" not in text
