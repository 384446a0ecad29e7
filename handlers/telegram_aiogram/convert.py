"""aiogram objects → the chat layer's platform-neutral events (bot.domain, bot.events), and the
adapter's services the handlers may ask for (`AiogramPort`: the bot's name, files, formatting).

Telegram's own ways are settled here, at the edge: a group upgraded to a supergroup (a migration
message), an admin posting as the group (anonymous), captions beside texts, the message that
carries a pressed button.
"""
from __future__ import annotations

import contextlib
import io

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import CallbackQuery, ChatMemberUpdated, Message, User

from bot.buttons import decode
from bot.domain import IncomingMessage, Person, VoiceClip
from bot.events import ButtonPress, ChatEvent, ChatMoved, MembershipChanged, MessageEdited
from bot.services.broadcasts import Body
from handlers.telegram_text import (GROUP_ANONYMOUS_BOT_ID, MAX_ANSWER, Wire, body_of, bots_words, no_person,
                                    normalized, venue_name)


def person(user: User) -> Person:
    return Person(id=user.id, first_name=user.first_name or "", username=user.username,
                  language_code=user.language_code)


def is_anonymous_admin(message: Message) -> bool:
    return bool(message.from_user and message.from_user.id == GROUP_ANONYMOUS_BOT_ID
                and message.sender_chat and message.sender_chat.id == message.chat.id)


def incoming(message: Message, bot_id: int) -> IncomingMessage:
    photo = message.photo[-1].file_id if message.photo else None
    loc = message.location
    reply = message.reply_to_message
    replied_by = reply.from_user if reply is not None else None
    voice = message.voice
    return IncomingMessage(
        chat_id=message.chat.id, chat_type=message.chat.type, chat_title=message.chat.title,
        sender=person(message.from_user) if message.from_user else Person(id=message.chat.id),
        message_id=message.message_id, text=message.text or message.caption or "",
        photo_file_id=photo, lat=loc.latitude if loc else None, lon=loc.longitude if loc else None,
        place_name=venue_name(message.venue.title, message.venue.address) if message.venue else None,
        reply_to_bot=bool(replied_by and replied_by.id == bot_id),
        thread_id=message.message_thread_id if message.is_topic_message else None,
        media_group_id=message.media_group_id,
        reply_to_id=reply.message_id if reply else None,
        is_forum=bool(message.chat.is_forum) if message.chat.type != "private" else None,
        is_caption=message.text is None and message.caption is not None,
        voice=VoiceClip(voice.file_id, voice.file_unique_id, voice.duration or 0, voice.file_size or 0)
        if voice else None,
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


def message_event(message: Message, bot_id: int) -> ChatEvent:
    """A new message: a chat migration, or what someone posted."""
    if message.migrate_to_chat_id or message.migrate_from_chat_id:
        old, new = ((message.chat.id, message.migrate_to_chat_id) if message.migrate_to_chat_id
                    else (message.migrate_from_chat_id, message.chat.id))
        return ChatMoved(int(old or 0), int(new or 0))
    return incoming(message, bot_id)


def edited_event(message: Message, bot_id: int) -> MessageEdited:
    return MessageEdited(incoming(message, bot_id), message.date)


def membership_event(event: ChatMemberUpdated) -> MembershipChanged:
    return MembershipChanged.between(event.chat.id, event.chat.type, event.chat.title, event.old_chat_member.status,
                                     event.new_chat_member.status, event.from_user.language_code)


def press_event(query: CallbackQuery) -> ButtonPress:
    carrier = query.message
    shown = carrier if isinstance(carrier, Message) else None

    async def answer_with(text: str, alert: bool) -> None:
        with contextlib.suppress(TelegramAPIError):
            await query.answer(text[:MAX_ANSWER], show_alert=alert)
    return ButtonPress(
        press_id=query.id, sender=person(query.from_user), data=decode(query.data), raw_data=query.data,
        chat_id=carrier.chat.id if carrier is not None else None,
        chat_type=carrier.chat.type if carrier is not None else None,
        message_id=carrier.message_id if carrier is not None else None,
        thread_id=shown.message_thread_id if shown is not None and shown.is_topic_message else None,
        carrier_markup=wire(shown).html_text if shown is not None and (shown.text or shown.caption) else "",
        carrier_is_caption=shown is not None and shown.caption is not None,
        editable=shown is not None, answer_with=answer_with, source=query)


def wire(message: Message) -> Wire:
    """The parts of the message its formatted text is made of (handlers/telegram_text.py)."""
    return Wire(text=message.text, caption=message.caption,
                entities=[e.model_dump(exclude_none=True) for e in message.entities or ()],
                caption_entities=[e.model_dump(exclude_none=True) for e in message.caption_entities or ()],
                photo=message.photo[-1].file_id if message.photo else None)


class AiogramPort:
    """The chat layer's ChatPort on an aiogram Bot."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def username(self) -> str | None:
        return (await self.bot.me()).username

    async def download(self, file_id: str) -> bytes:
        """The file's bytes through the Bot API (getFile, then the file's URL)."""
        buf = io.BytesIO()
        await self.bot.download(file_id, destination=buf)
        return buf.getvalue()

    def body(self, message: IncomingMessage, skip: int = 0) -> Body | None:
        source = message.source
        return body_of(normalized(wire(source)), skip) if isinstance(source, Message) else None
