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
from sqlalchemy.exc import DBAPIError, IntegrityError

from bot.domain import PRIORITY_CONVERSATION, IncomingMessage, Notice
from bot.i18n import normalize_lang
from bot.outbox import enqueue
from bot.services import people
from handlers.convert import incoming
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
                raise
            except DBAPIError:
                raise  # the database is unwell: leave the update unconfirmed, it will come again
            except Exception:
                log.exception("update %s failed", event.update_id)
                await uow.rollback()
        await self._apologise(event)
        return None

    async def _apologise(self, event: Update) -> None:
        """A bug must not turn into silence: say so, and do not retry the same poison update."""
        message = event.message
        async with self.uow_factory() as uow:
            uow.updates.mark(event.update_id)
            if message is not None:
                sender = message.from_user
                lang = normalize_lang(sender.language_code if sender else None) or self.default_lang
                enqueue(uow, Notice(message.chat.id, "error-generic", lang,
                                    reply_to=message.message_id, priority=PRIORITY_CONVERSATION))
            await uow.commit()


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
