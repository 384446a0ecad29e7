"""Issue 13, the tester's second run (TRY13 B1, B3, B3a, B3b, B4, B5, B8, B9), through the real
bot and the emulator: after a group→supergroup migration nothing replies to an old message id;
a stale dialog or request changes nothing and says who decided; a department's list shows the
clock that runs; a migrated chat is no blocked chat; a zero-width space separates a command;
a secretary sees their rider's points; an anonymous admin is answered in the group's language."""
from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import select

from storage.models import Case, CaseWatcher
from tests.conftest import (AMY, BOSS, GROUP, GROUP_B, LI, SEC, SEC_B, WANG, answer_for, buttons, private, said, two_branches,
                            until, with_boss)
from tests.factories import alerted, new_message
from tests.e2e.test_telegram_real import NEW_ID, OLD, _bound_old_group, emu


@pytest.fixture
def settings(settings):
    return with_boss(settings)


def body(msg: dict[str, Any]) -> str:
    return str(msg.get("plain_text") or msg.get("text") or msg.get("caption") or "")


async def _case(db, case_id: int) -> Case:
    async with db() as s:
        found = await s.get(Case, case_id)
        assert found is not None
        return found


# --- B1: after a migration no reply goes to an old message id ----------------------------------
@pytest.mark.parametrize("rider, first, second, news", [
    (LI, "幸福路路口路灯不亮了 晚上黑乎乎的", "和平路口井盖没了，很危险", "已受理"),
    (AMY, "The street light is out on Keyuan Rd gate 2, completely dark at night",
     "manhole cover missing on Heping Rd near the school, very dangerous", "accepted"),
])
async def test_a_migrated_case_never_replies_to_another_message_in_the_new_chat(bot, tg, db, rider, first,
                                                                                  second, news) -> None:
    await _bound_old_group(tg)
    await tg.send(OLD, rider, first)
    await tg.wait(OLD["id"], 2)
    await tg.send(OLD, WANG, first)  # a follower, whose thread is in the old chat too
    await tg.wait(OLD["id"], 3)
    await emu(tg, "migrate", chat_id=OLD["id"], new_chat_id=NEW_ID)
    await until(lambda: _moved_case(db))
    new_chat = {"id": NEW_ID, "type": "supergroup"}
    seconds = [await tg.send(new_chat, rider, second) for _ in range(1)]
    await tg.wait(NEW_ID, 1)
    await said(tg, SEC["id"], SEC, "/accept C-000001")
    msgs = await tg.wait(NEW_ID, 2)
    announced = next(m for m in msgs if "C-000001" in body(m) and news in body(m).lower())
    taken = {m["message_id"] for m in seconds}
    assert announced["reply_to_message_id"] not in taken, announced
    assert announced["reply_to_message_id"] is None
    assert (await _case(db, 1)).message_id is None
    async with db() as s:
        for w in (await s.exec(select(CaseWatcher))).all():
            assert w.chat_id != NEW_ID or w.message_id is None


async def _moved_case(db) -> bool:
    return (await _case(db, 1)).chat_id == NEW_ID


# --- B5: a zero-width space alone separates a command from its text ----------------------------
@pytest.mark.parametrize("who, typed, registered", [
    (LI, "/report\u200b光华路红绿灯坏了", "C-000001"),
    (AMY, "/report\u200bThe street light is out on Keyuan Rd gate 2", "C-000001"),
])
async def test_a_zero_width_space_after_a_command_works_like_a_space(bot, tg, db, who, typed, registered) -> None:
    await said(tg, who["id"], who, "/start")
    answer = await said(tg, who["id"], who, typed)
    assert registered in body(answer), body(answer)
    case = await _case(db, 1)
    assert "光华路" in case.text or "Keyuan" in case.text


# --- B3: a stale department dialog changes nothing and says who decided ------------------------
def _labels(msg: dict[str, Any]) -> dict[str, str]:
    return {b["text"]: b["callback_data"] for row in msg["reply_markup"]["inline_keyboard"] for b in row}


