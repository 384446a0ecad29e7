"""A staff member's /cases asked in a group lists only that group's branch, through the real bot on
SQLite and PostgreSQL. Before: Lee of urban lighting (a department role in every branch) typing
'/cases mine' in 朝阳's group posted there 'Your department's cases (2): C-000002 · Street lighting …,
C-000001 …', C-000002 being Haidian's, a number the group would be told nobody reported; a superadmin's
'/cases' in a group listed every branch. Privately the whole scope is listed as before."""
from __future__ import annotations

import pytest

from tests.conftest import AMY, BOSS, GROUP, GROUP_B, SEC_B, said, with_boss
from tests.e2e.test_department_handovers import _setup  # C-000001 in 朝阳 (cy), routed to urban lighting
from tests.e2e.test_loop_transfers import LIGHT
from tests.factories import answer_text, read_cases_at_least


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_list_in_a_group_holds_that_groups_branch_only(bot, tg, db) -> None:
    await _setup(tg)
    await said(tg, GROUP_B, AMY, "The street light at Keyuan Rd gate 2 is broken, it is pitch dark")  # C-000002, hd
    await read_cases_at_least(db, 2)
    privately = await answer_text(tg, LIGHT["id"], LIGHT, "/cases mine")
    assert "C-000001" in privately and "C-000002" in privately, privately
    in_group = await answer_text(tg, GROUP, LIGHT, "/cases mine")
    assert "C-000001" in in_group and "C-000002" not in in_group and "(1)" in in_group, in_group
    in_b = await answer_text(tg, GROUP_B, LIGHT, "/cases")
    assert "C-000002" in in_b and "C-000001" not in in_b, in_b
    boss = await answer_text(tg, GROUP_B, BOSS, "/cases")
    assert "C-000002" in boss and "C-000001" not in boss, boss
    assert "C-000001" in await answer_text(tg, BOSS["id"], BOSS, "/cases")
    assert "C-000002" in await answer_text(tg, GROUP_B, SEC_B, "/cases")  # a secretary's own branch, as before


async def test_a_card_asked_in_a_group_of_another_branch_reads_as_none(bot, tg, db) -> None:
    """Lee's (or a superadmin's) '/case C-000002' in 朝阳's group posted Haidian's case there: its
    place, the rider's words, the deadlines and buttons. Now it reads as a number nobody reported,
    as it does to everyone else in that group; privately, and in its own branch's group, the card."""
    await _setup(tg)
    await said(tg, GROUP_B, AMY, "The street light at Keyuan Rd gate 2 is broken, it is pitch dark")
    await read_cases_at_least(db, 2)
    nobody = await answer_text(tg, GROUP, LIGHT, "/case C-000099")
    for who in (LIGHT, BOSS):
        other = await answer_text(tg, GROUP, who, "/case C-000002")
        assert "Keyuan" not in other and other.replace("C-000002", "#") == (
            nobody if who is LIGHT else await answer_text(tg, GROUP, BOSS, "/case C-000099")).replace("C-000099", "#"), other
    assert "Keyuan Rd gate 2" in await answer_text(tg, LIGHT["id"], LIGHT, "/case C-000002")
    assert "Keyuan Rd gate 2" in await answer_text(tg, GROUP_B, LIGHT, "/case C-000002")
    assert "幸福小区3号门" in await answer_text(tg, GROUP, LIGHT, "/case C-000001")
