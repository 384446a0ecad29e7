"""SQL of the points bank. Accounts are read and written with Core statements only (never
as ORM objects), so a conditional UPDATE is never shadowed by a stale object in the
session's identity map."""
from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import CursorResult, Executable, Select, and_, bindparam, case, func, or_, select, union_all, update
from sqlalchemy.orm import aliased
from sqlmodel import col
from sqlmodel import select as model_select  # a model's rows as objects (exec gives scalars)

from storage.models import Chat, User, utcnow
from storage.models.points import PointsAccount, PointsEntry, PointsItem, Redemption
from storage.repositories.base import Repository
from storage.tables import dialect_insert, table_of

SPENDING = ("redeem", "refund")  # entries that move points without earning them


@dataclass(frozen=True, slots=True)
class Account:
    user_id: int
    balance: int
    entries: int
    tier: str
    hide_name: bool


@dataclass(frozen=True, slots=True)
class BoardRow:
    user_id: int
    points: int
    name: str | None  # None when the rider hides their name


@functools.cache
def _statements(dialect: str) -> SimpleNamespace:
    """The statements of a credit, built once per dialect with bind parameters: each award runs
    three of them, and building and keying a statement afresh cost more than running it."""
    a, e = table_of(PointsAccount), table_of(PointsEntry)
    # The lock: an upsert whose no-op update locks an existing row (as FOR UPDATE would) and
    # returns it; a new row is locked by its insert.
    lock = dialect_insert(dialect, a).values(user_id=bindparam("p_user"), balance=0, entries=0, tier="basic", hide_name=False,
                            updated_at=bindparam("p_now"))
    lock = lock.on_conflict_do_update(index_elements=[a.c.user_id], set_={"user_id": lock.excluded.user_id})
    move = (update(a).where(a.c.user_id == bindparam("p_user"), a.c.balance + bindparam("p_delta") >= 0)
            .values(balance=a.c.balance + bindparam("p_delta"), entries=a.c.entries + bindparam("p_lines"),
                    updated_at=bindparam("p_now")))
    entry = (dialect_insert(dialect, e).values(**{c: bindparam(f"p_{c}") for c in _ENTRY_COLUMNS})
             .on_conflict_do_nothing(index_elements=["source_key"]).returning(e.c.id))
    capped_entry = _capped_entries(dialect, 1)
    # The move of a credit, returning what the tier needs once that line is in: as `earned` would.
    mine = (e.c.user_id == bindparam("p_user"), e.c.created_at >= bindparam("p_window"))
    earned_now = select(func.coalesce(func.sum(case((e.c.rule.not_in(SPENDING), e.c.points), else_=0)), 0)
                        ).where(*mine).scalar_subquery()
    reports_now = select(func.coalesce(func.sum(case(
        (and_(e.c.rule == "report_accepted", e.c.reverses_id.is_(None)), 1),
        (e.c.rule == "report_accepted", -1), else_=0)), 0)).where(*mine).scalar_subquery()
    return SimpleNamespace(lock=lock.returning(a), move=move, entry=entry, capped_entry=capped_entry,
                           move_view=move.returning(earned_now, reports_now))


_ENTRY_COLUMNS = ("user_id", "rule", "points", "source_key", "branch_id", "actor_id", "note", "reverses_id",
                  "created_at")


def _capped_line(prefix: str) -> Select[Any]:
    """A capped credit's line, bound as `{prefix}<column>` (and `{prefix}cap`, `{prefix}day`): the
    cap applied by the insert itself, from the ledger as it stands (under the rider's lock: nothing
    else credits them meanwhile), and no line when nothing is left."""
    e = table_of(PointsEntry)
    given = (select(func.coalesce(func.sum(e.c.points), 0))
             .where(e.c.user_id == bindparam(f"{prefix}user_id"), e.c.rule == bindparam(f"{prefix}rule"),
                    e.c.reverses_id.is_(None), e.c.created_at >= bindparam(f"{prefix}day")).scalar_subquery())
    wanted = bindparam(f"{prefix}points", type_=e.c.points.type)
    room = bindparam(f"{prefix}cap", type_=e.c.points.type) - given
    capped = case((wanted <= room, wanted), else_=room)
    return (select(*[capped if c == "points" else bindparam(f"{prefix}{c}", type_=e.c[c].type).label(c)
                     for c in _ENTRY_COLUMNS])
            .where(capped > 0))


