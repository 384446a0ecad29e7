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



@pytest.mark.parametrize("chat, rider, text, expected", [
    (GROUP, LI, "@rider_sentinel_bot 建国路88号门口井盖丢了", "建国路88号门口井盖丢了"),
    (GROUP_B, AMY, "The street light is out on Keyuan Rd gate 2 @Rider_Sentinel_Bot", "The street light is out on Keyuan Rd gate 2"),
])
async def test_a_report_addressed_to_the_bot_is_the_words_after_its_handle(bot, tg, db, chat, rider, text,
                                                                           expected) -> None:
    """Before: "@rider_sentinel_bot 建国路88号门口井盖丢了" became a case whose text, on the secretary's
    urgent alert, the case card and the exports, was 「@rider_sentinel_bot 建国路88号门口井盖丢了」."""
    await two_branches(tg, rider)
    registered = (await report(tg, chat, rider, text))["text"]
    assert "C-000001" in registered, registered
    [case] = await read_cases_at_least(db, 1)
    assert case.text == expected, case.text
    staff = SEC if chat is GROUP else SEC_B
    card = (await said(tg, staff["id"], staff, "/case C-000001"))["text"]
    assert expected in card and "rider_sentinel_bot" not in card.lower(), card
