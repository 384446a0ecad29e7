"""A case of another branch, named in a group, reads there exactly as a number nobody reported, for
every case command and every staff role, through the real bot on SQLite and PostgreSQL. Before: Lee
of urban lighting (a department in every branch) or a superadmin typing '/accept C-000002' in 朝阳's
group, C-000002 being Haidian's, accepted it and answered there '✅ Done for C-000002: Accept', where
'/case C-000002' in the same group reads as a number nobody reported. Privately their own scope rules
apply as before. An unbound group belongs to no branch: it holds only the cases reported in it (a case of
no branch reported elsewhere is a stranger's there: before, a superadmin's '/case C-3' posted a rider's
private report, place and words, into any unbound group), another branch's never."""
from __future__ import annotations

import re
import pytest
from sqlmodel import select

from storage.models.deliberation import Proposal
from tests.conftest import AMY, BOSS, GROUP, GROUP_B, LI, WANG, answer_for, said, two_branches, until, with_boss
from tests.e2e.test_case_in_its_group import HD_RIDER
from tests.e2e.test_department_handovers import _setup  # C-000001 in 朝阳 (cy), routed to urban lighting
from tests.e2e.test_loop_transfers import LIGHT
from tests.factories import answer_text, read_case, read_cases_at_least

UNBOUND = {"id": -100300, "type": "supergroup", "title": "望京骑手群"}  # bound to no branch
KEYUAN = "The street light at Keyuan Rd gate 2 is broken, it is pitch dark"  # Haidian's: C-000002


@pytest.fixture
def settings(settings):
    return with_boss(settings)


def _any_number(text: str) -> str:
    return re.sub(r"C-\d+", "C-#", text)


async def _two_branches_cases(tg, db) -> None:
    """C-000001 in 朝阳's group (cy), C-000002 in Haidian's (hd); both street lights, Lee's department's."""
    await _setup(tg)
    await said(tg, GROUP_B, AMY, KEYUAN)
    await read_cases_at_least(db, 2)


async def _status(db, case_id: int, status: str) -> bool:
    return (await read_case(db, case_id)).status == status


async def _unchanged(db) -> None:
    case = await read_case(db, 2)
    assert (case.status, case.department, case.category, case.master_id) == (
        "new", "urban_lighting", "lighting", None), case


async def test_a_command_on_another_branchs_case_in_a_group_reads_as_an_unknown_number(bot, tg, db) -> None:
    await _two_branches_cases(tg, db)
    commands = [("/accept C-000002", "/accept C-000099"), ("/note C-000002 on my way", "/note C-000099 on my way"),
                ("/work C-000002", "/work C-000099"), ("/transfer C-000002", "/transfer C-000099"),
                ("/dup C-000001 C-000002", "/dup C-000001 C-000099")]
    for who in (LIGHT, BOSS):
        for other, unknown in commands + ([("/assign C-000002", "/assign C-000099"),
                                           ("/recat C-000002 road", "/recat C-000099 road")] if who is BOSS else []):
            nobody = await answer_text(tg, GROUP, who, unknown)
            answer = await answer_text(tg, GROUP, who, other)
            assert _any_number(answer) == _any_number(nobody), (other, answer, nobody)
            assert "Keyuan" not in answer and "海淀" not in answer and "Haidian" not in answer, answer
    await _unchanged(db)
    assert (await read_case(db, 1)).status == "new"  # not folded into Haidian's case
    told = [m["plain_text"] for m in await tg.messages(GROUP["id"]) if "C-000002" in m["plain_text"]]
    assert told and all("找不到" in t or "No case" in t for t in told), told  # refusals only


async def test_a_button_of_another_branchs_case_pressed_in_a_group_reads_as_an_unknown_number(bot, tg, db) -> None:
    """The data of a button names a case; pressed in 朝阳's group (on any message there), Haidian's case
    reads as one nobody reported, as the command does."""
    await _two_branches_cases(tg, db)
    carrier = (await tg.messages(GROUP["id"]))[-1]["message_id"]
    for who in (LIGHT, BOSS):
        for action in ("accept", "start", "note"):
            nobody = await answer_for(tg, await tg.press(GROUP["id"], carrier, who, f"ca:99:{action}"))
            other = await answer_for(tg, await tg.press(GROUP["id"], carrier, who, f"ca:2:{action}"))
            assert _any_number(other["text"]) == _any_number(nobody["text"]), (action, other, nobody)
    await _unchanged(db)


