"""A place's name never hands a report to another branch (outsider trial 6).

Before: 李师傅 reported "幸福小区3号门的路灯坏了" in branch cy's group; Amy posted the same words in
branch hd's group (another district: 幸福小区 is a name in many) and was told "Someone already
reported this as C-000001; you now follow it". Branch hd's secretary saw no case at all (/cases:
"No open cases"), and the hd group heard cy's secretary's notes about cy's lamp. A place's name is
the branch's own (the gazetteer keeps names per branch): across branches only pins say two reports
are at one spot.
"""
from __future__ import annotations

import pytest

from tests.conftest import AMY, GROUP, GROUP_B, LI, SEC, SEC_B, WANG, said, two_branches, with_boss
from tests.factories import read_cases_at_least, report

SAME = "幸福小区3号门的路灯坏了 晚上黑乎乎的"


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_the_same_place_name_in_another_branch_is_its_own_case(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG, AMY)
    assert "C-000001" in (await report(tg, GROUP, LI, SAME))["text"]
    hd = (await report(tg, GROUP_B, AMY, SAME))["text"]
    assert "C-000002" in hd and "C-000001" not in hd, hd
    cases = await read_cases_at_least(db, 2)
    assert [c.branch_id for c in cases][0] != cases[1].branch_id and cases[1].chat_id == GROUP_B["id"]
    listed = (await said(tg, SEC_B["id"], SEC_B, "/cases"))["text"]
    assert "C-000002" in listed and "C-000001" not in listed, listed
    # in the same branch, the same words still follow the open case
    followed = (await report(tg, GROUP, WANG, "幸福小区3号门路灯不亮了"))["text"]
    assert "C-000001" in followed and "已有人上报" in followed, followed
    assert "C-000001" in (await said(tg, SEC["id"], SEC, "/cases"))["text"]


