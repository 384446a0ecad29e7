"""The secretary side tried from outside (outsider trial 6): refusals say what is wrong."""
from __future__ import annotations

import pytest

from tests.conftest import AMY, GROUP, GROUP_B, LI, SEC, SEC_B, said, two_branches, with_boss
from tests.factories import read_case, report


@pytest.fixture
def settings(settings):
    return with_boss(settings)


@pytest.mark.parametrize("who, chat, rider, text, typed, expected", [
    (SEC, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的", "/dup C-1 C-1", "C-000001 就是这张工单本身"),
    (SEC_B, GROUP_B, AMY, "The street light is out on Keyuan Rd gate 2, completely dark at night", "/dup C-000001 c1",
     "C-000001 is this case itself"),
])
async def test_a_case_marked_a_duplicate_of_itself_is_told_so(bot, tg, db, who, chat, rider, text, typed,
                                                                expected) -> None:
    """Before: `/dup C-1 C-1` answered "“C-1”不是有效的工单号，例如 C-000123。": the secretary had typed
    a valid number (their own case's), and was told it was not one."""
    await two_branches(tg, rider)
    await report(tg, chat, rider, text)
    answer = (await said(tg, who["id"], who, typed))["text"]
    assert expected in answer, answer
    assert "不是有效" not in answer and "not a case number" not in answer, answer
    assert (await read_case(db)).status == "new"
    # the card's button asks for the number; answering it with the case's own number says the same
    asked = await said(tg, who["id"], who, "/dup C-000001")
    assert asked.get("reply_markup", {}).get("force_reply"), asked
    again = await said(tg, who["id"], who, "C-000001", reply_to_message_id=asked["message_id"])
    assert expected in again["text"], again["text"]