@pytest.mark.parametrize("who, rider, text, road, water, asked, stale", [
    (SEC, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的", "住建局·市政道路", "水务局", "请选择部门", "已经有人处理了：张书记"),
    (SEC_B, AMY, "The street light is out on Keyuan Rd gate 2, completely dark at night", "Road maintenance",
     "Water authority", "choose the department", "Someone already handled this: Sec B"),
])
async def test_a_second_department_dialog_is_stale_once_the_first_decided(bot, tg, db, who, rider, text, road,
                                                                          water, asked, stale) -> None:
    await two_branches(tg, rider)
    group = GROUP if who is SEC else GROUP_B
    await said(tg, group, rider, text)
    dialogs = []
    for _ in range(2):
        before = len(await tg.messages(who["id"]))
        await tg.send(private(who), who, "/assign C-000001")
        dialogs.append(await new_message(tg, who["id"], before, asked))
    first, second = dialogs
    qid = await tg.press(who["id"], first["message_id"], who, _labels(first)[road])
    await answer_for(tg, qid)
    await until(lambda: _department(db, "road_maintenance"))

    async def unbuttoned() -> dict | None:  # the other open dialog is settled at once, naming who decided
        msg = next(m for m in await tg.messages(who["id"]) if m["message_id"] == second["message_id"])
        return msg if msg["edits"] and not (msg.get("reply_markup") or {}).get("inline_keyboard") else None
    settled = await until(unbuttoned)
    assert who["first_name"] in settled["text"] and "C-000001" in settled["text"], settled["text"]
    # a press that still arrives (an old client, a copy elsewhere) changes nothing and says who decided
    qid = await tg.press(who["id"], second["message_id"], who, _labels(second)[water])
    answered = await answer_for(tg, qid)
    assert stale in answered["text"], answered["text"]
    assert (await _case(db, 1)).department == "road_maintenance"  # the stale choice changed nothing


async def _department(db, code: str) -> bool:
    return (await _case(db, 1)).department == code


# --- B3a: a decided transfer request loses its buttons; a late press says who decided ----------
ROADS = {"id": 701, "first_name": "路政老王", "language_code": "zh"}   # road_maintenance
LIGHT_ZH = {"id": 702, "first_name": "照明小李", "language_code": "zh"}  # urban_lighting
LIGHT_EN = {"id": 703, "first_name": "Lee", "language_code": "en"}  # urban_lighting


async def _find(tg, chat_id: int, needle: str) -> dict | None:
    return next((m for m in reversed(await tg.messages(chat_id)) if needle in m["text"]), None)


@pytest.mark.parametrize("light, offered, prompt, settled, stale", [
    (LIGHT_ZH, "申请把工单", "回复", "已由照明小李办理：退回转办", "已经有人处理了：照明小李"),
    (LIGHT_EN, "asks to transfer", "reply to this", "Lee", "Someone already handled this: Lee"),
])
async def test_a_declined_transfer_request_is_settled_and_a_late_accept_says_who(bot, tg, db, light, offered,
                                                                                prompt, settled, stale) -> None:
    await two_branches(tg, LI, ROADS, light)
    await said(tg, BOSS["id"], BOSS, f"/grant {ROADS['id']} dept road_maintenance")
    await said(tg, BOSS["id"], BOSS, f"/grant {light['id']} dept urban_lighting")
    await said(tg, GROUP, LI, "建国路88号门口井盖没了")
    await said(tg, ROADS["id"], ROADS, "/accept C-000001 住建局")
    await tg.send(private(ROADS), ROADS, "/transfer C-000001 urban_lighting")
    offer = await until(lambda: _find(tg, light["id"], offered))
    before = len(await tg.messages(light["id"]))
    await answer_for(tg, await tg.press(light["id"], offer["message_id"], light, "ca:1:transfer_decline"))
    asked = await new_message(tg, light["id"], before, prompt)
    await tg.send(private(light), light, "井盖不归我们管", reply_to_message_id=asked["message_id"])
    await until(lambda: _declined(db))

    async def unbuttoned() -> dict | None:
        msg = next(m for m in await tg.messages(light["id"]) if m["message_id"] == offer["message_id"])
        return msg if msg["edits"] and not buttons(msg) else None
    edited = await until(unbuttoned)
    assert settled in edited["text"] and "C-000001" in edited["text"], edited["text"]
    late = await answer_for(tg, await tg.press(light["id"], offer["message_id"], light, "ca:1:transfer_accept"))
    assert stale in late["text"], late["text"]
    assert "C-000123" not in late["text"] and (await _case(db, 1)).department == "road_maintenance"


async def _declined(db) -> bool:
    case = await _case(db, 1)
    return case.status != "transferred" and case.transfers >= 1


# --- B3b: an accepted case is listed by its resolution deadline ---------------------------------
@pytest.mark.parametrize("member, rider, group, text, urgent, fix_label, due_label, answer_label", [
    (ROADS, LI, GROUP, "建国路88号门口井盖没了，很危险", True, "办结期限：", "期限 ", "答复期限："),
    (LIGHT_EN, AMY, GROUP_B, "The street light is out on Keyuan Rd gate 2, completely dark at night", False,
     "fix due: ", "due ", "answer due: "),
])
async def test_a_departments_cases_list_shows_the_resolution_deadline_once_accepted(
        bot, tg, db, member, rider, group, text, urgent, fix_label, due_label, answer_label) -> None:
    await two_branches(tg, rider, member)
    dept = "road_maintenance" if member is ROADS else "urban_lighting"
    branch = "cy" if group is GROUP else "hd"
    await said(tg, BOSS["id"], BOSS, f"/grant {member['id']} dept {dept} {branch}")
    await said(tg, group, rider, text)
    if urgent:  # the department hears it: before the alert, the member's next message may be it
        await alerted(tg, member["id"], "C-000001")
    await said(tg, member["id"], member, f"/accept C-000001 {dept}")
    await until(lambda: _department(db, dept))
    card = body(await said(tg, member["id"], member, "/case C-000001"))
    fix_due = card.split(fix_label, 1)[1][:11]
    answer_due = card.split(answer_label, 1)[1][:11]
    assert fix_due != answer_due, card
    listing = body(await said(tg, member["id"], member, "/cases"))
    line = next(x for x in listing.splitlines() if "C-000001" in x)
    assert f"{due_label}{fix_due}" in line and answer_due not in line, (line, card)


# --- B4: a migrated-away group is no blocked chat --------------------------------------------------
@pytest.mark.parametrize("lang, preview, one_chat, blocked", [
    ("zh", "推送预览", "（1 个聊天）", "已屏蔽"),
    ("en", "preview", "(1 chat)", "blocked"),
])
async def test_a_migrated_group_is_not_counted_as_a_blocked_chat(bot, tg, db, lang, preview, one_chat,
                                                                 blocked) -> None:
    await _bound_old_group(tg)
    await tg.send(OLD, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    await tg.wait(OLD["id"], 2)
    await emu(tg, "migrate", chat_id=OLD["id"], new_chat_id=NEW_ID, from_=BOSS, notify=False)
    await tg.send(private(SEC), SEC, "/accept C-000001")  # the bot learns of the move from the refused send
    await until(lambda: _moved_case(db))
    await said(tg, BOSS["id"], BOSS, f"/lang {lang}")
    shown = body(await said(tg, BOSS["id"], BOSS, "/broadcast 测试通知"))
    assert preview in shown and one_chat in shown, shown
    assert blocked not in shown, shown
    assert await _chat_type(db, OLD["id"], "migrated")  # the row stays (sent messages name it), as no group


async def _chat_type(db, chat_id: int, type_: str) -> bool:
    from storage.models import Chat
    async with db() as s:
        chat = await s.get(Chat, chat_id)
        return chat is not None and chat.type == type_


# --- B8: `/points <rider>` from a secretary shows that rider's record in her branch --------------
@pytest.mark.parametrize("sec, rider, group, report, title, own_only", [
    (SEC, LI, GROUP, "幸福小区3号门的路灯坏了 晚上黑乎乎的", "李师傅的积分记录", "只显示你自己的积分记录"),
    (SEC_B, AMY, GROUP_B, "The street light is out on Keyuan Rd gate 2, completely dark at night",
     "Points entries of Amy", "only your own points record"),
])
async def test_a_secretary_sees_her_riders_points_by_id(bot, tg, db, sec, rider, group, report, title,
                                                        own_only) -> None:
    await two_branches(tg, rider, WANG)
    await said(tg, group, rider, report)
    await said(tg, sec["id"], sec, "/accept C-000001")  # an accepted report earns the rider points
    await until(lambda: _has_points(db, rider["id"]))
    shown = body(await said(tg, sec["id"], sec, f"/points {rider['id']}"))
    assert title in shown and "#" in shown, shown  # her rider's entries, numbered for /points revoke
    if rider is AMY:
        await said(tg, AMY["id"], AMY, "/start")
        asked = body(await said(tg, AMY["id"], AMY, f"/points {LI['id']}"))
    else:
        asked = body(await said(tg, WANG["id"], WANG, f"/points {rider['id']}"))
    assert own_only in asked, asked  # a rider is told /points is their own record


async def _has_points(db, user_id: int) -> bool:
    from tests.conftest import ledger
    return bool(await ledger(db, user_id))


# --- B9: an anonymous admin is answered in the group's language ---------------------------------
@pytest.mark.parametrize("group, rider, text, hint, board", [
    (GROUP_B, AMY, "The street light is out on Keyuan Rd gate 2, completely dark at night", "anonymous admin",
     "Reports and fixes"),
    (GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的", "匿名管理员", "问题上报与解决"),
])
async def test_an_anonymous_admin_is_answered_in_the_groups_language(bot, tg, db, group, rider, text, hint,
                                                                      board) -> None:
    await two_branches(tg)
    await said(tg, group, rider, text)
    answered = body(await said(tg, group, SEC, "/accept C-000001", anonymous=True))
    assert hint in answered, answered
    shown = body(await said(tg, group, SEC, "/board", anonymous=True))
    assert board in shown, shown
