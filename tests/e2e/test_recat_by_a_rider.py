"""A rider's /recat, through the real bot on SQLite and PostgreSQL. Before: 王哥's '/recat C-000001 road'
in the group where the case was reported (and could be seen with /case) answered '找不到工单“C-000001”',
as if it did not exist, and the reporter's own got '你没有权限对这个工单执行“更正分类”', while every other
case command a rider types (/accept, /assign …) says whose it is; '/recat' alone taught a rider its usage.
Now a rider hears whose command it is, the same words for any number (nothing of whether it exists);
staff go on as before (a department member is refused per case, a secretary fixes the labels)."""
from __future__ import annotations

import pytest

from tests.conftest import AMY, GROUP, LI, SEC, WANG, said, with_boss
from tests.e2e.test_department_handovers import _setup  # C-000001 by 李师傅, routed to urban lighting
from tests.e2e.test_loop_transfers import LIGHT
from tests.factories import answer_text, read_case


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_riders_recat_says_whose_command_it_is_for_any_number(bot, tg, db) -> None:
    await _setup(tg)
    await said(tg, WANG["id"], WANG, "/start")
    in_group = await answer_text(tg, GROUP, WANG, "/recat C-000001 road")
    assert "“更正分类”由支部书记" in in_group and "找不到" not in in_group, in_group
    for who, chat, text in ((WANG, WANG["id"], "/recat C-000099 road"), (LI, LI["id"], "/recat C-000001 road"),
                            (WANG, WANG["id"], "/recat")):
        same = await answer_text(tg, chat, who, text)
        assert same == in_group, (text, same)
    english = await answer_text(tg, AMY["id"], AMY, "/recat C-000001 road")
    assert "“Recategorize” is for branch secretaries" in english, english
    assert "Recategorize" in await answer_text(tg, LIGHT["id"], LIGHT, "/recat C-000001 road")  # staff: per case
    assert (await read_case(db)).category == "lighting"
    assert "已更正 C-000001" in await answer_text(tg, SEC["id"], SEC, "/recat C-000001 road")
