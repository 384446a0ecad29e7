"""One update of a chat at a time, across every webhook worker: an event isolation per chat.

Why. With N `sentinel run --webhook` workers behind a load balancer, two updates of one chat may
reach two workers. Where order matters (a reply answering the place question must not overtake the
report it answers; a ✅ must not race the case's last transition) they must not be handled at once.

What is guaranteed, and by whom:
- Telegram sends a chat's next webhook update only after the previous one was answered (the Bot API
  server keeps one queue per chat; other chats go in parallel, up to `max_connections`). A worker
  answers 200 only after the update is committed (handlers/runtime.py), so a chat's updates are
  *processed* in update_id order, whichever worker each one reaches. Answering early (aiogram's
  `handle_in_background`) would break this: the test in tests/e2e/test_webhook_workers.py fails then.
- On top of that, no two updates of one chat are handled at the same time on any worker: this lock.
  It matters when one update is delivered twice at once — Telegram resends after its timeout, or a
  proxy retries on another worker — while the first attempt is still running: the second waits, then
  finds the update already done (`processed_update`) instead of racing it. Waiters in one process
  are served first come, first served (asyncio.Lock); across workers, whoever asks Redis first.
- Not guaranteed: update_id order for updates of one chat delivered *concurrently* by something in
  front of the workers (a proxy that answers Telegram before the worker did). The lock keeps them
  apart, not in order; the deployment must not answer on the bot's behalf.

With SENTINEL_REDIS_URL: `RedisIsolation`, a redis-py Lock per chat expiring after LOCK_TTL so a
killed worker's lock frees itself — what aiogram's `RedisEventIsolation` does, under the same key
(`<prefix>:chat:<chat>:<chat>:lock`, aiogram's DefaultKeyBuilder), so aiogram and python-telegram-bot
workers of one bot keep each other's chats in order. Our aiogram Dispatcher runs with
`disable_fsm=True`, so the dispatcher never takes the isolation itself; the webhook receiver takes it
around each update. Without Redis: `ChatIsolation`, an asyncio.Lock per chat held only while someone
uses it (aiogram's `SimpleEventIsolation` keeps every lock forever: 100,000 riders would be 100,000
locks). Nothing here imports a client library: a python-telegram-bot worker never loads aiogram.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncGenerator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

log = logging.getLogger(__name__)
K = TypeVar("K")
LOCK_TTL = 60.0        # seconds a Redis lock lives without release: a killed worker's chat frees by then
LOCK_WAIT = 55.0       # seconds a worker waits for a chat's lock before answering 503 (Telegram resends)
UPDATE_KINDS = ("message", "edited_message", "channel_post", "edited_channel_post", "business_message",
                "edited_business_message", "my_chat_member", "chat_member", "chat_join_request",
                "message_reaction", "message_reaction_count", "chat_boost", "removed_chat_boost")


@dataclass(frozen=True)
class ChatKey:
    """Whose updates wait for each other: one chat of one bot."""
    bot_id: int
    chat_id: int


class Isolation(Protocol):
    def lock(self, key: ChatKey) -> AbstractAsyncContextManager[None]: ...

    async def close(self) -> None: ...


class KeyedLocks(Generic[K]):
    """An asyncio.Lock per key, held in memory only while someone holds or waits for it (a map of
    locks that kept every key would grow with every chat or file ever seen)."""

    def __init__(self) -> None:
        self._locks: dict[K, tuple[asyncio.Lock, int]] = {}

    @asynccontextmanager
    async def lock(self, key: K) -> AsyncGenerator[None, None]:
        lock, users = self._locks.get(key, (None, 0))
        lock = lock or asyncio.Lock()
        self._locks[key] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[key]
            if users <= 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, users - 1)

    def __len__(self) -> int:
        return len(self._locks)


class ChatIsolation(KeyedLocks[ChatKey]):
    """In one process: an asyncio.Lock per chat, dropped when its last holder or waiter leaves."""

    async def close(self) -> None:
        self._locks.clear()


class ChatBusy(Exception):
    """The chat's lock was not had within LOCK_WAIT: answer 503, Telegram sends the update again."""


@asynccontextmanager
async def one_at_a_time(isolation: Isolation, key: ChatKey | None) -> AsyncGenerator[None, None]:
    """Hold the chat's lock around the body. Not had in time: ChatBusy. Lost while the body ran
    (it took longer than LOCK_TTL; Redis let the lock expire): logged, the body's work stands."""
    if key is None:
        yield
        return
    entered = done = False
    try:
        async with isolation.lock(key):
            entered = True
            yield
            done = True
    except Exception as e:
        if _lock_error(e) and not entered:
            raise ChatBusy(str(e)) from e
        if _lock_error(e) and done:
            log.warning("chat %s: the update outlived its lock (%.0f s): %s", key.chat_id, LOCK_TTL, e)
            return
        raise


def _lock_error(e: BaseException) -> bool:
    """redis-py's LockError (imported only when Redis is in use)."""
    return any(c.__name__ == "LockError" and c.__module__.startswith("redis") for c in type(e).__mro__)


class RedisIsolation:
    """Across workers: a redis-py Lock per chat (needs `redis`, the `scale` extra)."""

    def __init__(self, redis_url: str, prefix: str, ttl: float, wait: float) -> None:
        from redis.asyncio import ConnectionPool, Redis
        self.redis = Redis(connection_pool=ConnectionPool.from_url(redis_url))
        self.prefix, self.ttl, self.wait = prefix, ttl, wait

    @asynccontextmanager
    async def lock(self, key: ChatKey) -> AsyncGenerator[None, None]:
        name = f"{self.prefix}:chat:{key.chat_id}:{key.chat_id}:lock"  # aiogram's DefaultKeyBuilder's key
        async with self.redis.lock(name, timeout=self.ttl, blocking_timeout=self.wait):
            yield

    async def close(self) -> None:
        await self.redis.aclose(close_connection_pool=True)


def make_isolation(redis_url: str, prefix: str, ttl: float = LOCK_TTL, wait: float = LOCK_WAIT) -> Isolation:
    """Redis' lock when workers share a Redis, else the in-process one."""
    if not redis_url:
        return ChatIsolation()
    return RedisIsolation(redis_url, prefix, ttl, wait)


def chat_key(bot_id: int, raw: dict[str, Any]) -> ChatKey | None:
    """The isolation key of a raw update: its chat (a button press: the chat of the pressed
    message, else the presser's private chat); None when it has no chat (inline queries, polls)."""
    chat: Any = None
    for kind in UPDATE_KINDS:
        part = raw.get(kind)
        if isinstance(part, dict):
            chat = part.get("chat")
            break
    else:
        press = raw.get("callback_query")
        if isinstance(press, dict):
            message, sender = press.get("message"), press.get("from")
            chat = message.get("chat") if isinstance(message, dict) else None
            chat = chat if isinstance(chat, dict) else ({"id": sender.get("id")} if isinstance(sender, dict) else None)
    chat_id = chat.get("id") if isinstance(chat, dict) else None
    if not isinstance(chat_id, int) or isinstance(chat_id, bool):
        return None
    return ChatKey(bot_id=bot_id, chat_id=chat_id)
