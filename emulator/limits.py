"""Sliding-window flood limits modelled on Telegram's documented send limits."""

from __future__ import annotations

import math
import time
from collections import deque

from .config import EmulatorConfig


class _Window:
    """Timestamps of accepted sends within the last ``period`` seconds."""

    __slots__ = ("period", "stamps")

    def __init__(self, period: float) -> None:
        self.period = period
        self.stamps: deque[float] = deque()

    def wait_time(self, now: float, limit: int) -> float:
        """Seconds until one more send fits (0 when it fits now)."""
        while self.stamps and self.stamps[0] <= now - self.period:
            self.stamps.popleft()
        if len(self.stamps) < limit:
            return 0.0
        return self.stamps[-limit] + self.period - now


class RateLimiter:
    """Global, per-group (per minute) and per-private-chat (per second) windows.

    ``check`` only inspects; ``record`` counts a send.  Keeping them separate lets
    rejected calls stay uncounted, as on Telegram.
    """

    def __init__(self, config: EmulatorConfig) -> None:
        self.config = config
        self._global = _Window(1.0)
        self._chats: dict[int, _Window] = {}

    def _chat_window(self, chat_id: int) -> _Window:
        win = self._chats.get(chat_id)
        if win is None:
            win = self._chats[chat_id] = _Window(60.0 if chat_id < 0 else 1.0)
        return win

    def check(self, chat_id: int, now: float | None = None) -> int | None:
        """Return retry_after seconds if a send to ``chat_id`` would exceed a limit."""
        if not self.config.limits:
            return None
        now = time.monotonic() if now is None else now
        cfg = self.config
        limit = cfg.group_per_min if chat_id < 0 else cfg.private_per_sec
        wait = max(
            self._global.wait_time(now, max(cfg.global_per_sec, 0)) if cfg.global_per_sec else 0.0,
            self._chat_window(chat_id).wait_time(now, limit) if limit else 0.0,
        )
        if wait <= 0:
            return None
        return max(1, math.ceil(wait))

    def record(self, chat_id: int, now: float | None = None) -> None:
        if not self.config.limits:
            return
        now = time.monotonic() if now is None else now
        self._global.stamps.append(now)
        self._chat_window(chat_id).stamps.append(now)

    def reset(self) -> None:
        self._global = _Window(1.0)
        self._chats.clear()
