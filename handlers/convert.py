"""aiogram objects → the domain's platform-neutral shapes."""
from __future__ import annotations

from aiogram.types import Message, User

from bot.domain import IncomingMessage, Person


def person(user: User) -> Person:
    return Person(id=user.id, first_name=user.first_name or "", username=user.username,
                  language_code=user.language_code)


def incoming(message: Message, bot_id: int) -> IncomingMessage:
    photo = message.photo[-1].file_id if message.photo else None
    loc = message.location
    reply = message.reply_to_message
    return IncomingMessage(
        chat_id=message.chat.id, chat_type=message.chat.type, chat_title=message.chat.title,
        sender=person(message.from_user) if message.from_user else Person(id=message.chat.id),
        message_id=message.message_id, text=message.text or message.caption or "",
        photo_file_id=photo, lat=loc.latitude if loc else None, lon=loc.longitude if loc else None,
        reply_to_bot=bool(reply and reply.from_user and reply.from_user.id == bot_id),
        thread_id=message.message_thread_id if message.is_topic_message else None,
        media_group_id=message.media_group_id,
        reply_to_id=reply.message_id if reply else None,
        is_forum=bool(message.chat.is_forum) if message.chat.type != "private" else None,
    )
