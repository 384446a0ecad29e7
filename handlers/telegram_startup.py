"""The bot's first contact with the Bot API: getMe, retried with backoff while the network is down.

A bot started before the network (a reboot, a flaky uplink) must wait for it, saying so in the log,
rather than exit; a token Telegram rejects is not a network problem and ends the run at once.
Library-neutral: each Telegram runtime's getMe raises `FloodWait` or `NetworkDown` for what is
worth waiting out (handlers/telegram_aiogram/startup.py, handlers/telegram_ptb/transport.py).
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

log = logging.getLogger(__name__)
FIRST_DELAY, MAX_DELAY = 1.0, 60.0  # seconds between getMe attempts: doubling up to a minute
T = TypeVar("T")


class FloodWait(Exception):
    """Telegram's 429 on getMe: wait `seconds`."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"flood control, retry after {seconds:g} s")
        self.seconds = seconds


class NetworkDown(Exception):
    """The Bot API cannot be reached, or answered 5xx: wait and try again."""


async def first_me(me: Callable[[], Awaitable[T]], stop: asyncio.Event, api_base: str, *,
                   first_delay: float = FIRST_DELAY, max_delay: float = MAX_DELAY) -> T | None:
    """getMe (`me`) until it answers (None if `stop` is set first). Unauthorized and other API errors propagate."""
    delay = first_delay
    attempt = 0
    while not stop.is_set():
        attempt += 1
        try:
            return await me()
        except FloodWait as e:
            wait, reason = e.seconds, str(e)
        except NetworkDown as e:
            wait, reason = delay, str(e)
            delay = min(delay * 2, max_delay)
        log.warning("cannot reach the Bot API at %s (%s); attempt %d, retrying in %.0f s", api_base, reason,
                    attempt, wait)
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(stop.wait(), wait)
    return None
