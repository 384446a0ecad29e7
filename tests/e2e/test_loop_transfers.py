"""Transfers heard by everyone they concern (issue 13 §2): the receiving department gets the case
with accept/decline buttons and sees it in /cases; the owner hears a decline; the secretary hears
when the transfer limit is hit."""
from __future__ import annotations

import pytest

from storage.models import Case
from tests.conftest import (BOSS, GROUP, LI, SEC, answer_for, buttons, private, said, two_branches, until,
                            with_boss)
from tests.factories import read_case

ROADS = {"id": 701, "first_name": "刘工", "language_code": "zh"}   # road_maintenance
LIGHT = {"id": 702, "first_name": "Lee", "language_code": "en"}   # urban_lighting


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _find(tg, chat_id: int, needle: str) -> dict | None:
    return next((m for m in reversed(await tg.messages(chat_id)) if needle in m["text"]), None)


async def _setup(tg) -> None:
    await two_branches(tg, LI, ROADS, LIGHT)
    await said(tg, BOSS["id"], BOSS, f"/grant {ROADS['id']} dept road_maintenance")
    await said(tg, BOSS["id"], BOSS, f"/grant {LIGHT['id']} dept urban_lighting")
    await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    await said(tg, LIGHT["id"], LIGHT, "/accept C-000001")


async def test_receiving_department_is_offered_the_case_and_lists_it(bot, tg, db) -> None:
    await _setup(tg)
    await tg.send(private(LIGHT), LIGHT, "/transfer C-000001 road_maintenance")
    offer = await until(lambda: _find(tg, ROADS["id"], "申请把工单"))
    assert "C-000001" in offer["text"] and "城管局·市政照明" in offer["text"] and "住建局·市政道路" in offer["text"]
    assert buttons(offer) == ["ca:1:transfer_accept", "ca:1:transfer_decline"]
    listing = await said(tg, ROADS["id"], ROADS, "/cases")
    assert "C-000001" in listing["text"] and "待你部门接收" in listing["text"]
    done = await answer_for(tg, await tg.press(ROADS["id"], offer["message_id"], ROADS, "ca:1:transfer_accept"))
    assert "已完成" in done["text"] or "✅" in done["text"]
    case = await until(lambda: _owned_by(db, "road_maintenance"))
    assert case.pending_department is None and case.status == "accepted"


async def test_owner_hears_a_decline_and_secretary_the_limit(bot, tg, db) -> None:
    await _setup(tg)
    await tg.send(private(LIGHT), LIGHT, "/transfer C-000001 road_maintenance")
    await until(lambda: _find(tg, ROADS["id"], "申请把工单"))
    await tg.send(private(ROADS), ROADS, "/decline C-000001 这是路灯，不归道路管")
    declined = await until(lambda: _find(tg, LIGHT["id"], "declined case"))
    assert "C-000001" in declined["text"] and "这是路灯，不归道路管" in declined["text"]
    assert "Road maintenance declined" in declined["text"]
    # the second request goes to a department nobody staffs: the secretary gets the offer
    await tg.send(private(LIGHT), LIGHT, "/transfer C-000001 water_authority")
    offer = await until(lambda: _find(tg, SEC["id"], "申请把工单"))
    assert "水务局" in offer["text"] and "还没有成员" in offer["text"]
    await tg.send(private(SEC), SEC, "/decline C-000001 不是积水问题")
    limit = await until(lambda: _find(tg, SEC["id"], "达到上限"))
    assert "C-000001" in limit["text"] and "2 次" in limit["text"]
    refused = await said(tg, LIGHT["id"], LIGHT, "/transfer C-000001 street_office")
    assert "limit" in refused["text"]
    sec = [m["text"] for m in await tg.messages(SEC["id"])]
    assert sum("达到上限" in t for t in sec) == 1  # told once, not at every refused attempt


async def _owned_by(db, department: str) -> Case | None:
    case = await read_case(db)
    return case if case.department == department else None


async def test_a_declined_transfer_returns_the_case_to_where_it_was(bot, tg, db) -> None:
    """Issue 17 #22: New → 申请转办 → 拒绝转办 read 已受理 though nobody had accepted the case. A
    decline returns it to the owner in the status the request found it in; its response clock runs on."""
    await two_branches(tg, LI, ROADS, LIGHT)
    await said(tg, BOSS["id"], BOSS, f"/grant {ROADS['id']} dept road_maintenance")
    await said(tg, BOSS["id"], BOSS, f"/grant {LIGHT['id']} dept urban_lighting")
    await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    case = await read_case(db)
    assert (case.status, case.department) == ("new", "urban_lighting")
    await tg.send(private(LIGHT), LIGHT, "/transfer C-000001 road_maintenance")
    await until(lambda: _find(tg, ROADS["id"], "申请把工单"))
    await tg.send(private(ROADS), ROADS, "/decline C-000001 这是路灯，不归道路管")
    await until(lambda: _find(tg, LIGHT["id"], "declined case"))
    case = await read_case(db)
    assert (case.status, case.department, case.pending_department) == ("new", "urban_lighting", None)
    assert case.responded_at is None  # nobody responded: the clock still runs
    accepted = await said(tg, LIGHT["id"], LIGHT, "/accept C-000001")  # and the owner can still accept it
    assert "✅" in accepted["text"]
    assert (await read_case(db)).status == "accepted"


async def test_assigning_to_the_owning_department_is_refused(bot, tg, db) -> None:
    """Issue 17 #16: `/assign C-1 <its own department>` got no reply at all (a silent no-op)."""
    await two_branches(tg, LI, ROADS, LIGHT)
    await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    before = len(await tg.messages(GROUP["id"]))
    refused = await said(tg, SEC["id"], SEC, "/assign C-000001 urban_lighting")
    assert "城管局·市政照明" in refused["text"] and "无需重复指派" in refused["text"]
    done = await said(tg, SEC["id"], SEC, "/assign C-000001 road_maintenance")  # another one goes through
    assert "✅" in done["text"] or "C-000001" in done["text"]
    assert (await read_case(db)).department == "road_maintenance"
    assert len(await tg.wait(GROUP["id"], before + 1)) == before + 1  # the real assign announced, once
