"""Issue 13 §2: buttons that ask instead of telling people to type commands (departments as
buttons by their names, a reply prompt for a note), commands that take a department's name,
and settled buttons: the decision edits the message and a stale press says who decided."""
from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import select

from storage.models import Case, CaseEvent
from tests.conftest import BOSS, GROUP, LI, SEC, answer_for, buttons, private, two_branches, until, with_boss
from tests.factories import new_message, read_case



@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _report(tg, text: str = "幸福小区3号门的路灯坏了 晚上黑乎乎的", who=LI) -> None:
    before = len(await tg.messages(GROUP["id"]))
    await tg.send(GROUP, who, text)
    await new_message(tg, GROUP["id"], before, "C-0000")


async def _card(tg, who: dict, number: str = "C-000001") -> dict[str, Any]:
    """The case's card, asked for with /case: told by its title ("📋 C-000001 · …"), since the
    receipt of an action just taken ("✅ 已办理 C-000001") may arrive after the question."""
    before = len(await tg.messages(who["id"]))
    await tg.send(private(who), who, f"/case {number}")
    return await new_message(tg, who["id"], before, f"📋 {number}", field="plain_text")


async def _status(db, status: str, case_id: int = 1) -> Case:
    async def reached() -> Case | None:
        case = await read_case(db, case_id)
        return case if case.status == status else None
    return await until(reached)


async def test_assign_button_offers_departments_by_name_zh(bot, tg, db) -> None:
    await two_branches(tg, LI)
    await _report(tg)
    card = await _card(tg, SEC)
    assert "ca:1:assign" in buttons(card)
    before = len(await tg.messages(SEC["id"]))
    qid = await tg.press(SEC["id"], card["message_id"], SEC, "ca:1:assign")
    assert "选择部门" in (await answer_for(tg, qid))["text"]
    choice = await new_message(tg, SEC["id"], before, "请选择部门")
    labels = {b["text"]: b["callback_data"] for row in choice["reply_markup"]["inline_keyboard"] for b in row}
    assert "住建局·市政道路" in labels and "road_maintenance" not in " ".join(labels)
    assert all(len(d.encode()) <= 64 for d in labels.values())
    qid = await tg.press(SEC["id"], choice["message_id"], SEC, labels["住建局·市政道路"])
    assert "已办理" in (await answer_for(tg, qid))["text"]
    async def assigned() -> bool:
        return (await read_case(db)).department == "road_maintenance"
    await until(assigned)

    # the choice is settled: no buttons left, and it says who chose what
    async def edited() -> dict | None:
        msg = next(m for m in await tg.messages(SEC["id"]) if m["message_id"] == choice["message_id"])
        return msg if msg["edits"] and not buttons(msg) else None
    settled = await until(edited)
    assert "张书记" in settled["text"] and "住建局·市政道路" in settled["text"]
    # pressed again anyway (a second copy, an old client): a clear answer, nothing changes
    qid = await tg.press(SEC["id"], choice["message_id"], SEC, labels["choice" if False else "✖ 取消"])
    await answer_for(tg, qid)


async def test_commands_take_a_department_name_and_alone_list_the_choices(bot, tg, db) -> None:
    await two_branches(tg, LI)
    await _report(tg)
    before = len(await tg.messages(SEC["id"]))
    await tg.send(private(SEC), SEC, "/assign C-000001 社区")
    ambiguous = await new_message(tg, SEC["id"], before, "多个部门")
    assert "社区居委会" in ambiguous["text"] and "社区党委" in ambiguous["text"]
    await tg.send(private(SEC), SEC, "/assign C-000001 气象局")
    await new_message(tg, SEC["id"], before, "没有叫")
    before = len(await tg.messages(SEC["id"]))
    await tg.send(private(SEC), SEC, "/assign C-000001")
    listing = await new_message(tg, SEC["id"], before, "请选择部门")
    assert len(buttons(listing)) >= 10
    await tg.send(private(SEC), SEC, "/accept C-000001 住建局")
    assert (await _status(db, "accepted")).department == "road_maintenance"

    # in English, by the English name's prefix, for a superadmin
    await tg.send(private(BOSS), BOSS, "/lang en")
    before = len(await tg.messages(BOSS["id"]))
    await tg.send(private(BOSS), BOSS, "/transfer C-000001")
    listing = await new_message(tg, BOSS["id"], before, "choose the department")
    names = [b["text"] for row in listing["reply_markup"]["inline_keyboard"] for b in row]
    assert "Water authority" in names and "Road maintenance" not in names  # not to itself
    await tg.send(private(BOSS), BOSS, "/transfer C-000001 water")
    assert (await _status(db, "transferred")).pending_department == "water_authority"


