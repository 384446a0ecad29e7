"""Words a secretary or a rider types, tried from outside (branch cy: GROUP, SEC; branch hd: GROUP_B,
SEC_B, as `two_branches` sets them up). Each test is one kind of fault the trial found.
"""
from __future__ import annotations

import pytest
from sqlmodel import select

from storage.models.broadcasts import Broadcast
from tests.conftest import SEC, SEC_B, said, two_branches, with_boss

@pytest.fixture
def settings(settings):
    return with_boss(settings)


# --- 1. a mistyped schedule is not sent now (pure rules: tests/unit/test_words.py) ----------------
async def test_broadcast_with_a_mistyped_schedule_answers_the_error_and_usage_and_drafts_nothing(bot, tg, db) -> None:
    """Before: `/broadcast all 每周八 08:30 x` previewed "now" with the whole line as its text, one ✅ from
    going out to every group. A text that opens like a schedule but is none is an error, with the usage,
    in the user's language; nothing is drafted."""
    await two_branches(tg)
    for text in ("/broadcast all 每周八 08:30 x", "/broadcast all 明天 8点半半 开会", "/broadcast riders 周九 8点 x"):
        answer = (await said(tg, SEC["id"], SEC, text))["plain_text"]
        assert "像是发送时间" in answer and "/broadcast" in answer and "now" in answer, answer
        assert "预览" in answer  # the usage follows
    answer = (await said(tg, SEC_B["id"], SEC_B, "/broadcast all every mnday 8:30 weekly meeting"))["plain_text"]
    assert "looks like a time" in answer and "Broadcast /broadcast" in answer, answer
    async with db() as s:
        assert (await s.exec(select(Broadcast))).all() == []
    # a notice that only begins with a day word still previews, to go out now
    preview = (await said(tg, SEC["id"], SEC, "/broadcast all 明天起建国路封路施工，请绕行"))["plain_text"]
    assert "明天起建国路封路施工" in preview and "像是发送时间" not in preview, preview
