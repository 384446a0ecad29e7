"""The dashboard's reads: counts, medians, trends, heat-map buckets and the case table, all
aggregated in SQL so a page costs the same with 100 cases or 100,000 (scripts/bench_web.py).

Every query takes a `Where`: the viewer's scope (as CaseRepository.listing reads it) plus the
page's filters. Durations are seconds; SQLite keeps times as text, PostgreSQL as timestamptz, so
the few dialect-specific expressions (seconds between two times, a local calendar day) are made
here and nowhere else.
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Float, Integer, and_, case, cast, false, func, literal_column, or_, select
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col

from storage.models import Case, CaseEvent
from storage.repositories.base import Repository



@dataclass(frozen=True, slots=True)
class Where:
    """Which cases a query sees: a scope (everything, a branch, departments everywhere, (department,
    branch) pairs, the viewer's own reports) and optional filters; `since`/`until` are UTC bounds
    on the report time."""

    everything: bool = False
    branch_id: int | None = None
    departments: frozenset[str] = frozenset()
    branch_departments: frozenset[tuple[str, int]] = frozenset()
    reporter_id: int | None = None
    categories: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    urgencies: tuple[str, ...] = ()
    department: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    extra: tuple[Any, ...] = field(default=())

    def clauses(self) -> list[ColumnElement[bool]]:
        c = Case.__table__.c  # type: ignore[attr-defined]
        out: list[ColumnElement[bool]] = []
        if not self.everything:
            scope: list[ColumnElement[bool]] = []
            if self.branch_id is not None:
                scope.append(c.branch_id == self.branch_id)
            if self.departments:
                scope += [c.department.in_(self.departments), c.pending_department.in_(self.departments)]
            for dept, branch in self.branch_departments:
                scope += [and_(c.department == dept, c.branch_id == branch),
                          and_(c.pending_department == dept, c.branch_id == branch)]
            if self.reporter_id is not None:
                scope.append(c.reporter_id == self.reporter_id)
            out.append(or_(*scope) if scope else false())
        if self.categories:
            out.append(c.category.in_(self.categories))
        if self.statuses:
            out.append(c.status.in_(self.statuses))
        if self.urgencies:
            out.append(c.urgency.in_(self.urgencies))
        if self.department:
            out.append(c.department == self.department)
        if self.since is not None:
            out.append(c.created_at >= self.since)
        if self.until is not None:
            out.append(c.created_at < self.until)
        return out + list(self.extra)


@dataclass(frozen=True, slots=True)
class GroupFigures:
    """One row of the overview (a department, a category, or all): counts and medians (seconds)."""

    key: str
    total: int
    open: int
    overdue: int
    solved: int
    median_accept: float | None
    median_fix: float | None


@dataclass(frozen=True, slots=True)
class Bucket:
    """A heat-map cell: its centre (degrees) and how many cases fell in it."""

    lat: float
    lon: float
    count: int


FLOOR_SHIFT = 100_000_000  # > |degrees / smallest heat cell|: keeps CAST's operand positive
CELL_ROW = 2 ** 24  # > 2 × |longitude / smallest heat cell| (180 / (360 / 2^18 / 32) = 2^22): a cell's key stride
# Seconds from report to first acceptance / to resolution: generated columns (migration
# 0019_dashboard_rollup), not mapped by the ORM (nothing writes them), each with three indexes.
ACCEPT_SECS: ColumnElement[float] = literal_column("cases.accept_secs", Float)
FIX_SECS: ColumnElement[float] = literal_column("cases.fix_secs", Float)
# (overall, per department, per category) index for each duration: SQLite is told which (INDEXED BY),
# so a scope on branch or a date filter cannot tempt it into a branch index and a sort.
MEDIAN_INDEXES = {"accept": ("ix_cases_accept", "ix_cases_accept_dept", "ix_cases_accept_cat"),
                  "fix": ("ix_cases_fix", "ix_cases_fix_dept", "ix_cases_fix_cat")}


def middle(n: int) -> tuple[int, int]:
    """(offset, limit) of the one or two middle values of `n` sorted values (n ≥ 1): their mean
    is statistics.median's median (PostgreSQL's percentile_cont(0.5))."""
    return (n - 1) // 2, 1 if n % 2 else 2


class DashboardRepository(Repository):
    async def _run(self, stmt: Any) -> Any:
        """A Core statement (rows of columns, not models): SQLModel's exec runs it as execute would."""
        return await self.session.exec(stmt)

    @property
    def _pg(self) -> bool:
        bind = self.session.bind
        return bind is not None and bind.dialect.name == "postgresql"

    def _floor(self, value: Any) -> ColumnElement[int]:
        """floor(value) as an integer. SQLite's CAST truncates and is ~40% faster than its floor()
        (bench_web.py), so non-negative values are shifted by FLOOR_SHIFT first; PostgreSQL's
        CAST rounds, so it keeps floor()."""
        if self._pg:
            return cast(func.floor(value), BigInteger)
        return cast(value + FLOOR_SHIFT, Integer) - FLOOR_SHIFT

    def _day(self, when: Any, offset_minutes: int) -> ColumnElement[Any]:
        """The local calendar day of `when` (a fixed UTC offset: the configured zone's today)."""
        if self._pg:
            return func.to_char(when + func.make_interval(0, 0, 0, 0, 0, offset_minutes), "YYYY-MM-DD")
        return func.date(when, f"{offset_minutes:+d} minutes")

    async def version(self) -> tuple[Any, ...]:
        """What changes whenever a case is added or changed: the newest id and the newest update
        time (both read from an index, O(log n)); cached figures keyed on it are never stale."""
        c = Case.__table__.c  # type: ignore[attr-defined]
        # Two scalar subqueries: SQLite reads a max from an index only when it is a query's one
        # aggregate (together, one query scanned ix_cases_updated: ~20 ms at 100,000 cases).
        row = (await self._run(select(select(func.max(c.id)).scalar_subquery(),
                                      select(func.max(c.updated_at)).scalar_subquery()))).one()
        return tuple(str(v) for v in row)

    async def figures(self, where: Where, now: datetime, open_statuses: Collection[str],
                      solved_statuses: Collection[str], medians: bool = True) -> dict[str, list[GroupFigures]]:
        """Counts and medians overall ('' → one row), per department and per category.

        Counts: one pass over ix_cases_dash grouped by (department, category, status), which also
        counts the cases with each duration; sums fold exactly. Medians are exact (statistics.median: the
        mean of the two middle values for an even count) and each is one index walk to the middle
        of the group's durations (`_middle`), so no query sorts the table however many cases change.
        `open_statuses` (owed an answer or a fix: counted open, and overdue past a deadline) and
        `solved_statuses` are the caller's (bot.cases.lifecycle). `medians=False` leaves the medians
        None (pages that show counts only)."""
        c = Case.__table__.c  # type: ignore[attr-defined]
        dept, cat = c.department, c.category  # raw columns: grouped in ix_cases_dash's order, no sort
        is_late = or_(and_(c.responded_at.is_(None), c.due_at < now), c.fix_due_at < now)  # overdue if open
        # Grouped by status too (ix_cases_dash's order: no sort) and with one plain CASE: open,
        # solved and overdue are folded from the statuses here, 2-3x cheaper than CASEs per status.
        counted = (await self._run(
            select(dept, cat, c.status, func.count(), func.count(case((is_late, 1))),
                   func.count(c.responded_at), func.count(c.resolved_at))
            .where(*where.clauses()).group_by(dept, cat, c.status))).all()
        out: dict[str, list[GroupFigures]] = {}
        for by, pick in (("", lambda d, k: ""), ("department", lambda d, k: d), ("category", lambda d, k: k)):
            sums: dict[str, list[int]] = {}
            for d, k, status, n, overdue, accepted, fixed in counted:
                row = sums.setdefault(str(pick(d or "", k)), [0] * 6)
                is_open, solved = status in open_statuses, status in solved_statuses
                for i, v in enumerate((n, n if is_open else 0, overdue if is_open else 0, n if solved else 0,
                                       accepted, fixed)):
                    row[i] += int(v or 0)
            groups = []
            for key, (n, o, late, done, accepted, fixed) in sums.items():
                acc = await self._middle(where, "accept", by, key, accepted if medians else 0)
                fx = await self._middle(where, "fix", by, key, fixed if medians else 0)
                groups.append(GroupFigures(key, n, o, late, done, acc, fx))
            out[by] = sorted(groups, key=lambda g: (-g.total, g.key))
        return out

    async def _middle(self, where: Where, which: str, by: str, key: str, count: int) -> float | None:
        """The median of `which` ('accept' | 'fix') seconds among the `count` cases of one group
        (`by` '' | 'department' | 'category', `key` its value; '' for a case without a department)
        that have it: the one or two middle rows of the group's index, in order, skipped to."""
        if count <= 0:
            return None
        c = Case.__table__.c  # type: ignore[attr-defined]
        secs = ACCEPT_SECS if which == "accept" else FIX_SECS
        index = MEDIAN_INDEXES[which][("", "department", "category").index(by)]
        group: list[ColumnElement[bool]] = []
        if by == "department":
            group.append(c.department == key if key else c.department.is_(None))
        elif by == "category":
            group.append(c.category == key)
        offset, limit = middle(count)
        table = Case.__table__  # type: ignore[attr-defined]
        stmt = (select(secs).select_from(table)
                .where(*where.clauses(), *group, secs.isnot(None))
                .order_by(secs).offset(offset).limit(limit)
                .with_hint(table, f"INDEXED BY {index}", "sqlite"))
        values = [float(v) for v in (await self._run(stmt)).scalars().all()]
        return sum(values) / len(values) if values else None

    async def trend(self, where: Where, since: datetime, offset_minutes: int) -> dict[str, tuple[int, int]]:
        """Per local day since `since`: (reported, resolved)."""
        c = Case.__table__.c  # type: ignore[attr-defined]
        day = self._day(c.created_at, offset_minutes)
        made = dict((await self._run(
            select(day, func.count()).where(*where.clauses(), c.created_at >= since).group_by(day))).all())
        fixed_day = self._day(c.resolved_at, offset_minutes)
        fixed = dict((await self._run(
            select(fixed_day, func.count()).where(*where.clauses(), c.resolved_at >= since)
            .group_by(fixed_day))).all())
        return {str(d): (int(made.get(d, 0)), int(fixed.get(d, 0))) for d in set(made) | set(fixed) if d}

    async def heat(self, where: Where, cell: float, bbox: tuple[float, float, float, float] | None,
                   limit: int = 5000) -> tuple[list[Bucket], int]:
        """Located cases counted per grid cell of `cell` degrees, within `bbox` (south, west, north,
        east) when given: the densest `limit` cells, and how many located cases there are in all."""
        c = Case.__table__.c  # type: ignore[attr-defined]
        # One integer key per cell (row * CELL_ROW + column + CELL_ROW/2): grouping on one value
        # sorts ~1/3 faster in SQLite than on two (bench_web.py); decoded below.
        key = self._floor(c.lat / cell) * CELL_ROW + (self._floor(c.lon / cell) + CELL_ROW // 2)
        rows = (await self._run(
            select(key, func.count()).where(*where.clauses(), *self._located(bbox)).group_by(key))).all()
        located = sum(int(n) for _, n in rows)
        rows = sorted(rows, key=lambda r: -int(r[1]))[:limit]
        out = []
        for k, n in rows:
            y, x = divmod(int(k), CELL_ROW)
            out.append(Bucket((y + 0.5) * cell, (x - CELL_ROW // 2 + 0.5) * cell, int(n)))
        return out, located

    def _located(self, bbox: tuple[float, float, float, float] | None) -> list[ColumnElement[bool]]:
        c = Case.__table__.c  # type: ignore[attr-defined]
        out = [c.lat.isnot(None), c.lon.isnot(None)]
        if bbox is not None:
            south, west, north, east = bbox
            out += [c.lat >= south, c.lat <= north, c.lon >= west, c.lon <= east]
        return out

    async def markers(self, where: Where, bbox: tuple[float, float, float, float] | None,
                      limit: int, urgent_statuses: Collection[str]) -> list[Any]:
        """At most `limit` located cases: the urgent ones in `urgent_statuses` first, then the newest (two short
        reads by primary key, newest first, rather than one sort of every located case)."""
        c = Case.__table__.c  # type: ignore[attr-defined]
        # place and text: whether the pin may be shown (bot.privacy.shareable_point)
        cols = (c.id, c.status, c.urgency, c.category, c.lat, c.lon, c.created_at, c.location, c.text)
        located = [*where.clauses(), *self._located(bbox)]
        urgent = (await self._run(
            select(*cols).where(*located, c.urgency == "urgent", c.status.in_(tuple(urgent_statuses)))
            .order_by(c.id.desc()).limit(limit))).all()
        newest = (await self._run(select(*cols).where(*located).order_by(c.id.desc()).limit(limit))).all()
        seen = {r[0] for r in urgent}
        return (list(urgent) + [r for r in newest if r[0] not in seen])[:limit]

    async def extent(self, where: Where) -> tuple[float, float, float, float] | None:
        """(south, west, north, east) of the located cases: four single min/max reads, each of which
        the databases answer from ix_cases_geo / ix_cases_lon (a branch: ix_cases_branch_geo /
        ix_cases_branch_lon) without scanning the table."""
        c = Case.__table__.c  # type: ignore[attr-defined]
        located = [*where.clauses(), *self._located(None)]
        values = []
        for agg in (func.min(c.lat), func.min(c.lon), func.max(c.lat), func.max(c.lon)):
            values.append((await self._run(select(agg).where(*located))).scalar())
        if any(v is None for v in values):
            return None
        return float(values[0]), float(values[1]), float(values[2]), float(values[3])

    async def page(self, where: Where, order: str, descending: bool, offset: int, limit: int,
                   ) -> tuple[list[Case], int]:
        """One page of the case table and the number of rows the filters match."""
        c = Case.__table__.c  # type: ignore[attr-defined]
        column = c[order]
        total = int((await self._run(
            select(func.count()).select_from(Case).where(*where.clauses()))).scalar() or 0)
        ordering = [column.desc() if descending else column.asc(), c.id.desc() if descending else c.id.asc()]
        if order == "id":
            ordering = ordering[:1]
        found = (await self._run(
            select(Case).where(*where.clauses()).order_by(*ordering).offset(offset).limit(limit))).scalars().all()
        return list(found), total

    async def places(self, where: Where, limit: int) -> list[tuple[str, str]]:
        """(place, text) of the newest `limit` cases naming a place (the caller masks them)."""
        c = Case.__table__.c  # type: ignore[attr-defined]
        rows = (await self._run(
            select(c.location, c.text).where(*where.clauses(), c.location.isnot(None))
            .order_by(c.id.desc()).limit(limit))).all()
        return [(str(p), str(t)) for p, t in rows]

    async def events(self, case_id: int) -> list[CaseEvent]:
        return list((await self._run(
            select(CaseEvent).where(col(CaseEvent.case_id) == case_id).order_by(col(CaseEvent.id)))).scalars().all())
