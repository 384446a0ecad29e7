"""The bot's first contact with the Bot API: getMe, retried with backoff while the network is down.

A bot started before the network (a reboot, a flaky uplink) must wait for it, saying so in the log,
rather than exit; a token Telegram rejects is not a network problem and ends the run at once.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging

from aiogram import Bot
from aiogram.exceptions import TelegramNetworkError, TelegramRetryAfter, TelegramServerError
from aiogram.types import User

log = logging.getLogger(__name__)
FIRST_DELAY, MAX_DELAY = 1.0, 60.0  # seconds between getMe attempts: doubling up to a minute


async def first_me(bot: Bot, stop: asyncio.Event, api_base: str, *, first_delay: float = FIRST_DELAY,
                   max_delay: float = MAX_DELAY) -> User | None:
    """getMe until it answers (None if `stop` is set first). Unauthorized and other API errors propagate."""
    delay = first_delay
    attempt = 0
    while not stop.is_set():
        attempt += 1
        try:
            return await bot.me()
        except TelegramRetryAfter as e:
            wait = float(e.retry_after)
            reason = f"flood control, retry after {e.retry_after} s"
        except (TelegramNetworkError, TelegramServerError) as e:
            wait = delay
            reason = e.message
            delay = min(delay * 2, max_delay)
        log.warning("cannot reach the Bot API at %s (%s); attempt %d, retrying in %.0f s", api_base, reason,
                    attempt, wait)
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(stop.wait(), wait)
    return None
