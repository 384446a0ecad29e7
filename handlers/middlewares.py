"""Per-update plumbing: one transaction per update, and who/what language is speaking.

An update is marked processed in the same commit as everything it caused, so a
redelivered update (after a crash, before Telegram saw our offset) is skipped.
"""
from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import Message, TelegramObject, Update
from sqlalchemy.exc import IntegrityError

from bot.domain import IncomingMessage
from bot.services import people
from handlers.convert import incoming
from handlers.deadletter import dead_letter, raw_of
from storage.errors import is_retryable
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)
Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


class TransactionMiddleware(BaseMiddleware):
    """Outer middleware on updates: the unit of work around everything a handler does."""

    def __init__(self, uow_factory: Callable[[], UnitOfWork], default_lang: str) -> None:
        self.uow_factory = uow_factory
        self.default_lang = default_lang

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        assert isinstance(event, Update)
        batch: UnitOfWork | None = data.get("batch")
        if batch is not None:  # the poller owns this transaction, its commit and its marks
            data["uow"] = batch
            return await handler(event, data)
        async with self.uow_factory() as uow:
            if await uow.updates.seen(event.update_id):
                return None
            data["uow"] = uow
            try:
                result = await handler(event, data)
                uow.updates.mark(event.update_id)
                await uow.commit()
                return result
            except IntegrityError:
                await uow.rollback()
                if await uow.updates.seen(event.update_id):
                    return None  # another delivery of this update won the race
                raise  # a race with another update on a unique key: the retry sees its row
            except Exception as e:  # sorted below: retry, or give up on this one update
                if is_retryable(e):
                    raise  # the database is unwell: the poller retries, a bounded number of times
                await uow.rollback()
                error: BaseException = e
        # A bug or an input no retry can fix: dead-letter it, tell the sender, and go on.
        await dead_letter(self.uow_factory, data.get("bot"), raw_of(event, data.get("raw")), error,
                          default_lang=self.default_lang)
        return None


class PeopleMiddleware(BaseMiddleware):
    """Inner middleware on messages: register chat and sender, pick the reply language."""

    def __init__(self, default_lang: str) -> None:
        self.default_lang = default_lang

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        assert isinstance(event, Message)
        if event.from_user is None or event.from_user.is_bot:
            return None
        uow: UnitOfWork = data["uow"]
        msg: IncomingMessage = incoming(event, data["bot"].id)
        user = await people.register(uow, msg)
        data["incoming"] = msg
        data["user"] = user
        data["lang"] = people.reply_lang(user, msg.sender.language_code, msg.text, self.default_lang)
        return await handler(event, data)
