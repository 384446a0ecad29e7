"""A voice report's buttons pressed in a group that does not hold its case (GroupView: not reported
there, not of its branch), through the real bot on SQLite and PostgreSQL. Before: a superadmin's, or
Haidian's secretary's, category press on Haidian's voice case C-000001 made in 朝阳's group classified
and routed it and answered there '✅ C-000001 已归为…', and the reporter's 📍 press there asked for its
place, where every other case button reads in that group as a number nobody reported. Now both read
there exactly as a press on a case nobody reported; privately, and in the case's own group, as before."""
from __future__ import annotations

import pytest

from tests.conftest import AMY, BOSS, GROUP, GROUP_B, SEC_B, answer_for, two_branches, with_boss
from tests.e2e.test_voice import _case, _voice


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _press(tg, chat: dict, who: dict, data: str) -> str:
    anchor = (await tg.messages(chat["id"]))[0]  # a message of the bot there
    return str((await answer_for(tg, await tg.press(chat["id"], anchor["message_id"], who, data)))["text"])


async def test_voice_buttons_pressed_in_a_group_that_does_not_hold_the_case(bot, tg, db) -> None:
    await two_branches(tg, AMY)
    await _voice(tg, GROUP_B, AMY)  # C-000001, Haidian's (hd), awaiting triage
    assert (await _case(db))[0].status == "triage"

    for who in (BOSS, SEC_B):
        nobody = await _press(tg, GROUP, who, "vt:99:road")
        pressed = await _press(tg, GROUP, who, "vt:1:road")
        assert pressed == nobody, (pressed, nobody)
        dismissed = await _press(tg, GROUP, who, "vt:1:x")
        assert dismissed == nobody, (dismissed, nobody)
    assert (await _case(db))[0].status == "triage"

    # the reporter's "add the place" in another branch's group: as for a case nobody reported
    nobody = await _press(tg, GROUP, AMY, "vp:99")
    place = await _press(tg, GROUP, AMY, "vp:1")
    assert place == nobody, (place, nobody)
    asked = await _press(tg, GROUP_B, AMY, "vp:1")  # in its own group, as before
    assert asked != nobody, asked

    # in the case's own group, as before (privately: test_voice.py)
    there = await _press(tg, GROUP_B, SEC_B, "vt:1:road")
    assert "C-000001" in there, there
    assert (await _case(db))[0].status == "new"
