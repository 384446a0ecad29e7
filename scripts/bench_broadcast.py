#!/usr/bin/env python3
"""Broadcast delivery: 5,000 messages to 500 chats within Telegram's limits, scaled ×10.

Runs in one process: the emulator (limits on: global 300/s, 200/min per group, 10/s per
private chat), Core with the outbox Sender and the TelegramTransport (real aiogram over
HTTP), on a temporary SQLite database. 250 groups and 250 riders of one branch each get
ten broadcasts (twenty runs, queued through BroadcastService.fan_out before the sender
starts). Reports the achieved rate against the configured limits (target >= 95 %), the
busiest second, the 429s received (target 0), and CPU time per message
(time.process_time of this process: with the in-process emulator that includes the
emulator's own work; --emulator-process runs it in a child process to leave it out).
"""
from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.app import Core
from bot.config import SenderSettings, load_settings
from bot.timeparse import When
from emulator import DEFAULT_TOKEN, Emulator, EmulatorConfig
from emulator.client import EmulatorClient
from emulator.process import emulator_process
from handlers.telegram_aiogram.runtime import make_bot
from handlers.telegram_aiogram.transport import TelegramTransport
from sqlmodel import col, select

from storage.models import Branch, Chat, OutboxMessage, User
from storage.models.broadcasts import Broadcast

SECRETARY = 7_000_000
GROUP_BASE, RIDER_BASE = -100_700_000, 7_100_000


@asynccontextmanager
async def _emulator(args: argparse.Namespace) -> AsyncIterator[str]:
    limits = dict(global_per_sec=args.global_per_sec, group_per_min=args.group_per_min,
                  private_per_sec=args.private_per_sec)
    if args.emulator_process:
        async with emulator_process(*(f"--{k.replace('_', '-')}={v}" for k, v in limits.items())) as url:
            yield url
        return
    emu = Emulator(EmulatorConfig(limits=True, **limits))
    await emu.start(host="127.0.0.1", port=0)
    try:
        yield emu.base_url
    finally:
        await emu.stop()


async def _seed(core: Core, tg: EmulatorClient, groups: int, riders: int) -> int:
    """One branch, its secretary, `groups` bound groups and `riders` riders who started the bot,
    known to the emulator too."""
    async with core.uow() as uow:
        branch = uow.branches.add(Branch(code="bench", name="Bench"))
        await uow.session.flush()
        uow.session.add(User(id=SECRETARY, first_name="sec", role="secretary", branch_id=branch.id, started=True))
        uow.session.add(Chat(id=SECRETARY, type="private"))
        for i in range(groups):
            uow.session.add(Chat(id=GROUP_BASE - i, type="supergroup", title=f"g{i}", branch_id=branch.id))
        for i in range(riders):
            uow.session.add(User(id=RIDER_BASE + i, first_name=f"r{i}", branch_id=branch.id, started=True))
            uow.session.add(Chat(id=RIDER_BASE + i, type="private"))
        await uow.commit()
        branch_id = branch.id or 0
    chats = ([{"id": GROUP_BASE - i, "type": "supergroup", "title": f"g{i}"} for i in range(groups)]
             + [{"id": RIDER_BASE + i, "type": "private", "first_name": f"r{i}"} for i in range(riders)])
    for chat in chats:
        async with tg.http.post(f"{tg.base_url}/_emu/chat", json={"chat": chat, "token": DEFAULT_TOKEN}) as r:
            r.raise_for_status()
    return branch_id


async def _queue(core: Core, branch_id: int, rounds: int) -> int:
    """`rounds` broadcasts to the groups and as many to the riders, fanned out now."""
    assert core.broadcasts is not None
    queued = 0
    for n in range(rounds):
        for audience in ("groups", "riders"):
            async with core.uow() as uow:
                b = await uow.broadcasts.add(Broadcast(
                    author_id=SECRETARY, branch_id=branch_id, status="sending", audience=audience,
                    body=f"<b>通知 {n + 1}</b> 今晚降温，注意保暖 &amp; 骑行安全", schedule=When("now").as_dict()))
                run = await core.broadcasts.fan_out(uow, b, "now")
                queued += run.planned if run else 0
                await uow.commit()
    return queued


async def _throttled(core: Core) -> dict[str, int]:
    """Messages that met a 429 at least once, by kind of chat (their last error stays on the row)."""
    async with core.uow() as uow:
        rows = (await uow.session.exec(select(OutboxMessage.chat_id).where(
            col(OutboxMessage.error).like("429%")))).all()
    return {"groups": sum(1 for c in rows if c < 0), "private chats": sum(1 for c in rows if c > 0)}


async def main(args: argparse.Namespace) -> int:
    async with _emulator(args) as url:
        return await _run(args, url)


