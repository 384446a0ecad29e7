"""/board in a group shows the cases the group holds (GroupView), the very cases /cases and /case there
deal with, through the real bot on SQLite and PostgreSQL. Before: in an unbound group (望京骑手群, bound
to no branch) /board counted only the cases reported in that group ('累计上报 1 件'), while a superadmin's
/cases there listed every case of no branch (one reported in another unbound group too), and a rider's
/reopen of that other case was told whose word it is: the group held it for every command but the board.
Now the board of an unbound group counts and lists the cases of no branch, as /cases there; another
branch's never. A bound group's board is its branch's, as before."""
from __future__ import annotations

import pytest

from tests.conftest import BOSS, GROUP, LI, WANG, two_branches, with_boss
from tests.factories import answer_text, read_cases_at_least

UNBOUND = {"id": -100300, "type": "supergroup", "title": "望京骑手群"}  # bound to no branch
UNBOUND_2 = {"id": -100400, "type": "supergroup", "title": "酒仙桥骑手群"}  # bound to no branch either


@pytest.fixture
def settings(settings):
    return with_boss(settings)


def _numbers(text: str) -> set[str]:
    return {n for n in ("C-000001", "C-000002", "C-000003") if n in text}


async def test_the_board_of_an_unbound_group_holds_what_cases_there_hold(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG)
    await tg.send(UNBOUND, LI, "光华路积水很深 电动车过不去")  # C-000001, of no branch
    await read_cases_at_least(db, 1)
    await tg.send(UNBOUND_2, WANG, "酒仙桥路口的红绿灯坏了 一直闪黄灯")  # C-000002, of no branch
    await read_cases_at_least(db, 2)
    await tg.send(GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")  # C-000003, 朝阳's (cy)
    cases = await read_cases_at_least(db, 3)
    assert [c.branch_id is None for c in cases] == [True, True, False], cases

    listed = await answer_text(tg, UNBOUND, BOSS, "/cases all")
    board = await answer_text(tg, UNBOUND, LI, "/board")
    assert _numbers(listed) == {"C-000001", "C-000002"}, listed
    assert _numbers(board) == _numbers(listed) and "累计上报 2 件" in board, board
    assert "幸福小区" not in board, board

    bound = await answer_text(tg, GROUP, WANG, "/board")  # a branch's group: its branch's, as before
    assert _numbers(bound) == {"C-000003"} and "累计上报 1 件" in bound and "朝阳支部" in bound, bound
