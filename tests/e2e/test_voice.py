"""Issue 13 §3, the scooter case: a voice note becomes a case awaiting triage, through the real
bot and emulator. The rider gets the number and a button to add the place; the branch's
secretary gets the audio with a button per category and one to dismiss; with a speech-to-text
engine (a test engine here, registered like any other) the transcript is classified like text."""
from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import select

from bot.voice.stt import register_engine
from storage.models import Case
from storage.models.voice import VoiceReport
from tests.conftest import (BOSS, GROUP, LI, SEC, SEC_B, WANG, answer_for, buttons, last, private, said,
                            two_branches, until, with_boss)


class EchoEngine:
    """A test engine: the transcript is its spec's argument, if the audio is a voice note
    (OGG) fetched from the Bot API; proves the download and the engine interface."""

    name = "echo"

    def __init__(self, arg: str) -> None:
        self.text = arg

    def transcribe(self, audio: bytes, lang: str | None = None) -> str:
        assert audio.startswith(b"OggS"), audio[:8]
        return self.text


register_engine("echo", EchoEngine)


@pytest.fixture
def settings(settings):
    return with_boss(settings)


def body(msg: dict[str, Any]) -> str:
    return str(msg.get("plain_text") or msg.get("text") or msg.get("caption") or "")


async def _case(db, case_id: int = 1) -> tuple[Case, VoiceReport | None]:
    async with db() as s:
        return await s.get(Case, case_id), await s.get(VoiceReport, case_id)


async def _voice(tg, chat: dict, who: dict, duration: int = 4) -> tuple[dict, dict]:
    """`who` sends a voice note in `chat`; (the sent note, the bot's answer there)."""
    target = private(who) if chat["id"] == who["id"] else chat
    before = len(await tg.messages(chat["id"]))
    sent = await tg.send(target, who, voice={"duration": duration})
    return sent, await last(tg, chat["id"], before + 1)


async def test_a_voice_note_in_the_group_becomes_a_case_awaiting_triage(bot, tg, db) -> None:
    await two_branches(tg, LI)
    sec_before = len(await tg.messages(SEC["id"]))
    boss_before = len(await tg.messages(BOSS["id"]))
    sent, reply = await _voice(tg, GROUP, LI)
    assert reply["reply_to_message_id"] == sent["message_id"]
    assert "C-000001" in body(reply) and "待分拣" in body(reply)
    assert buttons(reply) == ["vp:1"]
    case, report = await _case(db)
    assert case.status == "triage" and case.reporter_id == LI["id"] and case.department is None
    assert report is not None and report.file_id and report.duration == 4 and report.transcript is None

    card = await last(tg, SEC["id"], sec_before + 1)
    assert card.get("voice"), (body(card), card.get("document"))  # the audio itself, re-sent by its file id
    assert "C-000001" in body(card) and "李师傅" in body(card)
    data = buttons(card)
    assert "vt:1:x" in data and "vt:1:road" in data and len(data) == 15
    assert all(len(d.encode()) <= 64 for d in data)
    assert len(await tg.messages(BOSS["id"])) == boss_before  # the branch has a secretary


async def test_the_secretary_classifies_it_and_the_case_is_routed_and_announced(bot, tg, db) -> None:
    await two_branches(tg, LI)
    sec_before = len(await tg.messages(SEC["id"]))
    sent, _ = await _voice(tg, GROUP, LI)
    card = await last(tg, SEC["id"], sec_before + 1)
    group_before = len(await tg.messages(GROUP["id"]))

    qid = await tg.press(SEC["id"], card["message_id"], SEC, "vt:1:lighting")
    assert "已分类" in (await answer_for(tg, qid))["text"]
    announced = await last(tg, GROUP["id"], group_before + 1)
    assert announced["reply_to_message_id"] == sent["message_id"] and "已分类" in body(announced)
    case, report = await _case(db)
    assert case.status == "new" and case.category == "lighting" and case.department and case.due_at
    assert report.decided_by == SEC["id"]

    again = await tg.press(SEC["id"], card["message_id"], SEC, "vt:1:x")
    assert "已经处理过" in (await answer_for(tg, again))["text"]
    assert (await _case(db))[0].status == "new"
    # now an ordinary case: the lifecycle takes over
    await said(tg, SEC["id"], SEC, "/accept C-000001")
    await until(lambda: _status(db, "accepted"))


async def _status(db, status: str) -> bool:
    return (await _case(db))[0].status == status


async def test_dismiss_and_refusals_outside_the_branch(bot, tg, db) -> None:
    await two_branches(tg, LI)
    sec_before = len(await tg.messages(SEC["id"]))
    await _voice(tg, GROUP, LI)
    card = await last(tg, SEC["id"], sec_before + 1)
    for who in (SEC_B, LI):  # forged presses by another branch's secretary, the rider: nothing revealed
        own = (await tg.messages(who["id"]))[0]  # a message of the bot in their own chat
        qid = await tg.press(who["id"], own["message_id"], who, "vt:1:road")
        text = (await answer_for(tg, qid))["text"]
        assert "找不到" in text or "No such" in text
    assert (await _case(db))[0].status == "triage"
    bogus = await tg.press(SEC["id"], card["message_id"], SEC, "vt:1:nonsense")
    assert (await answer_for(tg, bogus))["text"]
    assert (await _case(db))[0].status == "triage"

    group_before = len(await tg.messages(GROUP["id"]))
    qid = await tg.press(SEC["id"], card["message_id"], SEC, "vt:1:x")
    assert "不予受理" in (await answer_for(tg, qid))["text"]
    assert "不予受理" in body(await last(tg, GROUP["id"], group_before + 1))
    case, _ = await _case(db)
    assert case.status == "rejected" and case.closed_at is not None


