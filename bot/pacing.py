"""Outgoing rate limits: a global token bucket plus per-chat sliding windows.

Telegram answers 429 above ~30 messages/s overall, ~20/min in one group and
~1/s in one private chat; pacing below those keeps 429s the exception.
"""
from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable


class Pacer:
    def __init__(self, global_per_sec: float, group_per_min: int, private_per_sec: float,
                 clock: Callable[[], float] = time.monotonic, group_window: float = 60.0) -> None:
        self._rate = global_per_sec
        self._burst = max(1.0, global_per_sec)
        self._tokens = self._burst
        self._stamp = clock()
        self._clock = clock
        self._group = (group_per_min, group_window)
        self._private = (max(1, int(private_per_sec)), 1.0 if private_per_sec >= 1 else 1 / private_per_sec)
        self._sent: dict[int, deque[float]] = {}

    def _refill(self, now: float) -> None:
        self._tokens = min(self._burst, self._tokens + (now - self._stamp) * self._rate)
        self._stamp = now

    def global_wait(self) -> float:
        """Seconds until the global bucket allows one more message."""
        self._refill(self._clock())
        return 0.0 if self._tokens >= 1 else (1 - self._tokens) / self._rate

    def _window(self, chat_id: int) -> tuple[int, float, deque[float] | None]:
        limit, window = self._group if chat_id < 0 else self._private
        sent = self._sent.get(chat_id)
        now = self._clock()
        while sent and sent[0] <= now - window:
            sent.popleft()
        return limit, window, sent

    def chat_wait(self, chat_id: int) -> float:
        """Seconds until this chat's window allows one more message."""
        limit, window, sent = self._window(chat_id)
        return 0.0 if not sent or len(sent) < limit else sent[0] + window - self._clock()

    def chat_left(self, chat_id: int) -> int:
        """Messages this chat may still get in its current window."""
        limit, _window, sent = self._window(chat_id)
        return max(0, limit - len(sent or ()))

    def record(self, chat_id: int) -> None:
        now = self._clock()
        self._refill(now)
        self._tokens -= 1
        self._sent.setdefault(chat_id, deque()).append(now)

    def penalise(self, chat_id: int | None, seconds: float) -> None:
        """After a 429, hold the bucket (chat_id None) or the chat for `seconds`."""
        now = self._clock()
        if chat_id is None:
            self._refill(now)
            self._tokens = min(self._tokens, -seconds * self._rate)
        else:
            limit, window = self._group if chat_id < 0 else self._private
            self._sent[chat_id] = deque([now + seconds - window] * limit)
