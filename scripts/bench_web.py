"""The dashboard's speed with 100,000 cases: overview and map (heat) p95 over HTTP.

    python scripts/bench_web.py [--cases 100000] [--requests 60] [--pg postgresql://postgres@127.0.0.1:5432/postgres]

For each database (a throwaway SQLite file; with --pg, or SENTINEL_TEST_PG_URL, also a throwaway
PostgreSQL database made and dropped on that server) it migrates, bulk-inserts the cases (two
branches around Beijing, 14 categories, 90 days, a third solved, 85% located; PostgreSQL then
VACUUM ANALYZE, the state autovacuum keeps), starts the real web
server on a free loopback port, logs in as a superadmin and as a secretary (a session made by the
real login service), then times sequential GETs of /dash/ (overview page; `overview?f` with the filter
form's category, urgency and a 45-day start, and the 90-day trend) and /dash/api/map.json
(heat buckets and markers, the first view: the whole extent) after two warm-up requests each, in
two modes: `changed` (one case is updated before every request, so the aggregates are recomputed
in SQL each time: the cold path) and `unchanged` (the aggregates are served from the dashboard's
cache, which is keyed on the cases' version, so it is never stale).
Target (issue 17): p95 ≤ 300 ms. Prints one line per database, page, viewer and mode, milliseconds.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import aiohttp
from sqlalchemy import insert, update

from bot.app import Core
from bot.config import WebSettings, load_settings
from bot.intake import CATEGORIES
from bot.services import web_login
from handlers.web.app import WebServer
from storage.models import Branch, Case, User

SUPERADMIN, SECRETARY = 9_000_001, 9_000_002
TARGET_MS = 300


def rows(n: int, branches: list[int], seed: int = 17) -> list[dict[str, Any]]:
    rnd = random.Random(seed)
    now = datetime.now(timezone.utc)
    cats = list(CATEGORIES)
    out = []
    for i in range(n):
        created = now - timedelta(minutes=rnd.randrange(90 * 24 * 60))
        branch = branches[i % len(branches)]
        solved = rnd.random() < 0.33
        accepted = solved or rnd.random() < 0.4
        urgency = "urgent" if rnd.random() < 0.08 else "normal"
        status = ("closed" if rnd.random() < 0.5 else "resolved") if solved else \
            ("accepted" if accepted else "new")
        located = rnd.random() < 0.85
        centre = (39.92, 116.46) if branch == branches[0] else (39.96, 116.30)
        out.append({
            "category": cats[i % len(cats)], "urgency": urgency, "status": status,
            "text": f"bench case {i}", "location": None,
            "lat": centre[0] + rnd.gauss(0, 0.03) if located else None,
            "lon": centre[1] + rnd.gauss(0, 0.04) if located else None,
            "reporter_id": 1000 + i % 5000, "chat_id": -100100 if branch == branches[0] else -100200,
            "lang": "zh", "branch_id": branch, "department": "roads" if i % 2 else "urban_lighting",
            "transfers": 0, "reopens": 0, "awaiting_location": False,
            "due_at": created + timedelta(hours=72), "fix_due_at": created + timedelta(days=7),
            "reminders": 0, "fix_reminders": 0,
            "responded_at": created + timedelta(hours=rnd.uniform(0.2, 80)) if accepted else None,
            "resolved_at": created + timedelta(hours=rnd.uniform(2, 200)) if solved else None,
            "closed_at": None, "created_at": created, "updated_at": created, "source": "chat",
        })
    return out


async def seed(core: Core, n: int) -> None:
    async with core.uow() as uow:
        a, b = Branch(code="cy", name="朝阳"), Branch(code="hd", name="海淀")
        uow.session.add_all([a, b])
        await uow.session.flush()
        uow.session.add_all([User(id=SUPERADMIN, first_name="boss", role="superadmin"),
                             User(id=SECRETARY, first_name="sec", role="secretary", branch_id=a.id)])
        await uow.commit()
        branches = [a.id or 0, b.id or 0]
    data = rows(n, branches)
    started = time.perf_counter()
    async with core.engine.begin() as conn:
        for i in range(0, n, 5000):
            await conn.execute(insert(Case.__table__), data[i:i + 5000])  # type: ignore[attr-defined]
    print(f"  seeded {n} cases in {time.perf_counter() - started:.1f} s", flush=True)
    await baseline(core)
    if core.engine.dialect.name == "postgresql":
        # The steady state autovacuum keeps (it also runs after bulk inserts, PostgreSQL ≥ 13): the
        # visibility map set, so the medians' index walks are index-only scans, not heap fetches.
        async with core.engine.connect() as conn:
            conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
            await conn.exec_driver_sql("VACUUM ANALYZE cases")
    else:
        async with core.engine.begin() as conn:
            await conn.exec_driver_sql("ANALYZE")


async def baseline(core: Core) -> None:
    """How fast this machine scans the table now (it is shared: the figures above scale with this)."""
    async with core.engine.connect() as conn:
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            await conn.exec_driver_sql("SELECT status, count(*) FROM cases GROUP BY status")
            times.append((time.perf_counter() - t0) * 1000)
    print(f"  baseline: one GROUP BY scan of the table takes {min(times):.0f} ms (best of 3)", flush=True)


async def session_cookie(core: Core, user_id: int) -> str:
    async with core.uow() as uow:
        user = await uow.users.get(user_id)
        assert user is not None
        link = await web_login.issue_link(uow, core.cases, user, "http://x", core.cases.clock())
        assert link is not None
        opened = await web_login.open_session(uow, link.split("t=", 1)[1], core.cases.clock())
        await uow.commit()
    assert opened is not None
    return opened[0]


async def touch(core: Core, i: int) -> None:
    """A case changes (as a chat action would): the dashboard's cached aggregates are out of date."""
    async with core.engine.begin() as conn:
        await conn.execute(update(Case.__table__).where(Case.__table__.c.id == 1 + i)  # type: ignore[attr-defined]
                           .values(updated_at=datetime.now(timezone.utc)))


