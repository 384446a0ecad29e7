"""What N workers share besides the database: Redis (SENTINEL_REDIS_URL, bot/shared_pacing.py)."""
from __future__ import annotations

import asyncio

from bot.ops.errors import CommandError, one_line

CONNECT_TIMEOUT = 5.0  # seconds: an unreachable host should not hang the start


def redis_reachable(url: str) -> None:
    """CommandError unless Redis at `url` answers PING. Checked before `run` starts: with Redis
    unreachable the bot came up, said it had started, and then every pass of its outbox failed,
    so no rider ever heard an answer. The message never repeats the URL: it may hold a password."""
    if not url:
        return
    try:
        from redis import asyncio as aioredis
    except ImportError:
        raise CommandError("SENTINEL_REDIS_URL needs the redis package: pip install '.[scale]'") from None

    async def ping() -> None:
        client = aioredis.from_url(url, socket_connect_timeout=CONNECT_TIMEOUT)
        try:
            await client.ping()
        finally:
            await client.aclose()
    try:
        asyncio.run(asyncio.wait_for(ping(), CONNECT_TIMEOUT * 2))
    except (OSError, asyncio.TimeoutError, aioredis.RedisError) as e:
        raise CommandError(one_line(f"cannot reach Redis (SENTINEL_REDIS_URL): {e or type(e).__name__} "
                                    "(check the URL and that the server is running)")) from None
