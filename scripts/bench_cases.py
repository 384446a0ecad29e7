#!/usr/bin/env python3
"""Case lifecycle throughput and announcement latency (issue: 10,000 cases, 50,000 transitions).

The project's emulator runs in its own process (limits off), as Telegram is another
machine; in this process the core on a fresh database (SQLite by default, or
--database-url) and its outbox sender with the Telegram transport. Cases are reported through ReportService in batches of 100 (as the
bot's polling batches do); then each case goes accept → start → note → resolve →
confirm, one transition per unit of work (one command = one commit), while the
sender delivers. Every transition is a reply to the report in its group.

Prints transitions/s and the delay from a transition's commit to the emulator
storing its announcement (p50, p95, p99). At full speed the producer outruns any
sender and the delay is mostly queueing; `--rate` offers a steady load instead.

Also printed, because a shared machine makes wall time say little: this process's CPU
time over the transition phase (producer and sender together, the emulator aside) as
milliseconds per transition and as the rate one core would give (transitions per CPU
second), and the number of new database connections opened in that phase (a pool that
works opens none).
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
import resource
from collections import defaultdict
from pathlib import Path

from sqlalchemy import event

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.app import Core
from bot.config import SenderSettings, load_settings
from bot.domain import IncomingMessage, Person
from bot.services.people import register
from emulator import DEFAULT_TOKEN
from emulator.client import EmulatorClient
from emulator.process import emulator_process
from handlers.telegram_aiogram.runtime import make_bot
from handlers.telegram_aiogram.transport import TelegramTransport
from storage.models import Branch, User

STEPS = (("accept", {}), ("start", {}), ("note", {"note": "已派人查看"}), ("resolve", {"note": "已修好"}),
         ("confirm", {}))
PLACES = ["朝阳路{n}号门口的路灯坏了", "建国路{n}号附近井盖松了 车压上去咣当响",
          "光华路{n}号前面积水很深 电动车过不去", "幸福小区{n}号楼门口垃圾堆了三天没人收"]
SECRETARY, GROUPS = 7001, 100


def _cpu() -> float:
    """CPU seconds (user + system) of this process so far."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


async def main(cases: int, database_url: str | None, rate: float | None) -> None:
    async with emulator_process("--no-limits") as api, EmulatorClient(api, token=DEFAULT_TOKEN) as tg:
        for g in range(GROUPS):
            await tg.http.post(f"{api}/_emu/chat", json={"token": DEFAULT_TOKEN, "chat": {
                "id": -100900 - g, "type": "supergroup", "title": f"bench {g}"}})
        with tempfile.TemporaryDirectory() as tmp:
            url = database_url or f"sqlite+aiosqlite:///{tmp}/bench.db"
            settings = load_settings(_env_file=None, bot_token=DEFAULT_TOKEN, api_base=api, database_url=url,
                                     sender=SenderSettings(global_per_sec=1e6, group_per_min=10**9,
                                                           private_per_sec=1e6, batch=200))
            core = await Core.open(settings)
            connects = [0]

            @event.listens_for(core.engine.sync_engine, "connect")
            def _count(*_args: object) -> None:
                connects[0] += 1
            bot = make_bot(settings)
            sender = core.attach(TelegramTransport(bot))
            task = asyncio.create_task(sender.run())
            commits: dict[int, list[float]] = defaultdict(list)
            try:
                ids = await _report(core, cases)
                await _drain(core)
                t0, done, cpu0, connects[0] = time.time(), 0, _cpu(), 0
                for action, kw in STEPS:
                    for case_id in ids:
                        async with core.uow() as uow:
                            case = await core.cases.find(uow, str(case_id))
                            actor = await uow.users.get(case.reporter_id if action == "confirm" else SECRETARY)
                            await core.cases.act(uow, actor, case, action, **kw)
                            await uow.commit()
                        commits[case.chat_id].append(time.time())
                        done += 1
                        if rate:
                            await asyncio.sleep(max(0.0, t0 + done / rate - time.time()))
                elapsed = time.time() - t0
                await _drain(core)
                cpu = _cpu() - cpu0
            finally:
                sender.stop()
                await task
                await bot.session.close()
                await core.close()
        delays = []
        for chat_id, times in commits.items():
            arrived = [m["received_at"] for m in await tg.messages(chat_id) if m["received_at"] >= t0]
            delays += [(a - c) * 1000 for c, a in zip(times, arrived)]
    print(f"cases {len(ids)}, transitions {done} in {elapsed:.1f} s: {done / elapsed:,.0f} transitions/s "
          f"({'offered ' + str(rate) + '/s' if rate else 'full speed'}; one commit each, sender delivering meanwhile)")
    print(f"CPU (this process, producer + sender, until drained): {cpu * 1000 / done:.2f} ms per transition = "
          f"{done / cpu:,.0f} transitions per CPU second; new DB connections: {connects[0]}")
    print(f"commit → emulator delay: p50 {statistics.median(delays):.1f} ms, p95 {_percentile(delays, .95):.1f} ms, "
          f"p99 {_percentile(delays, .99):.1f} ms; announcements missing: {done - len(delays)}")


async def _report(core: Core, n: int) -> list[int]:
    """Branch, secretary, groups; then n reports, 100 per unit of work."""
    async with core.uow() as uow:
        branch = uow.branches.add(Branch(code="bench", name="bench"))
        await uow.session.flush()
        for g in range(GROUPS):
            chat = await uow.chats.ensure(-100900 - g, "supergroup", f"bench {g}")
            chat.branch_id = branch.id
        uow.session.add(User(id=SECRETARY, first_name="书记", role="secretary", branch_id=branch.id))
        await uow.commit()
    ids: list[int] = []
    for start in range(0, n, 100):
        async with core.uow() as uow:
            made = []
            for i in range(start, min(n, start + 100)):
                msg = IncomingMessage(chat_id=-100900 - i % GROUPS, chat_type="supergroup", message_id=10_000 + i,
                                      sender=Person(20_000 + i % 500, f"骑手{i % 500}", None, "zh"),
                                      text=PLACES[i % len(PLACES)].format(n=i))
                user = await register(uow, msg)
                case = await core.reports.on_message(uow, msg, user, "zh")
                if case is not None:
                    made.append(case)
            await uow.commit()
        ids += [c.id for c in made if c.id is not None and c.master_id is None]
    return ids


async def _drain(core: Core, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        async with core.uow() as uow:
            if await uow.outbox.pending_count() == 0:
                return
        await asyncio.sleep(0.1)
    raise TimeoutError("outbox did not drain")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--database-url", default=None, help="default: a fresh SQLite file")
    parser.add_argument("--rate", type=float, default=None, help="offer transitions at this rate (default: full speed)")
    args = parser.parse_args()
    asyncio.run(main(args.cases, args.database_url, args.rate))
