"""Benchmark the micro-lesson pipeline.

Planning part (the only one for now, and the default ``--plan-only``): plan a
week for 5,000 groups across 50 branches (3 days each, a mix of time zones and
custom shift profiles), time it, and verify every planner property from
scratch. Exits non-zero if planning takes longer than the budget or any
property fails.

    .venv/bin/python scripts/bench_lessons.py [--groups 5000 --branches 50 --seed 7]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.lessons.library import default_folder, load_library  # noqa: E402
from bot.lessons.planner import (  # noqa: E402
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plan-only", action=argparse.BooleanOptionalAction, default=True,
                        help="run only the planning benchmark (default; the delivery part is not built yet)")
    parser.add_argument("--groups", type=int, default=5000)
    parser.add_argument("--branches", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cap", type=int, default=DEFAULT_PER_MINUTE_CAP, help="global sends per minute")
    parser.add_argument("--budget", type=float, default=2.0, help="max seconds for plan_week")
    parser.add_argument("--week-start", default="2025-03-03", help="ISO date of the week's first day")
    args = parser.parse_args(argv)
    if not args.plan_only:
        parser.error("only the planning benchmark exists so far; run with --plan-only (the default)")
    return 0 if bench_plan(args) else 1


if __name__ == "__main__":
    sys.exit(main())
