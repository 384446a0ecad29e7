"""The platform contract (issue 16): the scenarios every chat runtime must pass, end to end
through the emulator, with the same answers — a report becomes a case answered in its thread, a
missing place is asked for, a secretary acts by command and by button, the reporter confirms, a
broadcast goes out, a lesson is pushed and its quiz pressed, a rider checks in, a blocked chat is
left alone, the platform's rate limit is honoured, and the webhook answers after the commit and
dead-letters what the library cannot parse. Parameterised by tests/e2e/contract/conftest.py
over the runtimes (aiogram, python-telegram-bot, WeCom) and the database backends.

Where WeCom differs by design (docs/wecom.md), the scenario asserts WeCom's equivalent instead:
- replies: WeCom has no native replies. The AI bot answers a group message once through that
  message's response_url (the driver reports it as `reply_to_message_id`); a later notice about the
  same case goes through the app's appchat/send, tied to nothing. A member cannot reply to a
  message either: a "reply" is a plain message, which the chat layer still routes (the place asked
  for, the note a prompt asked for) by what the chat is waiting for.
- buttons: template cards in a member's private chat; a group takes no card through appchat/send,
  so a lesson pushed to a group has no quiz buttons there.
- a press's answer: no toast; an alert comes as a private message; a card is settled by updating
  its buttons into one label (update_template_card), its text unchanged.
- blocking: WeCom tells the app nothing when a member leaves; the send fails (81013), which marks
  the chat unreachable, and the member's next message brings it back.
- rate limits: errcodes, not HTTP 429 (45033: wait a second, the answer sent once).
- the callback: 200 only after the commit, WeCom's retries deduped, a failing event dead-lettered."""
from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlmodel import select

from storage.models import CaseEvent, Chat
from storage.models.checkins import ActivityCheckin
from storage.models.lessons import LessonQuizAnswer
from tests.conftest import (GROUP, LI, SEC, WANG, answer_for, buttons, last, private, said, two_branches,
                            until)
from tests.factories import new_message, read_case, read_cases

TZ = ZoneInfo("Asia/Shanghai")


async def _emu(tg, route: str, **body) -> dict:  # type: ignore[no-untyped-def]
    async with tg.http.post(f"{tg.base_url}/_emu/{route}", json={"token": tg.token, **body}) as r:
        data = await r.json()
        assert r.status == 200, data
        return data  # type: ignore[no-any-return]


async def test_report_becomes_a_case_answered_in_its_thread(bot, tg, db, runs_on, runtime) -> None:
    sent = await tg.send(GROUP, LI, "兄弟们 幸福小区3号门的路灯坏了 晚上黑乎乎的 差点撞到人")
    [reply] = await tg.wait(GROUP["id"], 1)
    assert reply["reply_to_message_id"] == sent["message_id"] and "C-000001" in reply["text"]
    [case] = await read_cases(db)
    assert (case.category, case.status, case.reporter_id) == ("lighting", "new", LI["id"])
    assert runs_on == [runtime]


async def test_missing_place_is_asked_and_attached(bot, tg, db) -> None:
    await tg.send(GROUP, WANG, "路灯又不亮了 黑灯瞎火的")
    [ask] = await tg.wait(GROUP["id"], 1)
    assert "还缺地点" in ask["text"]
    answer = await tg.send(GROUP, WANG, "就在建设路和人民路路口", reply_to_message_id=ask["message_id"])
    msgs = await tg.wait(GROUP["id"], 2)
    assert msgs[1]["reply_to_message_id"] == answer["message_id"]
    assert (await read_case(db)).location == "建设路和人民路路口"


async def test_secretary_by_command_and_the_reporter_confirms_by_button(bot, tg, db, runtime) -> None:
    await two_branches(tg, LI)
    registered = await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    group_before = len(await tg.messages(GROUP["id"]))
    await tg.send(private(SEC), SEC, "/accept C-000001")
    accepted = await last(tg, GROUP["id"], group_before + 1)
    assert "已受理" in accepted["text"]
    if runtime == "wecom":  # the report's one answer (its response_url) is spent: the app posts it, tied to nothing
        assert registered["via"] == "aibot/response" and accepted["via"] == "appchat/send"
    else:
        assert accepted["reply_to_message_id"] == registered["reply_to_message_id"]
    li_before = len(await tg.messages(LI["id"]))
    await tg.send(private(SEC), SEC, "/resolve C-000001 已更换灯泡")
    resolved = await new_message(tg, LI["id"], li_before, lambda m: "cf:1:y" in buttons(m))
    await tg.press(LI["id"], resolved["message_id"], LI, "cf:1:y")
    closed = await last(tg, GROUP["id"], group_before + 3)
    assert "已办结" in closed["text"]
    assert (await read_case(db)).status == "closed"