async def timed(http: aiohttp.ClientSession, url: str, count: int, core: Core | None = None) -> list[float]:
    """`count` sequential GETs (ms); with `core`, a case changes before each one (so every request
    recomputes its aggregates in SQL: the cold path)."""
    for _ in range(2):  # warm-up: connection, the first template compile
        async with http.get(url) as r:
            await r.read()
    out = []
    for i in range(count):
        if core is not None:
            await touch(core, i)
        t0 = time.perf_counter()
        async with http.get(url) as r:
            await r.read()
            assert r.status == 200, (url, r.status)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


async def bench(name: str, database_url: str, n: int, count: int) -> list[tuple[str, float, float]]:
    settings = load_settings(_env_file=None, database_url=database_url, superadmin_ids=[SUPERADMIN],
                             web=WebSettings(port=0))
    core = await Core.open(settings)
    results = []
    try:
        await seed(core, n)
        server = WebServer(core)
        port = await server.start("127.0.0.1", 0)
        try:
            for who, uid in (("superadmin", SUPERADMIN), ("secretary", SECRETARY)):
                cookie = await session_cookie(core, uid)
                async with aiohttp.ClientSession(cookies={"sentinel_session": cookie}) as http:
                    base = f"http://127.0.0.1:{port}/dash"
                    since = (datetime.now(timezone.utc) - timedelta(days=45)).date().isoformat()
                    filtered = f"{base}/?category=lighting&urgency=normal&since={since}&days=90"  # the page's form
                    for page, url in (("overview", f"{base}/"), ("overview?f", filtered),
                                      ("map(heat)", f"{base}/api/map.json")):
                        for mode, changing in (("changed", core), ("unchanged", None)):
                            ms = await timed(http, url, count if changing is None else max(5, count // 3), changing)
                            label = f"{name:<9} {page:<10} {who:<11} {mode:<9}"
                            results.append((label, statistics.median(ms), p95(ms)))
                            verdict = "ok" if p95(ms) <= TARGET_MS else "OVER TARGET"
                            print(f"  {label} p50 {statistics.median(ms):7.1f} ms   p95 {p95(ms):7.1f} ms   {verdict}",
                                  flush=True)
        finally:
            await server.stop()
    finally:
        await core.close()
    return results


async def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=60)
    ap.add_argument("--pg", default=os.environ.get("SENTINEL_TEST_PG_URL", ""),
                    help="a PostgreSQL server URL (a database is created and dropped there)")
    args = ap.parse_args()
    print(f"bench_web: {args.cases} cases, {args.requests} requests per page, target p95 ≤ {TARGET_MS} ms")
    with tempfile.TemporaryDirectory(prefix="bench-web-") as tmp:
        print("SQLite:", flush=True)
        await bench("sqlite", f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}", args.cases, args.requests)
    if args.pg:
        import asyncpg
        admin = args.pg.replace("postgresql+asyncpg://", "postgresql://")
        name = f"sentinel_bench_{uuid.uuid4().hex[:8]}"
        conn = await asyncpg.connect(admin)
        await conn.execute(f'CREATE DATABASE "{name}"')
        await conn.close()
        try:
            print("PostgreSQL:", flush=True)
            url = admin.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://") + "/" + name
            await bench("postgres", url, args.cases, args.requests)
        finally:
            conn = await asyncpg.connect(admin)
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            await conn.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
