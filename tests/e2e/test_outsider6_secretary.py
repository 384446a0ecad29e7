"""The secretary side tried from outside (outsider trial 6): refusals say what is wrong."""
from __future__ import annotations

import pytest

from tests.conftest import AMY, GROUP, GROUP_B, LI, SEC, SEC_B, said, two_branches, with_boss
from tests.factories import read_case, read_cases, report


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


async def test_a_photo_alone_in_reply_to_the_resolve_prompt_asks_for_the_note(bot, tg, db) -> None:
    """Before: the resolve prompt says "请回复这条消息，写下处理结果（可以附一张照片）"; a secretary who
    replied with the photo first was answered "📸 收到照片。请补一句说明（什么问题、在哪里），我再登记
    工单。", a rider's report hint, and a voice note in reply became a new voice case. A reply to the
    prompt is its answer, with words or without: without, the note is asked for."""
    await two_branches(tg, LI)
    await report(tg, GROUP, LI)
    await said(tg, SEC["id"], SEC, "/accept C-000001")
    asked = await said(tg, SEC["id"], SEC, "/resolve C-000001")
    for extra in ({"photo": True}, {"sticker": "👍"}, {"voice": {"duration": 3}}):
        answer = (await said(tg, SEC["id"], SEC, reply_to_message_id=asked["message_id"], **extra))["text"]
        assert "请填写处理说明" in answer and "登记工单" not in answer, (extra, answer)
    assert len(await read_cases(db)) == 1 and (await read_case(db)).status == "accepted"
    # the prompt still takes its answer: a photo with the note
    await said(tg, SEC["id"], SEC, photo=True, caption="已修复，灯亮了", reply_to_message_id=asked["message_id"])
    case = await read_case(db)
    assert case.status == "resolved" and case.resolution_photo, case


@pytest.mark.parametrize("typed", ["/resolve C-000001", "/reject C-000001", "/assign C-000001"])
async def test_an_input_asked_for_an_action_the_status_refuses_says_the_status(bot, tg, db, typed) -> None:
    """Before: `/resolve C-000001` (no note; or a photo captioned so) on a case already resolved told
    the branch's own secretary "你没有权限对这个工单执行“处理完毕”", as if they lacked the right; with
    a note the same command said the truth: "工单当前状态为“待确认”，不能执行“处理完毕”。"."""
    await two_branches(tg, LI)
    await report(tg, GROUP, LI)
    await said(tg, SEC["id"], SEC, "/accept C-000001")
    await said(tg, SEC["id"], SEC, "/resolve C-000001 已修复")
    answer = (await said(tg, SEC["id"], SEC, typed))["text"]
    assert "工单当前状态为“待确认”" in answer and "没有权限" not in answer, answer
    captioned = (await said(tg, SEC["id"], SEC, photo=True, caption=typed))["text"]
    assert "工单当前状态为“待确认”" in captioned, captioned
    # another branch's secretary still reads it as a case that does not exist
    assert "No case “C-000001” that you can see" in (await said(tg, SEC_B["id"], SEC_B, typed))["text"]


async def test_a_case_number_typed_with_a_space_inside_is_the_number(bot, tg, db) -> None:
    """Before: `/accept C 1` answered 在你的范围内找不到工单“C”: a phone keyboard's space between the
    C and the digits split the number, and `/note C 1 明天派人` would have noted "1 明天派人". Another
    branch's case still reads as missing, however it is typed."""
    await two_branches(tg, LI)
    await report(tg, GROUP, LI)
    assert "已办理" in (await said(tg, SEC["id"], SEC, "/accept C 1"))["text"]
    assert (await read_case(db)).status == "accepted"
    assert "已办理" in (await said(tg, SEC["id"], SEC, "/note c 000001 明天派人"))["text"]
    card = (await said(tg, SEC["id"], SEC, "/case # 1"))["text"]
    assert "明天派人" in card and "1 明天派人" not in card, card
    missing = (await said(tg, SEC_B["id"], SEC_B, "/case C 99"))["text"]
    foreign = (await said(tg, SEC_B["id"], SEC_B, "/case C 1"))["text"]
    assert "C-000099" in missing and foreign == missing.replace("C-000099", "C-000001"), (foreign, missing)
