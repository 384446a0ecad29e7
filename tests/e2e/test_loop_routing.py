"""Departments without members (issue 13 §2): reminders and escalations fall back to the branch
secretary, an urgent case's department hears the first alert, and /routing shows who is missing."""
from __future__ import annotations

from datetime import timedelta

import pytest

from bot.app import Core
from bot.cases import load_routing
from bot.cases.routing import unstaffed_departments
from tests.conftest import BOSS, GROUP, LI, SEC, SEC_B, said, two_branches, until, with_boss
from tests.factories import read_case

ROADS = {"id": 701, "first_name": "刘工", "language_code": "zh"}  # a member of road_maintenance


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _texts(tg, chat_id: int) -> list[str]:
    return [m["text"] for m in await tg.messages(chat_id)]


async def _sweep(settings, at) -> None:
    core = await Core.open(settings, migrate=False)
    try:
        async with core.uow() as uow:
            await core.deadlines.sweep(uow, at)
            await uow.commit()
    finally:
        await core.close()


def test_unstaffed_departments_is_a_pure_function() -> None:
    routing = load_routing()
    codes = [d.code for d in unstaffed_departments(routing)]
    assert "road_maintenance" in codes and len(codes) == len({d for d, _ in routing.categories.values()})
    assert "road_maintenance" not in [d.code for d in unstaffed_departments(routing, {"road_maintenance": [7]})]


async def test_unstaffed_department_falls_back_to_the_secretary(bot, tg, db, settings) -> None:
    await two_branches(tg, LI)
    await tg.send(GROUP, LI, "人民路地铁站B口井盖没了 很危险")
    # the urgent alert names the department and says it has nobody: the secretary acts for it
    alert = await until(lambda: _find(tg, SEC["id"], "紧急工单"))
    assert "住建局·市政道路" in alert and "还没有成员" in alert
    case = await read_case(db)
    await _sweep(settings, case.created_at + timedelta(minutes=31))
    half = await until(lambda: _find(tg, SEC["id"], "已过半"))
    assert "C-000001" in half and "还没有成员" in half


async def test_staffed_department_hears_the_urgent_alert_and_reminders(bot, tg, db, settings) -> None:
    await two_branches(tg, LI, ROADS)
    await said(tg, BOSS["id"], BOSS, f"/grant {ROADS['id']} dept road_maintenance")
    await tg.send(GROUP, LI, "人民路地铁站B口井盖没了 很危险")
    alert = await until(lambda: _find(tg, ROADS["id"], "紧急工单"))
    assert "住建局·市政道路" in alert and "还没有成员" not in alert
    await until(lambda: _find(tg, SEC["id"], "紧急工单"))  # staff hear it too
    sec_before = len(await tg.messages(SEC["id"]))
    case = await read_case(db)
    await _sweep(settings, case.created_at + timedelta(minutes=31))
    assert "已过半" in await until(lambda: _find(tg, ROADS["id"], "已过半"))
    assert len(await tg.wait(SEC["id"], sec_before + 1, timeout=1.5)) == sec_before  # not the secretary


async def test_routing_lists_departments_and_warns_about_unstaffed_ones(bot, tg) -> None:
    await two_branches(tg, LI, ROADS)
    await said(tg, BOSS["id"], BOSS, f"/grant {ROADS['id']} dept road_maintenance")
    zh = await said(tg, SEC["id"], SEC, "/routing")
    assert "住建局·市政道路（road_maintenance）：刘工" in zh["text"]
    assert "11 个部门还没有成员" in zh["text"] and "水务局" in zh["text"]
    en = await said(tg, SEC_B["id"], SEC_B, "/routing")
    assert "Road maintenance (road_maintenance): 刘工" in en["text"]
    assert "11 departments have no members" in en["text"]
    refused = await said(tg, LI["id"], LI, "/routing")
    assert "只有支部书记" in refused["text"] and "road_maintenance" not in refused["text"]


async def _find(tg, chat_id: int, needle: str) -> str | None:
    return next((t for t in reversed(await _texts(tg, chat_id)) if needle in t), None)
