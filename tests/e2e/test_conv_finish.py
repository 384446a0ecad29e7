"""Issue 13, the last review's open points, through the real bot and the emulator: a voice
report's audio copied into the media store; a case's news in its forum topic for followers in
another topic, cases opened from "是，上报", digests and sweep announcements; an edit checked
again like a new message (unsure question, duplicate check); free text in commands kept as
typed; and wording (punctuation, "you" for the rider's own act, one ✅, canonical case numbers,
each command's own usage, labels in /audit), in zh and en."""
from __future__ import annotations

import asyncio
import hashlib
from datetime import timedelta
from typing import Any

import pytest
from sqlmodel import select

from bot.app import Core
from storage.models import Case, CaseEvent, CaseWatcher
from storage.models.voice import VoiceReport
from tests.conftest import (AMY, BOSS, GROUP, LI, SEC, SEC_B, WANG, answer_for, buttons, private, said,
                            two_branches, until, with_boss)
from tests.e2e.test_cases import _unsure_line
from tests.e2e.test_telegram_real import emu

EN = {"id": 602, "first_name": "Bob", "language_code": "en"}
LAMP = "幸福小区3号门的路灯坏了 晚上黑乎乎的"
LAMP_AGAIN = "幸福小区三号门口路灯不亮了"


DIGEST_WINDOW = 3.0  # the group window of the digest test, scaled down from Telegram's minute


@pytest.fixture
def settings(settings, tmp_path, request):
    """BOSS as superadmin and a media store; the digest test's group also backs up quickly."""
    changes: dict[str, Any] = {"media_dir": tmp_path / "media"}
    if "digest" in request.node.name:
        changes["sender"] = settings.sender.model_copy(update={"group_per_min": 4, "group_window": DIGEST_WINDOW,
                                                               "max_backoff": 0.3})
    return with_boss(settings, **changes)


def body(msg: dict[str, Any]) -> str:
    return str(msg.get("plain_text") or msg.get("text") or msg.get("caption") or "")


async def _cases(db) -> list[Case]:
    async with db() as s:
        return list((await s.exec(select(Case).order_by(Case.id))).all())


async def _new(tg, chat_id: int, before: int, needle: str, timeout: float = 15.0) -> dict[str, Any]:
    """The bot's first message in `chat_id` after the first `before` that contains `needle`."""
    async def found() -> dict | None:
        return next((m for m in (await tg.messages(chat_id))[before:] if needle in body(m)), None)
    return await until(found, timeout=timeout)


# --- 1. voice reports: a copy of the audio in the media store -----------------------------------
async def _report_of(db, case_id: int) -> VoiceReport | None:
    async with db() as s:
        return await s.get(VoiceReport, case_id)


async def test_voice_audio_is_copied_into_the_media_store_after_the_reply(bot, tg, db, settings) -> None:
    await two_branches(tg, LI)
    audio = "OggS\x00 李师傅的语音：建国路井盖丢了"
    await tg.fault("getFile", 502, count=1)  # the first download fails: the copy is retried, the reply never waits
    sent = await tg.send(GROUP, LI, voice={"duration": 3, "content": audio})
    reply = await _new(tg, GROUP["id"], 1, "C-000001")
    assert reply["reply_to_message_id"] == sent["message_id"]
    report = await until(lambda: _copied(db))
    data = audio.encode()
    digest = hashlib.sha256(data).hexdigest()
    assert report.media_path == f"{digest[:2]}/{digest}.oga"  # content-addressed
    stored = settings.media_dir / report.media_path
    assert stored.read_bytes() == data
    assert report.file_id  # still kept by file id too
    calls = (await tg.stats())["calls"]
    assert calls.get("getFile", 0) >= 2  # through the Bot API: getFile (failed once), then the file

    # the same audio again: one file in the store, named the same
    await tg.send(private(LI), LI, voice={"duration": 3, "content": audio})
    second = await until(lambda: _copied(db, 2))
    assert second.media_path == report.media_path
    assert len([p for p in settings.media_dir.rglob("*") if p.is_file()]) == 1


async def _copied(db, case_id: int = 1) -> VoiceReport | None:
    report = await _report_of(db, case_id)
    return report if report is not None and report.media_path else None