async def test_note_buttons_ask_with_a_reply_prompt_that_survives_a_restart(bot, tg, db) -> None:
    await two_branches(tg, LI)
    await _report(tg)
    await tg.send(private(SEC), SEC, "/accept C-000001")
    await _status(db, "accepted")
    card = await _card(tg, SEC)
    assert "ca:1:reject" in buttons(card)
    before = len(await tg.messages(SEC["id"]))
    qid = await tg.press(SEC["id"], card["message_id"], SEC, "ca:1:note")
    assert "回复" in (await answer_for(tg, qid))["text"]
    prompt = await new_message(tg, SEC["id"], before, "添加进展")
    assert prompt["reply_markup"].get("force_reply") is True

    await bot.stop()  # nothing kept in memory: the prompt is found again after a restart
    await bot.start()
    group_before = len(await tg.messages(GROUP["id"]))
    await tg.send(private(SEC), SEC, "已联系路灯所，明天上午维修", reply_to_message_id=prompt["message_id"])
    note = await new_message(tg, GROUP["id"], group_before, "明天上午维修")
    assert note["reply_to_message_id"]
    await new_message(tg, SEC["id"], before + 1, "已办理 C-000001")
    async with db() as s:
        kinds = [e.kind for e in (await s.exec(select(CaseEvent).order_by(CaseEvent.id))).all()]
    assert kinds[-1] == "noted"
    # no new case was made of the reply
    async with db() as s:
        assert len((await s.exec(select(Case))).all()) == 1

    # someone else replying to the prompt is not answering it
    before = len(await tg.messages(SEC["id"]))
    await tg.send(private(SEC), SEC, "/reject C-000001")
    prompt = await new_message(tg, SEC["id"], before, "不予受理")
    await tg.send(private(SEC), SEC, "重复上报，已合并处理", reply_to_message_id=prompt["message_id"])
    await _status(db, "rejected")


async def test_card_buttons_settle_and_a_stale_press_says_who_decided_en(bot, tg, db) -> None:
    await two_branches(tg, LI)
    await _report(tg)
    await tg.send(private(BOSS), BOSS, "/lang en")
    boss_card = await _card(tg, BOSS)
    sec_card = await _card(tg, SEC)
    qid = await tg.press(SEC["id"], sec_card["message_id"], SEC, "ca:1:accept")
    await answer_for(tg, qid)
    await _status(db, "accepted")

    async def settled(chat_id: int, message_id: int) -> dict | None:
        msg = next(m for m in await tg.messages(chat_id) if m["message_id"] == message_id)
        return msg if msg["edits"] and not buttons(msg) else None
    sec_settled = await until(lambda: settled(SEC["id"], sec_card["message_id"]))
    assert "张书记" in sec_settled["text"] and "受理" in sec_settled["text"]

    # the superadmin's copy of the card is stale now: pressing accept there says who did it
    qid = await tg.press(BOSS["id"], boss_card["message_id"], BOSS, "ca:1:accept")
    text = (await answer_for(tg, qid))["text"]
    assert "Someone already handled this" in text and "张书记" in text and "Accepted" in text, text
    boss_settled = await until(lambda: settled(BOSS["id"], boss_card["message_id"]))
    assert "Handled by 张书记" in boss_settled["text"]


async def test_reject_button_prompts_in_english_and_the_reply_is_the_reason(bot, tg, db) -> None:
    await two_branches(tg, LI)
    await _report(tg)
    await tg.send(private(BOSS), BOSS, "/lang en")
    card = await _card(tg, BOSS)
    before = len(await tg.messages(BOSS["id"]))
    qid = await tg.press(BOSS["id"], card["message_id"], BOSS, "ca:1:reject")
    assert "Reply to the prompt" in (await answer_for(tg, qid))["text"]
    prompt = await new_message(tg, BOSS["id"], before, "reject: reply to this message with the reason")
    assert prompt["reply_markup"].get("force_reply") is True
    group_before = len(await tg.messages(GROUP["id"]))
    await tg.send(private(BOSS), BOSS, "Not a public-road problem", reply_to_message_id=prompt["message_id"])
    await _status(db, "rejected")
    told = await new_message(tg, GROUP["id"], group_before, "Not a public-road problem")
    assert "未予受理" in told["text"]  # the group hears it in the report's language
