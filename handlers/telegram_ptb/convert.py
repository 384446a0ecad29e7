"""python-telegram-bot objects → the chat layer's platform-neutral events (bot.domain, bot.events),
and the adapter's services the handlers may ask for (`PtbPort`).

Telegram's HTML for a message's text and entities (a broadcast's body, a settled message) is
made by the same library-neutral functions for both Telegram runtimes (handlers/telegram_text.py),
from the message as Telegram sent it, so both runtimes send byte-identical markup. Nothing here
imports aiogram.
"""
from __future__ import annotations

import contextlib
from datetime import timedelta
from typing import Any

import telegram

from bot.buttons import decode
from bot.domain import IncomingMessage, Person, VoiceClip
from bot.events import ButtonPress, ChatEvent, ChatMoved, MembershipChanged, MessageEdited
from bot.services.broadcasts import Body
from handlers.telegram_text import (GROUP_ANONYMOUS_BOT_ID, MAX_ANSWER, Wire, body_of, bots_words, no_person,
                                    normalized, venue_name)


def person(user: telegram.User) -> Person:
    return Person(id=user.id, first_name=user.first_name or "", username=user.username,
                  language_code=user.language_code)


def _seconds(value: Any) -> int:
    return int(value.total_seconds()) if isinstance(value, timedelta) else int(value or 0)


def is_anonymous_admin(message: telegram.Message) -> bool:
    return bool(message.from_user and message.from_user.id == GROUP_ANONYMOUS_BOT_ID
                and message.sender_chat and message.sender_chat.id == message.chat.id)


def incoming(message: telegram.Message, bot_id: int) -> IncomingMessage:
    photo = message.photo[-1].file_id if message.photo else None
    loc = message.location
    reply = message.reply_to_message
    replied_by = reply.from_user if reply is not None else None
    voice = message.voice
    chat_type = str(message.chat.type)
    return IncomingMessage(
        chat_id=message.chat.id, chat_type=chat_type, chat_title=message.chat.title,
        sender=person(message.from_user) if message.from_user else Person(id=message.chat.id),
        message_id=message.message_id, text=message.text or message.caption or "",
        photo_file_id=photo, lat=loc.latitude if loc else None, lon=loc.longitude if loc else None,
        place_name=venue_name(message.venue.title, message.venue.address) if message.venue else None,
        reply_to_bot=bool(replied_by and replied_by.id == bot_id),
        thread_id=message.message_thread_id if message.is_topic_message else None,
        media_group_id=message.media_group_id,
        reply_to_id=reply.message_id if reply else None,
        is_forum=bool(message.chat.is_forum) if chat_type != "private" else None,
        is_caption=message.text is None and message.caption is not None,
        # the duration as Telegram sent it (reading PTB's attribute warns of its coming timedelta type)
        voice=VoiceClip(voice.file_id, voice.file_unique_id, _seconds(voice.to_dict().get("duration")),
                        voice.file_size or 0) if voice else None,
        forwarded=message.forward_origin is not None,
        bots_words=bots_words(getattr(message.forward_origin, "type", None),
                              bool(getattr(getattr(message.forward_origin, "sender_user", None), "is_bot", False)),
                              message.via_bot is not None),
        reply_sender=person(replied_by) if replied_by is not None and not replied_by.is_bot else None,
        reply_location=(reply.location.latitude, reply.location.longitude)
        if reply is not None and reply.location is not None else None,
        sender_is_bot=no_person(message.from_user.id if message.from_user else None,
                                bool(message.from_user and message.from_user.is_bot),
                                bool(message.is_automatic_forward)),
        as_group=is_anonymous_admin(message),
        source=message,
    )


def wire(message: telegram.Message) -> Wire:
    """The parts of the message its formatted text is made of, as Telegram's JSON describes them."""
    return Wire(text=message.text, caption=message.caption,
                entities=[e.to_dict() for e in message.entities],
                caption_entities=[e.to_dict() for e in message.caption_entities],
                photo=message.photo[-1].file_id if message.photo else None)


def events(update: telegram.Update, bot_id: int) -> ChatEvent | None:
    """The chat layer's event for an update, or None for kinds the bot does not handle."""
    if update.message is not None:
        m = update.message
        if m.migrate_to_chat_id or m.migrate_from_chat_id:
            old, new = ((m.chat.id, m.migrate_to_chat_id) if m.migrate_to_chat_id
                        else (m.migrate_from_chat_id, m.chat.id))
            return ChatMoved(int(old or 0), int(new or 0))
        return incoming(m, bot_id)
    if update.edited_message is not None:
        return MessageEdited(incoming(update.edited_message, bot_id), update.edited_message.date)
    if update.callback_query is not None:
        return press_event(update.callback_query)
    if update.my_chat_member is not None:
        e = update.my_chat_member
        return MembershipChanged.between(e.chat.id, str(e.chat.type), e.chat.title, str(e.old_chat_member.status),
                                         str(e.new_chat_member.status), e.from_user.language_code)
    return None


def press_event(query: telegram.CallbackQuery) -> ButtonPress:
    carrier = query.message
    shown = carrier if isinstance(carrier, telegram.Message) else None
    markup, is_caption = "", False
    if shown is not None:
        markup = wire(shown).html_text if (shown.text or shown.caption) else ""
        is_caption = shown.caption is not None

    async def answer_with(text: str, alert: bool) -> None:
        with contextlib.suppress(telegram.error.TelegramError):
            await query.answer(text[:MAX_ANSWER], show_alert=alert)
    return ButtonPress(
        press_id=query.id, sender=person(query.from_user), data=decode(query.data), raw_data=query.data,
        chat_id=carrier.chat.id if carrier is not None else None,
        chat_type=str(carrier.chat.type) if carrier is not None else None,
        message_id=carrier.message_id if carrier is not None else None,
        thread_id=shown.message_thread_id if shown is not None and shown.is_topic_message else None,
        carrier_markup=markup, carrier_is_caption=is_caption, editable=shown is not None,
        answer_with=answer_with, source=query)


class PtbPort:
    """The chat layer's ChatPort on a python-telegram-bot Bot."""

    def __init__(self, bot: telegram.Bot) -> None:
        self.bot = bot

    async def username(self) -> str | None:
        return self.bot.username  # known since Application.initialize (getMe)

    async def download(self, file_id: str) -> bytes:
        file = await self.bot.get_file(file_id)
        return bytes(await file.download_as_bytearray())

    def body(self, message: IncomingMessage, skip: int = 0) -> Body | None:
        source = message.source
        return body_of(normalized(wire(source)), skip) if isinstance(source, telegram.Message) else None