async def _run(args: argparse.Namespace, url: str) -> int:
    tmp = tempfile.TemporaryDirectory()
    db = args.database_url or f"sqlite+aiosqlite:///{Path(tmp.name) / 'bench.db'}"
    sender_cfg = SenderSettings(global_per_sec=args.sender_global, group_per_min=args.sender_group,
                                private_per_sec=args.sender_private, batch=args.batch,
                                concurrency=args.concurrency)
    settings = load_settings(_env_file=None, bot_token=DEFAULT_TOKEN, api_base=url, database_url=db,
                             sender=sender_cfg)
    core = await Core.open(settings)  # migrations and the intake model: not timed
    assert core.broadcasts is not None  # its report checks stay unscheduled: the scheduler is not started
    bot = make_bot(settings)
    sender = core.attach(TelegramTransport(bot))
    try:
        async with EmulatorClient(url, token=DEFAULT_TOKEN) as tg:
            branch_id = await _seed(core, tg, args.chats // 2, args.chats - args.chats // 2)
            rounds = max(1, args.messages // args.chats)
            cpu0, t0 = time.process_time(), time.perf_counter()
            queued = await _queue(core, branch_id, rounds)
            fan_cpu, fan_s = time.process_time() - cpu0, time.perf_counter() - t0

            base = (await tg.stats())["sent"]
            errors0 = (await tg.stats())["errors"].get("429", 0)
            samples: list[tuple[float, int]] = []
            cpu0 = time.process_time()
            task = asyncio.create_task(sender.run())
            deadline = time.perf_counter() + args.timeout
            while time.perf_counter() < deadline:
                sent = (await tg.stats())["sent"] - base
                samples.append((time.perf_counter(), sent))
                if sent >= queued:
                    break
                await asyncio.sleep(0.02)
            cpu = time.process_time() - cpu0
            stats = await tg.stats()
            sender.stop()
            await task
            throttled = await _throttled(core)
    finally:
        await bot.session.close()
        await core.close()
        tmp.cleanup()

    delivered = samples[-1][1] if samples else 0
    first = next((t for t, n in samples if n > 0), samples[0][0])
    last = next((t for t, n in samples if n >= queued), samples[-1][0])
    seconds = max(1e-9, last - first)
    rate = delivered / seconds
    peak = max((n - next(m for u, m in samples if u >= t - 1.0)) for t, n in samples) if samples else 0
    errors = stats["errors"].get("429", 0) - errors0
    pct_platform = 100 * rate / args.global_per_sec
    pct_sender = 100 * rate / args.sender_global
    where = "in a child process (not in CPU time)" if args.emulator_process else "in this process (in CPU time)"
    print(f"broadcast: {queued} messages to {args.chats} chats ({args.chats // 2} groups, "
          f"{args.chats - args.chats // 2} riders), {2 * rounds} runs; emulator {where}")
    print(f"limits: emulator {args.global_per_sec}/s global, {args.group_per_min}/min per group, "
          f"{args.private_per_sec}/s per private chat; sender {args.sender_global}/s, "
          f"{args.sender_group}/min, {args.sender_private}/s (batch {args.batch}, concurrency {args.concurrency})")
    print(f"fan-out:   {queued} outbox rows in {fan_s:.2f} s ({1000 * fan_cpu / max(1, queued):.3f} ms CPU per message)")
    print(f"delivered: {delivered}/{queued} in {seconds:.2f} s = {rate:.1f} msg/s")
    print(f"rate:      {pct_platform:.1f} % of the emulator's {args.global_per_sec}/s, "
          f"{pct_sender:.1f} % of the sender's {args.sender_global}/s  (target >= {args.min_pct} %)")
    print(f"busiest second: {peak} messages (limit {args.global_per_sec})")
    print(f"429s received: {errors}  (target 0); messages that met one: {throttled}")
    print(f"CPU per message: {1000 * cpu / max(1, delivered):.3f} ms (process_time {cpu:.2f} s)")
    ok = delivered >= queued and errors == 0 and pct_platform >= args.min_pct
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--chats", type=int, default=500, help="half groups, half riders")
    parser.add_argument("--global-per-sec", type=int, default=300, help="emulator limit (Telegram's ×10)")
    parser.add_argument("--group-per-min", type=int, default=200)
    parser.add_argument("--private-per-sec", type=int, default=10)
    parser.add_argument("--sender-global", type=float, default=290.0, help="the sender's pacing, just under")
    parser.add_argument("--sender-group", type=int, default=190)
    parser.add_argument("--sender-private", type=float, default=9.0)
    parser.add_argument("--batch", type=int, default=SenderSettings().batch)
    parser.add_argument("--concurrency", type=int, default=SenderSettings().concurrency)
    parser.add_argument("--emulator-process", action="store_true", help="run the emulator in a child process")
    parser.add_argument("--min-pct", type=float, default=95.0)
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--database-url", default="", help="default: a temporary SQLite file")
    os.environ.setdefault("SENTINEL_LOG_LEVEL", "WARNING")
    sys.exit(asyncio.run(main(parser.parse_args())))
