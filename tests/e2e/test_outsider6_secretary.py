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


@pytest.mark.parametrize("who, chat, rider, text, lang", [
    (SEC, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的", "zh"),
    (SEC_B, GROUP_B, AMY, "The street light is out on Keyuan Rd gate 2, completely dark at night", "en"),
])
async def test_a_note_of_only_punctuation_or_emoji_is_asked_for_again(bot, tg, db, who, chat, rider, text,
                                                                      lang) -> None:
    """Before: `/resolve C-1 。` (or "。" in reply to the resolve prompt) resolved the case, and the
    group and the reporter read "已处理完毕：。请确认是否解决"; `/reject C-1 ？？？` rejected it with "？？？"
    as the reason the reporter is owed. A note or reason needs a word or a number."""
    missing = {"zh": ("请填写处理说明", "请填写原因"), "en": ("note on what was done", "give a reason")}[lang]
    await two_branches(tg, rider)
    await report(tg, chat, rider, text)
    await said(tg, who["id"], who, "/accept C-000001")
    before = len(await tg.messages(chat["id"]))
    for typed in ("/resolve C-000001 。", "/resolve C-000001 ……", "/resolve C-000001 👍👍"):
        answer = (await said(tg, who["id"], who, typed))["text"]
        assert missing[0].lower() in answer.lower(), (typed, answer)
    for typed in ("/reject C-000001 ？？？", "/cannotfix C-000001 !!"):
        answer = (await said(tg, who["id"], who, typed))["text"]
        assert missing[1].lower() in answer.lower(), (typed, answer)
    asked = await said(tg, who["id"], who, "/resolve C-000001")
    again = await said(tg, who["id"], who, "。", reply_to_message_id=asked["message_id"])
    assert missing[0].lower() in again["text"].lower(), again["text"]
    assert (await read_case(db)).status == "accepted"
    assert len(await tg.messages(chat["id"])) == before  # the group heard nothing
    # a real note still goes through
    assert (await said(tg, who["id"], who, "/resolve C-000001 已修复，灯亮了"))["text"]
    assert (await read_case(db)).status == "resolved"
