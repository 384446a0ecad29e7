"""The department that loses a case hears it, privately (bot/services/case_handovers.py): a department
that had accepted a case, or been assigned it, heard nothing when the secretary moved it elsewhere,
rejected it or closed it as cannot-fix, kept it on its list in its head and might send a crew. Now it
is told the case, what happened, by whom (in role terms) and that it need do nothing more; the one
who made the change is not told, nor a department that never had the case in hand."""
from __future__ import annotations

import pytest

from tests.conftest import BOSS, GROUP, LI, SEC, buttons, private, said, until, with_boss
from tests.e2e.test_department_handovers import _setup  # C-000001, routed to urban lighting
from tests.e2e.test_loop_transfers import LIGHT, ROADS, _find  # a roads (zh) and a lighting (en) department
from tests.factories import read_case


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _status(db, status: str):
    case = await read_case(db)
    return case if case.status == status else None


async def _none_told(tg, chat_id: int, *needles: str) -> bool:
    return not [m for m in await tg.messages(chat_id) if any(n in m["text"] for n in needles)]


async def test_an_accepted_case_moved_elsewhere_is_heard_by_the_department_that_had_it(bot, tg, db) -> None:
    await _setup(tg)
    await said(tg, LIGHT["id"], LIGHT, "/accept C-000001")
    await until(lambda: _status(db, "accepted"))
    await said(tg, SEC["id"], SEC, "/assign C-000001 住建局")
    told = await until(lambda: _find(tg, LIGHT["id"], "has been moved to"))
    assert "C-000001" in told["text"] and "Road maintenance" in told["text"]
    assert "the branch secretary" in told["text"] and "Urban lighting no longer handles it" in told["text"]
    assert "nothing more for you to do" in told["text"] and "幸福小区3号门" in told["text"]
    await until(lambda: _find(tg, ROADS["id"], "已指派给"))  # the new one hears it as before
    assert await _none_told(tg, SEC["id"], "改派", "moved to")  # who moved it is not told what they did
    assert await _none_told(tg, ROADS["id"], "改派给")


async def test_an_assigned_case_rejected_is_heard_by_its_department_in_chinese(bot, tg, db) -> None:
    await _setup(tg)
    await said(tg, SEC["id"], SEC, "/assign C-000001 road_maintenance")
    await until(lambda: _find(tg, ROADS["id"], "已指派给"))
    await said(tg, SEC["id"], SEC, "/reject C-000001 已由物业处理。")
    told = await until(lambda: _find(tg, ROADS["id"], "驳回"))
    assert "C-000001" in told["text"] and "已被支部书记驳回，理由：已由物业处理。工单已结束" in told["text"]
    assert "住建局·市政道路无需再做任何事，也不必派人前往。" in told["text"]
    assert await _none_told(tg, SEC["id"], "无需再做任何事")


async def test_a_case_closed_as_cannot_fix_and_a_transfer_taken_are_heard(bot, tg, db) -> None:
    await _setup(tg)
    await said(tg, LIGHT["id"], LIGHT, "/accept C-000001")
    await tg.send(private(LIGHT), LIGHT, "/transfer C-000001 road_maintenance")
    await until(lambda: _find(tg, ROADS["id"], "申请把工单"))
    await said(tg, ROADS["id"], ROADS, "/take C-000001")
    taken = await until(lambda: _find(tg, LIGHT["id"], "has been transferred to"))
    assert "Road maintenance" in taken["text"] and "the receiving department" in taken["text"]
    assert await _none_told(tg, ROADS["id"], "不再由")  # the receiving one took it: it is not told it lost it
    await said(tg, BOSS["id"], BOSS, "/cannotfix C-000001 产权不清，需区里协调")
    told = await until(lambda: _find(tg, ROADS["id"], "无法解决"))
    assert "已由超级管理员以“无法解决”结案，理由：产权不清，需区里协调。" in told["text"]
    assert (await read_case(db)).status == "closed_not_fixed"


