#!/usr/bin/env python3
"""Case lifecycle throughput, cost and announcement latency, on SQLite and PostgreSQL in one run.

The project's emulator runs in its own process (limits off), as Telegram is another machine;
the core runs in a process of its own for each measurement, on a fresh database (a temporary
SQLite file; a PostgreSQL database made for the run and dropped after, when --pg-url or
SENTINEL_TEST_PG_URL names a server). Cases are reported through ReportService in batches of
100 (as the bot's polling batches do); then each case goes accept → start → note → resolve →
confirm, one transition per unit of work (one command = one commit). Every transition is a
reply to the report in its group.

Two phases per database:

* **transitions alone** (the sender stopped): transitions/s (wall), CPU ms per transition and
  SQL statements per transition of the producer; then the sender drains what they queued, with
  its CPU ms and statements per message sent.
* **sender live** (the issue's figure): as many new cases again, transitions while the sender
  delivers: transitions/s (wall), CPU ms per transition of the whole process (producer and
  sender, until drained), the producer's statements per transition, and the delay from a
  transition's commit to the emulator storing its announcement (p50, p95, p99). At full speed
  the producer outruns any sender and the delay is mostly queueing; `--rate` offers a steady
  load instead.

Wall time says little on a shared machine; CPU time (this process's user + system, the emulator
aside) and statement counts say what a transition costs. `--compare REF` measures the code of
git REF (e.g. `main`) too, in the same run, alternating with this tree's (`--rounds` pairs), so
a before/after holds while the machine's load drifts.

`--floor` measures instead what the stack itself costs on this machine before any of our work:
a primary-key read by the driver alone, by SQLAlchemy Core, as an ORM object, and an empty unit
of work; from them, the least a transition of a few statements can cost.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from gittree import export  # scripts/ (this script's directory)

REPO = Path(__file__).resolve().parents[1]

STEPS = (("accept", {}), ("start", {}), ("note", {"note": "已派人查看"}), ("resolve", {"note": "已修好"}),
         ("confirm", {}))
PLACES = ["朝阳路{n}号门口的路灯坏了", "建国路{n}号附近井盖松了 车压上去咣当响",
          "光华路{n}号前面积水很深 电动车过不去", "幸福小区{n}号楼门口垃圾堆了三天没人收"]
SECRETARY, GROUPS = 7001, 100
PRODUCER = "bench-producer-"  # the name of a producer task: its statements are counted as the producer's


def _cpu() -> float:
    """CPU seconds (user + system) of this process so far."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] if values else float("nan")


# --- one measurement (a child process: its own interpreter, so CPU figures are its own) ---------
@asynccontextmanager
async def _database(backend: str, tmp: str, pg_admin: str | None) -> AsyncIterator[str]:
    """A fresh database: a SQLite file in `tmp`, or a PostgreSQL database dropped afterwards."""
    if backend == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp}/bench.db"
        return
    import asyncpg
    admin = (pg_admin or "").replace("postgresql+asyncpg://", "postgresql://")
    name = f"bench_cases_{uuid.uuid4().hex[:10]}"
    conn = await asyncpg.connect(admin)
    await conn.execute(f'CREATE DATABASE "{name}"')
    await conn.close()
    try:
        yield admin.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://") + "/" + name
    finally:
        conn = await asyncpg.connect(admin)
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await conn.close()