# --- 2. forum topics ------------------------------------------------------------------------------
async def test_a_follower_in_another_topic_hears_the_news_in_that_topic(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG)
    first = await tg.send(GROUP, LI, LAMP, message_thread_id=77)
    await _new(tg, GROUP["id"], 1, "C-000001")
    before = len(await tg.messages(GROUP["id"]))
    second = await tg.send(GROUP, WANG, LAMP_AGAIN, message_thread_id=88)
    followed = await _new(tg, GROUP["id"], before, "C-000001")
    assert followed["reply_to_message_id"] == second["message_id"] and followed["message_thread_id"] == 88
    async with db() as s:
        assert (await s.exec(select(CaseWatcher))).one().thread_id == 88
    await emu(tg, "delete", chat_id=GROUP["id"], message_id=second["message_id"])  # the thread, not the reply, keeps it

    before = len(await tg.messages(GROUP["id"]))
    await said(tg, SEC["id"], SEC, "/accept C-000001")
    news = (await tg.wait(GROUP["id"], before + 2))[before:]
    assert sorted(m["message_thread_id"] for m in news) == [77, 88], [(m["message_thread_id"], body(m)) for m in news]
    in_77 = next(m for m in news if m["message_thread_id"] == 77)
    in_88 = next(m for m in news if m["message_thread_id"] == 88)
    assert in_77["reply_to_message_id"] == first["message_id"] and "C-000001" in body(in_77)
    assert "C-000001" in body(in_88) and f'tg://user?id={WANG["id"]}' in in_88["text"]
    assert f'tg://user?id={WANG["id"]}' not in in_77["text"]  # mentioned where they are, once


async def test_a_case_opened_with_yes_report_stays_in_its_topic(bot, tg, db) -> None:
    sent = await tg.send(GROUP, LI, _unsure_line(), message_thread_id=55)
    [ask] = await tg.wait(GROUP["id"], 1)
    assert ask["message_thread_id"] == 55
    await emu(tg, "delete", chat_id=GROUP["id"], message_id=sent["message_id"])  # gone: only the topic is left
    yes = buttons(ask)[0]
    await answer_for(tg, await tg.press(GROUP["id"], ask["message_id"], LI, yes))
    created = await _new(tg, GROUP["id"], 1, "C-000001")
    assert created["message_thread_id"] == 55
    assert (await _cases(db))[0].thread_id == 55


async def test_a_sweep_announcement_stays_in_the_topic(bot, tg, db, settings) -> None:
    """Auto-close (the deadline sweep's announcement, 72 h after an unanswered fix) in the topic."""
    await two_branches(tg, LI)
    await tg.send(GROUP, LI, LAMP, message_thread_id=66)
    await _new(tg, GROUP["id"], 1, "C-000001")
    await said(tg, SEC["id"], SEC, "/accept C-000001")
    await said(tg, SEC["id"], SEC, "/resolve C-000001 已更换灯泡")
    case = await until(lambda: _resolved(db))
    before = len(await tg.messages(GROUP["id"]))
    core = await Core.open(settings, migrate=False)
    try:
        async with core.uow() as uow:
            await core.deadlines.sweep(uow, case.resolved_at + timedelta(hours=73))
            await uow.commit()
    finally:
        await core.close()
    closed = await _new(tg, GROUP["id"], before, "自动办结")
    assert closed["message_thread_id"] == 66


async def _resolved(db) -> Case | None:
    case = (await _cases(db))[0]
    return case if case.status == "resolved" and case.resolved_at else None


async def test_a_digest_goes_to_one_topic_with_only_that_topics_news(bot, tg, db) -> None:
    await two_branches(tg, LI)
    topic_of = {}
    for n in range(1, 7):
        topic = 71 if n <= 3 else 72
        topic_of[f"C-{n:06d}"] = topic
        before = len(await tg.messages(GROUP["id"]))
        await tg.send(GROUP, LI, f"幸福小区{n}号楼门口的路灯坏了", message_thread_id=topic)
        await tg.wait(GROUP["id"], before + 1)
    await asyncio.sleep(DIGEST_WINDOW)  # the reports' replies leave the window
    before = len(await tg.messages(GROUP["id"]))
    await tg.fault("sendMessage", 502, count=1_000_000)  # Telegram stalls while the changes are committed
    for n in range(1, 7):
        for command in (f"/accept C-{n:06d}", f"/note C-{n:06d} 进展{n}号"):
            await tg.send(private(SEC), SEC, command)
    await until(lambda: _events(db, 12), timeout=30)
    await tg.http.delete(f"{tg.base_url}/_emu/faults")
    await until(lambda: _all_out(tg, before, 12), timeout=40)
    group = (await tg.messages(GROUP["id"]))[before:]
    digests = [m for m in group if body(m).startswith("📋")]
    assert digests, "the backed-up group got no digest"
    for m in group:
        numbers = {n for n in topic_of if n in body(m)}
        assert numbers and {topic_of[n] for n in numbers} == {m["message_thread_id"]}, \
            (m["message_thread_id"], body(m)[:300])


