"""`sentinel doctor` with SENTINEL_REDIS_URL set said nothing of Redis, which `sentinel run` needs to
start (the workers' shared send limit); now one `redis` line, ✓ or ✗ (bot.ops.shared.redis_reachable,
as `run` checks), that never repeats the URL (it may hold a password), and none when it is unset."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.test_cli_errors import sentinel
from tests.e2e.test_doctor_reads_only import _line

REDIS_URL = "redis://127.0.0.1:6379/0"


def test_doctor_checks_redis_when_it_is_set_and_never_shows_its_url(tmp_path: Path) -> None:
    done = sentinel(["doctor"], tmp_path)
    assert _line(done.stdout, "redis") == []  # not set: no line, as for WeCom
    done = sentinel(["doctor"], tmp_path, SENTINEL_REDIS_URL="redis://:s3cret@127.0.0.1:1/0")
    [line] = _line(done.stdout, "redis")
    assert line.startswith("✗ redis: cannot reach Redis (SENTINEL_REDIS_URL)"), done.stdout
    assert "s3cret" not in done.stdout + done.stderr and "redis://" not in done.stdout + done.stderr
    assert done.returncode == 1 and "Traceback" not in done.stderr
    names = [line[2:].split(":")[0] for line in done.stdout.splitlines()]
    assert names[:3] == ["settings", "database", "redis"], names  # one line, in its place


def test_doctor_says_a_reachable_redis_answers(tmp_path: Path) -> None:
    import asyncio

    from redis import asyncio as aioredis

    async def ping() -> None:
        client = aioredis.from_url(REDIS_URL)
        try:
            await client.ping()
        finally:
            await client.aclose()
    try:
        asyncio.run(ping())
    except (OSError, aioredis.RedisError) as e:
        pytest.skip(f"no Redis at {REDIS_URL}: {e}")
    done = sentinel(["doctor"], tmp_path, SENTINEL_REDIS_URL=REDIS_URL)
    assert _line(done.stdout, "redis") == ["✓ redis: reachable (SENTINEL_REDIS_URL answered PING)"], done.stdout
    assert "6379" not in done.stdout
