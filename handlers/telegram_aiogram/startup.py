"""getMe on aiogram's Bot for the first contact with the Bot API (handlers/telegram_startup.py: the
retries with backoff while the network is down)."""
from __future__ import annotations

import asyncio

from aiogram import Bot
from aiogram.exceptions import TelegramNetworkError, TelegramRetryAfter, TelegramServerError
from aiogram.types import User

from handlers import telegram_startup
from handlers.telegram_startup import FloodWait, NetworkDown


async def first_me(bot: Bot, stop: asyncio.Event, api_base: str, *, first_delay: float = telegram_startup.FIRST_DELAY,
                   max_delay: float = telegram_startup.MAX_DELAY) -> User | None:
    """getMe until it answers (None if `stop` is set first). Unauthorized and other API errors propagate."""
    async def me() -> User:
        try:
            return await bot.me()
        except TelegramRetryAfter as e:
            raise FloodWait(float(e.retry_after)) from e
        except (TelegramNetworkError, TelegramServerError) as e:
            raise NetworkDown(e.message) from e
    return await telegram_startup.first_me(me, stop, api_base, first_delay=first_delay, max_delay=max_delay)
