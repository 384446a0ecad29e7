"""The overview's figures from SQL (index walks for the medians) equal the same figures computed in
Python from the seeded rows, on SQLite and PostgreSQL, for every scope and a filter.

The reference is what the overview promises: counts by status and clock, and medians as
statistics.median gives them (the mean of the two middle values for an even count) of the seconds
from report to first acceptance and to resolution. Seeded: 2 branches, 3 departments (one group
without a department), 5 categories, odd and even group sizes, durations from minutes to days.
"""
from __future__ import annotations

import math
import random
import statistics
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import insert

from storage.models import Branch, Case
from bot.services.dashboard import OPEN, SOLVED
from storage.repositories.dashboard import DashboardRepository, GroupFigures, Where, middle
from tests.service.conftest import Factory

NOW = datetime(2026, 11, 30, 8, 0, tzinfo=timezone.utc)
CATS = ("road", "lighting", "bike_lane", "parking", "signals")
DEPTS = ("roads", "urban_lighting", None)


def _rows(branches: list[int], n: int = 701) -> list[dict[str, Any]]:
    rnd = random.Random(19)
    out = []
    for i in range(n):
        created = NOW - timedelta(seconds=rnd.randrange(60 * 86400))
        accepted = rnd.random() < 0.6
        solved = accepted and rnd.random() < 0.55
        status = rnd.choice(SOLVED) if solved else rnd.choice(OPEN[1:]) if accepted else "new"
        out.append({
            "category": CATS[i % len(CATS) if i % 7 else 0], "urgency": "urgent" if i % 11 == 0 else "normal",
            "status": status, "text": f"case {i}", "reporter_id": 10 + i % 30, "chat_id": -1,
            "lang": "zh", "branch_id": branches[i % 2], "department": DEPTS[i % 3],
            "transfers": 0, "reopens": 0, "awaiting_location": False, "reminders": 0, "fix_reminders": 0,
            "due_at": created + timedelta(hours=72), "fix_due_at": created + timedelta(days=7),
            "responded_at": created + timedelta(seconds=rnd.randrange(60, 4 * 86400)) if accepted else None,
            "resolved_at": created + timedelta(seconds=rnd.randrange(3600, 12 * 86400)) if solved else None,
            "created_at": created, "updated_at": created, "source": "chat",
        })
    return out


def _expected(rows: list[dict[str, Any]], keep: Callable[[dict[str, Any]], bool]) -> dict[str, list[GroupFigures]]:
    def median(values: list[float]) -> float | None:
        return statistics.median(values) if values else None

    out: dict[str, list[GroupFigures]] = {}
    for by, pick in (("", lambda r: ""), ("department", lambda r: r["department"] or ""),
                     ("category", lambda r: r["category"])):
        groups: dict[str, list[dict[str, Any]]] = {}
        for r in filter(keep, rows):
            groups.setdefault(pick(r), []).append(r)
        figures = []
        for key, rs in groups.items():
            late = [r for r in rs if r["status"] in OPEN and (
                (r["responded_at"] is None and r["due_at"] < NOW) or r["fix_due_at"] < NOW)]
            figures.append(GroupFigures(
                key, len(rs), sum(r["status"] in OPEN for r in rs), len(late), sum(r["status"] in SOLVED for r in rs),
                median([(r["responded_at"] - r["created_at"]).total_seconds() for r in rs if r["responded_at"]]),
                median([(r["resolved_at"] - r["created_at"]).total_seconds() for r in rs if r["resolved_at"]])))
        out[by] = sorted(figures, key=lambda g: (-g.total, g.key))
    return out


def _same(got: dict[str, list[GroupFigures]], want: dict[str, list[GroupFigures]]) -> None:
    assert set(got) == set(want)
    for by in want:
        assert [g.key for g in got[by]] == [g.key for g in want[by]], by
        for g, w in zip(got[by], want[by], strict=True):
            assert (g.total, g.open, g.overdue, g.solved) == (w.total, w.open, w.overdue, w.solved), (by, g.key)
            for a, b in ((g.median_accept, w.median_accept), (g.median_fix, w.median_fix)):
                # SQLite's julianday arithmetic carries ~1e-5 s of float noise; the pages show 0.1 h
                assert a == pytest.approx(b, abs=1e-3) if b is not None else a is None, (by, g.key, a, b)


