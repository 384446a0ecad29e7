"""The secretary side tried from outside, as a new user would (branch cy: GROUP, SEC; branch hd:
GROUP_B, SEC_B, as `two_branches` sets them up). Each test is one kind of fault the trial found.
"""
from __future__ import annotations

import asyncio
import re

import pytest

from tests.conftest import (AMY, BOSS, GROUP, GROUP_B, LI, SEC, SEC_B, WANG, answer_for, buttons, last, private, said,
                            two_branches, with_boss)
from tests.factories import new_message, read_case, report

HD_RIDER = {"id": 503, "first_name": "海淀骑手", "language_code": "zh"}


@pytest.fixture
def settings(settings):
    return with_boss(settings)


def _same(a: str, b: str) -> bool:
    """Two refusals read the same once the number the user typed is set aside."""
    return re.sub(r"\d+", "#", a) == re.sub(r"\d+", "#", b)


async def test_a_case_command_without_its_input_reads_another_branchs_case_as_missing(bot, tg, db) -> None:
    """Before: `/note 1` (no note) on another branch's case answered "You may not do “Add update” on
    this case" while `/note 99` answered "No case C-000099 in your scope": the bare number told the
    other branch's case exists. A command asking for its input (buttons or a reply prompt) checks
    scope before state, as the command with its input does."""
    await two_branches(tg, LI)
    await report(tg, GROUP, LI)  # C-000001, cy's
    for chat in (SEC_B["id"], GROUP_B):
        for command in ("assign", "note", "resolve", "reject", "dup", "transfer", "decline", "cannotfix"):
            missing = await said(tg, chat, SEC_B, f"/{command} C-000099")
            for typed in (f"/{command} C-000001", f"/{command} 1", f"/{command} c-1"):
                foreign = await said(tg, chat, SEC_B, typed)
                assert _same(foreign["text"], missing["text"]), (typed, foreign["text"], missing["text"])
                assert not buttons(foreign) and not foreign.get("reply_markup"), typed
    # the branch's own secretary is still asked for what is missing
    asked = await said(tg, SEC["id"], SEC, "/assign C-000001")
    assert any(b.startswith("cd:1:as:") for b in buttons(asked)), asked
    prompt = await said(tg, SEC["id"], SEC, "/note C-000001")
    assert "C-000001" in prompt["text"] and prompt.get("reply_markup", {}).get("force_reply"), prompt


async def test_points_answers_name_only_the_secretarys_own_riders(bot, tg, db) -> None:
    """Before: Sec B's `/points ledger 501` answered "李师傅 has no points entries in your branch yet",
    and `/points grant 501 -5 x` "No grant of 5 points to 李师傅": the name of branch cy's rider,
    which /grant had stopped giving (one naming rule now, bot.services.people.shown_name)."""
    await two_branches(tg, LI, HD_RIDER)
    await report(tg, GROUP, LI)  # LI: cy's rider
    await report(tg, GROUP_B, HD_RIDER, "海淀黄庄路口的路灯坏了 漆黑一片")  # HD_RIDER: hd's rider
    for command in ("/points ledger 501", "/points 501", "/points grant 501 -5 搞错了"):
        text = (await said(tg, SEC_B["id"], SEC_B, command))["text"]
        assert "李师傅" not in text and "501" in text, (command, text)
    for command in ("/points ledger 503", "/points grant 503 -5 搞错了"):
        text = (await said(tg, SEC["id"], SEC, command))["text"]
        assert "海淀骑手" not in text and "503" in text, (command, text)
    # their own riders, and anyone for a superadmin, by name
    assert "海淀骑手" in (await said(tg, SEC_B["id"], SEC_B, "/points ledger 503"))["text"]
    assert "李师傅" in (await said(tg, SEC["id"], SEC, "/points ledger 501"))["text"]
    assert "李师傅" in (await said(tg, BOSS["id"], BOSS, "/points ledger 501"))["text"]


