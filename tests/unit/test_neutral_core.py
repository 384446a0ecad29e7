"""The platform-neutral core (issue 16 §1): one refusal type, status sets from the lifecycle table.

These are structural checks: a second chat platform must find button grammar (bot/buttons.py,
checked in test_ids.py), refusals and case-status sets in one place each, not re-typed in the
adapter. Each test fails when someone writes one out again by hand.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from bot.cases import lifecycle
from bot.cases.lifecycle import (FINAL_STATUSES, NOT_OWED_STATUSES, OPEN_STATUSES, SOLVED_STATUSES, STATUSES, TABLE,
                                 TRIAGE, UNFINISHED_STATUSES, WAITING_STATUSES, CaseError, NotPermitted)
from bot.refusals import Refused

REPO = Path(__file__).resolve().parents[2]
CASE_STATUSES = set(STATUSES) | {TRIAGE}


def _sources() -> list[Path]:
    return [p for d in ("bot", "handlers", "storage") for p in (REPO / d).rglob("*.py")
            if p != REPO / "bot" / "cases" / "lifecycle.py"]


def test_no_case_status_set_is_written_out_by_hand() -> None:
    """A tuple, list or set literal of two or more case statuses belongs in bot.cases.lifecycle."""
    found = []
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
                words = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
                if len(words) == len(node.elts) and len(set(words) & CASE_STATUSES) >= 2 \
                        and set(words) <= CASE_STATUSES:
                    found.append(f"{path.relative_to(REPO)}:{node.lineno} {words}")
    assert found == []


def test_status_sets_follow_the_table() -> None:
    assert UNFINISHED_STATUSES | {"resolved"} == OPEN_STATUSES
    assert FINAL_STATUSES == set(STATUSES) - OPEN_STATUSES
    assert NOT_OWED_STATUSES <= FINAL_STATUSES and SOLVED_STATUSES <= set(STATUSES)
    assert WAITING_STATUSES == {"new", "transferred"}
    # no table row starts from a final status or from triage, and every unfinished one has a way out
    starts = {status for status, _ in TABLE}
    assert not starts & (FINAL_STATUSES | {TRIAGE}) and UNFINISHED_STATUSES <= starts


def test_the_voice_triage_status_is_the_lifecycles() -> None:
    from bot.voice import service
    assert service.TRIAGE is lifecycle.TRIAGE and TRIAGE not in STATUSES


@pytest.mark.parametrize("module, name", [
    ("bot.services.lessons", "LessonRefused"), ("bot.services.broadcasts", "BroadcastError"),
    ("bot.services.points", "PointsError"), ("bot.checkins.errors", "CheckinError"),
    ("bot.services.chat_export", "ExportError")])
def test_the_five_refusals_are_one_type(module: str, name: str) -> None:
    import importlib
    alias = getattr(importlib.import_module(module), name)
    assert alias is Refused
    e = alias("some-key", n=3)
    assert (e.key, e.params, e.args_) == ("some-key", {"n": 3}, {"n": 3})


def test_a_case_refusal_is_a_refusal() -> None:
    e = NotPermitted(status="new", action="resolve")
    assert isinstance(e, Refused) and issubclass(CaseError, Refused)
    assert (e.key, e.params) == ("case-err-not-permitted", {"status": "new", "action": "resolve"})


def test_refusals_are_caught_once_in_the_handler_layer() -> None:
    """Handlers let a Refused through to the chat layer (handlers/chat.py: one catch for a message,
    answered in its chat, one for a button press, answered on the button); the one kept catch in a
    handler (a refusal that lists the groups instead) re-raises everything else."""
    names = "LessonRefused|BroadcastError|PointsError|CheckinError|ExportError|Refused"
    catches = {p.name: len(re.findall(rf"except \(?[\w.]*({names})\b", p.read_text()))
               for p in (REPO / "handlers").glob("*.py")}
    assert {k: v for k, v in catches.items() if v} == {"lessons.py": 1, "chat.py": 2}


def test_the_pacer_asks_the_platform_which_chats_are_groups() -> None:
    from bot.pacing import Pacer
    pacer = Pacer(30, 20, 1, clock=lambda: 0.0, is_group=lambda chat_id: chat_id > 1000)  # not Telegram's rule
    assert pacer.chat_left(5000) == 20 and pacer.chat_left(-5) == 1


def test_bot_assumes_no_telegram_chat_kind_or_limits() -> None:
    """Negative ids as groups and 4096/1024 belong to the adapter (handlers/telegram_limits.py)."""
    from handlers.telegram_limits import TELEGRAM
    from handlers.telegram_aiogram.transport import TelegramTransport
    assert TelegramTransport.platform is TELEGRAM and TELEGRAM.is_group(-100) and not TELEGRAM.is_group(7)
    found = [f"{p.relative_to(REPO)}:{n}" for p in (REPO / "bot").rglob("*.py") if p.name != "platform.py"
             for n, line in enumerate(p.read_text().splitlines(), 1)
             if re.search(r"\bchat(_id)? < 0|\b4096\b|(?<![*=] )(?<!=)\b1024\b(?! \*)", line.split("#")[0])]
    assert found == []


def test_bot_writes_no_platform_markup() -> None:
    """Markup (Telegram HTML today) is the chat layer's (handlers/render*.py); bot/ hands over plain
    text and data, so a platform with another markup (WeCom markdown) renders the same content."""
    found = [f"{p.relative_to(REPO)}:{n}" for p in (REPO / "bot").rglob("*.py")
             for n, line in enumerate(p.read_text().splitlines(), 1)
             if re.search(r"</?(b|i|u|pre)>|<a href|html\.escape\(|parse_mode", line.split("#")[0])]
    assert found == []