@functools.lru_cache(maxsize=16)
def _capped_entries(dialect: str, lines: int) -> Any:
    """The INSERT of `lines` capped credit lines (`_capped_line`; one line's binds are `p_<column>`,
    the n-th of several `p<n>_<column>`), skipping a source key already in the ledger and returning
    (id, points, source_key) of each line written. Several lines are one INSERT … SELECT of a UNION
    ALL: each line's cap is read from the ledger as it stood before the statement, so the lines of
    one statement must be of different rules (`PointsService.award_each` sees to it). Built once
    per dialect and count."""
    e = table_of(PointsEntry)
    rows: Any = (_capped_line("p_") if lines == 1
                 else union_all(*(_capped_line(f"p{n}_") for n in range(lines))))
    return (dialect_insert(dialect, e).from_select(list(_ENTRY_COLUMNS), rows)
            .on_conflict_do_nothing(index_elements=["source_key"]).returning(e.c.id, e.c.points, e.c.source_key))


class PointsRepository(Repository):
    # --- accounts (the per-rider lock) ----------------------------------------------
    def _insert(self, table: Any) -> Any:
        return dialect_insert(self.session.get_bind().dialect.name, table)

    async def _run(self, name: str, params: dict[str, Any]) -> CursorResult[Any]:
        """One of `_statements`, on the unit of work's connection (Core: no ORM pass over it)."""
        conn = await self.session.connection()
        stmt: Executable = getattr(_statements(conn.dialect.name), name)
        result: CursorResult[Any] = await conn.execute(stmt, params)
        return result

    async def lock_account(self, user_id: int) -> Account:
        """The rider's account row, created if missing and locked until commit (FOR UPDATE on
        PostgreSQL; SQLite serialises writers: the insert takes its write lock first)."""
        row = (await self._run("lock", {"p_user": user_id, "p_now": utcnow()})).one()
        return Account(row.user_id, row.balance, row.entries, row.tier, row.hide_name)

    async def account(self, user_id: int) -> Account | None:
        t = table_of(PointsAccount)
        row = (await self.rows(select(t).where(t.c.user_id == user_id))).first()
        return Account(row.user_id, row.balance, row.entries, row.tier, row.hide_name) if row else None

    async def move(self, user_id: int, delta: int) -> bool:
        """balance += delta, unless that would go below zero; counts the entry. True if done."""
        result = await self._run("move", {"p_user": user_id, "p_delta": delta, "p_now": utcnow(), "p_lines": 1})
        return result.rowcount == 1

    async def credit_move(self, user_id: int, delta: int, window_since: datetime,
                          lines: int = 1) -> tuple[int, int] | None:
        """`move` of a credit of `lines` ledger lines (`delta` their points), in the same statement
        reading (points earned, reports accepted) since `window_since` with those lines counted (as
        `earned`); None when nothing moved."""
        row: Sequence[Any] | None = (await self._run("move_view", {"p_user": user_id, "p_delta": delta,
                                                                   "p_now": utcnow(), "p_window": window_since,
                                                                   "p_lines": lines})).first()
        return (int(row[0]), int(row[1])) if row is not None else None

    async def set_account(self, user_id: int, **values: Any) -> None:
        t = table_of(PointsAccount)
        await self.session.exec(update(t).where(t.c.user_id == user_id).values(**values))

    # --- the ledger -----------------------------------------------------------------
    async def add_entry(self, *, user_id: int, rule: str, points: int, source_key: str,
                        branch_id: int | None = None, actor_id: int | None = None, note: str | None = None,
                        reverses_id: int | None = None, at: datetime | None = None) -> int | None:
        """Append a line; None when `source_key` is already in the ledger (nothing written)."""
        values = {"user_id": user_id, "rule": rule, "points": points, "source_key": source_key,
                  "branch_id": branch_id, "actor_id": actor_id, "note": note, "reverses_id": reverses_id,
                  "created_at": at or utcnow()}
        entry_id: int | None = (await self._run("entry", {f"p_{k}": v for k, v in values.items()})).scalar()
        return entry_id

    async def add_capped_entry(self, *, user_id: int, rule: str, points: int, cap: int, day_since: datetime,
                               source_key: str, branch_id: int | None = None, actor_id: int | None = None,
                               note: str | None = None, at: datetime | None = None) -> int:
        """`add_entry` of a credit under a daily cap, in one statement: the line gets `points`, or
        what is left of `cap` after the points credited by `rule` since `day_since` (before
        reversals, as `earned_by_rule`); the points written, 0 when nothing was
        (the cap is used up, or `source_key` is already in the ledger)."""
        values = {"user_id": user_id, "rule": rule, "points": points, "source_key": source_key,
                  "branch_id": branch_id, "actor_id": actor_id, "note": note, "reverses_id": None,
                  "created_at": at or utcnow()}
        row: Sequence[Any] | None = (await self._run("capped_entry", {
            "p_cap": cap, "p_day": day_since, **{f"p_{k}": v for k, v in values.items()}})).first()
        return int(row[1]) if row is not None else 0

    async def add_capped_entries(self, lines: Sequence[dict[str, Any]], *, day_since: datetime,
                                 at: datetime) -> dict[str, int]:
        """`add_capped_entry` of several lines in one statement, each of another rule (its cap is read
        as the ledger stood before the statement); each line a dict of user_id, rule, points, cap,
        source_key, branch_id, actor_id, note. The points written by source key (a line not written
        is absent: its cap used up, or its key already in the ledger)."""
        params: dict[str, Any] = {}
        for n, line in enumerate(lines):
            values = {"reverses_id": None, "created_at": at, "day": day_since, "note": None, **line}
            params.update((f"p{n}_{k}", v) for k, v in values.items())
        conn = await self.session.connection()
        result = await conn.execute(_capped_entries(conn.dialect.name, len(lines)), params)
        return {source_key: int(points) for _id, points, source_key in result.all()}

    async def entry(self, source_key: str) -> PointsEntry | None:
        stmt = model_select(PointsEntry).where(col(PointsEntry.source_key) == source_key)
        return (await self.session.exec(stmt)).first()

    async def latest_paid(self, source_key: str) -> PointsEntry | None:
        """The latest line paid under `source_key` or a key it opens (`hours:7`, `hours:7:<time>`: what
        an entry's approvals paid) that is no reversal nor reversed: what a revoke of it takes back."""
        e = PointsEntry
        stmt = (model_select(e).where(or_(col(e.source_key) == source_key, col(e.source_key).like(f"{source_key}:%")),
                                      col(e.reverses_id).is_(None), col(e.points) > 0)
                .order_by(col(e.id).desc()).limit(5))
        for entry in (await self.session.exec(stmt)).all():
            if await self.reversal_of(entry.id or 0) is None:
                return entry
        return None

    async def has_entry(self, source_key: str) -> bool:
        t = table_of(PointsEntry)
        return (await self.rows(select(t.c.id).where(t.c.source_key == source_key))).first() is not None

    async def earned_by_rule(self, user_id: int, rule: str, since: datetime) -> int:
        """Points credited by `rule` since `since`, before reversals (a cap counts what was given)."""
        e = PointsEntry
        stmt = select(func.coalesce(func.sum(e.points), 0)).where(
            col(e.user_id) == user_id, col(e.rule) == rule, col(e.reverses_id).is_(None), col(e.created_at) >= since)
        return int((await self.rows(stmt)).scalar_one())

    async def earned(self, user_id: int, since: datetime) -> tuple[int, int]:
        """(points earned, reports accepted) since `since`, reversals deducted; spending aside."""
        e = PointsEntry
        accepted = case((and_(col(e.rule) == "report_accepted", col(e.reverses_id).is_(None)), 1),
                        (col(e.rule) == "report_accepted", -1), else_=0)
        stmt = select(func.coalesce(func.sum(e.points), 0), func.coalesce(func.sum(accepted), 0)).where(
            col(e.user_id) == user_id, col(e.rule).not_in(SPENDING), col(e.created_at) >= since)
        points, reports = (await self.rows(stmt)).one()
        return int(points), int(reports)

    async def history(self, user_id: int, limit: int = 20) -> list[PointsEntry]:
        stmt = (model_select(PointsEntry).where(col(PointsEntry.user_id) == user_id)
                .order_by(col(PointsEntry.id).desc()).limit(limit))
        return list((await self.session.exec(stmt)).all())

    async def branches_of(self, user_id: int) -> list[int]:
        """The branches the rider's ledger lines name (where they earned or spent points), by id."""
        e = PointsEntry
        stmt = model_select(e.branch_id).where(col(e.user_id) == user_id, col(e.branch_id).is_not(None)).distinct()
        return sorted(int(b) for b in (await self.session.exec(stmt)).all() if b is not None)

    async def mismatches(self) -> list[tuple[int, int, int]]:
        """(user, cached balance, ledger sum) wherever the cache disagrees with the ledger."""
        a, e = PointsAccount, PointsEntry
        sums = (select(col(e.user_id).label("uid"), func.sum(e.points).label("total"),
                       func.count().label("n")).group_by(col(e.user_id)).subquery())
        stmt = (select(col(a.user_id), col(a.balance), func.coalesce(sums.c.total, 0))
                .outerjoin(sums, sums.c.uid == col(a.user_id))
                .where((col(a.balance) != func.coalesce(sums.c.total, 0))
                       | (col(a.entries) != func.coalesce(sums.c.n, 0))))
        found = [(int(u), int(b), int(s)) for u, b, s in (await self.rows(stmt)).all()]
        orphans = (select(sums.c.uid, sums.c.total).outerjoin(a, col(a.user_id) == sums.c.uid)
                   .where(col(a.user_id).is_(None)))
        found += [(int(u), 0, int(s)) for u, s in (await self.rows(orphans)).all()]
        return found

    async def rebuild(self, user_id: int) -> None:
        """Set the cache from the ledger (after a failed consistency check)."""
        e = PointsEntry
        total, n = (await self.rows(
            select(func.coalesce(func.sum(e.points), 0), func.count()).where(col(e.user_id) == user_id))).one()
        await self.lock_account(user_id)
        await self.set_account(user_id, balance=int(total), entries=int(n), updated_at=utcnow())

    async def board(self, branch_id: int, since: datetime, until: datetime, limit: int,
                    min_points: int) -> list[BoardRow]:
        """Riders by points earned in the branch between `since` and `until` (spending aside)."""
        e, a, u = PointsEntry, PointsAccount, User
        total = func.sum(e.points).label("total")
        stmt = (select(col(e.user_id), total).where(col(e.branch_id) == branch_id, col(e.rule).not_in(SPENDING),
                                                    col(e.created_at) >= since, col(e.created_at) < until)
                .group_by(col(e.user_id)).having(func.sum(e.points) >= max(min_points, 1))
                .order_by(total.desc(), col(e.user_id)).limit(limit)).subquery()
        rows = await self.rows(
            select(stmt.c.user_id, stmt.c.total, col(a.hide_name), col(u.first_name))
            .outerjoin(a, col(a.user_id) == stmt.c.user_id).outerjoin(u, col(u.id) == stmt.c.user_id)
            .order_by(stmt.c.total.desc(), stmt.c.user_id))
        return [BoardRow(int(uid), int(pts), None if hidden else (name or None))
                for uid, pts, hidden, name in rows.all()]

    async def export_rows(self, branch_id: int | None, since: datetime | None) -> Sequence[Any]:
        e, a, u = PointsEntry, PointsAccount, User
        stmt = (select(col(e.id), col(e.created_at), col(e.user_id), col(u.first_name), col(u.username),
                       col(a.hide_name), col(e.rule), col(e.points), col(e.source_key), col(e.branch_id),
                       col(e.actor_id), col(e.note))
                .outerjoin(a, col(a.user_id) == col(e.user_id)).outerjoin(u, col(u.id) == col(e.user_id))
                .order_by(col(e.id)))
        if branch_id is not None:
            stmt = stmt.where(col(e.branch_id) == branch_id)
        if since is not None:
            stmt = stmt.where(col(e.created_at) >= since)
        return (await self.rows(stmt)).all()

    # --- who belongs where ------------------------------------------------------------
    async def branch_groups(self) -> dict[int, list[int]]:
        """Group chats per branch (where a leaderboard is posted)."""
        stmt = select(col(Chat.id), col(Chat.branch_id)).where(col(Chat.branch_id).is_not(None),
                                                     col(Chat.type).in_(("group", "supergroup")),
                                                     col(Chat.blocked).is_(False)).order_by(col(Chat.id))
        out: dict[int, list[int]] = {}
        for chat_id, branch_id in (await self.rows(stmt)).all():
            out.setdefault(int(branch_id), []).append(int(chat_id))
        return out

    # --- the catalogue ---------------------------------------------------------------
    async def seed_item(self, code: str, values: dict[str, Any], stock: int) -> None:
        """Insert the item with its first stock; afterwards only its description follows config."""
        t = table_of(PointsItem)
        await self.session.exec(self._insert(t).values(code=code, stock=stock, created_at=utcnow(), **values)
                                   .on_conflict_do_nothing(index_elements=["code"]))
        await self.session.exec(update(t).where(t.c.code == code).values(**values))

    async def items(self, active_only: bool = True) -> list[PointsItem]:
        stmt = model_select(PointsItem).order_by(col(PointsItem.cost), col(PointsItem.id))
        if active_only:
            stmt = stmt.where(col(PointsItem.active).is_(True))
        return list((await self.session.exec(stmt.execution_options(populate_existing=True))).all())

    async def item(self, code_or_id: str | int) -> PointsItem | None:
        cond = (col(PointsItem.id) == code_or_id) if isinstance(code_or_id, int) else (col(PointsItem.code) == code_or_id)
        stmt = model_select(PointsItem).where(cond).execution_options(populate_existing=True)
        return (await self.session.exec(stmt)).first()

    async def take_stock(self, item_id: int) -> bool:
        """One unit out, only if there is one: safe under any number of concurrent takers."""
        t = table_of(PointsItem)
        result = await self.session.exec(update(t).where(t.c.id == item_id, t.c.stock > 0, t.c.active.is_(True))
                                            .values(stock=t.c.stock - 1))
        return result.rowcount == 1

    async def put_back(self, item_id: int, count: int = 1) -> None:
        t = table_of(PointsItem)
        await self.session.exec(update(t).where(t.c.id == item_id).values(stock=t.c.stock + count))

    async def redemptions_of(self, user_id: int, item_id: int, since: datetime | None) -> int:
        r = Redemption
        stmt = select(func.count()).select_from(r).where(col(r.user_id) == user_id, col(r.item_id) == item_id,
                                                         col(r.status) != "rejected")
        if since is not None:
            stmt = stmt.where(col(r.created_at) >= since)
        return int((await self.rows(stmt)).scalar_one())

    async def add_redemption(self, redemption: Redemption) -> Redemption:
        self.session.add(redemption)
        await self.session.flush()  # its id is in the ledger key and the buttons
        return redemption

    async def redemption(self, redemption_id: int) -> Redemption | None:
        stmt = (model_select(Redemption).where(col(Redemption.id) == redemption_id)
                .execution_options(populate_existing=True))
        return (await self.session.exec(stmt)).first()

    async def decide(self, redemption_id: int, status: str, actor_id: int, note: str | None) -> bool:
        """pending -> `status`, once: of two secretaries pressing at once, one wins."""
        t = table_of(Redemption)
        result = await self.session.exec(
            update(t).where(t.c.id == redemption_id, t.c.status == "pending")
            .values(status=status, decided_by=actor_id, note=note, decided_at=utcnow()))
        return result.rowcount == 1

    async def pending(self, branch_id: int | None, everything: bool, limit: int = 20) -> list[Redemption]:
        stmt = model_select(Redemption).where(col(Redemption.status) == "pending")
        if not everything:
            stmt = stmt.where(col(Redemption.branch_id) == branch_id)
        stmt = stmt.order_by(col(Redemption.id)).limit(limit).execution_options(populate_existing=True)
        return list((await self.session.exec(stmt)).all())

    # --- corrections and leaderboards on demand (loop2) -------------------------------
    async def entry_by_id(self, entry_id: int) -> PointsEntry | None:
        return (await self.session.exec(model_select(PointsEntry).where(col(PointsEntry.id) == entry_id))).first()

    async def reversal_of(self, entry_id: int) -> PointsEntry | None:
        stmt = model_select(PointsEntry).where(col(PointsEntry.reverses_id) == entry_id)
        return (await self.session.exec(stmt)).first()

    async def net_by_rule(self, user_id: int, rule: str, since: datetime) -> int:
        """Points by `rule` since `since`, reversals deducted (a revoked grant frees its cap)."""
        e = PointsEntry
        stmt = select(func.coalesce(func.sum(e.points), 0)).where(
            col(e.user_id) == user_id, col(e.rule) == rule, col(e.created_at) >= since)
        return int((await self.rows(stmt)).scalar_one())

    async def unreversed(self, user_id: int, rule: str, points: int, limit: int = 20) -> list[PointsEntry]:
        """The rider's latest lines of `rule` worth exactly `points` that nothing reversed yet."""
        e, r = PointsEntry, aliased(PointsEntry)
        stmt = (model_select(e).outerjoin(r, col(r.reverses_id) == col(e.id))
                .where(col(e.user_id) == user_id, col(e.rule) == rule, col(e.points) == points,
                       col(e.reverses_id).is_(None), col(r.id).is_(None))
                .order_by(col(e.id).desc()).limit(limit))
        return list((await self.session.exec(stmt)).all())
