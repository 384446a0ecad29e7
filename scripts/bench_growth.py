#!/usr/bin/env python3
"""Growth (issue 18): how the bot's memory and per-update cost grow with 10k, 100k, 1M stored cases.

For each size: a fresh PostgreSQL database (`bench_growth_<pid>`, dropped after), migrated, then
seeded on the server with INSERT … SELECT generate_series (1M cases in well under a minute): the
cases (a year of them, 85 % finished), one timeline event and one sent outbox row each, a second
reporter watching one in ten, one processed update each, riders, 50 branches with a secretary and 5,000 bound groups.

1. The hot path's query plans. In this process, the real dispatcher handles a few reports, place
   answers, edits, /mycases, /case and transitions (/accept, /resolve, ✅) — handlers/polling.py's
   `handle_one`, as a worker does — with every SQL statement captured; each distinct statement
   that reads or writes a table that grows with use (cases, their events, the outbox, processed
   updates, users, watchers) is run again under EXPLAIN with its parameters; a sequential scan of one
   of them, or an index walked end to end, is a failure (printed with the statement; exit status 1).
2. The bot process: `sentinel run --runtime <aiogram|ptb>` (polling; `--runtime`, default aiogram)
   against the emulator in its own process. RSS once it
   is up and has handled a first report (the classifier loaded); then `--updates` reports into random groups and as many /accept transitions by the
   secretaries, at most `--concurrency` in flight; per update: CPU ms of the bot process, and the
   wall time update → committed (p50/p95); RSS at the end.

    scripts/bench_growth.py --database-url postgresql://postgres@127.0.0.1:5432/test --sizes 10000 100000 1000000
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import asyncpg
from sqlalchemy import event
from sqlalchemy.engine import Engine

from emulator import DEFAULT_TOKEN
from emulator.client import EmulatorClient
from emulator.process import emulator_process
from storage.migrate import upgrade
from storage.models import Case

BRANCHES, GROUPS = 50, 5_000
BIG = ("cases", "case_event", "outbox", "processed_update", "users", "case_watcher")  # tables that grow with use
OLD_UPDATES = 10**12  # the seeded processed updates' ids start above this
GROUP_BASE, RIDER_BASE, SECRETARY_BASE = -1_002_000_000_000, 30_000_000, 29_000_000
STATUS_MIX = "ARRAY['closed','closed','closed','closed','closed','closed','closed','closed','closed','rejected'," \
             "'duplicate','closed_not_fixed','closed','closed','closed','closed','closed','new','accepted','resolved']"


def _plain(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://")


def _rss_cpu(pid: int) -> tuple[float, float]:
    """(RSS MB, CPU seconds) of `pid`, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[21]) * os.sysconf("SC_PAGE_SIZE") / 2**20,
            (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"))


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] if values else float("nan")


# --- seeding on the server ------------------------------------------------------------------------
def _case_columns() -> tuple[str, str]:
    """The INSERT column list and SELECT expressions for generated cases (g = 1..N): every column
    of the model, a generated value where it matters, the model's default or NULL elsewhere."""
    generated = {
        "category": "(ARRAY['road','lighting','traffic','water','rights'])[1 + g % 5]",
        "urgency": "(CASE WHEN g % 10 = 0 THEN 'urgent' ELSE 'normal' END)",
        "status": f"({STATUS_MIX})[1 + g % 20]",
        "text": "'建国路' || g || '号门口的路灯坏了 晚上很黑'",
        "location": "'建国路' || g || '号门口'",
        "reporter_id": f"{RIDER_BASE} + g % :riders",
        "chat_id": f"{GROUP_BASE} - g % {GROUPS}",
        "message_id": "g",
        "lang": "'zh'",
        "branch_id": f"1 + (g % {GROUPS}) % {BRANCHES}",
        "department": "'市政道路'",
        "created_at": "now() - (g % 365) * interval '1 day' - (g % 1440) * interval '1 minute'",
        "updated_at": "now() - (g % 365) * interval '1 day'",
        "due_at": "now() - (g % 365) * interval '1 day' + interval '72 hours'",
        "fix_due_at": "now() - (g % 365) * interval '1 day' + interval '7 days'",
        "closed_at": "(CASE WHEN g % 20 < 17 THEN now() - (g % 365) * interval '1 day' END)",
        "responded_at": "(CASE WHEN g % 20 <> 17 THEN now() - (g % 365) * interval '1 day' END)",
    }
    names, values = [], []
    for column in Case.__table__.columns:
        if column.name == "id":
            continue
        names.append(column.name)
        if column.name in generated:
            values.append(generated[column.name])
        elif column.default is not None and getattr(column.default, "is_scalar", False):
            values.append(repr(column.default.arg).replace("False", "false").replace("True", "true")
                          if not isinstance(column.default.arg, str) else f"'{column.default.arg}'")
        else:
            values.append("NULL")
    return ", ".join(f'"{n}"' for n in names), ", ".join(values)


