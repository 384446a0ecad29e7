"""Rows that only need inserting, written with one statement per table at commit.

An ORM object costs far more than its row; audit events, outgoing messages and
processed-update marks are never read back in the transaction that writes them,
so they wait here and go in after the flush that gives new cases their ids.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnDefault, Table, bindparam, insert, select, union_all
from sqlalchemy.orm import Session
from sqlmodel import SQLModel
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.tables import dialect_insert, table_of


FOLD_ROWS = 4  # rows of a table that PostgreSQL takes in the commit's one statement (see `write`)


class DeferredInserts:
    def __init__(self) -> None:
        self._rows: dict[Table, list[tuple[dict[str, Any], Any]]] = {}
        self._idempotent: set[Table] = set()

    def add(self, model: type[SQLModel], values: dict[str, Any], case: Any = None,
            idempotent: bool = False) -> None:
        """Queue a row; `case` (a possibly unflushed Case) fills its case_id at write time.
        `idempotent`: a row whose key already exists is skipped (ON CONFLICT DO NOTHING)."""
        table = table_of(model)
        self._rows.setdefault(table, []).append((values, case))
        if idempotent:
            self._idempotent.add(table)

    def clear(self) -> None:
        self._rows.clear()
        self._idempotent.clear()

    def has(self, model: type[SQLModel]) -> bool:
        return bool(self._rows.get(table_of(model)))

    def queued(self, model: type[SQLModel]) -> list[tuple[dict[str, Any], Any]]:
        """The rows of `model` waiting to be written: (values, case) pairs, as `add` took them."""
        return self._rows.get(table_of(model), [])

    async def write(self, session: AsyncSession) -> None:
        """`write_sync` in one greenlet (one hop for the flush and every INSERT, not one each)."""
        if self._rows:
            await session.run_sync(self.write_sync)

    def write_sync(self, session: Session) -> None:
        """Flush the session (new cases get their ids), then insert every queued row; on the sync
        side of an AsyncSession (`AsyncSession.run_sync`), as `UnitOfWork.commit` runs it with the
        commit.

        SQLite: one statement per table (its round trips are calls within the process).
        PostgreSQL, where each statement is a round trip: the tables with a few rows each (a
        command's event, its reply and notices) go in one statement, the first ones as
        data-modifying CTEs of the last (`WITH w0 AS (INSERT …) INSERT …`: each sub-statement runs
        once, all on the same snapshot, foreign keys checked at the statement's end); a table with
        more rows than `FOLD_ROWS` (a polling batch's) keeps its one executemany, one prepared
        statement for any number of rows, where a VALUES list would be a new statement for each
        count."""
        if not self._rows:
            return
        session.flush()
        conn = session.connection()
        dialect = conn.dialect.name
        shape: list[tuple[Table, bool, int, tuple[str, ...]]] = []
        folded: dict[str, Any] = {}
        for table, rows in self._rows.items():
            params = [values if case is None else {**values, "case_id": case.id} for values, case in rows]
            idempotent = table in self._idempotent
            if dialect == "sqlite" or len(params) > FOLD_ROWS or any(p.keys() != params[0].keys() for p in params):
                conn.execute(_insert(table, idempotent, dialect), params)
                continue
            n, params = len(shape), [_with_defaults(table, p) for p in params]
            shape.append((table, idempotent, len(params), tuple(params[0])))
            folded.update((f"w{n}_{r}_{c}", v) for r, p in enumerate(params) for c, v in p.items())
        if shape:
            conn.execute(_folded(tuple(shape), dialect), folded)
        self.clear()


def _insert(table: Table, idempotent: bool, dialect: str) -> Any:
    return dialect_insert(dialect, table).on_conflict_do_nothing() if idempotent else insert(table)


def _with_defaults(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """`row` with the column defaults SQLAlchemy would have filled (all of ours are a constant or
    a function of nothing, e.g. `utcnow`): in a statement of several INSERTs each default would
    be a bind named after its column, and two tables' `created_at` would clash."""
    missing = {key: default.arg(None) if default.is_callable else default.arg
               for key, default in _defaults(table) if key not in row}
    return {**row, **missing} if missing else row


@lru_cache(maxsize=None)
def _defaults(table: Table) -> tuple[tuple[str, Any], ...]:
    """(column key, its ColumnDefault) of each column of `table` that has one."""
    return tuple((c.key, c.default) for c in table.c if isinstance(c.default, ColumnDefault))


@lru_cache(maxsize=256)
def _folded(shape: tuple[tuple[Table, bool, int, tuple[str, ...]], ...], dialect: str) -> Any:
    """One INSERT per (table, idempotent, rows, columns) of `shape`, all but the last as CTEs of the
    last; row r's value of column c of the n-th table is bound as `w{n}_{r}_{c}`. Several rows of
    a table are one INSERT … SELECT of a UNION ALL, whose rows PostgreSQL inserts in the order
    given (ids follow it, as with executemany). Built once per shape with named binds, so
    SQLAlchemy compiles it once (a VALUES list of several rows is not cacheable: it would be
    compiled at every execution)."""
    inserts = []
    for n, (table, idempotent, rows, columns) in enumerate(shape):
        binds = [[bindparam(f"w{n}_{r}_{c}", type_=table.c[c].type) for c in columns] for r in range(rows)]
        stmt = _insert(table, idempotent, dialect)
        if rows == 1:
            inserts.append(stmt.values(dict(zip(columns, binds[0]))))
        else:
            union = union_all(*(select(*(b.label(c) for b, c in zip(row, columns))) for row in binds)).subquery()
            inserts.append(stmt.from_select(list(columns), select(union)))
    *ctes, last = inserts
    return last.add_cte(*(s.cte(f"w{n}") for n, s in enumerate(ctes))) if ctes else last
