"""The aiogram Dispatcher of the Telegram adapter: one unit of work per update, and four handlers
that turn aiogram's updates into the chat layer's events (convert.py) and feed them to the one
`ChatDispatcher` (handlers/chat.py), where every route lives."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.types import CallbackQuery, ChatMemberUpdated, Message

from handlers.chat import ChatDispatcher, build_routes
from handlers.telegram_aiogram.convert import (AiogramPort, edited_event, membership_event, message_event,
                                               press_event)
from handlers.telegram_aiogram.middlewares import TransactionMiddleware
from storage.uow import UnitOfWork


def build_dispatcher(uow_factory: Callable[[], UnitOfWork], default_lang: str, **services: Any) -> Dispatcher:
    chat = ChatDispatcher(build_routes(), default_lang, services)
    dp = Dispatcher(disable_fsm=True, chat=chat)  # no FSM: state lives in our tables
    dp.update.outer_middleware(TransactionMiddleware(uow_factory, default_lang))

    async def on_message(message: Message, bot: Bot, uow: UnitOfWork, chat: ChatDispatcher) -> None:
        await chat.feed(message_event(message, bot.id), uow, AiogramPort(bot), bot=bot)

    async def on_edit(message: Message, bot: Bot, uow: UnitOfWork, chat: ChatDispatcher) -> None:
        await chat.feed(edited_event(message, bot.id), uow, AiogramPort(bot), bot=bot)

    async def on_press(query: CallbackQuery, bot: Bot, uow: UnitOfWork, chat: ChatDispatcher) -> None:
        await chat.feed(press_event(query), uow, AiogramPort(bot), bot=bot)

    async def on_membership(event: ChatMemberUpdated, bot: Bot, uow: UnitOfWork, chat: ChatDispatcher) -> None:
        await chat.feed(membership_event(event), uow, AiogramPort(bot), bot=bot)

    dp.message.register(on_message)
    dp.edited_message.register(on_edit)
    dp.callback_query.register(on_press)
    dp.my_chat_member.register(on_membership)
    return dp
