"""Benchmark the micro-lesson pipeline: planning, and delivery within Telegram's limits.

Planning (``--plan-only``): plan a week for 5,000 groups across 50 branches (3 days
each, a mix of time zones and custom shift profiles), time it, and verify every
planner property from scratch. Fails if planning takes longer than the budget or
any property fails.

Delivery (``--deliver-only``; both parts run by default): the emulator in its own
process with Telegram's limits ON (30 msg/s overall, 20/min per group, 1/s per
private chat); this process runs the bot's core on a temporary SQLite database:
1,000 lesson pushes to 250 groups (4 slots each, so the per-group limit is not the
bottleneck) are queued by the real push pass (LessonService.push, outbox rows with
their dedupe keys), then the real outbox Sender with the TelegramTransport (aiogram
over HTTP) delivers them, paced at SenderSettings.global_per_sec (default 30, the
emulator's limit). Reports the achieved rate as % of the emulator's global limit
(target >= 95 %), the busiest one-second window the emulator saw, and the 429s it
answered (target 0). Fails if a target is missed.

    .venv/bin/python scripts/bench_lessons.py [--plan-only | --deliver-only] [--messages 1000 --groups 250]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import random
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.app import Core
from bot.config import SenderSettings, load_settings
from emulator import DEFAULT_TOKEN
from emulator.client import EmulatorClient
from emulator.process import emulator_process
from handlers.telegram_aiogram.runtime import make_bot
from handlers.telegram_aiogram.transport import TelegramTransport
from storage.models import Branch, Chat
from storage.models.lessons import LessonSchedule

from bot.lessons.library import default_folder, load_library
from bot.lessons.planner import (
    DEFAULT_PER_MINUTE_CAP,
    DEFAULT_PROFILE,
    GroupPlan,
    LessonPlanError,
    parse_profile,
    parse_weekdays,
    plan_week,
    verify_plan,
)

WEEKDAY_PATTERNS = [parse_weekdays(s) for s in ("mon,wed,fri", "二四六", "周一,周三,周日", "tue,thu,sat")]
PROFILES = [
    DEFAULT_PROFILE,
    parse_profile("早会 08:30"),
    parse_profile("peak 11:00-13:00 17:00-20:30; offpeak 14:00-16:30 21:00-22:30; meeting 08:00"),
    # deliberately overlaps peak and quiet hours: the planner must clip it
    parse_profile("offpeak 12:00-15:00 20:00-23:59"),
]
TIMEZONES = ["Asia/Shanghai", "Asia/Shanghai", "Asia/Shanghai", "Asia/Urumqi", "Asia/Hong_Kong"]


def make_groups(n_groups: int, n_branches: int, rng: random.Random, lesson_count: int) -> list[GroupPlan]:
    return [
        GroupPlan(
            group_id=-1_000_000_000_000 - i,  # Telegram supergroup-style ids
            branch_id=i % n_branches,
            weekdays=rng.choice(WEEKDAY_PATTERNS),
            tz=rng.choice(TIMEZONES),
            profile=rng.choice(PROFILES),
            next_lesson=rng.randrange(lesson_count) if lesson_count else None,
        )
        for i in range(n_groups)
    ]


def bench_plan(args: argparse.Namespace) -> bool:
    lesson_count = len(load_library(default_folder()))
    groups = make_groups(args.groups, args.branches, random.Random(args.seed), lesson_count)
    week_start = date.fromisoformat(args.week_start)
    t0 = time.perf_counter()
    try:
        slots = plan_week(groups, week_start, seed=args.seed, per_minute_cap=args.cap, lesson_count=lesson_count)
    except LessonPlanError as exc:
        print(f"plan: FAIL ({type(exc).__name__}: {exc})")
        return False
    elapsed = time.perf_counter() - t0
    problems = verify_plan(groups, slots, week_start=week_start, per_minute_cap=args.cap)
    per_minute = Counter(s.send_at for s in slots)
    print(f"plan: {len(groups)} groups, {args.branches} branches, {len(slots)} slots, "
          f"{lesson_count} lessons, week of {week_start}")
    print(f"plan: elapsed {elapsed:.3f} s (budget {args.budget:.1f} s)")
    print(f"plan: busiest minute {max(per_minute.values())} sends (cap {args.cap}), "
          f"{len(per_minute)} distinct minutes used")
    for p in problems[:20]:
        print("  VIOLATION", p)
    ok = not problems and elapsed <= args.budget
    print(f"plan: {'OK' if ok else 'FAIL'} ({len(problems)} property violations)")
    return ok


MONDAY_LULL = datetime(2025, 3, 3, 14, 30, tzinfo=ZoneInfo("Asia/Shanghai"))  # a Monday, off-peak
GROUP_BASE = -1_000_200_000_000


async def _seed(core: Core, tg: EmulatorClient, groups: int) -> list[int]:
    """One branch, `groups` groups under it with a Monday lesson slot, known to the emulator too."""
    ids = [GROUP_BASE - i for i in range(groups)]
    async with core.uow() as uow:
        branch = uow.branches.add(Branch(code="bench", name="Bench"))
        await uow.session.flush()
        for i, chat_id in enumerate(ids):
            uow.session.add(Chat(id=chat_id, type="supergroup", title=f"bench {i}", branch_id=branch.id))
            uow.session.add(LessonSchedule(chat_id=chat_id, weekdays="0", slots={"0": 14 * 60 + 30}))
        await uow.commit()
    for i, chat_id in enumerate(ids):
        async with tg.http.post(f"{tg.base_url}/_emu/chat", json={
                "token": DEFAULT_TOKEN, "chat": {"id": chat_id, "type": "supergroup", "title": f"bench {i}"}}) as r:
            r.raise_for_status()
    return ids


async def _queue(core: Core, ids: list[int], rounds: int) -> int:
    """`rounds` weekly Monday slots for every group, through the push pass (one commit per slot)."""
    assert core.lessons is not None
    queued = 0
    for week in range(rounds):
        core.lessons.clock = lambda week=week: (MONDAY_LULL + timedelta(weeks=week)).astimezone(UTC)
        async with core.uow() as uow:
            for chat_id in ids:
                queued += await core.lessons.push(uow, chat_id, 0)
            await uow.commit()
    return queued


async def _received(tg: EmulatorClient, ids: list[int]) -> list[float]:
    """When the emulator stored each bot message (epoch seconds), over all the groups."""
    stamps: list[float] = []
    for chat_id in ids:
        stamps += [m["received_at"] for m in await tg.messages(chat_id)]
    return sorted(stamps)


def _busiest_second(stamps: list[float]) -> int:
    best, j = 0, 0
    for i, t in enumerate(stamps):
        while stamps[j] <= t - 1.0:
            j += 1
        best = max(best, i - j + 1)
    return best


async def _deliver(args: argparse.Namespace) -> bool:
    limits = ("--global-per-sec", str(args.global_per_sec), "--group-per-min", str(args.group_per_min),
              "--private-per-sec", str(args.private_per_sec))
    async with emulator_process(*limits) as url, EmulatorClient(url, token=DEFAULT_TOKEN) as tg:
        with tempfile.TemporaryDirectory() as tmp:
            sender_cfg = SenderSettings(global_per_sec=args.sender_global, group_per_min=args.sender_group,
                                        private_per_sec=args.private_per_sec)
            settings = load_settings(_env_file=None, bot_token=DEFAULT_TOKEN, api_base=url,
                                     database_url=f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}", sender=sender_cfg)
            core = await Core.open(settings)  # migrations and the intake model: not timed
            bot = make_bot(settings)
            try:
                ids = await _seed(core, tg, args.groups)
                t0 = time.perf_counter()
                queued = await _queue(core, ids, max(1, args.messages // args.groups))
                queue_s = time.perf_counter() - t0
                sender = core.attach(TelegramTransport(bot))
                task = asyncio.create_task(sender.run())
                deadline = time.perf_counter() + args.timeout
                while (await tg.stats())["sent"] < queued and time.perf_counter() < deadline:
                    await asyncio.sleep(0.05)
                sender.stop()
                await task
                stats = await tg.stats()
                stamps = await _received(tg, ids)
            finally:
                await bot.session.close()
                await core.close()
    delivered = len(stamps)
    seconds = max(1e-9, stamps[-1] - stamps[0]) if stamps else float("inf")
    rate = (delivered - 1) / seconds if delivered > 1 else 0.0  # n messages span n-1 intervals
    pct = 100 * rate / args.global_per_sec
    errors = stats["errors"].get("429", 0)
    print(f"deliver: {queued} lessons queued to {args.groups} groups by the push pass in {queue_s:.2f} s")
    print(f"deliver: emulator limits {args.global_per_sec}/s overall, {args.group_per_min}/min per group; "
          f"sender paced at {args.sender_global}/s, {args.sender_group}/min per group")
    print(f"deliver: {delivered}/{queued} delivered in {seconds:.2f} s = {rate:.1f} msg/s = "
          f"{pct:.1f} % of the {args.global_per_sec}/s limit (target >= {args.min_pct:.0f} %)")
    print(f"deliver: busiest second {_busiest_second(stamps)} messages; 429s answered {errors} (target 0); "
          f"sendMessage calls {stats['calls'].get('sendMessage', 0)}")
    ok = delivered >= queued and errors == 0 and pct >= args.min_pct
    print(f"deliver: {'OK' if ok else 'FAIL'}")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--plan-only", action="store_true", help="run only the planning benchmark")
    which.add_argument("--deliver-only", action="store_true", help="run only the delivery benchmark")
    parser.add_argument("--groups", type=int, default=None,
                        help="planning: 5000 groups; delivery: 250 groups")
    parser.add_argument("--branches", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cap", type=int, default=DEFAULT_PER_MINUTE_CAP, help="global sends per minute")
    parser.add_argument("--budget", type=float, default=2.0, help="max seconds for plan_week")
    parser.add_argument("--week-start", default="2025-03-03", help="ISO date of the week's first day")
    parser.add_argument("--messages", type=int, default=1000, help="delivery: lessons to deliver")
    parser.add_argument("--global-per-sec", type=int, default=30, help="delivery: the emulator's global limit")
    parser.add_argument("--group-per-min", type=int, default=20, help="delivery: the emulator's per-group limit")
    parser.add_argument("--private-per-sec", type=int, default=1)
    parser.add_argument("--sender-global", type=float, default=30.0,
                        help="delivery: SenderSettings.global_per_sec (default: the emulator's limit)")
    parser.add_argument("--sender-group", type=int, default=19, help="delivery: SenderSettings.group_per_min")
    parser.add_argument("--min-pct", type=float, default=95.0)
    parser.add_argument("--timeout", type=float, default=300.0)
    args = parser.parse_args(argv)
    ok = True
    if not args.deliver_only:
        ok = bench_plan(argparse.Namespace(**{**vars(args), "groups": args.groups or 5000})) and ok
    if not args.plan_only:
        logging.basicConfig(level=logging.WARNING)
        ok = asyncio.run(_deliver(argparse.Namespace(**{**vars(args), "groups": args.groups or 250}))) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
