"""Builds the aiogram Dispatcher: routers, middlewares, and the services handlers receive by name."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aiogram import Dispatcher

from handlers import (admin, broadcasts, case_choices, cases, checkins, commands, deliberation, export_chat, lessons,
                      link, points, reports, telegram_events, top, voice, web_command)
from handlers import routing as routing_handlers
from handlers.command_place import CommandPlaceMiddleware
from handlers.middlewares import PeopleMiddleware, TransactionMiddleware
from handlers.refusals import RefusalMiddleware
from storage.uow import UnitOfWork


def build_dispatcher(uow_factory: Callable[[], UnitOfWork], default_lang: str, **services: Any) -> Dispatcher:
    dp = Dispatcher(disable_fsm=True, **services)  # no FSM: state lives in our tables
    dp.update.outer_middleware(TransactionMiddleware(uow_factory, default_lang))
    dp.message.middleware(PeopleMiddleware(default_lang))
    dp.message.middleware(RefusalMiddleware(default_lang))  # a service's Refused is the answer: caught once
    dp.message.middleware(CommandPlaceMiddleware())  # a command in the wrong kind of chat (bot/commands.py)
    dp.callback_query.middleware(RefusalMiddleware(default_lang))
    # Before any filter: commands as input methods type them, migrations, anonymous admins.
    dp.message.outer_middleware(telegram_events.TelegramEdge(default_lang))
    # Reports first: most updates are group text, and they should not try every command filter.
    # Only a location pin we asked for (a check-in, an activity's place) goes before them, and a
    # secretary's private message that is the body of their broadcast draft.
    dp.include_routers(telegram_events.make_router(), checkins.make_pin_router(), broadcasts.make_capture_router(),
                       deliberation.make_thread_router(),
                       case_choices.make_router(), voice.make_router(), telegram_events.make_album_router(),
                       reports.make_router(), cases.make_router(), routing_handlers.make_router(), admin.make_router(),
                       points.make_router(), checkins.make_router(), broadcasts.make_router(), lessons.make_router(),
                       deliberation.make_router(), top.make_router(), export_chat.make_router(),
                       web_command.make_router(), link.make_router(), commands.make_router(),
                       telegram_events.make_fallback_router())
    return dp
