"""The dashboard's reads: counts, medians, trends, heat-map buckets and the case table, all
aggregated in SQL so a page costs the same with 100 cases or 100,000 (scripts/bench_web.py).

Every query takes a `Where`: the viewer's scope (as CaseRepository.listing reads it) plus the
page's filters. Durations are seconds; SQLite keeps times as text, PostgreSQL as timestamptz, so
the few dialect-specific expressions (seconds between two times, a local calendar day) are made
here and nowhere else.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Float, and_, case, cast, false, func, literal_column, or_, select
from sqlalchemy.sql.elements import ColumnElement

from storage.models import Case, CaseEvent
from storage.repositories.base import Repository

OPEN = ("new", "accepted", "in_progress", "transferred")  # still owed an answer or a fix (not 'resolved')
SOLVED = ("resolved", "closed")


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


class DashboardRepository(Repository):
    async def _run(self, stmt: Any) -> Any:
        """A Core statement (rows of columns, not models): SQLModel's exec runs it as execute would."""
        return await self.session.exec(stmt)

    @property
    def _pg(self) -> bool:
        return self.session.bind.dialect.name == "postgresql"

    def _seconds(self, later: Any, earlier: Any) -> ColumnElement[float]:
        if self._pg:
            return func.extract("epoch", later - earlier)  # type: ignore[no-any-return]
        return cast((func.julianday(later) - func.julianday(earlier)) * 86400.0, Float)

    def _day(self, when: Any, offset_minutes: int) -> ColumnElement[Any]:
        """The local calendar day of `when` (a fixed UTC offset: the configured zone's today)."""
        if self._pg:
            return func.to_char(when + func.make_interval(0, 0, 0, 0, 0, offset_minutes), "YYYY-MM-DD")
        return func.date(when, f"{offset_minutes:+d} minutes")

    async def figures(self, where: Where, by: str, now: datetime) -> list[GroupFigures]:
        """Counts per `by` ('department', 'category' or '' for one row of everything), and the
        median seconds from report to first acceptance and to resolution (window functions:
        SQLite ≥ 3.25 and PostgreSQL alike)."""
        c = Case.__table__.c  # type: ignore[attr-defined]
        key = func.coalesce(c[by], "") if by else literal_column("''")
        overdue = and_(c.status.in_(OPEN), or_(and_(c.responded_at.is_(None), c.due_at < now), c.fix_due_at < now))
        rows = (await self._run(
            select(key.label("k"), func.count(),
                   func.sum(case((c.status.in_(OPEN), 1), else_=0)),
                   func.sum(case((overdue, 1), else_=0)),
                   func.sum(case((c.status.in_(SOLVED), 1), else_=0)))
            .where(*where.clauses()).group_by(key))).all()
        accept = await self._medians(where, by, c.responded_at)
        fix = await self._medians(where, by, c.resolved_at)
        return sorted((GroupFigures(str(k), int(n), int(o or 0), int(d or 0), int(s or 0),
                                    accept.get(str(k)), fix.get(str(k))) for k, n, o, d, s in rows),
                      key=lambda g: (-g.total, g.key))

    async def _medians(self, where: Where, by: str, done: Any) -> dict[str, float]:
        """Median of (done - created_at) per group: the middle row(s) of each group's ordered
        durations, averaged when the count is even."""
        c = Case.__table__.c  # type: ignore[attr-defined]
        key = func.coalesce(c[by], "") if by else literal_column("''")
        secs = self._seconds(done, c.created_at)
        ranked = (select(key.label("k"), secs.label("s"),
                         func.row_number().over(partition_by=key, order_by=secs).label("rn"),
                         func.count().over(partition_by=key).label("n"))
                  .where(*where.clauses(), done.isnot(None)).subquery())
        middle = or_(ranked.c.rn == (ranked.c.n + 1) / 2, ranked.c.rn == ranked.c.n / 2 + 1)
        rows = (await self._run(
            select(ranked.c.k, func.avg(ranked.c.s)).where(middle).group_by(ranked.c.k))).all()
        return {str(k): float(s) for k, s in rows if s is not None}

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
                   limit: int = 5000) -> list[Bucket]:
        """Located cases counted per grid cell of `cell` degrees (the densest `limit` cells),
        within `bbox` (south, west, north, east) when given."""
        c = Case.__table__.c  # type: ignore[attr-defined]
        gy = func.floor(c.lat / cell)
        gx = func.floor(c.lon / cell)
        rows = (await self._run(
            select(gy, gx, func.count()).where(*where.clauses(), *self._located(bbox))
            .group_by(gy, gx).order_by(func.count().desc()).limit(limit))).all()
        return [Bucket((float(y) + 0.5) * cell, (float(x) + 0.5) * cell, int(n)) for y, x, n in rows]

    def _located(self, bbox: tuple[float, float, float, float] | None) -> list[ColumnElement[bool]]:
        c = Case.__table__.c  # type: ignore[attr-defined]
        out = [c.lat.isnot(None), c.lon.isnot(None)]
        if bbox is not None:
            south, west, north, east = bbox
            out += [c.lat >= south, c.lat <= north, c.lon >= west, c.lon <= east]
        return out

    async def markers(self, where: Where, bbox: tuple[float, float, float, float] | None,
                      limit: int) -> tuple[list[Any], int]:
        """The newest `limit` located cases (urgent open ones first), and how many there are in all."""
        c = Case.__table__.c  # type: ignore[attr-defined]
        located = [*where.clauses(), *self._located(bbox)]
        total = int((await self._run(select(func.count()).select_from(Case).where(*located))).scalar() or 0)
        urgent_open = case((and_(c.urgency == "urgent", c.status.in_(OPEN)), 0), else_=1)
        rows = (await self._run(
            select(c.id, c.status, c.urgency, c.category, c.lat, c.lon, c.created_at).where(*located)
            .order_by(urgent_open, c.id.desc()).limit(limit))).all()
        return list(rows), total

    async def extent(self, where: Where) -> tuple[float, float, float, float] | None:
        c = Case.__table__.c  # type: ignore[attr-defined]
        row = (await self._run(
            select(func.min(c.lat), func.min(c.lon), func.max(c.lat), func.max(c.lon))
            .where(*where.clauses(), *self._located(None)))).one()
        return None if row[0] is None else (float(row[0]), float(row[1]), float(row[2]), float(row[3]))

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
            select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.id))).scalars().all())
