"""Telegram as it really behaves (issue 13 §1), through the real bot and the emulator: a group
upgraded to a supergroup, blocking and coming back, anonymous admins, forum topics, input
methods' commands, albums, edits, and media the bot cannot read."""
from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import select

from storage.models import Case, CaseEvent, Chat, OutboxMessage
from storage.models.lessons import LessonSchedule
from tests.conftest import AMY, BOSS, GROUP, LI, SEC, WANG, private, said, two_branches, until, with_boss

OLD = {"id": -4001, "type": "group", "title": "朝阳骑手老群"}
NEW_ID = -1004001


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def emu(tg, route: str, **body: Any) -> dict[str, Any]:
    """A control-API call; `from_` stands for the body's `from`."""
    if "from_" in body:
        body["from"] = body.pop("from_")
    async with tg.http.post(f"{tg.base_url}/_emu/{route}", json={"token": tg.token, **body}) as r:
        data = await r.json()
        assert r.status == 200, data
        return data


async def cases(db) -> list[Case]:
    async with db() as s:
        return list((await s.exec(select(Case).order_by(Case.id))).all())


async def chat(db, chat_id: int) -> Chat | None:
    async with db() as s:
        return await s.get(Chat, chat_id)


async def quiet(tg, chat: dict[str, Any], who: dict[str, Any], before: int) -> list[dict[str, Any]]:
    """Everything the bot said in `chat` before its answer to a /board sent now: updates are
    handled and answered in order, so what earlier messages caused comes before that answer."""
    board = await tg.send(chat, who, "/board")
    count = before + 1
    while True:
        msgs = await tg.wait(chat["id"], count)
        assert len(msgs) >= count, "no answer to /board"
        at = next((i for i, m in enumerate(msgs) if m["reply_to_message_id"] == board["message_id"]), None)
        if at is not None:
            return msgs[:at]
        count = len(msgs) + 1


# --- 1. a group upgraded to a supergroup ------------------------------------------------------
async def _bound_old_group(tg) -> None:
    await tg.send(private(BOSS), BOSS, "/start")
    await tg.send(private(SEC), SEC, "/start")
    await tg.send(OLD, BOSS, "/bind cy 朝阳支部")
    await tg.send(private(BOSS), BOSS, f"/grant {SEC['id']} secretary cy")
    await tg.wait(BOSS["id"], 2)
    await tg.wait(OLD["id"], 1)


