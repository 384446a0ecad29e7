"""Where a command may be used, checked once from the command table (bot/commands.py).

Inner middleware on messages, after PeopleMiddleware (it needs `incoming` and `lang`): when the
handler that matched is a command (aiogram's Command filter put `command` in the data) and the
table says that command belongs in the other kind of chat, the answer is the table's
`wrong_place` message, in this chat, and the handler does not run. Commands addressed to
another bot never match a Command filter, so they never reach this check.
"""
from __future__ import annotations

from typing import Any

from aiogram import BaseMiddleware
from aiogram.filters import CommandObject
from aiogram.types import TelegramObject

from bot.commands import wrong_place
from bot.domain import PRIORITY_CONVERSATION, IncomingMessage, Notice
from bot.outbox import enqueue
from handlers.middlewares import Handler


class CommandPlaceMiddleware(BaseMiddleware):
    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        command, msg = data.get("command"), data.get("incoming")
        if isinstance(command, CommandObject) and isinstance(msg, IncomingMessage):
            key = wrong_place(command.command, msg.is_private)
            if key is not None:
                enqueue(data["uow"], Notice(msg.chat_id, key, data["lang"], priority=PRIORITY_CONVERSATION,
                                            reply_to=None if msg.is_private else msg.message_id))
                return None
        return await handler(event, data)
