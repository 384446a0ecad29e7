"""Rows that only need inserting, written with one statement per table at commit.

An ORM object costs far more than its row; audit events, outgoing messages and
processed-update marks are never read back in the transaction that writes them,
so they wait here and go in after the flush that gives new cases their ids.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import Table, insert
from sqlmodel import SQLModel
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.tables import dialect_insert, table_of


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
        if not self._rows:
            return
        await session.flush()
        conn = await session.connection()
        for table, rows in self._rows.items():
            params = [values if case is None else {**values, "case_id": case.id} for values, case in rows]
            stmt = insert(table)
            if table in self._idempotent:
                stmt = dialect_insert(conn.dialect.name, table).on_conflict_do_nothing()
            await conn.execute(stmt, params)
        self.clear()
