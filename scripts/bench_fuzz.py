#!/usr/bin/env python3
"""Fuzz at scale (issue 12 §6): the fuzz suite's generator, 10,000 updates by default.

The emulator runs in its own process (limits off); the real bot (polling, outbox sender) runs
in this one on a fresh database (SQLite by default, or --database-url for PostgreSQL: use an
empty database). After the same setup as tests/e2e/test_fuzz.py (two bound branches, their
secretaries, a superadmin, three riders, a group that only ever hears chit-chat), the seeded
updates are played 25 at a time; once every update is confirmed and the outbox is empty, it
prints how many of each kind of failure were seen (all should be 0), throughput, and this
process's RSS before and after.

    .venv/bin/python scripts/bench_fuzz.py [--count 10000] [--seed 20261130] [--database-url URL]
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.config import SenderSettings, load_settings
from emulator import DEFAULT_TOKEN
from emulator.client import EmulatorClient
from emulator.process import emulator_process
from storage.db import create_engine, session_factory
from tests.conftest import AMY, BOSS, GROUP, GROUP_B, LI, SEC, SEC_B, WANG, RunningBot, two_branches
from tests.fuzzgen import FuzzGen, callback_prefixes, judge, play, registered_commands, unparseable

QUIET = {"id": -100300, "type": "supergroup", "title": "闲聊群"}
USERS = [LI, AMY, WANG, SEC, SEC_B, BOSS]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Keep(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


async def main(count: int, seed: int, database_url: str | None) -> None:
    keep = Keep()
    logging.getLogger().addHandler(keep)
    logging.getLogger().setLevel(logging.WARNING)
    async with emulator_process("--no-limits") as api, EmulatorClient(api, token=DEFAULT_TOKEN) as tg:
        with tempfile.TemporaryDirectory() as tmp:
            url = database_url or f"sqlite+aiosqlite:///{tmp}/fuzz.db"
            settings = load_settings(_env_file=None, bot_token=DEFAULT_TOKEN, api_base=api, database_url=url,
                                     poll_timeout=5, superadmin_ids=[BOSS["id"]],
                                     sender=SenderSettings(global_per_sec=10_000, group_per_min=100_000,
                                                           private_per_sec=1_000))
            bot = RunningBot(settings, tg)
            await bot.start()
            try:
                await two_branches(tg, LI, AMY, WANG)
                await tg.send(QUIET, LI, "大家好")
                start_msgs = {u["id"]: (await tg.wait(u["id"], 1))[0]["message_id"] for u in USERS}
                gen = FuzzGen(seed, registered_commands(), callback_prefixes(), USERS, [GROUP, GROUP_B], QUIET,
                              {"id": int(DEFAULT_TOKEN.split(":")[0]), "is_bot": True,
                               "first_name": "Rider Sentinel", "username": "rider_sentinel_bot"})
                actions = gen.actions(count)
                before = rss_mb()
                started = time.monotonic()
                ids = await play(tg, actions, start_msgs)
                played = time.monotonic() - started
                await settled(tg, bot)
                took = time.monotonic() - started
                after = rss_mb()
                engine = create_engine(url)
                try:
                    failures = await judge(tg, session_factory(engine), ids, actions,
                                           [GROUP["id"], GROUP_B["id"], QUIET["id"]] + [u["id"] for u in USERS],
                                           QUIET["id"], keep.records)
                finally:
                    await engine.dispose()
            finally:
                await bot.stop()
    sent = failures.pop("_sent")[0]
    kinds: dict[str, int] = {}
    for a in actions:
        kind = a.kind if a.kind != "raw" else "raw:" + next(iter(a.update or {"?": 0}))
        kinds[kind] = kinds.get(kind, 0) + 1
    print(f"fuzz: {len(ids)} updates (seed {seed}) on {'SQLite' if url.startswith('sqlite') else 'PostgreSQL'}: "
          f"{sum(k.startswith('raw') for k in kinds)} raw update kinds, "
          f"{sum(unparseable(a) for a in actions)} unparseable by design")
    print(f"  played in {played:.1f}s, all handled in {took:.1f}s ({len(ids) / took:.0f} updates/s); "
          f"the bot sent {sent} messages")
    print("  failures:")
    for name, examples in failures.items():
        print(f"    {name:<40} {len(examples) if name != 'unconfirmed updates' else (examples[0] if examples else 0)}")
        for e in examples[:3]:
            print(f"      e.g. {e}")
    print(f"  RSS: {before:.0f} MB before the fuzz, {after:.0f} MB after")


async def settled(tg: Any, bot: RunningBot) -> None:
    for _ in range(12_000):
        if not (await tg.stats())["pending_updates"]:
            assert bot.core is not None
            async with bot.core.uow() as uow:
                if await uow.outbox.pending_count() == 0:
                    return
        await asyncio.sleep(0.05)
    raise TimeoutError("updates still pending after 10 minutes")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=20261130)
    ap.add_argument("--database-url", default=None)
    args = ap.parse_args()
    asyncio.run(main(args.count, args.seed, args.database_url))