async def _events(db, n: int) -> bool:
    async with db() as s:
        kinds = (await s.exec(select(CaseEvent.kind))).all()
    return len([k for k in kinds if k in ("accepted", "noted")]) >= n


async def _all_out(tg, before: int, changes: int) -> bool:
    group = (await tg.messages(GROUP["id"]))[before:]
    text = "\n".join(body(m) for m in group)
    return all(f"进展{n}号" in text for n in range(1, 7)) and text.count("C-0000") >= changes


# --- 3. edits: the unsure question and the duplicate check, again -------------------------------
async def test_an_edit_that_makes_a_report_vague_asks_again_and_no_withdraws_it(bot, tg, db) -> None:
    sent = await tg.send(GROUP, LI, LAMP)
    await _new(tg, GROUP["id"], 0, "C-000001")
    await emu(tg, "edit", chat_id=GROUP["id"], message_id=sent["message_id"], text=_unsure_line())
    ask = await _new(tg, GROUP["id"], 1, "还是要上报")
    assert ask["reply_to_message_id"] == sent["message_id"] and "C-000001" in body(ask)
    no = buttons(ask)[1]
    other = await answer_for(tg, await tg.press(GROUP["id"], ask["message_id"], WANG, no))
    assert "只有发消息的人" in other["text"]
    assert (await _cases(db))[0].status == "new"
    mine = await answer_for(tg, await tg.press(GROUP["id"], ask["message_id"], LI, no))
    assert "撤回" in mine["text"]
    await _new(tg, GROUP["id"], 2, "已由上报人撤回")
    case = (await _cases(db))[0]
    assert case.status == "rejected"
    async with db() as s:
        kinds = [e.kind for e in (await s.exec(select(CaseEvent).where(CaseEvent.case_id == 1))).all()]
    assert "edited" in kinds and "withdrawn" in kinds


async def test_an_edit_answered_yes_keeps_the_case(bot, tg, db) -> None:
    sent = await tg.send(GROUP, LI, LAMP)
    await _new(tg, GROUP["id"], 0, "C-000001")
    await emu(tg, "edit", chat_id=GROUP["id"], message_id=sent["message_id"], text=_unsure_line())
    ask = await _new(tg, GROUP["id"], 1, "还是要上报")
    kept = await answer_for(tg, await tg.press(GROUP["id"], ask["message_id"], LI, buttons(ask)[0]))
    assert "保留" in kept["text"]
    assert (await _cases(db))[0].status == "new"


@pytest.mark.parametrize("other, rider, first, wrong, edited, said_", [
    (WANG, LI, LAMP, "建国路88号门口有个大坑 电动车差点摔了", LAMP_AGAIN, "已有人上报"),
    (EN, AMY, "The street light is out at Xingfu Garden gate 3", "Big pothole on Keyuan Rd near gate 2",
     "Street lamp at Xingfu Garden gate 3 is broken", "Someone already reported"),
])
async def test_an_edit_that_reports_an_open_cases_problem_follows_it(bot, tg, db, other, rider, first, wrong,
                                                                     edited, said_) -> None:
    await said(tg, GROUP, other, first)
    sent = await tg.send(GROUP, rider, wrong)
    await _new(tg, GROUP["id"], 1, "C-000002")
    await emu(tg, "edit", chat_id=GROUP["id"], message_id=sent["message_id"], text=edited)
    followed = await _new(tg, GROUP["id"], 2, said_)
    assert "C-000001" in body(followed) and followed["reply_to_message_id"] == sent["message_id"]
    master, case = await _cases(db)
    assert case.status == "duplicate" and master.status == "new"
    async with db() as s:
        assert (await s.exec(select(CaseWatcher))).one().user_id == rider["id"]


