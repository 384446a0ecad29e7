#!/usr/bin/env python3
"""City-scale load test (issue 18): a city's rider groups against `sentinel run --webhook` × N.

What runs:
- the emulator in its own process, Telegram's flood limits ON (30/s, 20/min per group, 1/s per
  private chat): every 429 is counted and must be 0. Like Telegram it delivers the webhook with up
  to 40 updates in flight, one per chat;
- a fresh database (PostgreSQL: `--database-url` names the server, a database `bench_city_<pid>` is
  created and dropped; or SQLite), migrated, then seeded in bulk: `--branches` branches with one
  secretary each, `--groups` groups bound to them, `--riders` riders (100,000 in a few seconds:
  multi-row INSERTs of thousands of rows), and a lesson slot in the next minutes for `--lesson-groups`
  groups (the scheduler pushes those lessons during the run);
- `--workers` workers (`sentinel run --webhook`), behind a round-robin proxy when more than one,
  sharing the database and Redis (`--redis-url`); `--kill-at S` SIGKILLs worker 0 S seconds in.

The offered load, `--rate` updates/s for `--seconds`, from riders of random groups: 90 % chit-chat;
reports naming a place; reports naming none, followed at once by the rider's next message naming
it (two updates, in order); photo reports; secretaries' actions in private (/accept, /resolve of
their branch's cases); button presses (the reporter's ✅ on a resolved case); and, 10 s in, a
secretary's broadcast to their branch's groups (`/broadcast all now …`, then ✅ on the preview).
Then `--drain` seconds at most for the bot to finish.

Printed: the offered rate held; for reports, update → reply queued (the outbox row's created_at),
reply queued → sent (its sent_at) and update → reply sent (what the rider waits) p50/p95/p99; 429s;
lost (an update never committed, or a report with no reply sent); doubled (a case opened twice for
one message, or the same reply delivered twice, with when each copy arrived); the workers' CPU (share
of one core) and peak RSS; lessons and broadcast messages delivered; the machine's load average (a
shared machine: read the figures with it).

    scripts/bench_city.py --database-url postgresql://postgres@127.0.0.1:5432/test --seconds 300
    scripts/bench_city.py ... --workers 2 --redis-url redis://127.0.0.1:6379/0 [--kill-at 60]
"""
from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import random
import signal
import socket
import sys
import tempfile
import time
import uuid
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo


REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import aiohttp
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import insert, text

from emulator import DEFAULT_TOKEN
from emulator.balancer import RoundRobin
from emulator.client import EmulatorClient
from emulator.process import emulator_process
from storage.db import create_engine
from storage.migrate import upgrade
from storage.models import Branch, Chat, User
from storage.models.lessons import LessonSchedule

GROUP_BASE, RIDER_BASE, SECRETARY_BASE = -1_001_000_000_000, 20_000_000, 19_000_000
CHATTER = ["中午有人一起吃饭不", "哈哈哈 好的", "今天单子好多啊 累死", "收到", "Anyone up for lunch?", "雨好大 注意安全",
           "这单超时了 郁闷", "谁知道附近哪里能充电", "早上好 兄弟们", "今天平台又改规则了？"]
PLACED = ["朝阳路{n}号门口的路灯坏了", "建国路{n}号附近井盖松了 车压上去咣当响", "光华路{n}号前面积水很深 电动车过不去",
          "东三环辅路{n}号红绿灯不亮了 很危险"]
UNPLACED = ["路灯坏了好几天了 晚上太黑", "有个井盖没了 很危险"]
ANSWER = "在科园路{n}号门口"
PHOTO = "幸福路{n}号这个坑太大了 差点摔"
BATCH = 5_000  # rows per multi-row INSERT while seeding (fewer for wide tables)
MIX = (("chat", 0.90), ("placed", 0.04), ("unplaced", 0.02), ("photo", 0.015), ("secretary", 0.015),
       ("press", 0.01))


def _percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] if values else float("nan")


def _pcts(values: list[float]) -> str:
    return (f"p50 {_percentile(values, .5):.0f} ms, p95 {_percentile(values, .95):.0f} ms, "
            f"p99 {_percentile(values, .99):.0f} ms (n={len(values)})")