async def measure(cases: int, backend: str, pg_admin: str | None, rate: float | None,
                  concurrency: int) -> dict[str, Any]:
    from sqlalchemy import event

    from bot.app import Core
    from bot.config import SenderSettings, load_settings
    from emulator import DEFAULT_TOKEN
    from emulator.client import EmulatorClient
    from emulator.process import emulator_process
    try:  # the aiogram runtime's home since the platform-neutral chat layer; before it, handlers/
        from handlers.telegram_aiogram.runtime import make_bot
        from handlers.telegram_aiogram.transport import TelegramTransport
    except ModuleNotFoundError:
        from handlers.runtime import make_bot  # type: ignore[no-redef]
        from handlers.transport import TelegramTransport  # type: ignore[no-redef]

    out: dict[str, Any] = {}
    async with emulator_process("--no-limits") as api, EmulatorClient(api, token=DEFAULT_TOKEN) as tg:
        for g in range(GROUPS):
            await tg.http.post(f"{api}/_emu/chat", json={"token": DEFAULT_TOKEN, "chat": {
                "id": -100900 - g, "type": "supergroup", "title": f"bench {g}"}})
        with tempfile.TemporaryDirectory() as tmp:
            async with _database(backend, tmp, pg_admin) as url:
                settings = load_settings(_env_file=None, bot_token=DEFAULT_TOKEN, api_base=api, database_url=url,
                                         sender=SenderSettings(global_per_sec=1e6, group_per_min=10**9,
                                                               private_per_sec=1e6, batch=200))
                core = await Core.open(settings)
                counts = {"connects": 0, "producer": 0, "other": 0}

                @event.listens_for(core.engine.sync_engine, "connect")
                def _connect(*_args: object) -> None:
                    counts["connects"] += 1

                @event.listens_for(core.engine.sync_engine, "before_cursor_execute")
                def _statement(*_args: object) -> None:
                    task = asyncio.current_task()
                    counts["producer" if task and task.get_name().startswith(PRODUCER) else "other"] += 1

                bot = make_bot(settings)
                try:
                    # transitions alone, then the sender drains them
                    ids = await _report(core, cases, 0)
                    sender = core.attach(TelegramTransport(bot))
                    task = asyncio.create_task(sender.run())
                    await _drain(core)  # the reports' own replies are not this phase's
                    sender.stop()
                    await task
                    counts.update(producer=0, other=0, connects=0)
                    t0, cpu0 = time.perf_counter(), _cpu()
                    done = await _transitions(core, ids, rate=None, concurrency=concurrency)
                    wall, cpu = time.perf_counter() - t0, _cpu() - cpu0
                    out["alone"] = {"transitions": done, "per_s": done / wall, "cpu_ms": cpu * 1000 / done,
                                    "statements": counts["producer"] / done, "connects": counts["connects"]}
                    sent0 = await _sent(core)
                    counts.update(other=0)
                    cpu0 = _cpu()
                    sender = core.attach(TelegramTransport(bot))
                    task = asyncio.create_task(sender.run())
                    await _drain(core)
                    cpu = _cpu() - cpu0
                    sender.stop()
                    await task
                    sent = await _sent(core) - sent0
                    out["sender"] = {"messages": sent, "cpu_ms": cpu * 1000 / max(1, sent),
                                     "statements": counts["other"] / max(1, sent)}

                    # with the sender live (new cases, as many)
                    ids = await _report(core, cases, cases)
                    sender = core.attach(TelegramTransport(bot))
                    task = asyncio.create_task(sender.run())
                    await _drain(core)
                    commits: dict[int, list[float]] = defaultdict(list)
                    counts.update(producer=0, other=0, connects=0)
                    t0, w0, cpu0 = time.time(), time.perf_counter(), _cpu()
                    sent0 = await _sent(core)
                    counts.update(other=0)
                    done = await _transitions(core, ids, rate=rate, concurrency=concurrency, commits=commits)
                    wall = time.perf_counter() - w0
                    produced = counts["producer"]
                    await _drain(core)
                    sent = await _sent(core) - sent0
                    cpu = _cpu() - cpu0
                    sender.stop()
                    await task
                finally:
                    await bot.session.close()
                    await core.close()
        delays: list[float] = []
        for chat_id, times in commits.items():
            arrived = [m["received_at"] for m in await tg.messages(chat_id) if m["received_at"] >= t0]
            delays += [(a - c) * 1000 for c, a in zip(times, arrived)]
    out["live"] = {"transitions": done, "per_s": done / wall, "cpu_ms": cpu * 1000 / done,
                   "statements": produced / done, "connects": counts["connects"],
                   "sender_statements": counts["other"] / max(1, sent),
                   "p50": statistics.median(delays) if delays else float("nan"), "p95": _percentile(delays, .95),
                   "p99": _percentile(delays, .99), "missing": done - len(delays)}
    return out


async def _transitions(core: Any, ids: list[int], *, rate: float | None, concurrency: int = 1,
                       commits: dict[int, list[float]] | None = None) -> int:
    """Every case through STEPS, one unit of work (one commit) per transition, as a command is;
    `concurrency` producers at once (as updates of different chats are handled), each with its
    share of the cases, so a case's steps stay in order."""
    t0, done = time.time(), 0

    async def produce(share: list[int]) -> None:
        nonlocal done
        for action, kw in STEPS:
            for case_id in share:
                async with core.uow() as uow:
                    case = await core.cases.find(uow, str(case_id))
                    actor = await uow.users.get(case.reporter_id if action == "confirm" else SECRETARY)
                    await core.cases.act(uow, actor, case, action, **kw)
                    await uow.commit()
                if commits is not None:
                    commits[case.chat_id].append(time.time())
                done += 1
                if rate:
                    await asyncio.sleep(max(0.0, t0 + done / rate - time.time()))

    await asyncio.gather(*(asyncio.create_task(produce(ids[i::concurrency]), name=f"{PRODUCER}{i}")
                           for i in range(concurrency)))
    return done