async def seed(conn: asyncpg.Connection, cases: int) -> float:
    t0 = time.perf_counter()
    riders = max(1_000, cases // 10)
    await conn.execute(f"INSERT INTO branch (id, code, name, created_at) SELECT b, 'city' || b, '第' || b || '支部', "
                       f"now() FROM generate_series(1, {BRANCHES}) b")
    await conn.execute(f"SELECT setval('branch_id_seq', {BRANCHES})")
    await conn.execute(
        "INSERT INTO users (id, first_name, language_code, role, branch_id, started, created_at) "
        f"SELECT {SECRETARY_BASE} + b, '书记' || b, 'zh', 'secretary', b, true, now() FROM generate_series(1, {BRANCHES}) b "
        f"UNION ALL SELECT {RIDER_BASE} + r, '骑手' || r, 'zh', 'rider', NULL, false, now() "
        f"FROM generate_series(0, {riders - 1}) r")
    await conn.execute(
        "INSERT INTO chat (id, type, title, branch_id, blocked, is_forum, created_at) "
        f"SELECT {SECRETARY_BASE} + b, 'private', NULL, NULL, false, false, now() FROM generate_series(1, {BRANCHES}) b "
        f"UNION ALL SELECT {GROUP_BASE} - g, 'supergroup', '城市骑手' || g || '群', 1 + g % {BRANCHES}, false, false, now() "
        f"FROM generate_series(0, {GROUPS - 1}) g")
    names, values = _case_columns()
    await conn.execute(f"INSERT INTO cases ({names}) SELECT {values.replace(':riders', str(riders))} "
                       f"FROM generate_series(1, {cases}) g")
    await conn.execute("INSERT INTO case_event (case_id, kind, from_status, to_status, actor_id, created_at) "
                       "SELECT id, 'created', NULL, 'new', reporter_id, created_at FROM cases")
    await conn.execute(
        "INSERT INTO outbox (chat_id, kind, payload, lang, reply_to_message_id, priority, status, attempts, "
        "case_id, created_at, sent_at, sent_message_id) SELECT chat_id, 'case_registered', '{}'::json, 'zh', "
        "message_id, 0, 'sent', 1, id, created_at, created_at + interval '1 second', id FROM cases")
    await conn.execute("INSERT INTO case_watcher (case_id, user_id, chat_id, message_id, lang, created_at) "
                       f"SELECT id, {RIDER_BASE} + (id * 7) % {riders}, chat_id, message_id + 1, 'zh', created_at "
                       "FROM cases WHERE id % 10 = 0")  # one case in ten was reported twice
    await conn.execute(f"INSERT INTO processed_update (update_id, processed_at) SELECT {OLD_UPDATES} + g, now() "
                       f"FROM generate_series(1, {cases}) g")  # long past ids: the emulator's new ones are not among them
    await conn.execute("ANALYZE")
    return time.perf_counter() - t0


# --- 1. query plans of the hot path -----------------------------------------------------------------
class Captured:
    """Every statement the dispatcher runs (SQLAlchemy's event on all engines), with its parameters."""

    def __init__(self) -> None:
        self.on = False
        self.statements: dict[str, tuple[Any, ...]] = {}
        event.listen(Engine, "before_cursor_execute", self._seen)

    def _seen(self, conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
        if self.on and not many and statement.lstrip().upper().startswith(("SELECT", "UPDATE", "DELETE", "WITH")):
            self.statements.setdefault(statement, tuple(parameters or ()))


def _seq_scans(plan: Any, table: str) -> list[str]:
    """Scans that read all of `table`: a Seq Scan, or an index walked end to end (no Index Cond,
    only a Filter: what `ORDER BY id DESC LIMIT n` with a filter becomes when few rows match)."""
    found: list[str] = []
    if isinstance(plan, dict):
        node = plan.get("Node Type")
        if plan.get("Relation Name") == table and (
                node == "Seq Scan" or (node in ("Index Scan", "Index Only Scan") and "Index Cond" not in plan
                                       and "Filter" in plan)):
            found.append(f"{node} on {table} {plan.get('Index Name') or ''} reading all of it "
                         f"(filter {plan.get('Filter')})")
        for value in plan.values():
            found += _seq_scans(value, table)
    elif isinstance(plan, list):
        for value in plan:
            found += _seq_scans(value, table)
    return found


def _outline(node: dict[str, Any]) -> str:
    """A plan in one line: node (index, condition) > child …"""
    here = node.get("Node Type", "?")
    if node.get("Index Name"):
        here += f" using {node['Index Name']}"
    if node.get("Index Cond"):
        here += f" [{node['Index Cond']}]"
    children = node.get("Plans") or []
    return here + (" > " + " & ".join(_outline(c) for c in children) if children else "")


def _message(update_id: int, chat: dict[str, Any], user: dict[str, Any], text: str, message_id: int,
             **extra: Any) -> dict[str, Any]:
    return {"update_id": update_id, "message": {"message_id": message_id, "date": int(time.time()), "chat": chat,
                                                "from": user, "text": text, **extra}}


async def explain_hot_path(db_url: str, api: str, cases: int, show: bool = False) -> list[tuple[str, list[str]]]:
    """Drive the dispatcher in this process and EXPLAIN every statement on `cases` it ran."""
    from bot.app import Core
    from bot.config import load_settings
    from handlers.telegram_aiogram.dispatcher import build_dispatcher
    from handlers.telegram_aiogram.polling import handle_one, parse
    from handlers.telegram_aiogram.runtime import make_bot

    settings = load_settings(_env_file=None, bot_token=DEFAULT_TOKEN, api_base=api, database_url=db_url)
    core = await Core.open(settings)
    bot = make_bot(settings)
    dp = build_dispatcher(core.uow, settings.default_lang, **core.services())
    captured = Captured()
    stop = asyncio.Event()
    uid = 10**9
    group = {"id": GROUP_BASE - 7, "type": "supergroup", "title": "城市骑手7群"}
    rider = {"id": RIDER_BASE + 7, "is_bot": False, "first_name": "骑手7", "language_code": "zh"}
    secretary = {"id": SECRETARY_BASE + 8, "is_bot": False, "first_name": "书记8", "language_code": "zh"}  # group 7's branch: 1 + 7 % 50
    private = {"id": secretary["id"], "type": "private", "first_name": "书记8"}

    async def feed(raw: dict[str, Any]) -> None:
        nonlocal uid
        uid += 1
        raw["update_id"] = uid
        await handle_one(bot, dp, core.uow, parse(bot, raw), raw, stop)

    try:
        captured.on = True
        mid = 10**8
        for n in range(3):
            mid += 1
            await feed(_message(0, group, rider, f"光华路{n}号门口的井盖松了 很危险", mid))
            mid += 1
            await feed(_message(0, group, rider, "路灯坏了 晚上太黑", mid))
            mid += 1
            await feed(_message(0, group, rider, f"在科园路{n}号门口", mid))
            mid += 1
            await feed(_message(0, group, rider, "哈哈 收到", mid))
            await feed({"update_id": 0, "edited_message": {"message_id": mid - 3, "date": int(time.time()),
                                                           "edit_date": int(time.time()), "chat": group, "from": rider,
                                                           "text": f"光华路{n}号门口的井盖松了 很危险 快来修"}})
        await feed(_message(0, group, rider, "/mycases", mid + 1))
        conn = await asyncpg.connect(_plain(db_url))
        try:
            mine = [r[0] for r in await conn.fetch("SELECT id FROM cases WHERE reporter_id = $1 AND status = 'new' "
                                                   "ORDER BY id DESC LIMIT 3", rider["id"])]
        finally:
            await conn.close()
        for i, case_id in enumerate(mine):
            await feed(_message(0, private, secretary, f"/case C-{case_id}", 1000 + 10 * i))
            await feed(_message(0, private, secretary, f"/accept C-{case_id}", 1001 + 10 * i))
            await feed(_message(0, private, secretary, f"/resolve C-{case_id} 已修复", 1002 + 10 * i))
            await feed({"update_id": 0, "callback_query": {
                "id": f"cb{case_id}", "chat_instance": "x", "from": rider, "data": f"cf:{case_id}:y",
                "message": {"message_id": 5000 + i, "date": int(time.time()), "chat": group,
                            "from": {"id": int(DEFAULT_TOKEN.split(':')[0]), "is_bot": True, "first_name": "bot"},
                            "text": "已解决"}}})
        captured.on = False
    finally:
        await bot.session.close()
        await core.close()
    conn = await asyncpg.connect(_plain(db_url))
    problems: list[tuple[str, list[str]]] = []
    checked = 0
    try:
        for statement, params in captured.statements.items():
            if not any(f" {t}" in statement for t in BIG):
                continue
            checked += 1
            try:
                rows = await conn.fetch(f"EXPLAIN (FORMAT JSON) {statement}", *params)
            except Exception as e:  # a statement EXPLAIN cannot take as is: say so
                problems.append((statement, [f"EXPLAIN failed: {e!r}"]))
                continue
            plan = json.loads(rows[0][0]) if isinstance(rows[0][0], str) else rows[0][0]
            scans = [scan for table in BIG for scan in _seq_scans(plan, table)]
            if show:
                print(f"  - {_outline(plan[0]['Plan'])}\n    {' '.join(statement.split())[-260:]}")
            if scans:
                problems.append((statement, scans))
    finally:
        await conn.close()
    if checked < 10:  # the pass itself went wrong (updates not handled): no plan was really checked
        problems.append(("(the hot-path pass)", [f"only {checked} statements on cases were captured"]))
    print(f"  EXPLAIN: {checked} distinct hot-path statements on {', '.join(BIG)} ({len(captured.statements)} "
          f"statements in all); full scans: {sum(1 for _s, p in problems if p and 'EXPLAIN failed' not in p[0])}")
    return problems


# --- 2. the bot process ----------------------------------------------------------------------------
async def measure_process(db_url: str, api: str, tmp: str, n_updates: int, concurrency: int,
                          cases: int, semantic: bool, runtime: str = "aiogram") -> dict[str, Any]:
    env = {**os.environ, "SENTINEL_BOT_TOKEN": DEFAULT_TOKEN, "SENTINEL_API_BASE": api, "SENTINEL_DATABASE_URL": db_url,
           "SENTINEL_POLL_TIMEOUT": "5", "SENTINEL_LOG_LEVEL": "WARNING", "PYTHONPATH": str(REPO),
           "SENTINEL_INTAKE_SEMANTIC": "1" if semantic else "0"}
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot.cli", "run", "--runtime", runtime,
                                                env=env, cwd=tmp,
                                                stdout=asyncio.subprocess.DEVNULL,
                                                stderr=open(f"{tmp}/bot-{cases}.log", "ab"))
    conn = await asyncpg.create_pool(_plain(db_url), min_size=1, max_size=concurrency + 1)
    try:
        async with EmulatorClient(api, token=DEFAULT_TOKEN) as tg:
            for _ in range(3000):
                if (await tg.stats())["calls"].get("getUpdates"):
                    break
                await asyncio.sleep(0.1)
            warm = await tg.send({"id": GROUP_BASE - 1, "type": "supergroup", "title": "群"},  # loads the classifier
                                 {"id": RIDER_BASE + 1, "first_name": "骑手", "language_code": "zh"}, "路灯坏了 好黑")
            while not await conn.fetchval("SELECT 1 FROM processed_update WHERE update_id = $1", int(warm["update_id"])):
                await asyncio.sleep(0.1)
            await asyncio.sleep(2.0)  # start-up settles (first sweeps)
            rss_idle, cpu0 = _rss_cpu(proc.pid)
            new = [r[0] for r in await conn.fetch(
                f"SELECT id FROM cases WHERE status = 'new' AND chat_id = {GROUP_BASE} - 7 ORDER BY id DESC LIMIT $1",
                n_updates)]
            latencies: list[float] = []
            sem = asyncio.Semaphore(concurrency)
            t0 = time.perf_counter()

            async def one(i: int) -> None:
                async with sem:
                    posted = time.perf_counter()
                    if i % 2 == 0:
                        g = GROUP_BASE - (i * 37) % GROUPS
                        sent = await tg.send({"id": g, "type": "supergroup", "title": "群"},
                                             {"id": RIDER_BASE + i, "first_name": "骑手", "language_code": "zh"},
                                             f"朝阳路{i}号门口的路灯坏了 晚上太黑")
                    else:
                        case_id = new[(i // 2) % len(new)] if new else 1
                        sec = {"id": SECRETARY_BASE + 8, "first_name": "书记8", "language_code": "zh"}
                        sent = await tg.send({"id": sec["id"], "type": "private", "first_name": "书记8"}, sec,
                                             f"/accept C-{case_id}")
                    update_id = int(sent["update_id"])
                    while not await conn.fetchval("SELECT 1 FROM processed_update WHERE update_id = $1", update_id):
                        await asyncio.sleep(0.02)
                    latencies.append((time.perf_counter() - posted) * 1000)

            await asyncio.gather(*(one(i) for i in range(2 * n_updates)))
            wall = time.perf_counter() - t0
            rss_end, cpu1 = _rss_cpu(proc.pid)
    finally:
        await conn.close()
        proc.terminate()
        await proc.wait()
    n = 2 * n_updates
    return {"rss_idle": rss_idle, "rss_end": rss_end, "cpu_ms": 1000 * (cpu1 - cpu0) / n, "wall_s": wall,
            "p50": _pct(latencies, .5), "p95": _pct(latencies, .95), "n": n}


async def one_size(args: argparse.Namespace, api: str, tmp: str, cases: int) -> dict[str, Any]:
    name = f"bench_growth_{os.getpid()}_{cases}"
    admin = await asyncpg.connect(_plain(args.database_url))
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    db_url = _plain(args.database_url).replace("postgresql://", "postgresql+asyncpg://").rsplit("/", 1)[0] + "/" + name
    try:
        await asyncio.to_thread(upgrade, db_url)
        conn = await asyncpg.connect(_plain(db_url))
        try:
            seconds = await seed(conn, cases)
        finally:
            await conn.close()
        print(f"{cases:,} cases seeded in {seconds:.1f} s")
        problems = await explain_hot_path(db_url, api, cases, args.show_statements)
        for statement, scans in problems:
            print(f"  !! {'; '.join(scans)}:\n     {' '.join(statement.split())[:400]}")
        if args.explain_only:
            return {"cases": cases, "seed_s": seconds, "seq_scans": len(problems), "rss_idle": 0.0, "rss_end": 0.0,
                    "cpu_ms": 0.0, "p50": 0.0, "p95": 0.0, "n": 0}
        figures = await measure_process(db_url, api, tmp, args.updates, args.concurrency, cases, args.semantic,
                                        args.runtime)
        figures.update(cases=cases, seed_s=seconds, seq_scans=len(problems))
        print(f"  bot process: RSS {figures['rss_idle']:.0f} MB up, {figures['rss_end']:.0f} MB after {figures['n']} "
              f"updates; {figures['cpu_ms']:.1f} ms CPU per update; update → committed p50 {figures['p50']:.0f} ms, "
              f"p95 {figures['p95']:.0f} ms")
        return figures
    finally:
        if not args.keep_db:
            admin = await asyncpg.connect(_plain(args.database_url))
            try:
                await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            finally:
                await admin.close()


async def main(args: argparse.Namespace) -> int:
    tmp = tempfile.mkdtemp(prefix="bench_growth_")
    print(f"loadavg (1 min) {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; {datetime.now(timezone.utc):%H:%M} UTC; "
          f"intake semantic stage {'on' if args.semantic else 'off'}; bot runtime {args.runtime}")
    rows = []
    async with emulator_process("--no-limits") as api:
        for cases in args.sizes:
            rows.append(await one_size(args, api, tmp, cases))
    print("\n| stored cases | seeded in | RSS up | RSS after load | CPU per update | update → committed p50 / p95 "
          "| full scans on the hot path |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        print(f"| {r['cases']:,} | {r['seed_s']:.0f} s | {r['rss_idle']:.0f} MB | {r['rss_end']:.0f} MB | "
              f"{r['cpu_ms']:.1f} ms | {r['p50']:.0f} / {r['p95']:.0f} ms | {r['seq_scans']} |")
    print(f"loadavg (1 min) at the end {os.getloadavg()[0]:.1f}")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))
    return 1 if any(r["seq_scans"] for r in rows) else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=os.environ.get("SENTINEL_TEST_PG_URL",
                                                                 "postgresql://postgres@127.0.0.1:5432/test"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--updates", type=int, default=100, help="reports, and as many transitions, per size")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--keep-db", action="store_true")
    parser.add_argument("--no-semantic", dest="semantic", action="store_false",
                        help="the bot without the intake's semantic stage (SENTINEL_INTAKE_SEMANTIC=0)")
    parser.add_argument("--runtime", choices=("aiogram", "ptb"), default="aiogram",
                        help="the library the bot process runs on (`sentinel run --runtime`)")
    parser.add_argument("--json", default="")
    parser.add_argument("--explain-only", action="store_true", help="the query plans alone, no bot process")
    parser.add_argument("--show-statements", action="store_true", help="print each statement checked, with its plan's top node")
    sys.exit(asyncio.run(main(parser.parse_args())))