def _proc_cpu_rss(pid: int) -> tuple[float, float]:
    """(CPU seconds so far, RSS MB) of `pid`, from /proc (Linux); (0, 0) once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0, 0.0
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return cpu, int(fields[21]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# --- the database -------------------------------------------------------------------------------
async def _fresh_database(admin_url: str | None, tmp: str) -> tuple[str, str | None]:
    """(the bot's URL, the PostgreSQL database to drop afterwards)."""
    if not admin_url:
        return f"sqlite+aiosqlite:///{tmp}/city.db", None
    import asyncpg
    plain = admin_url.replace("postgresql+asyncpg://", "postgresql://")
    name = f"bench_city_{os.getpid()}"
    conn = await asyncpg.connect(plain)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return plain.replace("postgresql://", "postgresql+asyncpg://").rsplit("/", 1)[0] + "/" + name, name


async def _drop_database(admin_url: str, name: str) -> None:
    import asyncpg
    conn = await asyncpg.connect(admin_url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


async def _bulk(conn: Any, table: Any, rows: list[dict[str, Any]]) -> None:
    """Multi-row INSERTs (a column the rows leave out gets its model default from SQLAlchemy)."""
    step = max(1, min(BATCH, 30_000 // len(table.columns)))  # PostgreSQL takes at most 32,767 parameters
    for i in range(0, len(rows), step):
        await conn.execute(insert(table).values(rows[i:i + step]))


def _lesson_slots(n: int, tz: str, seconds: float) -> list[tuple[str, int]]:
    """(weekday, local minute) for `n` groups, spread over the run's whole minutes from 2 on."""
    now = datetime.now(ZoneInfo(tz))
    minutes = max(1, int(seconds // 60) - 1)
    out = []
    for i in range(n):
        at = now + timedelta(minutes=2 + i % minutes)
        out.append((str(at.weekday()), at.hour * 60 + at.minute))
    return out


async def _copy(url: str, tables: list[tuple[Any, list[dict[str, Any]]]]) -> None:
    """PostgreSQL: COPY each table's rows (asyncpg), in one transaction."""
    import asyncpg
    conn = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        async with conn.transaction():
            for table, rows in tables:
                if not rows:
                    continue
                columns = list(rows[0])
                json_cols = {c.name for c in table.columns if c.type.__class__.__name__ == "JSON"}
                records = [tuple(json.dumps(r[c]) if c in json_cols and r[c] is not None else r[c] for c in columns)
                           for r in rows]
                await conn.copy_records_to_table(table.name, records=records, columns=columns)
            await conn.execute("SELECT setval('branch_id_seq', (SELECT max(id) FROM branch))")
    finally:
        await conn.close()


async def seed(url: str, args: argparse.Namespace) -> dict[str, Any]:
    """Branches, secretaries, groups, riders, lesson slots: COPY on PostgreSQL, multi-row INSERTs
    on SQLite, one transaction."""
    t0 = time.perf_counter()
    now = datetime.now(timezone.utc)
    per_branch = max(1, args.groups // args.branches)
    groups = [GROUP_BASE - g for g in range(args.groups)]
    branch_of = {chat: 1 + min(i // per_branch, args.branches - 1) for i, chat in enumerate(groups)}
    user = {"username": None, "lang": None, "created_at": now}
    chat = {"blocked": False, "is_forum": False, "created_at": now}
    slots = _lesson_slots(min(args.lesson_groups, args.groups), args.timezone, args.seconds)
    tables: list[tuple[Any, list[dict[str, Any]]]] = [
        (Branch.__table__, [{"id": b, "code": f"city{b}", "name": f"第{b}支部", "created_at": now}
                            for b in range(1, args.branches + 1)]),
        (User.__table__, [
            {**user, "id": SECRETARY_BASE + b, "first_name": f"书记{b}", "language_code": "zh", "role": "secretary",
             "branch_id": b, "started": True} for b in range(1, args.branches + 1)] + [
            {**user, "id": RIDER_BASE + r, "first_name": f"骑手{r}", "language_code": "zh", "role": "rider",
             "branch_id": None, "started": False} for r in range(args.riders)]),
        (Chat.__table__, [
            {**chat, "id": SECRETARY_BASE + b, "type": "private", "title": None, "branch_id": None}
            for b in range(1, args.branches + 1)] + [
            {**chat, "id": g, "type": "supergroup", "title": f"城市骑手{i}群", "branch_id": branch_of[g]}
            for i, g in enumerate(groups)]),
        (LessonSchedule.__table__, [
            {"chat_id": groups[i], "weekdays": day, "profile": None, "slots": {day: minute}, "lang": "zh",
             "updated_by": None, "updated_at": now} for i, (day, minute) in enumerate(slots)]),
    ]
    if url.startswith("postgresql"):
        await _copy(url, tables)
    else:
        engine = create_engine(url)
        async with engine.begin() as conn:
            for table, rows in tables:
                await _bulk(conn, table, rows)
        await engine.dispose()
    return {"groups": groups, "branch_of": branch_of, "seconds": time.perf_counter() - t0,
            "lessons": len(slots)}


def _off_peak_zone() -> str:
    """A fixed-offset zone where it is now 14:xx, inside the default off-peak window (14:00-16:00):
    the lesson pushes of the run are then due and allowed, whatever the hour of the run."""
    hour = datetime.now(timezone.utc).hour
    offset = (14 - hour + 12) % 24 - 12  # -12..11
    return "Etc/UTC" if offset == 0 else f"Etc/GMT{'-' if offset > 0 else '+'}{abs(offset)}"


# --- the workers ----------------------------------------------------------------------------------
async def _worker(args: argparse.Namespace, api: str, url: str, tmp: str, name: str, port: int, hook: str,
                  redis: dict[str, str], metrics_port: int) -> asyncio.subprocess.Process:
    env = {**os.environ, **redis, "SENTINEL_BOT_TOKEN": DEFAULT_TOKEN, "SENTINEL_API_BASE": api,
           "SENTINEL_DATABASE_URL": url, "SENTINEL_WEBHOOK_URL": hook, "SENTINEL_WEBHOOK_PORT": str(port),
           "SENTINEL_METRICS_PORT": str(metrics_port),
           "SENTINEL_TIMEZONE": args.timezone, "SENTINEL_SENDER__LEASE": str(args.lease),
           "SENTINEL_SCHEDULER_LEASE": "5", "SENTINEL_LOG_LEVEL": "WARNING", "PYTHONPATH": str(REPO),
           "SENTINEL_RUNTIME": args.runtime}
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "run", "--webhook", cwd=tmp, env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=open(f"{tmp}/{name}.log", "ab"))


async def _metrics(http: Any, metrics_port: int) -> list[Any]:
    """A live worker's Prometheus samples (prometheus-client's parser); empty when it cannot be read."""
    try:
        async with http.get(f"http://127.0.0.1:{metrics_port}/metrics") as r:
            text = await r.text() if r.status == 200 else ""
    except (OSError, aiohttp.ClientError, asyncio.TimeoutError):
        return []
    return [sample for family in text_string_to_metric_families(text) for sample in family.samples]


def _unsure(samples: list[Any]) -> Counter[str]:
    """The messages a worker's intake was unsure of, by the stage that decided them
    (sentinel_intake_unsure_total)."""
    return Counter({s.labels["stage"]: int(s.value) for s in samples if s.name == "sentinel_intake_unsure_total"})


def _unrecorded(samples: list[Any]) -> str:
    """A worker's time from a send's dispatch to its committed 'sent' (sentinel_send_unrecorded_seconds,
    the window a kill can double): p50 and p99 as the histogram's bucket bounds they fall in."""
    buckets = sorted((float(s.labels["le"]), s.value) for s in samples
                     if s.name == "sentinel_send_unrecorded_seconds_bucket")
    total = buckets[-1][1] if buckets else 0
    if not total:
        return "no sends recorded"

    def bound(q: float) -> str:
        le = next(le for le, n in buckets if n >= q * total)
        return "over 5 s" if le == float("inf") else f"≤ {le * 1000:.0f} ms"
    return f"p50 {bound(.5)}, p99 {bound(.99)} (n={total:.0f})"


async def _listening(port: int) -> bool:
    try:
        _r, w = await asyncio.open_connection("127.0.0.1", port)
    except OSError:
        return False
    w.close()
    return True


async def _wait_for(check: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not await check():
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        await asyncio.sleep(0.2)


# --- the load -------------------------------------------------------------------------------------
class Load:
    """The riders and secretaries: what they sent, and the cases they know of."""

    def __init__(self, args: argparse.Namespace, tg: EmulatorClient, seeded: dict[str, Any], db_url: str) -> None:
        self.args, self.tg, self.rng = args, tg, random.Random(args.seed)
        self.groups: list[int] = seeded["groups"]
        self.branch_of: dict[int, int] = seeded["branch_of"]
        self.update_ids: list[int] = []
        self.reports: dict[tuple[int, int], float] = {}  # (chat, message id) -> epoch seconds posted
        self.kinds: Counter[str] = Counter()
        self.fallbacks = 0  # a secretary action or press with nothing to act on yet: chit-chat instead
        self.new: list[tuple[int, int]] = []        # (case id, chat) not yet accepted
        self.accepted: list[tuple[int, int]] = []
        self.resolved: list[tuple[int, int, int]] = []  # (case id, chat, reporter)
        self.reporter: dict[int, int] = {}          # case id -> reporter
        self.seen_case = 0
        self.engine = create_engine(db_url)

    def _rider(self) -> dict[str, Any]:
        r = self.rng.randrange(self.args.riders)
        return {"id": RIDER_BASE + r, "first_name": f"骑手{r}", "language_code": "zh"}

    @staticmethod
    def _group(chat_id: int) -> dict[str, Any]:
        return {"id": chat_id, "type": "supergroup", "title": f"城市骑手{GROUP_BASE - chat_id}群"}

    def _secretary(self, chat_id: int) -> tuple[dict[str, Any], dict[str, Any]]:
        b = self.branch_of[chat_id]
        user = {"id": SECRETARY_BASE + b, "first_name": f"书记{b}", "language_code": "zh"}
        return {"id": SECRETARY_BASE + b, "type": "private", "first_name": f"书记{b}"}, user

    async def _send(self, chat: dict[str, Any], user: dict[str, Any], text: str | None = None,
                    report: bool = False, **extra: Any) -> dict[str, Any]:
        posted = time.time()
        sent = await self.tg.send(chat, user, text, **extra)
        self.update_ids.append(int(sent["update_id"]))
        if report:
            self.reports[(chat["id"], int(sent["message_id"]))] = posted
        return sent

    async def one(self, n: int) -> None:
        """The n-th event of the mix."""
        roll, kind = self.rng.random(), "chat"
        for name, share in MIX:
            if roll < share:
                kind = name
                break
            roll -= share
        group = self._group(self.rng.choice(self.groups))
        rider = self._rider()
        if kind == "secretary" and await self._secretary_acts():
            pass
        elif kind == "press" and await self._press():
            pass
        elif kind == "placed":
            await self._send(group, rider, self.rng.choice(PLACED).format(n=n), report=True)
        elif kind == "unplaced":  # the report, then at once the rider's next message: the place
            await self._send(group, rider, self.rng.choice(UNPLACED), report=True)
            await self._send(group, rider, ANSWER.format(n=n))
        elif kind == "photo":
            await self._send(group, rider, caption=PHOTO.format(n=n), photo=f"pothole{n}.jpg", report=True)
        else:
            self.fallbacks += kind != "chat"
            kind = "chat"
            await self._send(group, rider, f"{self.rng.choice(CHATTER)} {n}")
        self.kinds[kind] += 1

    async def _secretary_acts(self) -> bool:
        if self.accepted and (not self.new or self.rng.random() < 0.5):
            case_id, chat_id = self.accepted.pop(self.rng.randrange(len(self.accepted)))
            chat, user = self._secretary(chat_id)
            await self._send(chat, user, f"/resolve C-{case_id} 已修复，感谢反映")
            self.resolved.append((case_id, chat_id, self.reporter[case_id]))
            return True
        if self.new:
            case_id, chat_id = self.new.pop(self.rng.randrange(len(self.new)))
            chat, user = self._secretary(chat_id)
            await self._send(chat, user, f"/accept C-{case_id}")
            self.accepted.append((case_id, chat_id))
            return True
        return False

    async def _press(self) -> bool:
        """The reporter's ✅ on the resolution message in the group (once the bot sent it)."""
        for i, (case_id, chat_id, reporter) in enumerate(self.resolved):
            data = f"cf:{case_id}:y"
            for m in reversed(await self.tg.messages(chat_id)):
                rows = (m.get("reply_markup") or {}).get("inline_keyboard") or []
                if any(b.get("callback_data") == data for row in rows for b in row):
                    del self.resolved[i]
                    await self.tg.press(chat_id, m["message_id"], {"id": reporter, "first_name": "骑手"}, data)
                    self.update_ids.append(-1)  # a press's update id is not returned: counted, not checked
                    return True
            if i >= 5:
                break
        return False

    async def broadcast(self) -> None:
        """A secretary pushes a notice to their branch's groups: the command, then ✅ on its preview."""
        chat, user = self._secretary(self.groups[0])
        before = len(await self.tg.messages(chat["id"]))
        await self._send(chat, user, "/broadcast all now 今晚8点起建国路封路施工，请绕行，注意安全")
        deadline = time.monotonic() + self.args.seconds + self.args.drain
        while time.monotonic() < deadline:
            for m in (await self.tg.messages(chat["id"]))[before:]:
                for row in (m.get("reply_markup") or {}).get("inline_keyboard") or []:
                    for b in row:
                        if b.get("callback_data", "").startswith("bc:go:"):
                            await self.tg.press(chat["id"], m["message_id"], user, b["callback_data"])
                            self.kinds["broadcast"] += 1
                            return
            await asyncio.sleep(0.5)
        print("broadcast: no preview with ✅ arrived", file=sys.stderr)

    async def learn_cases(self, stop: asyncio.Event) -> None:
        """The secretaries' view of new cases (read from the database every second)."""
        while not stop.is_set():
            try:
                async with self.engine.connect() as conn:
                    rows = (await conn.execute(text(
                        "SELECT id, chat_id, reporter_id FROM cases WHERE id > :n AND status = 'new' "
                        "AND chat_id < 0 ORDER BY id"), {"n": self.seen_case})).all()
                for case_id, chat_id, reporter in rows:
                    self.seen_case = max(self.seen_case, case_id)
                    if chat_id in self.branch_of:
                        self.new.append((case_id, chat_id))
                        self.reporter[case_id] = reporter
            except Exception as e:  # the database busy: next second
                print(f"learn_cases: {e!r}", file=sys.stderr)
            await asyncio.sleep(1.0)

    async def run(self, seconds: float, rate: float, producers: int) -> tuple[int, float]:
        """`rate` events a second for `seconds`, from `producers` concurrent riders' phones."""
        counter = itertools.count()
        t0 = time.monotonic()
        late = [0.0]

        async def producer() -> None:
            while True:
                n = next(counter)
                due = t0 + n / rate
                if due >= t0 + seconds:
                    return
                wait = due - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                else:
                    late[0] = max(late[0], -wait)
                try:
                    await self.one(n)
                except Exception as e:
                    print(f"event {n}: {e!r}", file=sys.stderr)

        await asyncio.gather(*(producer() for _ in range(producers)))
        return len(self.update_ids), late[0]


# --- what happened --------------------------------------------------------------------------------
async def _settled(db_url: str, ids: list[int], lessons: int = 0) -> tuple[int, int]:
    """(updates never committed, outbox rows still pending — or 1 while fewer than `lessons`
    lessons were pushed: their slots may still be ahead)."""
    engine = create_engine(db_url)
    try:
        async with engine.connect() as conn:
            wanted = [i for i in ids if i > 0]
            done: set[int] = set()
            for i in range(0, len(wanted), 5_000):
                chunk = wanted[i:i + 5_000]
                done |= {r[0] for r in (await conn.execute(text(
                    "SELECT update_id FROM processed_update WHERE update_id BETWEEN :a AND :b"),
                    {"a": min(chunk), "b": max(chunk)})).all()}
            pending = (await conn.execute(text("SELECT count(*) FROM outbox WHERE status = 'pending'"))).scalar_one()
            pushed = (await conn.execute(text("SELECT count(*) FROM lesson_delivery"))).scalar_one()
        return len(set(wanted) - done), int(pending) or int(pushed < lessons)
    finally:
        await engine.dispose()


def _epoch(value: Any) -> float:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return float(value.timestamp())


async def measure(db_url: str, load: Load, tg: EmulatorClient) -> dict[str, Any]:
    engine = create_engine(db_url)
    async with engine.connect() as conn:
        rows = (await conn.execute(text(
            "SELECT chat_id, reply_to_message_id, created_at, sent_at, status FROM outbox "
            "WHERE reply_to_message_id IS NOT NULL ORDER BY id"))).all()
        cases = (await conn.execute(text(
            "SELECT chat_id, message_id, count(*) FROM cases GROUP BY chat_id, message_id HAVING count(*) > 1"))).all()
        lessons = (await conn.execute(text("SELECT count(*) FROM lesson_delivery"))).scalar_one()
        broadcast = (await conn.execute(text(
            "SELECT count(*), count(sent_at) FROM outbox WHERE dedupe_key LIKE 'bc:%'"))).one()
    await engine.dispose()
    first: dict[tuple[int, int], tuple[float, float | None, str]] = {}
    for chat_id, reply_to, created, sent, status in rows:
        key = (chat_id, reply_to)
        if key in load.reports and key not in first:
            first[key] = (_epoch(created), _epoch(sent) if sent is not None else None, status)
    queued = [(first[k][0] - t) * 1000 for k, t in load.reports.items() if k in first]
    sent = [(s - c) * 1000 for c, s, _st in first.values() if s is not None]
    answered = [(s - t) * 1000 for k, t in load.reports.items() if k in first and (s := first[k][1]) is not None]
    unanswered = [k for k in load.reports if k not in first or first[k][1] is None]
    doubled: list[str] = []  # the same reply delivered twice to one report: when each copy arrived
    for chat_id in {c for c, _m in load.reports}:
        copies: dict[tuple[Any, Any], list[int]] = {}
        for m in await tg.messages(chat_id):
            if m.get("reply_to_message_id") is not None:
                copies.setdefault((m["reply_to_message_id"], m.get("text") or m.get("caption")), []).append(m["date"])
        doubled += [f"chat {chat_id}, reply to {reply_to}: delivered at {', '.join(map(str, dates))} "
                    f"({(text or '')[:30]!r})" for (reply_to, text), dates in copies.items() if len(dates) > 1]
    return {"queued": queued, "sent": sent, "answered": answered, "unanswered": len(unanswered),
            "doubled_cases": len(cases), "doubled": doubled, "lessons": int(lessons), "broadcast": tuple(broadcast)}


async def main(args: argparse.Namespace) -> int:
    args.timezone = args.timezone or _off_peak_zone()
    if args.workers > 1 and not args.database_url:
        sys.exit("more than one worker needs PostgreSQL (--database-url)")
    limits = [] if args.emulator_limits else ["--no-limits"]
    tmp = tempfile.mkdtemp(prefix="bench_city_")
    db_url, dbname = await _fresh_database(args.database_url, tmp)
    load_avg = os.getloadavg()
    t_mig = time.perf_counter()
    await asyncio.to_thread(upgrade, db_url)
    print(f"migrated in {time.perf_counter() - t_mig:.1f} s; loadavg before {load_avg[0]:.1f} "
          f"(1 min) on {os.cpu_count()} cores")
    seeded = await seed(db_url, args)
    print(f"seeded {args.branches} branches, {args.groups} groups, {args.riders} riders, {seeded['lessons']} "
          f"lesson slots in {seeded['seconds']:.1f} s")
    procs: list[asyncio.subprocess.Process] = []
    proxy: RoundRobin | None = None
    try:
        async with emulator_process(*limits) as api, EmulatorClient(api, token=DEFAULT_TOKEN) as tg:
            t_reg = time.perf_counter()
            sem = asyncio.Semaphore(32)

            async def register(chat: dict[str, Any]) -> None:
                async with sem, tg.http.post(f"{tg.base_url}/_emu/chat", json={"chat": chat, "token": DEFAULT_TOKEN}) as r:
                    r.raise_for_status()
            await asyncio.gather(*(register(Load._group(g)) for g in seeded["groups"]),
                                 *(register({"id": SECRETARY_BASE + b, "type": "private", "first_name": f"书记{b}"})
                                   for b in range(1, args.branches + 1)))
            print(f"registered the chats with the emulator in {time.perf_counter() - t_reg:.1f} s")
            redis = {}
            if args.redis_url:
                redis = {"SENTINEL_REDIS_URL": args.redis_url, "SENTINEL_REDIS_PREFIX": f"bench-{uuid.uuid4().hex[:8]}"}
            ports = [_free_port() for _ in range(args.workers)]
            metrics_ports = [_free_port() for _ in range(args.workers)]
            hook = f"http://127.0.0.1:{ports[0]}/webhook"
            if args.workers > 1:
                proxy_port = _free_port()
                proxy = RoundRobin(ports)
                await proxy.start(proxy_port)
                hook = f"http://127.0.0.1:{proxy_port}/webhook"
            for i, port in enumerate(ports):  # one after the other: two first starts on a fresh database race
                procs.append(await _worker(args, api, db_url, tmp, f"w{i}", port, hook, redis,  # (apscheduler's table)
                                           metrics_ports[i]))
                await _wait_for(lambda port=port: _listening(port), 300, "a worker did not start")

            async def hooked() -> bool:
                async with tg.http.get(f"{api}/bot{DEFAULT_TOKEN}/getWebhookInfo") as r:
                    return bool((await r.json())["result"]["url"])
            await _wait_for(hooked, 120, "the webhook was not set")
            print(f"{args.workers} worker(s) up ({args.runtime}){' with Redis' if redis else ''}; offering {args.rate:.0f} updates/s "
                  f"for {args.seconds:.0f} s")

            load = Load(args, tg, seeded, db_url)
            stop = asyncio.Event()
            cpu0 = {p.pid: _proc_cpu_rss(p.pid)[0] for p in procs}
            peak: Counter[int] = Counter()
            last_cpu: dict[int, float] = dict(cpu0)

            async def sample() -> None:
                while not stop.is_set():
                    for p in procs:
                        cpu, rss = _proc_cpu_rss(p.pid)
                        if rss:
                            peak[p.pid] = max(peak[p.pid], int(rss))
                            last_cpu[p.pid] = cpu
                    await asyncio.sleep(0.5)

            async def kill() -> None:
                await asyncio.sleep(args.kill_at)
                procs[0].send_signal(signal.SIGKILL)
                print(f"worker 0 (pid {procs[0].pid}) killed with SIGKILL at {args.kill_at:.0f} s")

            async def broadcast() -> None:
                await asyncio.sleep(min(10.0, args.seconds / 3))
                await load.broadcast()

            tasks = [asyncio.create_task(sample()), asyncio.create_task(load.learn_cases(stop)),
                     asyncio.create_task(broadcast())]
            if args.kill_at is not None and args.workers > 1:
                tasks.append(asyncio.create_task(kill()))
            t0 = time.monotonic()
            updates, late = await load.run(args.seconds, args.rate, args.producers)
            offered_s = time.monotonic() - t0
            drain_end = time.monotonic() + args.drain
            while time.monotonic() < drain_end:  # every update committed, the outbox empty, the lessons out
                lost_updates, pending = await _settled(db_url, load.update_ids, seeded["lessons"])
                if lost_updates == 0 and pending == 0:
                    break
                await asyncio.sleep(1.0)
            busy_s = time.monotonic() - t0
            stop.set()
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            lost_updates, pending = await _settled(db_url, load.update_ids)
            caught_up = lost_updates == 0 and pending == 0
            stats = await tg.stats()
            unsure: Counter[str] = Counter()
            unrecorded: dict[int, str] = {}
            for i, (p, mport) in enumerate(zip(procs, metrics_ports)):
                if p.returncode is None:
                    samples = await _metrics(tg.http, mport)
                    unsure += _unsure(samples)
                    unrecorded[i] = _unrecorded(samples)
            figures = await measure(db_url, load, tg)
            load_after = os.getloadavg()
            cpu = {pid: last_cpu[pid] - cpu0[pid] for pid in cpu0}
            await load.engine.dispose()
    finally:
        for p in procs:
            if p.returncode is None:
                p.send_signal(signal.SIGTERM)
        for p in procs:
            try:
                await asyncio.wait_for(p.wait(), 30)
            except asyncio.TimeoutError:
                p.kill()
        if proxy is not None:
            await proxy.stop()
        if dbname and not args.keep_db:
            await _drop_database(args.database_url, dbname)
    kinds = ", ".join(f"{k} {v}" for k, v in sorted(load.kinds.items()))
    print(f"offered: {updates} updates in {offered_s:.1f} s = {updates / offered_s:.0f}/s (asked {args.rate:.0f}/s; "
          f"the latest event started {late * 1000:.0f} ms behind its time); mix: {kinds}; "
          f"{load.fallbacks} secretary/press events had nothing to act on yet and were chit-chat")
    print(f"reports: {len(load.reports)}; update → reply queued: {_pcts(figures['queued'])}")
    print(f"reply queued → sent: {_pcts(figures['sent'])}")
    print(f"update → reply sent (what the rider waits): {_pcts(figures['answered'])}")
    if not caught_up:
        print(f"NOT CAUGHT UP within the {args.drain:.0f} s drain: the bot could not keep up with the offered rate; "
              "'lost' below is its backlog (not committed yet), not a loss")
    print(f"429s: {stats['errors'].get('429', 0)}; lost: {lost_updates} updates never committed, "
          f"{figures['unanswered']} reports without a reply sent; doubled: {figures['doubled_cases']} cases "
          f"opened twice, {len(figures['doubled'])} replies delivered twice; outbox still pending: {pending}")
    for line in figures["doubled"][:5]:
        print(f"  delivered twice: {line}")
    if unsure:
        print(f"intake: {sum(unsure.values())} messages the lexical stage was unsure of; decided by the semantic "
              f"stage {unsure['semantic']}, by the lexical stage alone (the encoder too far behind) {unsure['lexical']}"
              f"{' (live workers only)' if args.kill_at is not None and args.workers > 1 else ''}")
    print(f"lessons pushed: {figures['lessons']} of {seeded['lessons']} planned; broadcast: "
          f"{figures['broadcast'][1]} of {figures['broadcast'][0]} sent")
    for i, p in enumerate(procs):
        print(f"worker {i}: CPU {cpu[p.pid]:.1f} s = {cpu[p.pid] / busy_s:.0%} of one core over {busy_s:.0f} s, "
              f"peak RSS {peak[p.pid]} MB{' (killed)' if i == 0 and args.kill_at is not None and args.workers > 1 else ''}")
    for i, window in unrecorded.items():
        print(f"worker {i}: send → its 'sent' committed (what a kill would double): {window}")
    print(f"machine loadavg (1 min) before {load_avg[0]:.1f}, after {load_after[0]:.1f}, {os.cpu_count()} cores")
    ok = (caught_up and stats["errors"].get("429", 0) == 0 and lost_updates == 0 and figures["unanswered"] == 0
          and figures["doubled_cases"] == 0 and not figures["doubled"])
    if args.json:
        Path(args.json).write_text(json.dumps({
            "args": vars(args), "updates": updates, "offered_per_s": updates / offered_s, "reports": len(load.reports),
            "queued_ms": {q: _percentile(figures["queued"], q) for q in (.5, .95, .99)},
            "sent_ms": {q: _percentile(figures["sent"], q) for q in (.5, .95, .99)},
            "answered_ms": {q: _percentile(figures["answered"], q) for q in (.5, .95, .99)},
            "429": stats["errors"].get("429", 0), "lost_updates": lost_updates, "unanswered": figures["unanswered"],
            "doubled_cases": figures["doubled_cases"], "doubled_sends": len(figures["doubled"]),
            "caught_up": caught_up, "unsure": dict(unsure), "unrecorded": unrecorded, "cpu_s": list(cpu.values()), "peak_rss_mb": [peak[p.pid] for p in procs], "ok": ok}, indent=1))
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--groups", type=int, default=5_000)
    parser.add_argument("--riders", type=int, default=100_000)
    parser.add_argument("--branches", type=int, default=50, help="one secretary each; groups shared out evenly")
    parser.add_argument("--lesson-groups", type=int, default=500, help="groups with a lesson slot during the run")
    parser.add_argument("--rate", type=float, default=200.0, help="events offered per second (a report naming "
                        "no place is followed by its answer: two updates)")
    parser.add_argument("--seconds", type=float, default=300.0)
    parser.add_argument("--drain", type=float, default=120.0, help="seconds at most to finish after the load")
    parser.add_argument("--producers", type=int, default=24, help="events in flight at once")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--runtime", choices=("aiogram", "ptb"), default="aiogram",
                        help="the workers' Telegram library (SENTINEL_RUNTIME); ptb is the lean one")
    parser.add_argument("--redis-url", default="", help="shared rate limit and chat locks (needed for 2+ workers)")
    parser.add_argument("--kill-at", type=float, default=None, help="SIGKILL worker 0 this many seconds in")
    parser.add_argument("--lease", type=float, default=10.0, help="outbox claim lease (a killed worker's rows wait this)")
    parser.add_argument("--database-url", default="", help="a PostgreSQL server (a fresh database is made); "
                        "default: a SQLite file")
    parser.add_argument("--keep-db", action="store_true")
    parser.add_argument("--no-emulator-limits", dest="emulator_limits", action="store_false")
    parser.add_argument("--timezone", default="", help="the bot's timezone; default: one where it is now "
                        "14:xx, off-peak, so the planned lessons go out during the run")
    parser.add_argument("--json", default="", help="also write the figures to this file")
    parser.add_argument("--seed", type=int, default=18)
    sys.exit(asyncio.run(main(parser.parse_args())))
