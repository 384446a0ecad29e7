#!/usr/bin/env python3
"""One rate limit shared by N sender workers: how close together they come to Telegram's limits.

The emulator runs in its own process with Telegram's limits on (30 messages/s for the bot, 20/min
per group, 1/s per private chat) and counts every 429. A fresh database gets `--groups` groups ×
`--per-group` messages and `--privates` private chats × `--per-private` messages queued at once;
then `--workers` sender processes (tests/e2e/sender_worker.py: the outbox sender of `Core.attach`,
claims and, with Redis, the shared windows of bot/shared_pacing.py) deliver them, each set to the
emulator's own limits (a slot counts from dispatch until one window after its answer, so the limit
itself is safe). From the emulator's receive times: the whole run's rate as a share of 30/s (target
≥ 95 %: what is lost is the start, the end and the workers' pauses), the busiest second, each
message once, and the 429s (target 0).

    scripts/bench_limits.py [--workers 2] [--redis-url redis://127.0.0.1:6379/0] [--database-url PG]
"""
from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import redis.asyncio as aioredis

from bot.domain import PRIORITY_CONVERSATION, Notice
from bot.outbox import enqueue
from emulator import DEFAULT_TOKEN
from emulator.client import EmulatorClient
from emulator.process import emulator_process
from storage.db import create_engine, session_factory
from storage.migrate import upgrade
from storage.uow import UnitOfWork

GLOBAL, PRIVATE = 30, 1  # Telegram's limits, as the emulator keeps them
KIND = "admin-unbind-none"  # any catalogue text without arguments


async def _fresh_database(url: str, tmp: str) -> tuple[str, str | None]:
    """(the workers' URL, the PostgreSQL database to drop afterwards)."""
    if not url:
        return f"sqlite+aiosqlite:///{tmp}/limits.db", None
    import asyncpg
    plain = url.replace("postgresql+asyncpg://", "postgresql://")
    name = f"bench_limits_{os.getpid()}"
    conn = await asyncpg.connect(plain)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return plain.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://") + "/" + name, name


async def _worker(env: dict[str, str], log: Path) -> asyncio.subprocess.Process:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, str(REPO / "tests" / "e2e" / "sender_worker.py"), env=env,
        stdout=asyncio.subprocess.PIPE, stderr=log.open("ab"))
    assert proc.stdout is not None
    line = await asyncio.wait_for(proc.stdout.readline(), 120)
    if line.strip() != b"ready":
        raise RuntimeError(f"a worker did not start: {log.read_text()[-2000:]}")
    return proc


async def main(args: argparse.Namespace) -> int:
    groups = [-100_800_000 - i for i in range(args.groups)]
    privates = [800_000 + i for i in range(args.privates)]
    prefix = f"sentinel-bench-{uuid.uuid4().hex[:8]}"
    with tempfile.TemporaryDirectory() as tmp:
        url, drop = await _fresh_database(args.database_url, tmp)
        try:
            upgrade(url)
            async with emulator_process() as api, EmulatorClient(api, token=DEFAULT_TOKEN) as tg:
                await tg.config(limits=True, global_per_sec=GLOBAL, private_per_sec=PRIVATE, group_per_min=20,
                                latency_ms=args.latency_ms)
                for chat_id in groups + privates:
                    chat = ({"id": chat_id, "type": "supergroup", "title": f"limit {chat_id}"} if chat_id < 0
                            else {"id": chat_id, "type": "private", "first_name": f"rider {chat_id}"})
                    await tg.http.post(f"{api}/_emu/chat", json={"token": DEFAULT_TOKEN, "chat": chat})
                env = {**os.environ, "SENTINEL_BOT_TOKEN": DEFAULT_TOKEN, "SENTINEL_API_BASE": api,
                       "SENTINEL_DATABASE_URL": url, "SENTINEL_REDIS_PREFIX": prefix, "PYTHONPATH": str(REPO),
                       "SENTINEL_SENDER__GLOBAL_PER_SEC": str(GLOBAL),
                       "SENTINEL_SENDER__PRIVATE_PER_SEC": str(PRIVATE)}
                if args.redis_url:
                    env["SENTINEL_REDIS_URL"] = args.redis_url
                procs = [await _worker(env, Path(tmp) / f"w{i}.log") for i in range(args.workers)]
                engine = create_engine(url)
                try:
                    async with UnitOfWork(session_factory(engine)) as uow:  # every worker is up: all compete
                        for n in range(max(args.per_group, args.per_private)):
                            for chat_id in groups if n < args.per_group else []:
                                enqueue(uow, Notice(chat_id, KIND, "zh", priority=PRIORITY_CONVERSATION))
                            for chat_id in privates if n < args.per_private else []:
                                enqueue(uow, Notice(chat_id, KIND, "zh", priority=PRIORITY_CONVERSATION))
                        await uow.commit()
                    want = len(groups) * args.per_group + len(privates) * args.per_private
                    loop = asyncio.get_running_loop()
                    deadline = loop.time() + args.timeout
                    while (await tg.stats())["sent"] < want and loop.time() < deadline:
                        await asyncio.sleep(0.2)
                finally:
                    for p in procs:
                        p.terminate()
                    for p in procs:
                        await p.wait()
                    await engine.dispose()
                    if args.redis_url:
                        client = aioredis.from_url(args.redis_url)
                        keys = [k async for k in client.scan_iter(match=f"*{prefix}*")]
                        if keys:
                            await client.delete(*keys)
                        await client.aclose()
                times, twice = [], 0
                for chat_id in groups + privates:
                    got = [m["received_at"] for m in await tg.messages(chat_id)]
                    twice += max(0, len(got) - (args.per_group if chat_id < 0 else args.per_private))
                    times += got
                errors = (await tg.stats())["errors"]
        finally:
            if drop:
                import asyncpg
                conn = await asyncpg.connect(args.database_url.replace("postgresql+asyncpg://", "postgresql://"))
                await conn.execute(f'DROP DATABASE IF EXISTS "{drop}" WITH (FORCE)')
                await conn.close()
    times.sort()
    span = times[-1] - times[0] if len(times) > 1 else float("nan")
    rate = (len(times) - 1) / span
    busiest = max(sum(1 for u in times[i:] if u < t + 1.0) for i, t in enumerate(times))
    pct = 100 * rate / GLOBAL
    print(f"{args.workers} worker(s){' + Redis' if args.redis_url else ''}, "
          f"{'PostgreSQL' if args.database_url else 'SQLite'}: {len(times)} of {want} messages in {span:.2f} s "
          f"= {rate:.2f}/s = {pct:.1f} % of {GLOBAL}/s (target >= {args.min_pct:.0f} %); busiest second {busiest}; "
          f"delivered twice {twice}; 429s {errors.get('429', 0)}; errors {errors}")
    ok = len(times) == want and twice == 0 and not errors.get("429") and pct >= args.min_pct
    print("OK" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0", help="empty: no shared windows")
    parser.add_argument("--database-url", default="", help="a PostgreSQL server (a fresh database is made); "
                                                           "default: a temporary SQLite file")
    parser.add_argument("--groups", type=int, default=60)
    parser.add_argument("--per-group", type=int, default=15)
    parser.add_argument("--privates", type=int, default=60)
    parser.add_argument("--per-private", type=int, default=5)
    parser.add_argument("--latency-ms", type=int, default=0, help="the emulator's answer delay")
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--min-pct", type=float, default=95.0)
    sys.exit(asyncio.run(main(parser.parse_args())))
