"""Deliberation's routes in the chat layer, for one step: handlers/deliberation.py still takes
aiogram's objects (it is being changed on another branch), so its handlers are called here with
the aiogram message, command and callback query the aiogram adapter keeps on each event
(`source`). It runs on the aiogram runtime only; once handlers/deliberation.py takes the neutral
events (as handlers/cases.py does), this module goes and it registers itself."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.buttons import ProposeFromCase, SupportPress, VotePress
from bot.domain import IncomingMessage
from bot.events import ButtonPress, CommandCall
from handlers import deliberation as legacy
from handlers.chat import ChatRoutes, Handler, call


def _aiogram(fn: Callable[..., Any]) -> Handler:
    async def run(**data: Any) -> Any:
        from aiogram.filters import CommandObject
        from aiogram.types import CallbackQuery, Message

        from handlers.telegram_aiogram.convert import normalized
        msg = data.get("incoming")
        if isinstance(msg, IncomingMessage):
            if not isinstance(msg.source, Message):
                return False
            data["message"] = normalized(msg.source)
        command = data.get("command")
        if isinstance(command, CommandCall):
            data["command"] = CommandObject(prefix="/", command=command.command, mention=command.mention,
                                            args=command.args)
        press = data.get("press")
        if isinstance(press, ButtonPress):
            if not isinstance(press.source, CallbackQuery):
                return False
            data["query"] = press.source
        return await call(fn, data)
    run.__name__ = run.__qualname__ = fn.__name__
    run.__module__ = fn.__module__
    return run


def _group_text(incoming: IncomingMessage) -> bool:
    return not incoming.is_private and bool(incoming.text)


def register_threads(routes: ChatRoutes) -> None:
    """Goes before the report routes: a comment in a proposal's thread must not become a case."""
    routes.message(_aiogram(legacy.comment), _group_text, _aiogram(legacy._in_thread))


def register(routes: ChatRoutes) -> None:
    routes.command(_aiogram(legacy.propose), "propose")
    routes.command(_aiogram(legacy.proposal), "proposal")
    routes.command(_aiogram(legacy.proposals), "proposals")
    routes.command(_aiogram(legacy.vote), "vote")
    routes.button(_aiogram(legacy.press), SupportPress, VotePress, ProposeFromCase)
