"""The secretary side tried from outside, as a new user would (branch cy: GROUP, SEC; branch hd:
GROUP_B, SEC_B, as `two_branches` sets them up). Each test is one kind of fault the trial found.
"""
from __future__ import annotations

import re

import pytest

from tests.conftest import GROUP, GROUP_B, LI, SEC, SEC_B, buttons, said, two_branches, with_boss
from tests.factories import report

HD_RIDER = {"id": 503, "first_name": "海淀骑手", "language_code": "zh"}


@pytest.fixture
def settings(settings):
    return with_boss(settings)


def _same(a: str, b: str) -> bool:
    """Two refusals read the same once the number the user typed is set aside."""
    return re.sub(r"\d+", "#", a) == re.sub(r"\d+", "#", b)


async def test_a_case_command_without_its_input_reads_another_branchs_case_as_missing(bot, tg, db) -> None:
    """Before: `/note 1` (no note) on another branch's case answered "You may not do “Add update” on
    this case" while `/note 99` answered "No case C-000099 in your scope": the bare number told the
    other branch's case exists. A command asking for its input (buttons or a reply prompt) checks
    scope before state, as the command with its input does."""
    await two_branches(tg, LI)
    await report(tg, GROUP, LI)  # C-000001, cy's
    for chat in (SEC_B["id"], GROUP_B):
        for command in ("assign", "note", "resolve", "reject", "dup", "transfer", "decline", "cannotfix"):
            missing = await said(tg, chat, SEC_B, f"/{command} C-000099")
            for typed in (f"/{command} C-000001", f"/{command} 1", f"/{command} c-1"):
                foreign = await said(tg, chat, SEC_B, typed)
                assert _same(foreign["text"], missing["text"]), (typed, foreign["text"], missing["text"])
                assert not buttons(foreign) and not foreign.get("reply_markup"), typed
    # the branch's own secretary is still asked for what is missing
    asked = await said(tg, SEC["id"], SEC, "/assign C-000001")
    assert any(b.startswith("cd:1:as:") for b in buttons(asked)), asked
    prompt = await said(tg, SEC["id"], SEC, "/note C-000001")
    assert "C-000001" in prompt["text"] and prompt.get("reply_markup", {}).get("force_reply"), prompt