async def test_secretary_by_button_card_and_reply_prompt(bot, tg, db) -> None:
    await two_branches(tg, LI)
    assert "C-000001" in (await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的"))["text"]
    card = await said(tg, SEC["id"], SEC, "/case C-000001")
    assert "ca:1:accept" in buttons(card)
    answer = await answer_for(tg, await tg.press(SEC["id"], card["message_id"], SEC, "ca:1:accept"))
    assert not answer["show_alert"]
    await until(lambda: _status(db, "accepted"))
    settled = await until(lambda: _edited_without_buttons(tg, SEC["id"], card["message_id"]))
    assert "已受理" in settled["text"] or "受理" in settled["text"]
    # resolving needs a note: the button asks for it, and a reply to the prompt is the note
    card = await said(tg, SEC["id"], SEC, "/case C-000001")
    before = len(await tg.messages(SEC["id"]))
    await tg.press(SEC["id"], card["message_id"], SEC, "ca:1:resolve")
    prompt = await new_message(tg, SEC["id"], before)
    await tg.send(private(SEC), SEC, "灯泡已换好", reply_to_message_id=prompt["message_id"])
    await until(lambda: _status(db, "resolved"))
    async with db() as s:
        resolved = (await s.exec(select(CaseEvent).where(CaseEvent.kind == "resolved"))).one()
    assert resolved.note == "灯泡已换好" and resolved.actor_id == SEC["id"]


async def _status(db, status: str) -> bool:  # type: ignore[no-untyped-def]
    return (await read_case(db)).status == status


async def _edited_without_buttons(tg, chat_id: int, message_id: int) -> dict | None:  # type: ignore[no-untyped-def]
    found = next((m for m in await tg.messages(chat_id) if m["message_id"] == message_id), None)
    return found if found is not None and not buttons(found) else None


async def test_broadcast_preview_confirm_and_delivery(bot, tg, db) -> None:
    await two_branches(tg)
    preview = await said(tg, SEC["id"], SEC, "/broadcast all now 今晚8点起 建国路<封路> & 施工，请绕行 🚧")
    assert "推送预览" in preview["plain_text"] and buttons(preview) == ["bc:go:1", "bc:x:1"]
    before = len(await tg.messages(GROUP["id"]))
    answer = await answer_for(tg, await tg.press(SEC["id"], preview["message_id"], SEC, "bc:go:1"))
    assert not answer["show_alert"]
    got = await last(tg, GROUP["id"], before + 1)
    assert got["plain_text"] == "今晚8点起 建国路<封路> & 施工，请绕行 🚧"


async def test_lesson_push_and_quiz_press(bot, tg, db, runtime) -> None:
    await two_branches(tg, LI)
    await said(tg, GROUP, SEC, "/lessons plan 一三五")
    monday = datetime(2025, 3, 3, 14, 30, tzinfo=TZ)
    bot.core.lessons.clock = lambda: monday.astimezone(UTC)
    before = len(await tg.messages(GROUP["id"]))
    await bot.core.run_job("lesson-push", GROUP["id"], monday.weekday())
    lesson = (await tg.wait(GROUP["id"], before + 1))[before]
    if runtime == "wecom":  # appchat/send takes no template card: the lesson's text alone, nothing to press
        assert lesson["via"] == "appchat/send" and buttons(lesson) == [] and lesson["text"]
        return
    assert buttons(lesson) == ["ls:1:d", "ls:1:0", "ls:1:1", "ls:1:2"]
    wrong = await answer_for(tg, await tg.press(GROUP["id"], lesson["message_id"], LI, "ls:1:0"))
    assert wrong["show_alert"] and "正确答案：B." in wrong["text"]
    await asyncio.sleep(0.2)
    assert len(await tg.messages(GROUP["id"])) == before + 1  # the feedback went to the presser alone
    async with db() as s:
        answers = (await s.exec(select(LessonQuizAnswer))).all()
    assert [(a.user_id, a.choice, a.correct) for a in answers] == [(LI["id"], 0, False)]


async def test_check_in_with_a_code(bot, tg, db) -> None:
    await two_branches(tg, LI)
    now = datetime(2026, 12, 5, 9, 30, tzinfo=TZ)
    bot.core.checkins.clock = lambda: now.astimezone(UTC)
    await said(tg, SEC["id"], SEC, '/activity new "周六社区清洁" 2026-12-05 09:00 2h')
    async with db() as s:
        from storage.models.checkins import Activity
        activity = (await s.exec(select(Activity))).one()
    done = await said(tg, GROUP, LI, f"/checkin {activity.code.lower()}")
    assert "签到成功" in done["text"]
    async with db() as s:
        assert [r.user_id for r in (await s.exec(select(ActivityCheckin))).all()] == [LI["id"]]


async def test_blocked_chat_is_marked_and_comes_back(bot, tg, db, runtime) -> None:
    await said(tg, LI["id"], LI, "/start")
    if runtime == "wecom":  # no block event: the send fails (81013, outside the app's range), the member comes back
        await tg.fault("message/send", 81013, count=1)
        await tg.send(private(LI), LI, "/help")
        await until(lambda: _blocked(db, LI["id"], True))
        await said(tg, LI["id"], LI, "/start")
        assert not (await _chat(db, LI["id"])).blocked
        return
    await _emu(tg, "block", chat_id=LI["id"], blocked=True, notify=True)  # Telegram tells: my_chat_member
    await until(lambda: _blocked(db, LI["id"], True))
    await _emu(tg, "block", chat_id=LI["id"], blocked=False)
    await said(tg, LI["id"], LI, "/start")
    assert not (await _chat(db, LI["id"])).blocked


async def _chat(db, chat_id: int) -> Chat | None:  # type: ignore[no-untyped-def]
    async with db() as s:
        return await s.get(Chat, chat_id)


async def _blocked(db, chat_id: int, value: bool) -> bool:  # type: ignore[no-untyped-def]
    found = await _chat(db, chat_id)
    return found is not None and found.blocked is value


async def test_rate_limit_is_honoured_and_the_answer_sent_once(bot, tg, runtime) -> None:
    if runtime == "wecom":  # 45033 (too many concurrent calls): wait a second; sent once, by the app then
        await tg.fault("aibot/response", 45033, count=1)
        await tg.send(GROUP, LI, "幸福小区门口路灯坏了")
        [answer] = await tg.wait(GROUP["id"], 1)
        await asyncio.sleep(0.3)
        assert len(await tg.messages(GROUP["id"])) == 1 and "C-000001" in answer["text"]
        stats = await tg.stats()
        assert stats["errors"].get("45033") == 1 and stats["calls"]["aibot/response"] == 1
        assert answer["via"] == "appchat/send"  # the response_url was taken by the failed try
        return
    await tg.fault("sendMessage", 429, count=1, retry_after=1)
    await tg.send(GROUP, LI, "幸福小区门口路灯坏了")
    await tg.wait(GROUP["id"], 1)
    await asyncio.sleep(0.3)
    assert len(await tg.messages(GROUP["id"])) == 1
    stats = await tg.stats()
    assert stats["errors"].get("429") == 1 and stats["calls"]["sendMessage"] == 2


async def test_webhook_answers_after_the_commit_and_a_broken_update_is_dead_lettered(settings, tg, db, runs_on,
                                                                                     runtime, monkeypatch) -> None:
    """The webhook of each runtime: the update is handled before Telegram hears 200; one the
    library cannot parse (a message without a date) is stored as a dead letter, the rest flow."""
    from storage.models.deadletter import DeadLetter
    if runtime == "wecom":
        await _wecom_callback_contract(settings, tg, db, monkeypatch)
        assert runs_on == [runtime]
        return
    from tests.conftest import RunningBot
    from tests.e2e.test_poison import _settled
    from tests.e2e.test_runtime import _free_port
    port = _free_port()
    hooked = settings.model_copy(update={"webhook_url": f"http://127.0.0.1:{port}/webhook",
                                         "webhook_secret": "s3cret-token", "webhook_port": port})
    running = RunningBot(hooked, tg)
    await running.start(webhook=True)
    try:
        await tg.inject({"message": {"message_id": 1, "chat": private(WANG), "from": WANG}})  # no date
        reply = await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了")
        assert "C-000001" in reply["text"]
        await _settled(tg)
        async with db() as s:
            letters = (await s.exec(select(DeadLetter))).all()
        assert len(letters) == 1 and "parsed" in letters[0].error
        assert (await tg.stats())["calls"].get("setWebhook")
    finally:
        await running.stop()
    assert runs_on == [runtime]


async def _wecom_callback_contract(settings, tg, db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """WeCom's callback: a delivery is committed before WeCom hears 200 (the case is there the moment
    the send returns); WeCom's retries of one delivery (the same msgid, arriving while the first runs)
    make one case and one answer; an event whose handling fails for good (here: a bug planted in the
    chat layer for one text) is dead-lettered and answered 200 (no more retries), and the rest flow."""
    from handlers.chat import ChatDispatcher
    from storage.models.deadletter import DeadLetter
    from tests.e2e.contract.conftest import RunningWeCom
    real = ChatDispatcher.feed

    async def planted(self, event, uow, port, **extra):  # type: ignore[no-untyped-def]
        if getattr(event, "text", "") == "BOOM":
            raise ValueError("a planted bug")
        await real(self, event, uow, port, **extra)
    monkeypatch.setattr(ChatDispatcher, "feed", planted)
    running = RunningWeCom(settings, tg)
    await running.start()
    try:
        broken = await tg.send(GROUP, WANG, "BOOM")
        assert broken["status"] == 200
        sent = await tg.send(GROUP, LI, "幸福小区3号门的路灯坏了", deliveries=3)
        assert sent["status"] == 200
        [case] = await read_cases(db)  # committed before the 200
        assert case.reporter_id == LI["id"]
        msgs = await tg.wait(GROUP["id"], 2)
        await asyncio.sleep(0.3)
        msgs = await tg.messages(GROUP["id"])
        assert sum("C-000001" in m["text"] for m in msgs) == 1 and len(await read_cases(db)) == 1
        async with db() as s:
            letters = (await s.exec(select(DeadLetter))).all()
        assert len(letters) == 1 and "planted" in letters[0].error
        assert (await tg.stats())["callbacks"] >= 4
    finally:
        await running.stop()
