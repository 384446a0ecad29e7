"""One rate limit for the bot token across every worker: Telegram's windows kept in Redis.

Telegram counts a bot's sends, not a process's: with N workers each pacing itself, N
workers send N times too much. Here the three sliding windows (global ~30/s, a group
~20/min, a private chat ~1/s; the figures are the sender settings') are sorted sets in
Redis, checked and taken by one Lua script (atomic on the server, Redis' own clock), so
all workers together stay under them and, as each takes a slot the moment it frees,
together still reach them.

Counted as the in-process pacer counts (bot/pacing.py): a send holds its slot from
dispatch until one window after its answer came back, because Telegram counts it when
it arrives, which is later than when it was dispatched. A slot is taken with the score
"now + IN_FLIGHT" and re-scored to the answer's time when the answer comes; a worker
killed mid-send leaves slots that free themselves IN_FLIGHT seconds later.

Why not a limiter library's moving window (`limits`): it stamps a hit when it is taken
and cannot move it to the answer's time, and under load a send dispatched late in one
second arrives in the next: two workers then drew 429s from the emulator.

The in-process `Pacer` stays underneath (its own windows, its in-flight count and the
hold after a 429 are per worker); the shared windows are one more gate, taken just
before each send. Redis unreachable: the error propagates, the sender's pass fails and
is retried (no send leaves unpaced).

Keys: `<prefix>:<bot id>:g` and `<prefix>:<bot id>:c:<chat>` with the prefix from
SENTINEL_REDIS_PREFIX (default "sentinel"), so two bots, or two test runs, on one Redis
never share a window.
"""
from __future__ import annotations

import asyncio
import itertools
import os
import time
import uuid
from collections.abc import Callable
from typing import Any

import redis.asyncio as aioredis

from bot.pacing import Pacer

IN_FLIGHT = 10.0  # seconds a slot counts before its answer re-scores it (a dead worker's frees then)
POLL = 0.01  # seconds between tries while only sends in flight fill a window

# KEYS: global set, chat set. ARGV: global limit, global window, chat limit, chat window, member,
# in-flight seconds. Returns {0} when both slots are taken, else {1 (global) or 2 (chat), wait seconds}.
_RESERVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1e6
local function full(key, limit, window)
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  if redis.call('ZCARD', key) < limit then return nil end
  local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
  local wait = tonumber(oldest[2]) + window - now
  if tonumber(oldest[2]) > now then wait = -1 end
  return wait
end
local gw = full(KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]))
if gw then return {1, tostring(gw)} end
local cw = full(KEYS[2], tonumber(ARGV[3]), tonumber(ARGV[4]))
if cw then return {2, tostring(cw)} end
local until_ = now + tonumber(ARGV[6])
redis.call('ZADD', KEYS[1], until_, ARGV[5])
redis.call('ZADD', KEYS[2], until_, ARGV[5])
redis.call('PEXPIRE', KEYS[1], math.ceil((tonumber(ARGV[2]) + tonumber(ARGV[6])) * 1000))
redis.call('PEXPIRE', KEYS[2], math.ceil((tonumber(ARGV[4]) + tonumber(ARGV[6])) * 1000))
return {0}
"""
# KEYS: global set, chat set. ARGV: member. The answer came: the slot counts from now on.
_ANSWERED = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1e6
redis.call('ZADD', KEYS[1], 'XX', now, ARGV[1])
redis.call('ZADD', KEYS[2], 'XX', now, ARGV[1])
return 0
"""


class SharedPacer(Pacer):
    """A `Pacer` whose windows are also shared through Redis by every worker of the bot."""

    def __init__(self, redis_url: str, key: str, global_per_sec: float, group_per_min: int,
                 private_per_sec: float, clock: Callable[[], float] = time.monotonic,
                 group_window: float = 60.0, *, is_group: Callable[[int], bool]) -> None:
        super().__init__(global_per_sec, group_per_min, private_per_sec, clock=clock, group_window=group_window,
                         is_group=is_group)
        self._redis = aioredis.from_url(redis_url)
        self._reserve = self._redis.register_script(_RESERVE)
        self._answer = self._redis.register_script(_ANSWERED)
        self._key = key
        self._me = f"{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._seq = itertools.count()
        self._flying: dict[int, str] = {}  # chat -> member of its send in flight (one per chat)
        self._shared_wait: dict[int, float] = {}  # chat -> monotonic time its shared window frees
        self._tasks: set[asyncio.Task[Any]] = set()

    def _keys(self, chat_id: int) -> list[str]:
        return [f"{self._key}:g", f"{self._key}:c:{chat_id}"]

    def _limits(self, chat_id: int) -> tuple[int, float]:
        return self._group if self.is_group(chat_id) else self._private

    def chat_wait(self, chat_id: int) -> float:
        shared = max(0.0, self._shared_wait.get(chat_id, 0.0) - self._clock())
        return max(super().chat_wait(chat_id), shared)

    async def reserve(self, chat_id: int) -> float:
        """Take the send's slot in the global window (waiting for it) and in the chat's window;
        0.0 when both are taken, else seconds until the chat's window frees (the message waits)."""
        limit, window = self._limits(chat_id)
        member = f"{self._me}:{next(self._seq)}"
        while True:
            got = await self._reserve(keys=self._keys(chat_id),
                                      args=[self._global_limit, 1.0, limit, window, member, IN_FLIGHT])
            if int(got[0]) == 0:
                self._flying[chat_id] = member
                return 0.0
            wait = float(got[1])
            if int(got[0]) == 2:  # the chat's window: this chat waits, others go on
                wait = wait if wait > 0 else POLL
                self._shared_wait[chat_id] = self._clock() + wait
                return wait
            await asyncio.sleep(min(1.0, wait) if wait > 0 else POLL)

    def answered(self, chat_id: int | None = None) -> None:
        super().answered(chat_id)
        member = self._flying.pop(chat_id, None) if chat_id is not None else None
        if member is not None:  # re-score in the background: the sender does not wait for it
            task = asyncio.get_running_loop().create_task(self._answer(keys=self._keys(chat_id or 0), args=[member]))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    def _sweep(self, now: float) -> None:
        super()._sweep(now)
        for chat in [chat for chat, free in self._shared_wait.items() if free <= now]:
            del self._shared_wait[chat]

    async def close(self) -> None:
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        await self._redis.aclose()
