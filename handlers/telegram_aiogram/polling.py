"""aiogram's part of the confirming long poll (handlers/polling.py): raw getUpdates, parsing one
update at a time, and feeding it to the Dispatcher (handlers/telegram_aiogram/dispatcher.py)."""
from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.exceptions import TelegramConflictError, TelegramRetryAfter
from aiogram.methods import GetUpdates
from aiogram.types import Update
from pydantic import ValidationError

from handlers import polling
from handlers.telegram_aiogram.deadletter import dead_letter
from storage.uow import UnitOfWork


class RawGetUpdates(GetUpdates):
    """getUpdates answering raw dicts: we parse each update ourselves, so one bad update
    cannot make the whole batch unreadable, and a dead letter keeps what Telegram sent."""

    __returning__ = list[dict[str, Any]]  # type: ignore[assignment]  # aiogram declares list[Update]


def parse(bot: Bot, raw: dict[str, Any]) -> Update | None:
    try:
        return Update.model_validate(raw, context={"bot": bot})
    except ValidationError:
        return None


class AiogramSource:
    library = "aiogram"

    def __init__(self, bot: Bot, dp: Dispatcher, uow_factory: Callable[[], UnitOfWork], default_lang: str) -> None:
        self.bot, self.dp, self.uow_factory, self.default_lang = bot, dp, uow_factory, default_lang

    async def fetch(self, offset: int | None, timeout: int) -> list[dict[str, Any]]:
        try:
            return await self.bot(RawGetUpdates(offset=offset, timeout=timeout), request_timeout=timeout + 10)
        except TelegramRetryAfter as e:
            raise polling.RetryAfter(e.retry_after) from e
        except TelegramConflictError as e:
            raise polling.Conflict(e.message) from e

    async def confirm(self, offset: int) -> None:
        await self.bot(RawGetUpdates(offset=offset, timeout=0, limit=1))

    def parse(self, raw: dict[str, Any]) -> Update | None:
        return parse(self.bot, raw)

    async def feed(self, update: object, raw: dict[str, Any], batch: UnitOfWork | None) -> None:
        assert isinstance(update, Update)
        if batch is None:
            await self.dp.feed_update(self.bot, update, raw=raw)
        else:
            await self.dp.feed_update(self.bot, update, batch=batch, raw=raw)

    async def dead_letter(self, raw: dict[str, Any], error: BaseException | str, attempts: int) -> None:
        await dead_letter(self.uow_factory, self.bot, raw, error, attempts=attempts, default_lang=self.default_lang)


async def poll(bot: Bot, dp: Dispatcher, uow_factory: Callable[[], UnitOfWork], stop: asyncio.Event,
               timeout: int = 25, default_lang: str = "zh", settle: polling.Settle | None = None) -> None:
    await polling.poll(AiogramSource(bot, dp, uow_factory, default_lang), uow_factory, stop, timeout, settle)


async def handle_one(bot: Bot, dp: Dispatcher, uow_factory: Callable[[], UnitOfWork], update: Update | None,
                     raw: dict[str, Any], stop: asyncio.Event, default_lang: str = "zh",
                     settle: polling.Settle | None = None) -> bool:
    """One update in its own unit of work (a webhook's): True once committed or dead-lettered."""
    return await polling.handle_one(AiogramSource(bot, dp, uow_factory, default_lang), update, raw, stop, settle)