def test_middle_offsets() -> None:
    assert [middle(n) for n in (1, 2, 3, 4, 7, 8)] == [(0, 1), (0, 2), (1, 1), (1, 2), (3, 1), (3, 2)]
    for n in range(1, 30):
        values = [float(v * v) for v in range(n)]
        offset, limit = middle(n)
        assert statistics.median(values) == sum(values[offset:offset + limit]) / limit


async def test_figures_equal_the_python_reference_in_every_scope(uows: Factory) -> None:
    async with uows() as uow:
        a, b = Branch(code="cy", name="朝阳"), Branch(code="hd", name="海淀")
        uow.session.add_all([a, b])
        await uow.session.flush()
        branches = [a.id or 0, b.id or 0]
        await uow.commit()
    rows = _rows(branches)
    async with uows() as uow:
        await uow.session.execute(insert(Case.__table__), rows)  # type: ignore[attr-defined]
        await uow.commit()
    since = NOW - timedelta(days=20)
    cases: list[tuple[Where, Callable[[dict[str, Any]], bool]]] = [
        (Where(everything=True), lambda r: True),
        (Where(branch_id=branches[1]), lambda r: r["branch_id"] == branches[1]),
        (Where(departments=frozenset({"roads"})), lambda r: r["department"] == "roads"),
        (Where(everything=True, categories=("road", "lighting"), since=since),
         lambda r: r["category"] in ("road", "lighting") and r["created_at"] >= since),
        (Where(branch_id=branches[0], statuses=SOLVED), lambda r: r["branch_id"] == branches[0] and
         r["status"] in SOLVED),
    ]
    async with uows() as uow:
        repo = DashboardRepository(uow.session, uow.deferred)
        for where, keep in cases:
            _same(await repo.figures(where, NOW, OPEN, SOLVED), _expected(rows, keep))
        # a case changes (accepted later, then solved): the figures follow at once, with no cache
        rows[0]["responded_at"] = rows[0]["created_at"] + timedelta(hours=30)
        rows[0]["resolved_at"] = rows[0]["created_at"] + timedelta(hours=50)
        rows[0]["status"] = "resolved"
        case = await uow.session.get(Case, 1)
        assert case is not None
        case.responded_at, case.resolved_at, case.status = rows[0]["responded_at"], rows[0]["resolved_at"], "resolved"
        uow.session.add(case)
        await uow.session.flush()
        _same(await repo.figures(Where(everything=True), NOW, OPEN, SOLVED), _expected(rows, lambda r: True))


async def test_heat_cells_and_version(uows: Factory) -> None:
    """Heat buckets (one packed integer key per cell, decoded in Python) are the cells Python finds
    for the same points, either side of the equator and of Greenwich; the version moves when a
    case changes."""
    rnd = random.Random(5)
    points = [(rnd.uniform(-60, 60), rnd.uniform(-179, 179)) for _ in range(300)] + [(39.9, 116.4)] * 5
    async with uows() as uow:
        branch = Branch(code="cy", name="朝阳")
        uow.session.add(branch)
        await uow.session.flush()
        for i, (lat, lon) in enumerate(points):
            uow.session.add(Case(category="road", urgency="normal", text=str(i), reporter_id=1, chat_id=-1,
                                 branch_id=branch.id, lat=lat, lon=lon))
        await uow.commit()
    for cell in (360.0 / 2 ** 3 / 32, 360.0 / 2 ** 18 / 32):
        want: dict[tuple[int, int], int] = {}
        for lat, lon in points:
            k = (math.floor(lat / cell), math.floor(lon / cell))
            want[k] = want.get(k, 0) + 1
        async with uows() as uow:
            repo = DashboardRepository(uow.session, uow.deferred)
            buckets, located = await repo.heat(Where(everything=True), cell, None, 10_000)
            before = await repo.version()
        assert located == len(points)
        got = {(math.floor(b.lat / cell), math.floor(b.lon / cell)): b.count for b in buckets}
        assert got == want
        assert buckets[0].count == 5 and buckets[0].lat == pytest.approx((math.floor(39.9 / cell) + 0.5) * cell)
    async with uows() as uow:
        case = await uow.session.get(Case, 3)
        assert case is not None
        case.status = "accepted"
        case.updated_at = NOW + timedelta(days=400)
        uow.session.add(case)
        await uow.commit()
    async with uows() as uow:
        assert await DashboardRepository(uow.session, uow.deferred).version() != before