async def test_send_to_migrated_group_moves_everything_once(bot, tg, db) -> None:
    await _bound_old_group(tg)
    reported = await tg.send(OLD, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    await tg.wait(OLD["id"], 2)
    await said(tg, OLD, BOSS, "/lessons plan 一三五")
    old_jobs = await until(lambda: _jobs(bot, OLD["id"], 3))
    # the group is upgraded, and the bot misses the service messages: it learns from the error
    await emu(tg, "migrate", chat_id=OLD["id"], new_chat_id=NEW_ID, from_=BOSS, notify=False)
    errors_before = (await tg.stats())["errors"].get("400", 0)
    await said(tg, SEC["id"], SEC, "/accept C-000001")
    [announced] = await tg.wait(NEW_ID, 1)
    assert "C-000001" in announced["plain_text"] and "受理" in announced["plain_text"]
    assert announced["reply_to_message_id"] is None  # the old message is not in the new chat
    [case] = await cases(db)
    assert case.chat_id == NEW_ID and case.message_id is None  # old ids mean other messages there (issue 13 B1)
    assert reported["message_id"]
    assert (await chat(db, NEW_ID)).branch_id is not None
    old = await chat(db, OLD["id"])
    assert old.branch_id is None and old.blocked
    async with db() as s:
        assert await s.get(LessonSchedule, NEW_ID) is not None and await s.get(LessonSchedule, OLD["id"]) is None
        pending_old = (await s.exec(select(OutboxMessage).where(OutboxMessage.chat_id == OLD["id"],
                                                               OutboxMessage.status == "pending"))).all()
        assert not pending_old
    await until(lambda: _jobs(bot, NEW_ID, 3))  # mon, wed, fri
    await until(lambda: _no_jobs(bot, OLD["id"]))
    assert len(old_jobs) == 3
    # one refused send, not a retry loop
    assert (await tg.stats())["errors"].get("400", 0) - errors_before == 1
    # the new supergroup is bound: its urgent report lands in the branch
    await tg.send({"id": NEW_ID, "type": "supergroup"}, WANG, "建国路C口井盖丢了 很危险 有人差点掉下去")
    await tg.wait(NEW_ID, 2)
    newest = (await cases(db))[-1]
    assert newest.branch_id == case.branch_id and newest.urgency == "urgent"


async def _jobs(bot, chat_id: int, count: int) -> list[str]:
    ids = bot.core.jobs.ids(f"lesson:{chat_id}:")
    return ids if len(ids) == count else []


async def _no_jobs(bot, chat_id: int) -> bool:
    return not bot.core.jobs.ids(f"lesson:{chat_id}:")


async def test_migration_service_messages_move_the_binding(bot, tg, db) -> None:
    await _bound_old_group(tg)
    await tg.send(OLD, AMY, "The street light is out on Keyuan Rd gate 2, completely dark at night")
    await tg.wait(OLD["id"], 2)
    migrated = await emu(tg, "migrate", chat_id=OLD["id"], new_chat_id=NEW_ID)
    assert len(migrated["update_ids"]) == 2
    await until(lambda: _moved(db))
    await said(tg, SEC["id"], SEC, "/accept C-000001")
    [announced] = await tg.wait(NEW_ID, 1)
    assert "C-000001" in announced["plain_text"] and "accepted" in announced["plain_text"].lower()
    assert (await tg.stats())["errors"].get("400", 0) == 0  # nothing was sent to the old id


async def _moved(db) -> bool:
    new = await chat(db, NEW_ID)
    return new is not None and new.branch_id is not None and (await cases(db))[0].chat_id == NEW_ID


# --- 2. blocked is not forever ----------------------------------------------------------------
async def test_unblocking_rider_and_readded_group_are_reachable_again(bot, tg, db) -> None:
    await said(tg, LI["id"], LI, "/start")
    await emu(tg, "block", chat_id=LI["id"], blocked=True, notify=True)
    await until(lambda: _blocked(db, LI["id"], True))
    await emu(tg, "block", chat_id=LI["id"], blocked=False)  # unblocked: Telegram's update is not needed
    await said(tg, LI["id"], LI, "/start")
    assert not (await chat(db, LI["id"])).blocked

    await said(tg, GROUP, LI, "/board")
    bot_id = int(tg.token.split(":")[0])
    await emu(tg, "member", chat_id=GROUP["id"], user_id=bot_id, status="left", notify=True, from_=BOSS)
    await until(lambda: _blocked(db, GROUP["id"], True))
    await emu(tg, "member", chat_id=GROUP["id"], user_id=bot_id, status="member", notify=True, from_=BOSS)
    await until(lambda: _blocked(db, GROUP["id"], False))


async def _blocked(db, chat_id: int, value: bool) -> bool:
    found = await chat(db, chat_id)
    return found is not None and found.blocked is value


# --- 3. anonymous group admins ----------------------------------------------------------------
async def test_anonymous_admin_gets_views_and_a_hint(bot, tg, db) -> None:
    await two_branches(tg)
    await tg.send(GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    await tg.wait(GROUP["id"], 2)
    board = await said(tg, GROUP, SEC, "/board", anonymous=True)
    assert "C-000001" in board["plain_text"]
    card = await said(tg, GROUP, SEC, "/case C-000001", anonymous=True)
    assert "C-000001" in card["plain_text"] and not (card.get("reply_markup") or {}).get("inline_keyboard")
    hint = await said(tg, GROUP, SEC, "/accept C-000001", anonymous=True)
    assert "匿名" in hint["plain_text"] and "私聊" in hint["plain_text"]
    hint_en = await said(tg, GROUP, SEC, "/accept C-000001 roads team please", anonymous=True)
    assert "anonymous" in hint_en["plain_text"] and "Remain anonymous" in hint_en["plain_text"]
    assert (await cases(db))[0].status == "new"
    before = len(await tg.messages(GROUP["id"]))
    await tg.send(GROUP, SEC, "大家注意安全", anonymous=True)  # an announcement: not answered
    assert len(await quiet(tg, GROUP, LI, before)) == before


# --- 4. forum topics --------------------------------------------------------------------------
async def test_case_news_stays_in_its_topic_after_the_report_is_deleted(bot, tg, db) -> None:
    await two_branches(tg, LI)
    sent = await tg.send(GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的", message_thread_id=77)
    [created] = [m for m in await tg.wait(GROUP["id"], 2) if "C-000001" in (m["plain_text"] or "")]
    assert created["message_thread_id"] == 77 and created["reply_to_message_id"] == sent["message_id"]
    assert (await cases(db))[0].thread_id == 77
    await emu(tg, "delete", chat_id=GROUP["id"], message_id=sent["message_id"])
    before = len(await tg.messages(GROUP["id"]))
    await said(tg, SEC["id"], SEC, "/accept C-000001")
    news = (await tg.wait(GROUP["id"], before + 1))[before]
    assert "C-000001" in news["plain_text"] and news["message_thread_id"] == 77
    assert news["reply_to_message_id"] is None


# --- 5. commands as Chinese input methods type them ---------------------------------------------
async def test_full_width_and_invisible_characters_in_commands(bot, tg, db) -> None:
    created = await said(tg, LI["id"], LI, "/report，建国路井盖丢了很危险")
    assert "C-000001" in created["plain_text"]
    assert (await cases(db))[0].text == "建国路井盖丢了很危险"
    for mycases in ("／mycases", "/mycases\u200b", "\u200b/ｍｙｃａｓｅｓ", "/mycases。"):
        mine = await said(tg, LI["id"], LI, mycases)
        assert "C-000001" in mine["plain_text"], (mycases, mine["plain_text"])
    en = await said(tg, AMY["id"], AMY, "／report：Manhole cover missing on Keyuan Rd near exit C")
    assert "Case" in en["plain_text"] and "C-000002" in en["plain_text"]


# --- 6. albums --------------------------------------------------------------------------------
async def test_album_is_one_report_with_all_photos(bot, tg, db) -> None:
    album = await emu(tg, "album", chat=GROUP, **{"from": LI}, photos=3, caption_index=1,
                      caption="幸福小区3号门的路灯坏了 晚上黑乎乎的")
    msgs = await quiet(tg, GROUP, WANG, 0)
    assert len(msgs) == 1 and "C-000001" in msgs[0]["plain_text"]
    assert msgs[0]["reply_to_message_id"] == album["message_ids"][1]
    [case] = await cases(db)
    assert 1 + len(case.photos or []) == 3 and case.photo_file_id not in (case.photos or [])


async def test_album_in_private_gets_one_hint(bot, tg, db) -> None:
    await said(tg, LI["id"], LI, "/start")
    await emu(tg, "album", chat=private(LI), **{"from": LI}, photos=3)
    hint = (await tg.wait(LI["id"], 2))[1]
    assert "照片" in hint["plain_text"] and "说明" in hint["plain_text"]
    follow = await said(tg, LI["id"], LI, "/mycases")
    assert len(await tg.messages(LI["id"])) == 3 and follow["plain_text"] != hint["plain_text"]
    await said(tg, AMY["id"], AMY, "/start")
    await emu(tg, "album", chat=private(AMY), **{"from": AMY}, photos=2)
    hint_en = (await tg.wait(AMY["id"], 2))[1]
    assert "photos" in hint_en["plain_text"]
    await said(tg, AMY["id"], AMY, "/mycases")
    assert len(await tg.messages(AMY["id"])) == 3
    assert not await cases(db)


# --- 7. edits ---------------------------------------------------------------------------------
async def test_edit_adds_the_place_and_is_in_the_timeline(bot, tg, db) -> None:
    sent = await tg.send(GROUP, WANG, "路灯又不亮了 黑灯瞎火的")
    await tg.wait(GROUP["id"], 1)  # the case, with the place question in the same message
    await emu(tg, "edit", chat_id=GROUP["id"], message_id=sent["message_id"],
              text="幸福小区3号门的路灯又不亮了 黑灯瞎火的")
    edited = (await tg.wait(GROUP["id"], 2))[1]
    assert "C-000001" in edited["plain_text"] and "幸福小区" in edited["plain_text"]
    [case] = await cases(db)
    assert "幸福小区" in (case.location or "") and not case.awaiting_location
    assert case.text.startswith("幸福小区3号门")
    async with db() as s:
        kinds = [e.kind for e in (await s.exec(select(CaseEvent).where(CaseEvent.case_id == case.id))).all()]
    assert "edited" in kinds


async def test_edit_turns_chit_chat_into_a_report_and_reclassifies(bot, tg, db) -> None:
    chat_msg = await tg.send(GROUP, AMY, "anyone for lunch?")
    report = await tg.send(GROUP, WANG, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    await tg.wait(GROUP["id"], 1)
    await emu(tg, "edit", chat_id=GROUP["id"], message_id=chat_msg["message_id"],
              text="The underpass on Keyuan Rd is flooded, scooters can't get through")
    created = (await tg.wait(GROUP["id"], 2))[1]
    assert "C-000002" in created["plain_text"] and created["reply_to_message_id"] == chat_msg["message_id"]
    await emu(tg, "edit", chat_id=GROUP["id"], message_id=report["message_id"],
              text="幸福小区3号门的井盖丢了 很危险")
    edited = (await tg.wait(GROUP["id"], 3))[2]
    assert "C-000001" in edited["plain_text"]
    first, second = await cases(db)
    assert first.category != "lighting" and second.reporter_id == AMY["id"]


# --- 8. stickers, voice notes, other media ------------------------------------------------------
async def test_stickers_in_private_get_a_hint_groups_stay_silent(bot, tg) -> None:
    """(A voice note is a voice report, in private and in groups: tests/e2e/test_voice.py.)"""
    zh = await said(tg, LI["id"], LI, sticker="😀")
    assert "文字" in zh["plain_text"] and "/help" in zh["plain_text"]
    en = await said(tg, AMY["id"], AMY, sticker=True)
    assert "describe" in en["plain_text"]
    await tg.send(GROUP, LI, sticker="👍")
    assert await quiet(tg, GROUP, AMY, 0) == []


async def test_a_caption_that_is_no_report_gets_what_to_add_not_the_manual(bot, tg) -> None:
    """A file or video captioned "看看这个" got the whole /help text; a photo so captioned too."""
    doc = await said(tg, LI["id"], LI, caption="看看这个", document="scene.mp4")
    assert "看不懂" in doc["plain_text"] and "使用说明" not in doc["plain_text"]
    photo = await said(tg, LI["id"], LI, caption="你们看看", photo="pothole.jpg")
    assert "补一句说明" in photo["plain_text"]
    en = await said(tg, AMY["id"], AMY, caption="look at this", document={"file_name": "clip.mov"})
    assert "can't read" in en["plain_text"]
    report = await said(tg, LI["id"], LI, caption="幸福小区3号门的路灯坏了 晚上黑乎乎的", document="lamp.mp4")
    assert "C-000001" in report["plain_text"]  # a caption that is a report is still a report


async def test_edited_private_report_command_updates_its_case(bot, tg, db) -> None:
    sent = await tg.send(private(LI), LI, "/report 路灯坏了 晚上黑乎乎的")
    await tg.wait(LI["id"], 1)  # the case, with the place question in the same message
    await emu(tg, "edit", chat_id=LI["id"], message_id=sent["message_id"],
              text="/report，幸福小区3号门的路灯坏了 晚上黑乎乎的")
    edited = (await tg.wait(LI["id"], 2))[1]
    assert "C-000001" in edited["plain_text"] and "幸福小区" in edited["plain_text"]
    [case] = await cases(db)
    assert case.text == "幸福小区3号门的路灯坏了 晚上黑乎乎的" and not case.awaiting_location
    before = len(await tg.messages(LI["id"]))
    await emu(tg, "edit", chat_id=LI["id"], message_id=sent["message_id"], text="/mycases")
    await said(tg, LI["id"], LI, "/lang zh")  # an edit into another command does nothing
    assert len(await tg.messages(LI["id"])) == before + 1
