"""A rider who did not report a resolved case types `/reopen C-000001`, through the real bot on SQLite
and PostgreSQL. Before: 王哥, in the group where 李师傅 reported the dark street light (and privately,
following it after his "+1"), was told "找不到工单“C-000001”" as if it did not exist — a case the whole
group had watched. Now he is told that only the reporter may reopen (or confirm) it, and that he may
report it again, the case being visible in the group; the case stays as it was. Another branch's case
still reads exactly as a number nobody reported (a refusal tells nothing of other branches), and a
secretary of the case's branch pressing for the reporter hears the same rule, in English too."""
from __future__ import annotations

import pytest

from tests.conftest import AMY, GROUP, GROUP_B, LI, SEC, SEC_B, WANG, said, two_branches, with_boss
from tests.factories import answer_text, read_case, read_cases_at_least


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_only_the_reporter_reopens_and_others_are_told_so(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG, AMY)
    sent = await tg.send(GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    await said(tg, GROUP, WANG, "+1 我也遇到了", reply_to_message_id=sent["message_id"])
    await said(tg, GROUP_B, AMY, "The street light at Keyuan Rd gate 2 is broken, it is pitch dark")
    await read_cases_at_least(db, 2)
    for sec, number in ((SEC, "C-000001"), (SEC_B, "C-000002")):
        await said(tg, sec["id"], sec, f"/accept {number}")
        await said(tg, sec["id"], sec, f"/resolve {number} 已更换灯泡")
    assert [(await read_case(db, i)).status for i in (1, 2)] == ["resolved", "resolved"]

    in_group = await answer_text(tg, GROUP, WANG, "/reopen C-000001")
    assert "只有上报人" in in_group and "再报一次" in in_group and "找不到" not in in_group, in_group
    privately = await answer_text(tg, WANG["id"], WANG, "/reopen C-000001")
    assert "只有上报人" in privately and "找不到" not in privately, privately
    confirm = await answer_text(tg, GROUP, WANG, "/confirm C-000001")
    assert "只有上报人本人可以确认" in confirm, confirm

    # another branch's case: as a number nobody reported, in the group and privately
    for chat in (GROUP, WANG["id"]):
        other = await answer_text(tg, chat, WANG, "/reopen C-000002")
        nobody = await answer_text(tg, chat, WANG, "/reopen C-000099")
        assert "找不到工单" in other and other.replace("C-000002", "#") == nobody.replace("C-000099", "#"), other

    # staff of the branch who is not the reporter: the same rule, not a bare "not allowed"
    staff = await answer_text(tg, SEC_B["id"], SEC_B, "/reopen C-000002")
    assert "Only the person who reported" in staff, staff
    assert [(await read_case(db, i)).status for i in (1, 2)] == ["resolved", "resolved"]
    reopened = await answer_text(tg, LI["id"], LI, "/reopen C-000001")  # the reporter still may
    assert "只有上报人" not in reopened, reopened
    assert (await read_case(db, 1)).status == "in_progress"
