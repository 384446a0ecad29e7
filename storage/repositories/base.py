from __future__ import annotations

import functools
from typing import Any, TypeVar

from sqlalchemy import Executable, Result, bindparam
from sqlmodel import SQLModel, select
from sqlmodel.sql.expression import SelectOfScalar
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.deferred import DeferredInserts
from storage.tables import table_of

T = TypeVar("T", bound=SQLModel)


@functools.cache
def _by_key(model: type[T]) -> SelectOfScalar[T]:
    """`model` by primary key, built once: cheaper to run than `session.get`, which builds its
    query anew each time (a transition reads its case and two users so)."""
    return select(model).where(table_of(model).primary_key.columns[0] == bindparam("p_key"))


class Repository:
    def __init__(self, session: AsyncSession, deferred: DeferredInserts) -> None:
        self.session = session
        self.deferred = deferred
        self._held: dict[tuple[type, Any], Any] = {}

    async def cached(self, model: type[T], key: Any) -> T | None:
        """session.get, but holding the row for the whole unit of work: SQLAlchemy's identity
        map is weak, so an unchanged row would be fetched again for every update of a batch."""
        hit = self._held.get((model, key))
        if hit is None:
            with self.session.no_autoflush:  # a primary-key read needs none of the pending rows
                hit = (await self.session.exec(_by_key(model), params={"p_key": key})).first()
            if hit is not None:
                self._held[(model, key)] = hit
        return hit

    async def preload(self, model: type[T], keys: set[Any]) -> None:
        """Fetch many rows in one query ahead of a batch that will ask for them one by one."""
        missing = [k for k in keys if (model, k) not in self._held]
        if missing:
            pk = table_of(model).primary_key.columns[0]
            with self.session.no_autoflush:
                rows = await self.session.exec(select(model).where(pk.in_(missing)))
                for row in rows.all():
                    self._held[(model, getattr(row, pk.name))] = row

    async def rows(self, statement: Executable, params: dict[str, Any] | None = None) -> Result[*tuple[Any, ...]]:
        """Run a SQLAlchemy Core statement (a select of columns or of a `Table`; `params` for its
        bind parameters) and return its rows, as `session.exec` does at run time: sqlmodel types
        `exec` only for its own `select`, and its `execute` warns as deprecated."""
        result: Result[*tuple[Any, ...]] = await self.session.exec(statement, params=params)  # type: ignore[call-overload]
        return result

    def hold(self, obj: Any, key: Any) -> None:
        self._held[(type(obj), key)] = obj
