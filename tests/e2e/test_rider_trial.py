"""A new rider's trial of the odd messages Telegram really delivers (channel posts in a linked
discussion group, venues, pins alone, messages the client library cannot read), through the real
bot and the emulator, on a real database."""
from __future__ import annotations

import asyncio
from typing import Any

from sqlmodel import select

from storage.models import OutboxMessage
from tests.conftest import AMY, GROUP, LI, WANG, said
from tests.e2e.test_telegram_real import emu
from tests.factories import read_cases, read_cases_at_least

# A poll as an older Bot API sent it: the installed client library cannot read it (version drift).
OLD_POLL = {"id": "1", "question": "今晚谁值班？", "total_voter_count": 0, "is_closed": False,
            "is_anonymous": True, "type": "regular", "allows_multiple_answers": False,
            "options": [{"text": "我", "voter_count": 0}, {"text": "不是我", "voter_count": 0}]}


async def _settled(tg: Any) -> None:
    for _ in range(200):
        if not (await tg.stats())["pending_updates"]:
            return
        await asyncio.sleep(0.05)


# --- a message the library cannot read: its "recorded" notice goes once, and the chat goes on ----
async def test_unreadable_message_is_answered_once_and_the_group_goes_on(bot, tg, db) -> None:
    await said(tg, LI["id"], LI, "/start")
    await tg.send(GROUP, LI, fields={"poll": OLD_POLL})
    [sorry] = await tg.wait(GROUP["id"], 1)
    assert "已记录" in sorry["plain_text"]
    # the group's next report is answered, and the notice was not sent again meanwhile
    answer = await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    assert "C-000001" in answer["plain_text"]
    await asyncio.sleep(1.5)  # several sender passes
    sent = await tg.messages(GROUP["id"])
    assert [m["plain_text"] for m in sent].count(sorry["plain_text"]) == 1, [m["plain_text"][:30] for m in sent]
    await read_cases_at_least(db, 1)
    assert "C-000001" in (await said(tg, LI["id"], LI, "/mycases"))["plain_text"]


# --- a linked channel's post in its discussion group: nobody's report -----------------------------
CHANNEL = {"id": -1009999, "type": "channel", "title": "朝阳发布"}
TELEGRAM = {"id": 777000, "first_name": "Telegram", "is_bot": False}  # Telegram forwarding the post


async def test_linked_channel_post_is_not_a_report(bot, tg, db) -> None:
    await said(tg, LI["id"], LI, "/start")
    post = {"sender_chat": CHANNEL, "is_automatic_forward": True,
            "forward_origin": {"type": "channel", "date": 1, "chat": CHANNEL, "message_id": 6}}
    sent = await tg.send(GROUP, TELEGRAM, "建国路和东三环路口井盖丢了 很危险 大家注意", fields=post)
    await emu(tg, "edit", chat_id=GROUP["id"], message_id=sent["message_id"], text="光华路积水很深 电动车过不去 很危险")
    # the group's next message is the rider's report's answer, and it is case 1
    answer = await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    assert answer["reply_to_message_id"] != sent["message_id"]
    assert "C-000001" in answer["plain_text"]
    [case] = await read_cases_at_least(db, 1)
    assert case.reporter_id == LI["id"]


# --- a venue names its place: the case has the name, not just the pin ----------------------------
PIN = {"latitude": 39.9123, "longitude": 116.4567}


def _venue(title: str, address: str) -> dict[str, Any]:
    return {"location": PIN, "fields": {"venue": {"location": PIN, "title": title, "address": address}}}


async def test_venue_answering_the_place_question_names_the_place(bot, tg, db) -> None:
    await said(tg, LI["id"], LI, "/start")
    asked = await said(tg, GROUP, LI, "路灯坏了 晚上黑乎乎的")
    assert "还缺地点" in asked["plain_text"]
    placed = await said(tg, GROUP, LI, reply_to_message_id=asked["message_id"],
                        **_venue("幸福小区3号门", "朝阳区幸福路12号"))
    assert "幸福小区3号门（朝阳区幸福路12号）" in placed["plain_text"], placed["plain_text"]
    [case] = await read_cases_at_least(db, 1)
    assert case.location == "幸福小区3号门（朝阳区幸福路12号）" and case.lat == PIN["latitude"]
    # a venue that is a flat: its room number does not reach the group
    asked = await said(tg, GROUP, AMY, "The street light is broken, completely dark at night")
    placed = await said(tg, GROUP, AMY, **_venue("Guanghua Rd Bldg 5", "Guanghua Rd Bldg 5, Room 1203"))
    assert "Guanghua Rd" in placed["plain_text"] and "1203" not in placed["plain_text"], placed["plain_text"]


# --- a forum topic is a conversation of its own: a place said in another topic is not this case's --
FORUM = {"id": -100777, "type": "supergroup", "title": "骑手论坛", "is_forum": True}


