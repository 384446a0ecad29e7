"""The unit of work around each aiogram update (handlers/updates.py), with the dead-letter path."""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, Update

from handlers.telegram_aiogram.deadletter import dead_letter, raw_of
from handlers.updates import once
from storage.uow import UnitOfWork

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


class TransactionMiddleware(BaseMiddleware):
    """Outer middleware on updates: the unit of work around everything a handler does."""

    def __init__(self, uow_factory: Callable[[], UnitOfWork], default_lang: str) -> None:
        self.uow_factory = uow_factory
        self.default_lang = default_lang

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        assert isinstance(event, Update)

        async def run(uow: UnitOfWork) -> Any:
            data["uow"] = uow
            return await handler(event, data)

        async def give_up(error: BaseException) -> None:
            # A bug or an input no retry can fix: dead-letter it, tell the sender, and go on.
            await dead_letter(self.uow_factory, data.get("bot"), raw_of(event, data.get("raw")), error,
                              default_lang=self.default_lang)
        return await once(self.uow_factory, event.update_id, run, give_up, batch=data.get("batch"))