async def _report(core: Any, n: int, first: int) -> list[int]:
    """Branch, secretary, groups (once); then n reports, 100 per unit of work."""
    from bot.domain import IncomingMessage, Person
    from bot.services.people import register
    from storage.models import Branch, User

    if first == 0:
        async with core.uow() as uow:
            branch = uow.branches.add(Branch(code="bench", name="bench"))
            await uow.session.flush()
            for g in range(GROUPS):
                chat = await uow.chats.ensure(-100900 - g, "supergroup", f"bench {g}")
                chat.branch_id = branch.id
            uow.session.add(User(id=SECRETARY, first_name="书记", role="secretary", branch_id=branch.id))
            await uow.commit()
    ids: list[int] = []
    for start in range(first, first + n, 100):
        async with core.uow() as uow:
            made = []
            for i in range(start, min(first + n, start + 100)):
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


async def _sent(core: Any) -> int:
    from sqlalchemy import func, select

    from storage.models import OutboxMessage
    async with core.uow() as uow:
        stmt = select(func.count()).select_from(OutboxMessage).where(OutboxMessage.status == "sent")
        return int((await uow.session.exec(stmt)).one()[0])


async def _drain(core: Any, timeout: float = 900) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        async with core.uow() as uow:
            if await uow.outbox.pending_count() == 0:
                return
        await asyncio.sleep(0.05)
    raise TimeoutError("outbox did not drain")