async def test_place_said_in_another_topic_is_not_the_cases(bot, tg, db) -> None:
    await said(tg, AMY["id"], AMY, "/start")
    asked = await said(tg, FORUM, AMY, "Street light broken, totally dark", message_thread_id=77)
    assert "No place yet" in asked["plain_text"] and asked["message_thread_id"] == 77
    await tg.send(FORUM, AMY, "at Keyuan Rd gate 9", message_thread_id=88)  # another topic's talk
    await tg.send(FORUM, AMY, message_thread_id=88, location=PIN)
    placed = await said(tg, FORUM, AMY, "at Guanghua Rd gate 3", message_thread_id=77)
    assert "Guanghua Rd gate 3" in placed["plain_text"] and placed["message_thread_id"] == 77
    [case] = await read_cases_at_least(db, 1)
    assert case.location == "Guanghua Rd gate 3" and case.lat is None
    assert all(m.get("message_thread_id") == 77 for m in await tg.messages(FORUM["id"]))


# --- a bot's words passed on are no report: no second case from the bot's own answer ---------------
US = {"id": 123456789, "is_bot": True, "first_name": "Rider Sentinel", "username": "rider_sentinel_bot"}


def _from_bot(bot_user: dict[str, Any]) -> dict[str, Any]:
    return {"fields": {"forward_origin": {"type": "user", "date": 1, "sender_user": bot_user}}}


async def test_a_bots_words_passed_on_are_no_report(bot, tg, db) -> None:
    await said(tg, LI["id"], LI, "/start")
    answer = await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    assert "C-000001" in answer["plain_text"]
    # a rider shows the group the bot's answer, and another shares a news bot's inline result
    await tg.send(GROUP, WANG, answer["plain_text"], **_from_bot(US))
    await tg.send(GROUP, WANG, "光华路积水很深 电动车过不去 很危险",
                  fields={"via_bot": {"id": 4242, "is_bot": True, "first_name": "News", "username": "news_bot"}})
    second = await said(tg, GROUP, WANG, "建国路和东三环路口井盖丢了 很危险")
    assert "C-000002" in second["plain_text"], second["plain_text"]
    assert len(await read_cases(db)) == 2
    # in private the rider hears why nothing was registered, in their language
    hint = await said(tg, AMY["id"], AMY, "📝 Case C-000001 registered\nCategory: Street lighting", **_from_bot(US))
    assert "bot" in hint["plain_text"] and "C-0" not in hint["plain_text"]
    # a person's message forwarded is still a report
    forwarded = await said(tg, GROUP, WANG, "科园路地铁站口路面塌陷了 大坑",
                           fields={"forward_origin": {"type": "hidden_user", "date": 1, "sender_user_name": "老张"}})
    assert "C-000003" in forwarded["plain_text"]


# --- an album's caption edited: the album's one case, with all its photos -------------------------
async def test_album_caption_edited_into_a_report_is_one_case_with_all_photos(bot, tg, db) -> None:
    await said(tg, AMY["id"], AMY, "/start")
    first = await tg.send(GROUP, AMY, caption="look at this", photo="a.jpg", media_group_id="g5")
    await tg.send(GROUP, AMY, photo="b.jpg", media_group_id="g5")
    await tg.send(GROUP, AMY, photo="c.jpg", media_group_id="g5")
    await emu(tg, "edit", chat_id=GROUP["id"], message_id=first["message_id"],
              text="Road collapsed at Keyuan Rd gate 4, big hole")
    [answer] = await tg.wait(GROUP["id"], 1)
    assert "C-000001" in answer["plain_text"]
    [case] = await read_cases_at_least(db, 1)
    assert case.photo_file_id and len(case.photos or []) == 2
    # a caption added later to another photo of a reported album is no second case
    album = [await tg.send(GROUP, LI, caption="光华路东口路面塌陷 一个大坑", photo="d.jpg", media_group_id="g6"),
             await tg.send(GROUP, LI, photo="e.jpg", media_group_id="g6")]
    await tg.wait(GROUP["id"], 2)
    await emu(tg, "edit", chat_id=GROUP["id"], message_id=album[1]["message_id"], text="光华路东口路面塌陷 很危险 大坑")
    after = await said(tg, GROUP, WANG, "建国路和东三环路口井盖丢了 很危险")
    assert "C-000003" in after["plain_text"], after["plain_text"]
    cases = await read_cases_at_least(db, 3)
    assert [c.reporter_id for c in cases] == [AMY["id"], LI["id"], WANG["id"]]
    assert len(cases[1].photos or []) == 1


# --- a send that fails as nobody foresaw: backed off, then given up; the chat goes on --------------
async def test_unforeseen_send_failure_is_bounded_and_the_chat_goes_on(bot, tg, db, monkeypatch) -> None:
    import bot.outbox as outbox
    import handlers.telegram_send as telegram_send
    monkeypatch.setattr(outbox, "UNEXPECTED_TRIES", 3, raising=False)
    real, tries = telegram_send.render, {"n": 0}

    def broken(message: Any) -> Any:
        if message.kind == "help":  # a bug in one message's rendering
            tries["n"] += 1
            raise RuntimeError("render bug")
        return real(message)
    monkeypatch.setattr(telegram_send, "render", broken)
    await said(tg, LI["id"], LI, "/start")
    await tg.send({"id": LI["id"], "type": "private"}, LI, "/help")
    await tg.send({"id": LI["id"], "type": "private"}, LI, "/mycases")
    answers = await tg.wait(LI["id"], 2, timeout=15)
    assert len(answers) == 2 and "工单" in answers[1]["plain_text"]
    assert tries["n"] == 3
    async with db() as s:
        [row] = (await s.exec(select(OutboxMessage).where(OutboxMessage.kind == "help"))).all()
    assert row.status == "failed" and "render bug" in (row.error or "")
