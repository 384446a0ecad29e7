"""One update of a chat at a time (handlers/chat_isolation.py): in one process and, through Redis,
across workers (two isolation objects with their own connections stand for two workers)."""
from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator

import pytest

from handlers.chat_isolation import ChatBusy, ChatIsolation, chat_key, make_isolation, one_at_a_time
from tests.e2e.test_shared_limit import REDIS_URL

BOT = 123456789


async def _record(isolation, chat: int, name: str, log: list[str], hold: float = 0.05) -> None:
    async with one_at_a_time(isolation, chat_key(BOT, {"update_id": 1, "message": {"chat": {"id": chat}}})):
        log.append(f"{name}+")
        await asyncio.sleep(hold)
        log.append(f"{name}-")


async def test_one_chat_one_at_a_time_in_arrival_order_other_chats_alongside() -> None:
    isolation = ChatIsolation()
    log: list[str] = []
    await asyncio.gather(_record(isolation, -1, "a1", log), _record(isolation, -1, "a2", log),
                         _record(isolation, -1, "a3", log), _record(isolation, -2, "b", log))
    mine = [e for e in log if e.startswith("a")]
    assert mine == ["a1+", "a1-", "a2+", "a2-", "a3+", "a3-"]  # never two at once, first come first served
    assert log.index("b+") < log.index("a1-")  # another chat did not wait
    assert len(isolation) == 0  # no lock kept for a chat nobody is using


@pytest.fixture
async def redis_url() -> AsyncIterator[str]:
    import redis.asyncio as aioredis
    client = aioredis.from_url(REDIS_URL)
    try:
        await client.ping()
    except (OSError, aioredis.ConnectionError) as e:
        pytest.skip(f"no Redis at {REDIS_URL}: {e}")
    finally:
        await client.aclose()
    yield REDIS_URL


async def test_two_workers_through_redis_never_hold_one_chat_together(redis_url: str) -> None:
    prefix = f"sentinel-test-{uuid.uuid4().hex[:8]}"
    one, two = make_isolation(redis_url, prefix), make_isolation(redis_url, prefix)
    log: list[str] = []
    try:
        await asyncio.gather(*(_record(w, -7, f"{n}", log, hold=0.15) for n, w in enumerate([one, two, one, two])),
                             _record(two, -8, "other", log, hold=0.15))
    finally:
        await one.close()
        await two.close()
    mine = [e for e in log if e != "other+" and e != "other-"]
    for i in range(0, len(mine), 2):  # each taking is followed by its own release
        assert mine[i].endswith("+") and mine[i + 1] == mine[i][:-1] + "-", mine
    assert log.index("other+") < log.index(mine[1])


async def test_a_killed_workers_lock_frees_itself_and_a_long_wait_says_busy(redis_url: str) -> None:
    prefix = f"sentinel-test-{uuid.uuid4().hex[:8]}"
    dead = make_isolation(redis_url, prefix, ttl=1.0)
    alive = make_isolation(redis_url, prefix, ttl=1.0, wait=0.3)
    key = chat_key(BOT, {"update_id": 1, "message": {"chat": {"id": -9}}})
    held = dead.lock(key)  # type: ignore[arg-type]
    await held.__aenter__()  # and never released: the worker was killed
    try:
        with pytest.raises(ChatBusy):
            async with one_at_a_time(alive, key):
                pass
        patient = make_isolation(redis_url, prefix, ttl=1.0, wait=10.0)
        async with one_at_a_time(patient, key):  # the TTL ran out: taken
            pass
        await patient.close()
    finally:
        await dead.close()
        await alive.close()


async def test_an_aiogram_worker_and_a_ptb_worker_share_the_chat_s_lock(redis_url: str) -> None:
    """The lock is aiogram's RedisEventIsolation's, under its key: a bot whose workers run both
    runtimes (a rolling switch to python-telegram-bot) still keeps each chat to one update at a time."""
    from aiogram.fsm.storage.base import DefaultKeyBuilder, StorageKey
    from aiogram.fsm.storage.redis import RedisEventIsolation

    prefix = f"sentinel-test-{uuid.uuid4().hex[:8]}"
    ours = make_isolation(redis_url, prefix)
    aiogram_s = RedisEventIsolation.from_url(redis_url, key_builder=DefaultKeyBuilder(prefix=f"{prefix}:chat"),
                                             lock_kwargs={"timeout": 60.0, "blocking_timeout": 0.3})
    try:
        async with one_at_a_time(ours, chat_key(BOT, {"update_id": 1, "message": {"chat": {"id": -7}}})):
            with pytest.raises(Exception, match="Unable to acquire lock"):  # redis-py's LockError
                async with aiogram_s.lock(StorageKey(bot_id=BOT, chat_id=-7, user_id=-7)):
                    pass
            async with aiogram_s.lock(StorageKey(bot_id=BOT, chat_id=-8, user_id=-8)):  # another chat: free
                pass
    finally:
        await ours.close()
        await aiogram_s.redis.aclose(close_connection_pool=True)


def test_the_key_is_the_chat() -> None:
    def key(raw: dict) -> int | None:
        found = chat_key(BOT, raw)
        return None if found is None else found.chat_id

    assert key({"update_id": 1, "message": {"chat": {"id": -5}, "from": {"id": 9}}}) == -5
    assert key({"update_id": 1, "edited_message": {"chat": {"id": -5}}}) == -5
    assert key({"update_id": 1, "callback_query": {"from": {"id": 9}, "message": {"chat": {"id": -5}}}}) == -5
    assert key({"update_id": 1, "callback_query": {"from": {"id": 9}}}) == 9  # an inline message's button
    assert key({"update_id": 1, "my_chat_member": {"chat": {"id": -5}}}) == -5
    assert key({"update_id": 1, "inline_query": {"from": {"id": 9}}}) is None
    assert key({"update_id": 1, "message": {"chat": {"id": "x"}}}) is None
