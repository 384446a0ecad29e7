"""Duplicates (issue 13 §2): same category and road is not enough; an urgent report is never
swallowed by a case that is not urgent; a rider's own repeat is recognised as theirs."""
from __future__ import annotations

import pytest
from sqlmodel import select

from storage.models import CaseEvent, CaseWatcher
from tests.conftest import AMY, GROUP, LI, WANG, said
from tests.factories import read_cases

EN = {"id": 602, "first_name": "Bob", "language_code": "en"}


@pytest.mark.parametrize("normal, urgent", [
    ("建国路这里有个坑", "建国路C口井盖丢了 很危险"),
    ("Pothole on Jianguo Rd", "Manhole cover missing on Jianguo Rd near exit C, very dangerous"),
])
async def test_same_road_and_category_is_not_a_duplicate(bot, tg, db, normal, urgent) -> None:
    first = await said(tg, GROUP, WANG, normal)
    assert "C-000001" in first["text"]
    second = await said(tg, GROUP, LI, urgent)
    assert "C-000002" in second["text"]
    cases = await read_cases(db)
    assert [c.urgency for c in cases] == ["normal", "urgent"] and cases[1].master_id is None


@pytest.mark.parametrize("normal, urgent, linked", [
    ("建国路C口井盖松了", "建国路C口井盖丢了 很危险", "紧急"),
    ("Loose manhole cover on Jianguo Rd exit C", "Manhole cover missing at Jianguo Rd exit C, very dangerous",
     "urgent"),
])
async def test_urgent_report_is_linked_not_swallowed(bot, tg, db, normal, urgent, linked) -> None:
    await said(tg, GROUP, WANG, normal)
    reply = await said(tg, GROUP, LI if "建国路" in urgent else AMY, urgent)
    # its own case, its own one-hour clock, and the link to the older case said out loud
    assert "C-000002" in reply["text"] and "C-000001" in reply["text"] and linked in reply["text"]
    master, case = await read_cases(db)
    assert case.urgency == "urgent" and case.due_at - case.created_at < master.due_at - master.created_at
    async with db() as s:
        events = (await s.exec(select(CaseEvent).where(CaseEvent.kind == "linked"))).all()
        assert {e.case_id for e in events} == {1, 2}
        assert not (await s.exec(select(CaseWatcher))).all()


@pytest.mark.parametrize("rider, other, first, again, own, someone", [
    (LI, WANG, "幸福小区3号门的路灯坏了 晚上黑乎乎的", "幸福小区三号门口路灯不亮了", "你已经上报过", "已有人上报"),
    (AMY, EN, "The street light is out at Xingfu Garden gate 3",
     "Street lamp at Xingfu Garden gate 3 is broken", "You already reported", "Someone already reported"),
])
async def test_own_repeat_reads_you_already_reported(bot, tg, db, rider, other, first, again, own,
                                                     someone) -> None:
    await said(tg, GROUP, rider, first)
    mine = await said(tg, GROUP, rider, again)
    assert own in mine["text"] and "C-000001" in mine["text"] and someone not in mine["text"]
    theirs = await said(tg, GROUP, other, again)
    assert someone in theirs["text"] and "C-000001" in theirs["text"]
    assert len(await read_cases(db)) == 1