# --- the floor: what the stack costs before any of our work (--floor) --------------------------
async def floor(backend: str, pg_admin: str | None, n: int = 3000) -> dict[str, float]:
    """CPU µs per call, on a fresh migrated database: one primary-key read of a user by the
    driver alone, by SQLAlchemy Core on a unit of work's connection, and as an ORM object (as
    `UserRepository.get` reads one); and an empty unit of work (session, checkout, BEGIN,
    COMMIT, close). A transition of S statements costs at least frame + S × core."""
    from sqlalchemy import bindparam, select

    from storage.db import create_engine, session_factory
    from storage.migrate import upgrade_async
    from storage.models import User
    from storage.repositories.base import _by_key
    from storage.tables import table_of
    from storage.uow import UnitOfWork

    async def per_call(call: Any) -> float:
        for _ in range(n // 10):
            await call()
        cpu0 = _cpu()
        for _ in range(n):
            await call()
        return (_cpu() - cpu0) * 1e6 / n

    with tempfile.TemporaryDirectory() as tmp:
        async with _database(backend, tmp, pg_admin) as url:
            await upgrade_async(url)
            engine = create_engine(url)
            sessions = session_factory(engine)
            async with UnitOfWork(sessions) as uow:
                uow.session.add(User(id=1, first_name="骑手"))
                await uow.commit()
            users = table_of(User)
            core = select(*users.c).where(users.c.id == bindparam("p_key"))
            sql = "SELECT * FROM users WHERE id = " + ("$1" if backend == "postgresql" else "?")
            out: dict[str, float] = {}
            async with UnitOfWork(sessions) as uow:
                conn = await uow.session.connection()
                raw = ((await conn.get_raw_connection()).driver_connection if backend == "postgresql"
                       else sqlite3.connect(url.split(":///", 1)[1]))  # the bot runs SQLite inline so

                async def driver() -> Any:
                    if backend == "postgresql":
                        return await raw.fetch(sql, 1)
                    return raw.execute(sql, (1,)).fetchall()

                async def by_core() -> Any:
                    return (await conn.execute(core, {"p_key": 1})).all()

                async def by_orm() -> Any:
                    return (await uow.session.exec(_by_key(User), params={"p_key": 1})).first()

                out["driver"], out["core"], out["orm"] = (await per_call(driver), await per_call(by_core),
                                                          await per_call(by_orm))
                if backend != "postgresql":
                    raw.close()  # our own; PostgreSQL's is the pool's

            async def frame() -> None:
                async with UnitOfWork(sessions) as uow:
                    await uow.session.connection()
                    await uow.commit()

            out["frame"] = await per_call(frame)
            await engine.dispose()
    return out


# --- the run: children per database (and per tree, with --compare), then one table -------------
def _child(tree: Path, backend: str, args: argparse.Namespace) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", backend, "--repo", str(tree),
           "--cases", str(args.cases), "--concurrency", str(args.concurrency)] + (
               ["--rate", str(args.rate)] if args.rate else [])
    env = {**os.environ, "SENTINEL_BENCH_PG_ADMIN": args.pg_url or ""}
    done = subprocess.run(cmd, cwd=tree, env=env, capture_output=True, text=True)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    if done.returncode or not lines:
        sys.stderr.write(done.stderr[-3000:])
        raise SystemExit(f"the {backend} measurement of {tree} failed ({done.returncode})")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def _row(label: str, r: dict[str, Any]) -> str:
    a, s, live = r["alone"], r["sender"], r["live"]
    return (f"{label:<22} {a['per_s']:>7,.0f} {a['cpu_ms']:>6.2f} {1000 / a['cpu_ms']:>6,.0f} {a['statements']:>5.1f} │"
            f" {s['cpu_ms']:>6.2f} {s['statements']:>5.1f} │ {live['per_s']:>7,.0f} {live['cpu_ms']:>6.2f}"
            f" {1000 / live['cpu_ms']:>6,.0f} {live['statements']:>5.1f} {live['sender_statements']:>5.1f}"
            f" {live['p50']:>6.0f} {live['p99']:>6.0f} {live['missing']:>4} {live['connects']:>4}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=1000, help="cases per phase (5 transitions each)")
    parser.add_argument("--pg-url", default=os.environ.get("SENTINEL_TEST_PG_URL"),
                        help="a PostgreSQL server to make a fresh database on (default: $SENTINEL_TEST_PG_URL; "
                             "none: SQLite only)")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    parser.add_argument("--rate", type=float, default=None, help="offer transitions at this rate (default: full speed)")
    parser.add_argument("--concurrency", type=int, default=1,
                        help="units of work in flight at once (default 1: one transition after another)")
    parser.add_argument("--compare", metavar="REF", help="also measure git REF's code, alternating with this tree's")
    parser.add_argument("--rounds", type=int, default=1, help="measurements of each tree per database")
    parser.add_argument("--floor", action="store_true",
                        help="measure only what the stack costs per statement and per unit of work, then exit")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--repo", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:  # one measurement, in the tree given, printed as one JSON line
        sys.path.insert(0, str(Path(args.repo or REPO)))
        print(json.dumps(asyncio.run(measure(args.cases, args.child, os.environ.get("SENTINEL_BENCH_PG_ADMIN"),
                                             args.rate, args.concurrency))))
        return
    backends = ([] if args.no_sqlite else ["sqlite"]) + (["postgresql"] if args.pg_url else [])
    if not backends:
        raise SystemExit("nothing to measure: --no-sqlite and no --pg-url")
    if args.floor:
        sys.path.insert(0, str(REPO))
        print(f"{'database':<12} {'driver':>7} {'core':>7} {'orm':>7} {'frame':>7}   CPU µs per call")
        for backend in backends:
            f = asyncio.run(floor(backend, args.pg_url))
            print(f"{backend:<12} {f['driver']:>7.0f} {f['core']:>7.0f} {f['orm']:>7.0f} {f['frame']:>7.0f}"
                  f"   a transition of 5 statements: ≥ {(f['frame'] + 5 * f['core']) / 1000:.2f} ms"
                  f" (≤ {1e6 / (f['frame'] + 5 * f['core']):,.0f} per CPU second)")
        print("driver: a primary-key read by the database driver alone; core: the same by SQLAlchemy Core on a unit "
              "of work's connection; orm: as a model object (UserRepository.get); frame: an empty unit of work "
              "(session, checkout, BEGIN, COMMIT, close)")
        return
    print(f"{args.cases} cases per phase, {args.cases * len(STEPS)} transitions, one commit each, "
          f"{args.concurrency} in flight; {'offered ' + str(args.rate) + '/s' if args.rate else 'full speed'}")
    print(f"{'':<22} {'transitions alone':^26} │ {'sender':^12} │ {'with the sender live':^58}")
    print(f"{'database · code':<22} {'/s wall':>7} {'CPU ms':>6} {'/CPU s':>6} {'stmts':>5} │ {'CPU ms':>6} {'stmts':>5} │"
          f" {'/s wall':>7} {'CPU ms':>6} {'/CPU s':>6} {'stmts':>5} {'snd':>5} {'p50 ms':>6} {'p99 ms':>6}"
          f" {'lost':>4} {'conn':>4}")
    with tempfile.TemporaryDirectory() as tmp:
        trees = [("this tree", REPO)]
        if args.compare:
            trees.insert(0, (args.compare, export(args.compare, Path(tmp))))
        for backend in backends:
            for _ in range(args.rounds):
                for label, tree in trees:
                    print(_row(f"{backend} · {label}", _child(tree, backend, args)), flush=True)
    print("alone: the producer's transitions with the sender stopped (CPU ms per transition; /CPU s = transitions "
          "per CPU second, what one core gives); sender: its CPU ms and statements per message as it drains them; "
          "live: CPU of the whole process (producer + sender, until drained) per transition; stmts = the producer's "
          "SQL statements per transition, snd = the sender's per message sent; p50/p99 = commit → emulator delay; "
          "lost = announcements missing; conn = new DB connections while live (a working pool opens none)")


if __name__ == "__main__":
    main()
