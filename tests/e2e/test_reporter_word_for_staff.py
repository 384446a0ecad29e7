"""The reporter's word (/confirm, /reopen) said by the case's staff, through the real bot on SQLite and
PostgreSQL. Before: 张书记's '/confirm C-000001' on a new case answered '工单当前状态为“待受理”，不能执行
“确认已解决”。', as if she might confirm it once it was resolved; on a resolved case she (and the
department that fixed it, and a superadmin) was told '…如果你也遇到了这个问题，直接在群里再报一次就行',
advice for a rider who saw the same problem. Now, in any status, the staff hear that only the reporter
confirms or reopens, and how the reporter's word comes (asked once the case is marked resolved; "not
fixed" sends it back to its department); a rider hears the rider's advice in any status; another
branch's case still reads exactly as a number nobody reported; the reporter is told the status."""
from __future__ import annotations

import pytest

from tests.conftest import AMY, BOSS, GROUP, GROUP_B, SEC, SEC_B, WANG, said, with_boss
from tests.e2e.test_department_handovers import _setup  # C-000001 by 李师傅, routed to urban lighting
from tests.e2e.test_loop_transfers import LIGHT
from tests.factories import answer_text, read_case, read_cases_at_least


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_the_case_staff_hear_how_the_reporters_word_comes_in_any_status(bot, tg, db) -> None:
    await _setup(tg)
    await said(tg, GROUP_B, AMY, "The street light at Keyuan Rd gate 2 is broken, it is pitch dark")
    await read_cases_at_least(db, 2)

    new = await answer_text(tg, SEC["id"], SEC, "/confirm C-000001")  # a new case
    assert new.startswith("只有上报人本人可以确认这张工单已解决。"), new
    assert "我会请上报人确认" in new and "再报一次" not in new and "待受理" not in new, new
    rider = await answer_text(tg, GROUP, WANG, "/confirm C-000001")
    assert "只有上报人本人可以确认" in rider and "再报一次" in rider and "待受理" not in rider, rider

    await said(tg, LIGHT["id"], LIGHT, "/accept C-000001")
    await said(tg, LIGHT["id"], LIGHT, "/resolve C-000001 replaced the bulb")
    dept = await answer_text(tg, LIGHT["id"], LIGHT, "/reopen C-000001")
    assert dept.startswith("Only the person who reported this case can reopen it."), dept
    assert "I ask the reporter to confirm it" in dept and "report it again" not in dept, dept
    for who in (SEC, BOSS):
        staff = await answer_text(tg, who["id"], who, "/reopen C-000001")
        assert "只有上报人本人可以把这张工单重新打开。工单标记为已解决后，我会请上报人确认" in staff, staff
    assert (await read_case(db, 1)).status == "resolved"

    # another branch's secretary: as a number nobody reported, in any status
    other = await answer_text(tg, SEC_B["id"], SEC_B, "/confirm C-000001")
    nobody = await answer_text(tg, SEC_B["id"], SEC_B, "/confirm C-000099")
    assert other.replace("C-000001", "#") == nobody.replace("C-000099", "#"), other
    mine = await answer_text(tg, AMY["id"], AMY, "/reopen C-000002")  # the reporter: its status
    assert "Only the person" not in mine and "New" in mine, mine
