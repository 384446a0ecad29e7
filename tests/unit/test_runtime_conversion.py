"""Both Telegram runtimes read an update the same way: the same raw JSON becomes the same neutral
event through aiogram (handlers/telegram_aiogram/convert.py) and through python-telegram-bot
(handlers/telegram_ptb/convert.py). The chat layer routes on these fields, so a difference here
would be a behaviour the contract suite might not happen to exercise."""
from __future__ import annotations

from typing import Any

import pytest
import telegram
from aiogram.types import Update

from bot.domain import IncomingMessage
from bot.events import ButtonPress, ChatEvent, ChatMoved, MembershipChanged, MessageEdited
from handlers.telegram_aiogram.convert import edited_event, membership_event, message_event, press_event
from handlers.telegram_ptb.convert import events

BOT = {"id": 42, "is_bot": True, "first_name": "Sentinel", "username": "sentinel_bot"}
LI = {"id": 7, "is_bot": False, "first_name": "李", "username": "li", "language_code": "zh"}
GROUP = {"id": -100, "type": "supergroup", "title": "骑手群", "is_forum": True}
PRIVATE = {"id": 7, "type": "private", "first_name": "李"}
PIN = {"latitude": 39.9087, "longitude": 116.3975}


def message(**fields: Any) -> dict[str, Any]:
    return {"message_id": 5, "date": 1_700_000_000, "chat": GROUP, "from": LI, **fields}


UPDATES: dict[str, dict[str, Any]] = {
    "group text": {"message": message(text="幸福小区路灯坏了")},
    "command in a caption": {"message": message(caption="/resolve C-1 好了", photo=[
        {"file_id": "small", "file_unique_id": "s", "width": 1, "height": 1},
        {"file_id": "big", "file_unique_id": "b", "width": 9, "height": 9}])},
    "reply to the bot's prompt": {"message": message(text="在建设路", reply_to_message=message(
        message_id=4, text="还缺地点", **{"from": BOT}))},
    "reply to a rider's pin": {"message": message(text="/checkin AB12C", reply_to_message=message(
        message_id=3, location=PIN))},
    "topic message": {"message": message(text="同意", message_thread_id=11, is_topic_message=True)},
    "voice": {"message": message(voice={"file_id": "v", "file_unique_id": "vu", "duration": 4, "file_size": 900})},
    "forwarded pin": {"message": message(location=PIN, forward_origin={
        "type": "user", "date": 1_699_999_000, "sender_user": LI}, chat=PRIVATE)},
    "anonymous admin": {"message": message(text="/board", sender_chat=GROUP, **{"from": {
        "id": 1087968824, "is_bot": True, "first_name": "Group", "username": "GroupAnonymousBot"}})},
    "album photo": {"message": message(media_group_id="m1", photo=[
        {"file_id": "p", "file_unique_id": "pu", "width": 1, "height": 1}])},
    "migration": {"message": message(migrate_to_chat_id=-1000100)},
    "edit": {"edited_message": message(text="幸福小区3号门路灯坏了", edit_date=1_700_000_100)},
    "press": {"callback_query": {"id": "q1", "from": LI, "chat_instance": "ci", "data": "ca:1:accept",
                                 "message": message(text="C-000001 <b>new</b>", entities=[
                                     {"type": "bold", "offset": 0, "length": 8}], **{"from": BOT})}},
    "forged press": {"callback_query": {"id": "q2", "from": LI, "chat_instance": "ci", "data": "ca:99999999999:x",
                                        "message": message(caption="card", **{"from": BOT})}},
    "blocked": {"my_chat_member": {"chat": PRIVATE, "from": LI, "date": 1_700_000_000,
                                   "old_chat_member": {"status": "member", "user": BOT},
                                   "new_chat_member": {"status": "kicked", "user": BOT, "until_date": 0}}},
    "added to a group": {"my_chat_member": {"chat": GROUP, "from": LI, "date": 1_700_000_000,
                                            "old_chat_member": {"status": "left", "user": BOT},
                                            "new_chat_member": {"status": "member", "user": BOT}}},
}


def by_aiogram(raw: dict[str, Any]) -> ChatEvent:
    update = Update.model_validate({"update_id": 1, **raw})
    if update.message is not None:
        return message_event(update.message, BOT["id"])
    if update.edited_message is not None:
        return edited_event(update.edited_message, BOT["id"])
    if update.callback_query is not None:
        return press_event(update.callback_query)
    assert update.my_chat_member is not None
    return membership_event(update.my_chat_member)


def by_ptb(raw: dict[str, Any]) -> ChatEvent | None:
    return events(telegram.Update.de_json({"update_id": 1, **raw}, None), BOT["id"])


@pytest.mark.parametrize("name", UPDATES)
def test_both_runtimes_make_the_same_event(name: str) -> None:
    a, p = by_aiogram(UPDATES[name]), by_ptb(UPDATES[name])
    assert a == p
    if isinstance(a, ButtonPress):
        assert isinstance(p, ButtonPress) and a.carrier_markup == p.carrier_markup


def incoming(name: str) -> IncomingMessage:
    event = by_aiogram(UPDATES[name])
    assert isinstance(event, IncomingMessage)
    return event


def test_the_events_say_what_routing_needs() -> None:
    caption = incoming("command in a caption")
    assert caption.is_caption and caption.photo_file_id == "big" and caption.text.startswith("/resolve")
    assert incoming("reply to the bot's prompt").reply_to_bot
    assert incoming("reply to a rider's pin").reply_location == (39.9087, 116.3975)
    assert incoming("anonymous admin").as_group and incoming("forwarded pin").forwarded
    assert incoming("voice").voice is not None and incoming("topic message").thread_id == 11
    assert by_aiogram(UPDATES["migration"]) == ChatMoved(-100, -1000100)
    assert isinstance(by_aiogram(UPDATES["edit"]), MessageEdited)
    assert by_aiogram(UPDATES["blocked"]) == MembershipChanged(7, "private", None, gone=True, by_lang="zh")
    assert by_aiogram(UPDATES["added to a group"]) == MembershipChanged(-100, "supergroup", "骑手群", gone=False,
                                                                        added=True, by_lang="zh")
    press, forged = by_aiogram(UPDATES["press"]), by_aiogram(UPDATES["forged press"])
    assert isinstance(press, ButtonPress) and press.data is not None and press.message_id == 5
    assert press.carrier_markup == "<b>C-000001</b> &lt;b&gt;new&lt;/b&gt;"  # re-rendered when settled
    assert isinstance(forged, ButtonPress) and forged.data is None and forged.carrier_is_caption