async def test_the_rider_adds_the_place_with_one_button_and_one_reply(bot, tg, db) -> None:
    await two_branches(tg, LI)
    _, reply = await _voice(tg, GROUP, LI)
    other = await tg.press(GROUP["id"], reply["message_id"], WANG, "vp:1")
    assert "只有上报人" in (await answer_for(tg, other))["text"]
    group_before = len(await tg.messages(GROUP["id"]))
    qid = await tg.press(GROUP["id"], reply["message_id"], LI, "vp:1")
    assert "回复" in (await answer_for(tg, qid))["text"]
    prompt = await last(tg, GROUP["id"], group_before + 1)
    assert "C-000001" in body(prompt) and "在哪里" in body(prompt)
    await tg.send(GROUP, LI, "建国路88号门口", reply_to_message_id=prompt["message_id"])
    attached = await last(tg, GROUP["id"], group_before + 2)
    assert "C-000001" in body(attached) and "建国路88号" in body(attached)
    case, _ = await _case(db)
    assert case.location and "建国路88号" in case.location and not case.awaiting_location
    again = await tg.press(GROUP["id"], reply["message_id"], LI, "vp:1")
    assert "已经有地点" in (await answer_for(tg, again))["text"]


async def test_a_private_voice_note_without_a_branch_goes_to_the_superadmin(bot, tg, db) -> None:
    await two_branches(tg, WANG)
    boss_before = len(await tg.messages(BOSS["id"]))
    _, reply = await _voice(tg, WANG, WANG)
    assert "C-000001" in body(reply)
    card = await last(tg, BOSS["id"], boss_before + 1)
    assert card.get("voice") and "vt:1:x" in buttons(card)


class TestWithAnEngine:
    @pytest.fixture
    def settings(self, settings):
        return with_boss(settings, stt="echo:建国路88号门口井盖丢了 电话13812345678 很危险")

    async def test_the_transcript_is_classified_like_text_and_shown(self, bot, tg, db) -> None:
        await two_branches(tg, LI)
        sec_before = len(await tg.messages(SEC["id"]))
        _, reply = await _voice(tg, GROUP, LI)
        assert "井盖" in body(reply) and "138****5678" in body(reply)  # in the group: masked
        assert buttons(reply) == []  # the transcript named the place
        case, report = await _case(db)
        assert case.status == "triage" and "井盖" in case.text and "建国路88号" in (case.location or "")
        assert report.transcript == case.text and report.suggested
        card = await last(tg, SEC["id"], sec_before + 1)
        assert "井盖" in body(card) and "13812345678" not in body(card)
        assert buttons(card)[0] == f"vt:1:{report.suggested}"  # the suggestion first

        qid = await tg.press(SEC["id"], card["message_id"], SEC, f"vt:1:{report.suggested}")
        await answer_for(tg, qid)
        await until(lambda: _status(db, "new"))
        case, _ = await _case(db)
        assert case.category == report.suggested and case.urgency == "urgent"

    async def test_voice_reports_are_listed_as_cases(self, bot, tg, db) -> None:
        await two_branches(tg, LI)
        await _voice(tg, GROUP, LI)
        async with db() as s:
            assert len((await s.exec(select(Case))).all()) == 1


async def test_a_voice_report_awaiting_triage_is_in_the_case_lists(bot, tg, db) -> None:
    """It was in no /cases list (open, all, the rider's own): the secretary who must classify it
    and the rider who sent it looked for it in vain; another branch's secretary still sees nothing."""
    await two_branches(tg, LI)
    sec_before = len(await tg.messages(SEC["id"]))
    await _voice(tg, GROUP, LI)
    await last(tg, SEC["id"], sec_before + 1)  # the secretary's triage card first
    for words in ("/cases", "/cases 未办结", "/cases 全部"):
        listed = body(await said(tg, SEC["id"], SEC, words))
        assert "C-000001" in listed and "待分拣" in listed, (words, listed)
    assert "C-000001" not in body(await said(tg, SEC["id"], SEC, "/cases 已办结"))
    mine = body(await said(tg, LI["id"], LI, "/cases"))
    assert "C-000001" in mine and "待分拣" in mine, mine
    assert "C-000001" not in body(await said(tg, SEC_B["id"], SEC_B, "/cases all"))
    board = body(await said(tg, GROUP, LI, "/board"))  # it was reported but not in process: 0 of 1
    assert "处理中 1 件" in board and "累计上报 1 件" in board, board