# --- 4. free text in commands is kept as typed --------------------------------------------------
@pytest.mark.parametrize("rider, first, note_cmd, note, resolve_cmd, resolution", [
    (LI, LAMP, "/note Ｃ－０００００１ ＯＫ，明天上午到", "ＯＫ，明天上午到",
     "/resolve，Ｃ－１ 已更换ＬＥＤ灯泡（编号Ａ１２）", "已更换ＬＥＤ灯泡（编号Ａ１２）"),
    (AMY, "The street light is out on Keyuan Rd, completely dark at night", "／note Ｃ－１ ＯＫ Ｇａｔｅ ２ checked",
     "ＯＫ Ｇａｔｅ ２ checked", "/resolve Ｃ－０００００１ Replaced ＬＥＤ lamp Ａ１２", "Replaced ＬＥＤ lamp Ａ１２"),
])
async def test_full_width_notes_and_reasons_are_kept_as_typed(bot, tg, db, rider, first, note_cmd, note,
                                                              resolve_cmd, resolution) -> None:
    await two_branches(tg, rider)
    await said(tg, GROUP, rider, first)
    await said(tg, SEC["id"], SEC, "/accept C-000001")
    before = len(await tg.messages(GROUP["id"]))
    await tg.send(private(SEC), SEC, note_cmd)
    noted = await _new(tg, GROUP["id"], before, note)
    assert "C-000001" in body(noted)
    await tg.send(private(SEC), SEC, resolve_cmd)
    await _new(tg, GROUP["id"], before, resolution)
    async with db() as s:
        notes = [e.note for e in (await s.exec(select(CaseEvent).where(CaseEvent.case_id == 1))).all()]
    assert note in notes and resolution in notes


# --- 5. wording, zh and en ----------------------------------------------------------------------
@pytest.mark.parametrize("who, typed, missing", [
    (SEC, "/case 99", "找不到工单“C-000099”"),
    (SEC_B, "/case c99", "No case “C-000099”"),
    (SEC, "/accept ｃ９９", "找不到工单“C-000099”"),
])
async def test_a_missing_case_is_named_by_its_canonical_number(bot, tg, db, who, typed, missing) -> None:
    await two_branches(tg)
    answer = await said(tg, who["id"], who, typed)
    assert missing in body(answer), body(answer)


@pytest.mark.parametrize("who, command, example", [
    (SEC, "note", "/note C-000123 进展"), (SEC, "reject", "/reject C-000123 理由"),
    (SEC, "case", "/case C-000123"), (SEC, "dup", "/dup C-000124 C-000123"),
    (SEC_B, "note", "/note C-000123 progress"), (SEC_B, "cannotfix", "/cannotfix C-000123 reason"),
    (SEC_B, "resolve", "/resolve C-000123 note"),
])
async def test_each_commands_usage_shows_itself(bot, tg, db, who, command, example) -> None:
    await two_branches(tg)
    usage = body(await said(tg, who["id"], who, f"/{command}"))
    assert example in usage, usage
    if command != "resolve":
        assert "/resolve" not in usage, usage


@pytest.mark.parametrize("lang, role, dept, raw", [
    ("zh", "角色：支部书记", "部门：城管局·市政照明", "role="),
    ("en", "role: branch secretary", "department: Urban lighting", "role="),
])
async def test_audit_shows_labels_not_codes(bot, tg, db, lang, role, dept, raw) -> None:
    await two_branches(tg)
    await said(tg, SEC["id"], SEC, f"/grant {SEC_B['id']} dept urban_lighting")
    await said(tg, BOSS["id"], BOSS, f"/lang {lang}")
    text = body(await said(tg, BOSS["id"], BOSS, "/audit"))
    assert role in text and dept in text, text
    assert raw not in text and "secretary cy" not in text and "urban_lighting" not in text, text


@pytest.mark.parametrize("rider, first, own, third, chose", [
    (LI, LAMP, "你已确认", "上报人已确认", "你已选择"),
    (AMY, "The street light is out on Keyuan Rd, completely dark at night", "You confirmed", "The reporter confirmed",
     "You chose"),
])
async def test_the_riders_own_confirmation_reads_you_with_one_check_mark(bot, tg, db, rider, first, own, third,
                                                                         chose) -> None:
    await two_branches(tg, rider)
    await said(tg, GROUP, rider, first)
    await said(tg, SEC["id"], SEC, "/accept C-000001")
    before = len(await tg.messages(rider["id"]))
    await said(tg, SEC["id"], SEC, "/resolve C-000001 已更换灯泡")
    resolved = await _new(tg, rider["id"], before, "C-000001")
    assert "cf:1:y" in buttons(resolved)
    group_before = len(await tg.messages(GROUP["id"]))
    before = len(await tg.messages(rider["id"]))
    thanks = await answer_for(tg, await tg.press(rider["id"], resolved["message_id"], rider, "cf:1:y"))
    assert "已办理" not in thanks["text"] and "Done" not in thanks["text"], thanks["text"]  # thanked, not a clerk's "done"
    mine = await _new(tg, rider["id"], before, own)
    assert third not in body(mine)
    group = await _new(tg, GROUP["id"], group_before, "C-000001")
    assert own not in body(group)  # the group hears it of the reporter, not "you"

    async def settled() -> dict | None:
        msg = next(m for m in await tg.messages(rider["id"]) if m["message_id"] == resolved["message_id"])
        return msg if msg["edits"] and not buttons(msg) else None
    edited = body(await until(settled))
    assert chose in edited and edited.count("✅") <= 1, edited
    assert rider["first_name"] not in edited.split("\n")[-1]


