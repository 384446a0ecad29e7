"""A case handed to a department is heard by the department (bot/services/case_handovers.py), as a
transfer request is: the secretary's `/assign` reached the group and the reporter ("已指派给住建局")
but not the department, which learnt of the case at its half-time reminder; a reporter's "仍未解决"
sent a resolved case back to its department in silence."""
from __future__ import annotations

import pytest

from tests.conftest import BOSS, GROUP, LI, SEC, answer_for, buttons, said, two_branches, until, with_boss
from tests.e2e.test_loop_clocks import _sweep
from tests.e2e.test_loop_transfers import LIGHT, ROADS, _find  # a roads and a lighting department
from tests.factories import read_case



@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _setup(tg) -> None:
    await two_branches(tg, LI, ROADS, LIGHT)
    await said(tg, BOSS["id"], BOSS, f"/grant {ROADS['id']} dept road_maintenance")
    await said(tg, BOSS["id"], BOSS, f"/grant {LIGHT['id']} dept urban_lighting")
    await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")


async def test_the_department_a_case_is_assigned_to_hears_it_with_its_next_step(bot, tg, db) -> None:
    await _setup(tg)
    await said(tg, SEC["id"], SEC, "/assign C-000001 住建局")
    told = await until(lambda: _find(tg, ROADS["id"], "已指派给"))
    assert "C-000001" in told["text"] and "住建局·市政道路" in told["text"] and "幸福小区3号门" in told["text"]
    assert "答复期限" in told["text"] and "办结期限" in told["text"]
    assert buttons(told) == ["ca:1:accept"]  # one tap to accept it
    done = await answer_for(tg, await tg.press(ROADS["id"], told["message_id"], ROADS, "ca:1:accept"))
    assert "✅" in done["text"]
    assert (await until(lambda: _status(db, "accepted"))).department == "road_maintenance"
    assert not [m for m in await tg.messages(SEC["id"]) if "已指派给" in m["text"] and "📥" in m["text"]]
    # assigned on, once accepted: the next department is offered to start it, in its own language
    await said(tg, SEC["id"], SEC, "/assign C-000001 urban_lighting")
    moved = await until(lambda: _find(tg, LIGHT["id"], "assigned to"))
    assert "C-000001" in moved["text"] and "Urban lighting" in moved["text"] and buttons(moved) == ["ca:1:start"]


async def test_the_department_hears_the_reporter_say_it_is_not_fixed(bot, tg, db) -> None:
    await _setup(tg)
    await said(tg, LIGHT["id"], LIGHT, "/accept C-000001")
    await said(tg, LIGHT["id"], LIGHT, "/resolve C-000001 replaced the bulb")
    confirm = await until(lambda: _find(tg, LI["id"], "已处理完毕"))
    await answer_for(tg, await tg.press(LI["id"], confirm["message_id"], LI, "cf:1:n"))
    told = await until(lambda: _find(tg, LIGHT["id"], "not fixed"))
    assert "C-000001" in told["text"] and "Urban lighting" in told["text"] and "fix due" in told["text"]
    assert (await read_case(db)).status == "in_progress"
    assert sum("not fixed" in m["text"] for m in await tg.messages(LIGHT["id"])) == 1


async def _status(db, status: str):
    case = await read_case(db)
    return case if case.status == status else None


async def test_a_deadline_reminder_carries_the_departments_next_step(bot, tg, db, settings) -> None:
    """"⏰ 已到答复期限，请尽快处理" came with nothing to press: the department had to find the case and
    type /accept. Now the reminder has the button of its next step (accept; start; mark resolved)."""
    from datetime import timedelta
    await _setup(tg)
    created = (await read_case(db)).created_at
    await _sweep(settings, created + timedelta(hours=37))  # half of the 72 h response clock
    half = await until(lambda: _find(tg, LIGHT["id"], "half-way"))
    assert buttons(half) == ["ca:1:accept"]
    await answer_for(tg, await tg.press(LIGHT["id"], half["message_id"], LIGHT, "ca:1:accept"))
    await until(lambda: _status(db, "accepted"))
    await _sweep(settings, created + timedelta(days=4))  # past half of the 7-day fix clock
    fix_half = await until(lambda: _find(tg, LIGHT["id"], "fix deadline"))
    assert buttons(fix_half) == ["ca:1:start"]
