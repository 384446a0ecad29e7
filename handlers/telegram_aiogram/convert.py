"""aiogram objects → the chat layer's platform-neutral events (bot.domain, bot.events), and the
adapter's services the handlers may ask for (`AiogramPort`: the bot's name, files, formatting).

Telegram's own ways are settled here, at the edge: a group upgraded to a supergroup (a migration
message), an admin posting as the group (anonymous), captions beside texts, the message that
carries a pressed button.
"""
from __future__ import annotations

import contextlib
import io
from typing import Any

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import CallbackQuery, ChatMemberUpdated, Message, MessageEntity, User
from aiogram.utils.text_decorations import html_decoration

from bot.buttons import decode
from bot.commandtext import normalize_command
from bot.domain import IncomingMessage, Person, VoiceClip
from bot.events import ButtonPress, ChatEvent, ChatMoved, MembershipChanged, MessageEdited
from bot.services.broadcasts import Body
from handlers.telegram_limits import TELEGRAM

GROUP_ANONYMOUS_BOT_ID = 1087968824  # Telegram's sender for a group admin posting as the group
MAX_ANSWER = 200  # Telegram shows at most 200 characters in a callback answer


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
        reply_to_bot=bool(replied_by and replied_by.id == bot_id),
        thread_id=message.message_thread_id if message.is_topic_message else None,
        media_group_id=message.media_group_id,
        reply_to_id=reply.message_id if reply else None,
        is_forum=bool(message.chat.is_forum) if message.chat.type != "private" else None,
        is_caption=message.text is None and message.caption is not None,
        voice=VoiceClip(voice.file_id, voice.file_unique_id, voice.duration or 0, voice.file_size or 0)
        if voice else None,
        forwarded=message.forward_origin is not None,
        reply_sender=person(replied_by) if replied_by is not None and not replied_by.is_bot else None,
        reply_location=(reply.location.latitude, reply.location.longitude)
        if reply is not None and reply.location is not None else None,
        sender_is_bot=message.from_user is None or message.from_user.is_bot,
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
    return MembershipChanged(event.chat.id, event.chat.type, event.chat.title,
                             gone=event.new_chat_member.status in ("left", "kicked"))


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
        carrier_markup=shown.html_text if shown is not None and (shown.text or shown.caption) else "",
        carrier_is_caption=shown is not None and shown.caption is not None,
        editable=shown is not None, answer_with=answer_with, source=query)


def normalized(message: Message) -> Message:
    """The message with its command (in text or caption) normalised; itself if nothing changes
    (the formatting of a changed command's text is dropped, as the chat layer reads it plain)."""
    changes: dict[str, Any] = {}
    for field in ("text", "caption"):
        raw = getattr(message, field)
        command = normalize_command(raw)
        if command is not None and command != raw:
            changes[field] = command
            changes["entities" if field == "text" else "caption_entities"] = None
    return message.model_copy(update=changes) if changes else message


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def body_of(message: Message, skip: int = 0) -> Body | None:
    """The message as recipients should get it: its text or caption from character `skip` on,
    formatting kept (entities → Telegram HTML, everything else escaped), and its photo.
    None when it carries nothing we can push (a sticker, a voice note …)."""
    text = message.text if message.text is not None else (message.caption or "")
    entities = message.entities if message.text is not None else message.caption_entities
    photo = message.photo[-1].file_id if message.photo else None
    if not text.strip() and photo is None:
        return None
    cut = _utf16(text[:skip])
    shifted: list[MessageEntity] = []
    for e in entities or []:
        start, end = max(e.offset, cut), e.offset + e.length
        if end > start:
            shifted.append(e.model_copy(update={"offset": start - cut, "length": end - start}))
    body = text[skip:]
    html = html_decoration.unparse(body, shifted).strip()
    return Body(html=html, photo=photo, length=max(_utf16(body.strip()), len(html)),
                limit=TELEGRAM.max_caption if photo else TELEGRAM.max_text)


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
        return body_of(normalized(source), skip) if isinstance(source, Message) else None
