"""Answers that belong in the rider's private chat, whatever chat they asked in.

/me, /points and /mycases show a rider's balance, streaks, report-in and cases: nothing for
the whole work group to read. Asked in a group, the answer goes to the rider's private chat
and the group gets one short pointer; a rider the bot cannot write to privately (never
started it, or blocked it) gets nothing in the group either: no balance, and no noise.
"""
from __future__ import annotations

from dataclasses import replace

from bot.domain import IncomingMessage
from bot.outbox import reply
from storage.models import User
from storage.uow import UnitOfWork


async def reachable(uow: UnitOfWork, user: User) -> bool:
    """Whether the bot may write to `user` privately: they started it and have not blocked it."""
    if not user.started:
        return False
    chat = await uow.chats.get(user.id)
    return chat is None or not chat.blocked


async def answered_privately(uow: UnitOfWork, user_id: int, chat_id: int) -> bool:
    """Whether an answer to what `user_id` asked in `chat_id` goes to their private chat: it was
    asked there, or the bot may write to them (`reachable`); else it goes where they asked."""
    person = await uow.users.get(user_id)
    return chat_id == user_id or (person is not None and await reachable(uow, person))


async def to_private(uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str) -> IncomingMessage | None:
    """Where to answer `msg` privately: `msg` itself in a private chat; in a group, the same
    message re-addressed to the rider's private chat (after a pointer in the group, in its forum
    topic), or None when the rider cannot be reached there (then the caller says nothing).
    What places a message in the group (its forum topic, the message it replies to) is no part
    of the private chat: a group's topic number sent there is refused ("message thread not found")."""
    if msg.is_private:
        return msg
    if not await reachable(uow, user):
        return None
    reply(uow, msg, "private-answer-sent", lang, name=msg.sender.first_name)
    return replace(msg, chat_id=user.id, chat_type="private", chat_title=None, reply_to_bot=False,
                   thread_id=None, is_forum=None, reply_to_id=None, reply_sender=None, reply_location=None)
