#!/usr/bin/env python3
"""City-scale load test (issue 18), a first skeleton: one worker at a steady offered rate.

The emulator runs in its own process with Telegram's flood limits ON (429s are counted,
and must be 0); the bot is `sentinel run` in another (polling; SQLite by default, or
--database-url for PostgreSQL). Riders in `--groups` groups (`--riders` of them) post at
`--rate` updates/s for `--seconds`: 90 % chit-chat, the rest reports (two in three name
a place). Then the bot gets `--drain` seconds to answer what is left.

Prints, for reports: update → reply-received latency p50/p95/p99 (ms; the reply's
arrival at the emulator, so it includes queueing and pacing), lost (no reply), doubled
(more than one reply), the emulator's 429s; for the bot process: CPU seconds and peak
RSS (MB, sampled every 0.5 s from /proc). Whether the offered rate was held is printed
too (the sending loop's achieved rate).

Not yet (see issue 18): photos, button presses, secretaries' actions, lesson pushes and a
broadcast in the mix; update → reply-queued and reply-queued → sent split (needs the
outbox's created_at/sent_at per reply); 2 workers + Redis, and the SIGKILL run
(tests/e2e/test_webhook_workers.py has the mechanics: a round-robin proxy in front of
`sentinel run --webhook` × 2).
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from emulator import DEFAULT_TOKEN
from emulator.client import EmulatorClient
from emulator.process import emulator_process

CHATTER = ["中午有人一起吃饭不", "哈哈哈 好的", "今天单子好多啊 累死", "收到", "Anyone up for lunch?", "雨好大 注意安全"]
PLACED = ["朝阳路{n}号门口的路灯坏了", "建国路{n}号附近井盖松了 车压上去咣当响", "光华路{n}号前面积水很深 电动车过不去"]
UNPLACED = ["路灯坏了好几天了 晚上太黑", "有个井盖没了 很危险"]


def _percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] if values else float("nan")


def _proc_cpu_rss(pid: int) -> tuple[float, float]:
    """(CPU seconds so far, RSS MB) of `pid`, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    cpu = (int(fields[11]) + int(fields[12])) / ticks
    rss = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    return cpu, rss


async def main(args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    async with emulator_process() as api, EmulatorClient(api, token=DEFAULT_TOKEN) as tg:
        groups = [{"id": -1_000_000_000 - g, "type": "supergroup", "title": f"城市骑手{g}群"} for g in range(args.groups)]
        with tempfile.TemporaryDirectory() as tmp:
            url = args.database_url or f"sqlite+aiosqlite:///{tmp}/city.db"
            env = {**os.environ, "SENTINEL_BOT_TOKEN": DEFAULT_TOKEN, "SENTINEL_API_BASE": api,
                   "SENTINEL_DATABASE_URL": url, "SENTINEL_POLL_TIMEOUT": "5", "PYTHONPATH": str(REPO)}
            proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot.cli", "run", env=env, cwd=tmp,
                                                        stdout=asyncio.subprocess.DEVNULL,
                                                        stderr=open(f"{tmp}/bot.log", "ab"))
            while not (await tg.stats())["calls"].get("getUpdates"):
                await asyncio.sleep(0.1)
            cpu0, _ = _proc_cpu_rss(proc.pid)
            peak = [0.0]

            async def sample() -> None:
                while True:
                    peak[0] = max(peak[0], _proc_cpu_rss(proc.pid)[1])
                    await asyncio.sleep(0.5)

            sampler = asyncio.create_task(sample())
            reports: dict[tuple[int, int], float] = {}  # (chat, message id) -> when sent
            t0, sent = time.time(), 0
            while (now := time.time()) < t0 + args.seconds:
                if sent >= (now - t0) * args.rate:
                    await asyncio.sleep(0.002)
                    continue
                group = groups[rng.randrange(len(groups))]
                rider = rng.randrange(args.riders)
                user = {"id": 10_000_000 + rider, "first_name": f"骑手{rider}", "language_code": "zh"}
                roll = rng.random()
                text = (rng.choice(CHATTER) if roll < 0.9 else rng.choice(PLACED).format(n=sent)
                        if roll < 0.967 else rng.choice(UNPLACED))
                msg = await tg.send(group, user, f"{text} {sent}")
                if roll >= 0.9:
                    reports[(group["id"], msg["message_id"])] = time.time()
                sent += 1
            offered = sent / (time.time() - t0)
            await asyncio.sleep(args.drain)
            cpu1, _ = _proc_cpu_rss(proc.pid)
            sampler.cancel()
            proc.terminate()
            await proc.wait()
        replies: dict[tuple[int, int], list[float]] = {}
        for chat_id in {c for c, _m in reports}:
            for m in await tg.messages(chat_id):
                if m.get("reply_to_message_id") is not None:
                    replies.setdefault((chat_id, m["reply_to_message_id"]), []).append(m["received_at"])
        stats = await tg.stats()
    counts = Counter({r: len(replies.get(r, [])) for r in reports})
    latency = [(min(replies[r]) - t) * 1000 for r, t in reports.items() if r in replies]
    print(f"offered {args.rate}/s for {args.seconds} s: sent {sent} updates ({offered:.0f}/s held), "
          f"{len(reports)} reports in {args.groups} groups, {args.riders} riders")
    print(f"update → reply received: p50 {_percentile(latency, .5):.0f} ms, p95 {_percentile(latency, .95):.0f} ms, "
          f"p99 {_percentile(latency, .99):.0f} ms")
    print(f"lost {sum(1 for c in counts.values() if c == 0)}, doubled {sum(1 for c in counts.values() if c > 1)}, "
          f"429s {stats['errors'].get('429', 0)}; bot CPU {cpu1 - cpu0:.1f} s "
          f"({(cpu1 - cpu0) / (args.seconds + args.drain):.0%} of one core), peak RSS {peak[0]:.0f} MB")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--groups", type=int, default=5_000)
    parser.add_argument("--riders", type=int, default=100_000)
    parser.add_argument("--rate", type=float, default=200.0, help="updates offered per second")
    parser.add_argument("--seconds", type=float, default=300.0)
    parser.add_argument("--drain", type=float, default=30.0, help="seconds left to answer after the load")
    parser.add_argument("--database-url", default=None, help="default: a fresh SQLite file")
    parser.add_argument("--seed", type=int, default=18)
    asyncio.run(main(parser.parse_args()))