@pytest.mark.parametrize("group, rider, text, hint", [
    (GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的", "匿名管理员"),
    (GROUP_B, AMY, "The street light is out on Keyuan Rd gate 2, completely dark at night", "anonymous admin"),
])
async def test_an_anonymous_admins_command_is_answered_in_the_groups_language_whatever_its_keywords(
        bot, tg, db, group, rider, text, hint) -> None:
    """Before: in a Chinese group an anonymous admin's /cases got the hint in Chinese but /survey new
    Q|a|b, /broadcast all now x, /activity list … in English: the arguments' Latin sub-commands were
    taken for English words."""
    await two_branches(tg, rider)
    await said(tg, group, rider, text)  # the group's language is known from its case
    for command in ("/survey new Q | a | b", "/broadcast all now x", "/activity list", "/points grant 501 5 x",
                    "/export cases", "/hours pending", "/stats lessons", "/proposals rule 5 7", "/cases open",
                    "/accept C-000001 road_maintenance"):
        answered = await said(tg, group, SEC, command, anonymous=True)
        assert hint in answered["text"], (command, answered["text"])


@pytest.mark.parametrize("who, chat, command, expected", [
    (SEC, GROUP, "/lessons plan xyz", "看不懂这些星期：“xyz”不是星期几。"),
    (SEC, GROUP, "/lessons plan 一-", "范围要写两头"),
    (SEC, GROUP, "/lessons shifts 乱写", "看不懂这个班次：读不出“乱写”。"),
    (SEC, GROUP, "/lessons shifts 免打扰 23:00", "免打扰要写时间段"),
    (SEC, GROUP, "/lessons shifts 错峰 11:00-12:00", "没有可以推送的时间"),
    (SEC, GROUP, "/lessons shifts 25:00-26:00", "“25:00”不是一天里的时间"),
    (SEC_B, GROUP_B, "/lessons plan xyz", "“xyz” is not a day of the week."),
    (SEC_B, GROUP_B, "/lessons shifts nonsense", "I can't read this shift profile: nothing I know in “nonsense”."),
    (SEC_B, GROUP_B, "/lessons shifts offpeak 11:00-12:00", "leaves no time to push"),
])
async def test_a_lesson_plan_it_cannot_read_is_explained_in_the_secretarys_language(
        bot, tg, db, who, chat, command, expected) -> None:
    """Before: 看不懂这些星期：unknown weekday 'xyz' in 'xyz'。 — the parser's English (and Python's
    quotes) inside the Chinese answer; the reason is now a Fluent selector in each language."""
    await two_branches(tg)
    text = (await said(tg, chat, who, command))["text"]
    assert expected in text, text
    assert not re.search(r"'\S+'", text) and "unknown weekday" not in text and "cannot read" not in text, text
    if who is SEC:
        assert not re.search(r"[A-Za-z]{4,}", text.split("例如")[0]), text  # no English words before the example


async def test_a_number_followed_by_chinese_punctuation_is_the_number(bot, tg, db) -> None:
    """Before: `/accept C-000001，住建局` answered 在你的范围内找不到工单“C-000001，住建局”, and so did
    `/note C-000001：已派人`, `/case C-000001。`: a Chinese input method's comma or colon after the
    number, where a space was meant, glued it to what followed."""
    await two_branches(tg, LI)
    await report(tg, GROUP, LI)
    card = await said(tg, SEC["id"], SEC, "/case C-000001。")
    assert "C-000001" in card["text"] and "找不到" not in card["text"], card["text"]
    before = len(await tg.messages(GROUP["id"]))
    assert "已办理" in (await said(tg, SEC["id"], SEC, "/accept C-000001，住建局"))["text"]
    case = await read_case(db)
    assert (case.status, case.department) == ("accepted", "road_maintenance")
    assert "已办理" in (await said(tg, SEC["id"], SEC, "/note C-000001：已派人，马上到"))["text"]
    told = await new_message(tg, GROUP["id"], before, "已派人，马上到")  # the note as typed, in the thread
    assert "进展：已派人，马上到" in told["text"], told["text"]  # not 进展：：已派人
    # another branch's case still reads as a missing one, however it is typed
    missing = (await said(tg, SEC_B["id"], SEC_B, "/case C-000099，"))["text"]
    assert _same((await said(tg, SEC_B["id"], SEC_B, "/case C-000001，"))["text"], missing)
    assert "C-000099" in missing and "，" not in missing


async def test_a_missing_argument_gets_the_usage_and_a_refusal_echoes_only_what_was_typed(bot, tg, db) -> None:
    """Before: `/grant 503 dept` answered There is no department “”, `/grant 503 secretary` There is
    no branch “”, and `/recat C-1 nonsense` “nonsense ” is not a valid category (a stray space)."""
    await two_branches(tg, LI, HD_RIDER)
    await report(tg, GROUP, LI)
    for who, command, usage in ((SEC, f"/grant {HD_RIDER['id']} dept", "用法：/grant"),
                                (SEC_B, f"/grant {HD_RIDER['id']} dept", "Usage: /grant"),
                                (BOSS, f"/grant {LI['id']} secretary", "用法：/grant"),
                                (BOSS, f"/revoke {LI['id']} dept", "用法：/grant")):
        text = (await said(tg, who["id"], who, command))["text"]
        assert usage in text and "“”" not in text, (command, text)
    assert "没有叫“nonsense”的类别" in (await said(tg, SEC["id"], SEC, "/recat C-000001 nonsense"))["text"]
    await said(tg, BOSS["id"], BOSS, "/lang en")
    assert "No urgency is called “sometime”" in (await said(tg, BOSS["id"], BOSS, "/recat C-000001 road sometime"))["text"]


async def test_a_replaced_or_dropped_drafts_preview_sends_nothing_else(bot, tg, db) -> None:
    """Before (SQLite): a new draft took the id of the draft it replaced, so ✅ on the preview of
    「第一条」 sent 「第二条」 to every group; and a preview given up with /broadcast cancel sent the
    next draft. A draft replaced or dropped keeps its id (status 'dropped'); its preview is gone."""
    await two_branches(tg)
    first = await said(tg, SEC["id"], SEC, "/broadcast all now 第一条通知")
    second = await said(tg, SEC["id"], SEC, "/broadcast all now 第二条通知")
    assert buttons(first) != buttons(second), (buttons(first), buttons(second))
    gone = await answer_for(tg, await tg.press(SEC["id"], first["message_id"], SEC, buttons(first)[0]))
    assert "不存在" in gone["text"], gone
    await said(tg, SEC["id"], SEC, "/broadcast cancel")
    third = await said(tg, SEC["id"], SEC, "/broadcast all now 第三条通知")
    for old in (first, second):
        for data in buttons(old):
            answered = await answer_for(tg, await tg.press(SEC["id"], old["message_id"], SEC, data))
            assert "不存在" in answered["text"], (data, answered)
    assert "已确认" in (await answer_for(tg, await tg.press(SEC["id"], third["message_id"], SEC,
                                                              buttons(third)[0])))["text"]
    sent = await new_message(tg, GROUP["id"], 0, "第三条通知")
    assert not [m for m in await tg.messages(GROUP["id"]) if "第一条" in (m.get("text") or "")
                or "第二条" in (m.get("text") or "")], sent


async def test_only_the_cases_staff_take_a_department_choice_away(bot, tg, db) -> None:
    """Before: a secretary's `/assign C-1` in the group offered the departments with ✖ Cancel, and a
    rider's press on ✖ answered 已取消（王哥） and took the secretary's buttons away."""
    await two_branches(tg, LI, WANG)
    await report(tg, GROUP, LI)
    dialog = await said(tg, GROUP, SEC, "/assign C-000001")
    cancel = buttons(dialog)[-1]
    assert cancel == "cd:1:x:-", buttons(dialog)
    for who in (WANG, LI):  # a rider of the group; the reporter
        answered = await answer_for(tg, await tg.press(GROUP["id"], dialog["message_id"], who, cancel))
        assert "已取消" not in answered["text"] and answered.get("show_alert"), answered
        assert "指派部门" in answered["text"] or "找不到" in answered["text"], answered
    await asyncio.sleep(0.5)  # nothing took the buttons away
    shown = next(m for m in await tg.messages(GROUP["id"]) if m["message_id"] == dialog["message_id"])
    assert buttons(shown) == buttons(dialog)
    done = await answer_for(tg, await tg.press(GROUP["id"], dialog["message_id"], SEC, cancel))
    assert "已取消" in done["text"], done


async def test_a_rider_typing_a_staff_command_is_told_who_it_is_for_whatever_the_number(bot, tg, db) -> None:
    """Before: 王哥 (a rider, no role) typed `/accept C-000001` in the group under the very case's
    registration and was told "No case C-000001 in your scope", and the reporter's own `/accept`
    "You may not do “Accept” on this case". A rider now hears that the command is the secretaries'
    and departments', and how to report instead; in the same words for a case that exists, one that
    does not, and another branch's (nothing of any case is told); the case is untouched."""
    await two_branches(tg, LI, WANG, AMY)
    await report(tg, GROUP, LI)  # C-000001, cy's
    await report(tg, GROUP_B, AMY, "The street light at Haidian Huangzhuang is broken, pitch dark")  # C-000002
    for chat in (GROUP, WANG["id"]):
        answers = [(await said(tg, chat, WANG, typed))["text"] for typed in (
            "/accept C-000001", "/accept C-000002", "/accept C-000099", "/accept 1")]
        assert all("支部书记" in a and "受理" in a and "C-0000" not in a for a in answers), answers
        assert len(set(answers)) == 1, answers
        for typed in ("/resolve C-000001 修好了", "/assign C-000001", "/note 1 已派人", "/reject 1"):
            text = (await said(tg, chat, WANG, typed))["text"]
            assert "支部书记" in text and "C-0000" not in text, (typed, text)
    own = (await said(tg, GROUP, LI, "/accept C-000001"))["text"]  # the reporter is no secretary either
    assert "支部书记" in own, own
    english = (await said(tg, AMY["id"], AMY, "/work C-000002"))["text"]
    assert "secretaries" in english and "Start work" in english, english
    assert (await read_case(db, 1)).status == "new" and (await read_case(db, 2)).status == "new"
    # staff are not held by it: the secretary's /accept and a wrong number answer as before
    assert "C-000099" in (await said(tg, SEC["id"], SEC, "/accept C-000099"))["text"]
    await said(tg, SEC["id"], SEC, "/accept C-000001")
    assert (await read_case(db, 1)).status == "accepted"


async def test_a_riders_case_list_asked_in_the_group_is_answered_privately(bot, tg, db) -> None:
    """Before: a rider's `/cases` in the group posted "Open cases (2)" there: their own cases, a
    private `/report` among them (/mycases answers privately). A rider's list is their own
    cases: asked in a group it is sent to their private chat, with a pointer in the group."""
    await two_branches(tg, LI)
    await tg.send(private(LI), LI, "/report 建国路88号门口井盖丢了")  # C-000001: private
    await tg.wait(LI["id"], 2)
    await report(tg, GROUP, LI)  # C-000002, in the group
    before = len(await tg.messages(LI["id"]))
    pointer = await said(tg, GROUP, LI, "/cases")
    assert "C-0000" not in pointer["text"] and "私聊" in pointer["text"], pointer
    listed = await last(tg, LI["id"], before + 1)
    assert "C-000001" in listed["text"] and "C-000002" in listed["text"], listed
    for m in await tg.messages(GROUP["id"]):  # the private report is named nowhere in the group
        assert "C-000001" not in str(m.get("text")), m
    # the secretary's /cases is the branch's list, where it was asked
    assert "C-000002" in (await said(tg, GROUP, SEC, "/cases"))["text"]