async def test_a_settled_card_shows_one_check_mark_and_a_stale_press_no_doubled_punctuation(bot, tg, db) -> None:
    await two_branches(tg, LI)
    before = len(await tg.messages(SEC["id"]))
    await said(tg, GROUP, LI, "/reportin 河南省周口市某某村党支部")
    card = await _new(tg, SEC["id"], before, "某某村党支部")
    await answer_for(tg, await tg.press(SEC["id"], card["message_id"], SEC, "ri:1:a"))

    async def settled() -> dict | None:
        msg = next(m for m in await tg.messages(SEC["id"]) if m["message_id"] == card["message_id"])
        return msg if msg["edits"] and not buttons(msg) else None
    edited = body(await until(settled))
    assert "已通过" in edited and edited.count("✅") == 1, edited  # not "✅ 张书记：✅ 已通过…"
    again = (await answer_for(tg, await tg.press(SEC["id"], card["message_id"], SEC, "ri:1:r")))["text"]
    assert "处理人：张书记" in again and "。 " not in again and "。。" not in again, again


@pytest.mark.parametrize("rider, first", [(LI, LAMP), (AMY, "The street light is out on Keyuan Rd, completely dark")])
async def test_no_message_shows_the_check_mark_twice(bot, tg, db, rider, first) -> None:
    """Every message the bot sent through a case's life, in zh and en: ✅ at most once each."""
    await two_branches(tg, rider)
    await said(tg, GROUP, rider, first)
    for command in ("/accept C-000001", "/work C-000001", "/note C-000001 ✅ 已到现场", "/resolve C-000001 已修好"):
        await said(tg, SEC["id"], SEC, command)
    resolved = await until(lambda: _with_button(tg, rider["id"], "cf:1:y"))
    await answer_for(tg, await tg.press(rider["id"], resolved["message_id"], rider, "cf:1:y"))
    await until(lambda: _closed(db))
    await asyncio.sleep(0.5)
    for chat in (GROUP["id"], rider["id"], SEC["id"]):
        for m in await tg.messages(chat):
            text = body(m)
            if "已到现场" in text:
                continue  # the secretary's own ✅ inside their note is theirs
            assert text.count("✅") <= 1, text


async def _with_button(tg, chat_id: int, data: str) -> dict | None:
    return next((m for m in await tg.messages(chat_id) if data in buttons(m)), None)


async def _closed(db) -> bool:
    return (await _cases(db))[0].status == "closed"


# --- 6. found when re-trying the issue as riders and secretaries ---------------------------------
@pytest.mark.parametrize("rider, normal, urgent, said_", [
    (LI, "建国路C口井盖松了", "建国路C口井盖丢了 很危险", "已改为紧急：1 小时内必须有人响应"),
    (AMY, "Loose manhole cover on Jianguo Rd exit C", "Manhole cover missing at Jianguo Rd exit C, very dangerous",
     "now urgent, to be answered within 1 hour"),
])
async def test_an_edit_that_makes_a_report_urgent_tells_the_new_clock(bot, tg, db, rider, normal, urgent,
                                                                      said_) -> None:
    sent = await tg.send(GROUP, rider, normal)
    await _new(tg, GROUP["id"], 0, "C-000001")
    await emu(tg, "edit", chat_id=GROUP["id"], message_id=sent["message_id"], text=urgent)
    edited = await _new(tg, GROUP["id"], 1, said_)
    assert "C-000001" in body(edited)
    assert (await _cases(db))[0].urgency == "urgent"


@pytest.mark.parametrize("who, typed, code, shown", [
    (SEC, f"/grant {WANG['id']} dept 住建局", "road_maintenance", "住建局·市政道路"),
    (SEC_B, f"/grant {AMY['id']} dept Sanitation", "sanitation", "Sanitation"),
])
async def test_grant_takes_a_department_by_its_name(bot, tg, db, who, typed, code, shown) -> None:
    """/grant, like the case commands, takes a department as people name it (issue 13 §2)."""
    from storage.models import DepartmentMember
    await two_branches(tg, WANG, AMY)
    answer = body(await said(tg, who["id"], who, typed))
    assert shown in answer and code not in answer, answer
    async with db() as s:
        member = (await s.exec(select(DepartmentMember))).one()
    assert member.department == code