async def test_a_case_nobody_had_in_hand_rejected_tells_no_department(bot, tg, db) -> None:
    """A report routed by default and rejected before anybody looked: no department had it."""
    await _setup(tg)
    await said(tg, SEC["id"], SEC, "/reject C-000001 不是问题")
    await until(lambda: _status(db, "rejected"))
    await said(tg, LIGHT["id"], LIGHT, "/case C-000001")  # a message after which the notice would be queued
    assert await _none_told(tg, LIGHT["id"], "rejected by")


async def test_a_case_marked_a_duplicate_is_heard_by_its_department(bot, tg, db) -> None:
    await _setup(tg)
    await said(tg, GROUP, LI, "科苑路地铁站B口旁边的路灯也不亮了")
    await until(lambda: _case_count(db, 2))
    await said(tg, LIGHT["id"], LIGHT, "/accept C-000002")
    await said(tg, SEC["id"], SEC, "/dup C-000002 C-000001")
    told = await until(lambda: _find(tg, LIGHT["id"], "duplicate of"))
    assert "C-000002" in told["text"] and "as a duplicate of C-000001" in told["text"]
    assert "followed under C-000001" in told["text"] and "the branch secretary" in told["text"]


async def test_a_new_case_its_department_was_reminded_of_is_its_own_to_lose(bot, tg, db, settings) -> None:
    """Routed by default, nobody accepted it yet: moved elsewhere, the department hears it once it
    was told of the case (here its half-time reminder), not a case it never heard of."""
    from datetime import timedelta

    from tests.e2e.test_loop_clocks import _sweep
    await _setup(tg)
    created = (await read_case(db)).created_at
    await _sweep(settings, created + timedelta(hours=37))  # urban lighting is reminded at half time
    await until(lambda: _find(tg, LIGHT["id"], "half-way"))
    await said(tg, SEC["id"], SEC, "/assign C-000001 住建局")
    told = await until(lambda: _find(tg, LIGHT["id"], "has been moved to"))
    assert "C-000001" in told["text"] and "Road maintenance by the branch secretary" in told["text"]
    await said(tg, GROUP, LI, "科苑路地铁站B口旁边的路灯也不亮了")  # routed to urban lighting too, never reminded
    await until(lambda: _case_count(db, 2))
    await said(tg, SEC["id"], SEC, "/assign C-000002 住建局")
    await until(lambda: _find(tg, ROADS["id"], "C-000002"))
    assert not [m for m in await tg.messages(LIGHT["id"]) if "C-000002" in m["text"] and "moved to" in m["text"]]


async def _case_count(db, n: int) -> bool:
    from sqlmodel import select

    from storage.models import Case
    async with db() as s:
        return len((await s.exec(select(Case))).all()) >= n


async def test_a_department_a_transfer_waits_on_hears_when_the_secretary_settles_the_case(bot, tg, db) -> None:
    """A transfer requested to the roads department, then the secretary assigns the case elsewhere:
    the roads department kept an offer it could no longer accept, and heard nothing."""
    await _setup(tg)
    await said(tg, LIGHT["id"], LIGHT, "/accept C-000001")
    await tg.send(private(LIGHT), LIGHT, "/transfer C-000001 road_maintenance")
    offer = await until(lambda: _find(tg, ROADS["id"], "申请把工单"))
    await said(tg, SEC["id"], SEC, "/assign C-000001 water_authority")
    told = await until(lambda: _find(tg, ROADS["id"], "不用再转给"))
    assert "C-000001" in told["text"] and "不用再转给住建局·市政道路了：支部书记已把它指派给水务局" in told["text"]
    assert "无需接收，也不必派人前往。" in told["text"]
    settled = await until(lambda: _settled(tg, ROADS["id"], offer["message_id"]))
    assert "张书记" in settled["text"]  # the request's buttons went, saying who decided
    moved = await until(lambda: _find(tg, LIGHT["id"], "has been moved to"))  # and the owner lost it
    assert "Water authority" in moved["text"] or "水务局" in moved["text"]


async def _settled(tg, chat_id: int, message_id: int) -> dict | None:
    msg = next((m for m in await tg.messages(chat_id) if m["message_id"] == message_id), None)
    return msg if msg is not None and not buttons(msg) else None