async def test_the_same_commands_privately_act_as_before(bot, tg, db) -> None:
    await _two_branches_cases(tg, db)
    await said(tg, GROUP_B, AMY, "The street light on Zhongguancun Street north end is out")  # C-000003, hd
    await read_cases_at_least(db, 3)
    done = await answer_text(tg, BOSS["id"], BOSS, "/accept C-000002")
    assert "C-000002" in done and "找不到" not in done, done
    assert (await read_case(db, 2)).status == "accepted"
    done = await answer_text(tg, LIGHT["id"], LIGHT, "/accept C-000003")
    assert "C-000003" in done and "No case" not in done, done
    assert (await read_case(db, 3)).status == "accepted"
    # and in the case's own branch's group, as before (the case's thread hears it there)
    await tg.send(GROUP_B, LIGHT, "/work C-000003")
    assert await until(lambda: _status(db, 3, "in_progress"))


async def test_an_unbound_group_holds_only_the_cases_reported_in_it(bot, tg, db) -> None:
    """A group bound to no branch: a case reported there is asked about there (its card, the list, an
    action); a case of no branch reported elsewhere (王哥's private report, by a rider the bot knows in no
    branch) and Haidian's case read there as a number nobody reported, for a superadmin, a department
    and a rider alike, and the group's board counts only its own."""
    await _two_branches_cases(tg, db)
    await said(tg, WANG["id"], WANG, "/start")
    await said(tg, WANG["id"], WANG, "/report 建国路88号门口的路灯坏了 晚上黑乎乎的")  # C-000003, no branch
    await said(tg, UNBOUND, LI, "望京西路12号门口的路灯坏了 晚上黑乎乎的")  # C-000004, reported here
    cases = await read_cases_at_least(db, 4)
    assert cases[2].branch_id is None and cases[2].department == "urban_lighting", cases[2]
    assert cases[3].branch_id is None and cases[3].chat_id == UNBOUND["id"], cases[3]
    for who in (LIGHT, BOSS):
        card = await answer_text(tg, UNBOUND, who, "/case C-000004")
        assert "C-000004" in card and "望京西路12号" in card, card
        listed = await answer_text(tg, UNBOUND, who, "/cases")
        assert "C-000004" in listed and "C-000003" not in listed and "C-000002" not in listed, listed
        for command in ("/case", "/accept"):
            nobody = await answer_text(tg, UNBOUND, who, f"{command} C-000099")
            for elsewhere in ("C-000002", "C-000003"):
                other = await answer_text(tg, UNBOUND, who, f"{command} {elsewhere}")
                assert _any_number(other) == _any_number(nobody), (command, elsewhere, other)
                assert "Keyuan" not in other and "建国路88号" not in other, other
    await _unchanged(db)
    assert (await read_case(db, 3)).status == "new"
    mine = await answer_text(tg, BOSS["id"], BOSS, "/case C-000003")  # privately, the superadmin's scope decides
    assert "建国路88号" in mine, mine
    await said(tg, UNBOUND, BOSS, "/accept C-000004")  # answered by the case's own news there
    await until(lambda: _status(db, 4, "accepted"))
    # a rider there: the case reported there is the group's (whose word a reopen is); the others, none
    ours = await answer_text(tg, UNBOUND, WANG, "/reopen C-000004")
    nobody = await answer_text(tg, UNBOUND, WANG, "/reopen C-000099")
    assert _any_number(ours) != _any_number(nobody) and "李师傅" not in ours, ours
    for elsewhere in ("C-000002", "C-000003"):
        assert _any_number(await answer_text(tg, UNBOUND, LI, f"/reopen {elsewhere}")) == _any_number(nobody)
    board = await answer_text(tg, UNBOUND, LI, "/board")
    assert "望京西路12号" in board and "建国路88号" not in board and "Keyuan" not in board, board


async def test_another_branchs_suggestion_proposed_in_a_group_reads_as_an_unknown_number(bot, tg, db) -> None:
    """'/propose C-000001' names a case too: a superadmin's in 朝阳's group made Haidian's suggestion a
    proposal of Haidian's groups and answered in 朝阳's '已转为议题 #1，已发到本支部各群征集附议'. Now it reads
    there as a number nobody reported (the words a case that cannot become a proposal gets); privately,
    or in Haidian's group, it becomes one as before."""
    await two_branches(tg, HD_RIDER)
    await said(tg, GROUP_B, HD_RIDER, "建议在菜市场门口划个骑手临时停车区 取餐几分钟就走")  # C-000001, hd
    assert (await read_cases_at_least(db, 1))[0].category == "suggestion"
    nobody = await answer_text(tg, GROUP, BOSS, "/propose C-000099")
    other = await answer_text(tg, GROUP, BOSS, "/propose C-000001")
    assert _any_number(other) == _any_number(nobody) and "议题 #" not in other, other
    async with db() as s:
        assert not (await s.exec(select(Proposal))).all()
    assert "已转为议题 #1" in await answer_text(tg, BOSS["id"], BOSS, "/propose C-000001")