async def test_a_transfer_its_asker_settles_names_the_asking_department(bot, tg, db) -> None:
    """The department that asked for a transfer marks the case a duplicate while the request waits: the
    department asked was told '本部门同事已把它标为 C-000002 的重复工单', a colleague of its own, who
    did nothing of the kind; now it reads the asking department's name."""
    await _setup(tg)
    await said(tg, GROUP, LI, "科苑路地铁站B口旁边的路灯也不亮了")
    await until(lambda: _case_count(db, 2))
    await said(tg, LIGHT["id"], LIGHT, "/accept C-000001")
    await tg.send(private(LIGHT), LIGHT, "/transfer C-000001 road_maintenance")
    await until(lambda: _find(tg, ROADS["id"], "申请把工单"))
    await said(tg, LIGHT["id"], LIGHT, "/dup C-000001 C-000002")
    told = await until(lambda: _find(tg, ROADS["id"], "不用再转给"))
    assert "不用再转给住建局·市政道路了：城管局·市政照明已把它标为 C-000002 的重复工单。" in told["text"], told["text"]
    assert "本部门同事" not in told["text"]
    assert await _none_told(tg, LIGHT["id"], "no longer coming", "duplicate of")  # the one who did it


async def test_a_case_closed_as_cannot_fix_reads_as_english(bot, tg, db) -> None:
    """'has been closed as cannot be fixed by the branch secretary' said the secretary could not fix it."""
    await _setup(tg)
    await said(tg, LIGHT["id"], LIGHT, "/accept C-000001")
    await said(tg, SEC["id"], SEC, "/cannotfix C-000001 产权不清，需区里协调")
    told = await until(lambda: _find(tg, LIGHT["id"], "cannot be fixed"))
    assert "has been closed by the branch secretary as one that cannot be fixed, reason: 产权不清，需区里协调." \
        in told["text"], told["text"]


async def test_a_case_assigned_to_the_department_a_transfer_waits_on_settles_the_request(bot, tg, db) -> None:
    """The secretary assigns the case straight to the department it was offered to: that department got
    the assign note ('已指派给住建局·市政道路', with its start button) beside the request, whose accept
    and decline buttons stayed live; now the request's buttons go, naming who decided, and it is told
    nothing of a withdrawal (the case is coming)."""
    await _setup(tg)
    await said(tg, LIGHT["id"], LIGHT, "/accept C-000001")
    await tg.send(private(LIGHT), LIGHT, "/transfer C-000001 road_maintenance")
    offer = await until(lambda: _find(tg, ROADS["id"], "申请把工单"))
    await said(tg, SEC["id"], SEC, "/assign C-000001 road_maintenance")
    await until(lambda: _find(tg, ROADS["id"], "已指派给"))
    settled = await until(lambda: _settled(tg, ROADS["id"], offer["message_id"]))
    assert "张书记" in settled["text"], settled["text"]
    assert await _none_told(tg, ROADS["id"], "不用再转给")
    assert (await read_case(db)).department == "road_maintenance"


async def test_a_case_moved_back_and_forth_within_a_second_tells_each_move(bot, tg, db) -> None:
    """A transition's note is queued once by its commit, so it needs no key against doubles: a key
    made of the second (as it was) dropped the second "assigned" of A → B → A within one second."""
    from datetime import datetime, timezone
    bot.core.cases.clock = lambda: datetime(2026, 12, 1, 2, 0, 0, 500_000, tzinfo=timezone.utc)  # one instant
    await _setup(tg)
    for department, back in (("住建局", 1), ("urban_lighting", 1), ("住建局", 2)):
        await said(tg, SEC["id"], SEC, f"/assign C-000001 {department}")
        await until(lambda n=back: _count(tg, ROADS["id"], "已指派给", n))
    await until(lambda: _count(tg, ROADS["id"], "改派", 1))  # and, in between, that it was moved away
    await said(tg, SEC["id"], SEC, "/case C-000001")  # a message after which any extra note would be queued
    assert len([m for m in await tg.messages(ROADS["id"]) if "已指派给" in m["text"]]) == 2


async def _count(tg, chat_id: int, needle: str, n: int) -> bool:
    return len([m for m in await tg.messages(chat_id) if needle in m["text"]]) >= n
