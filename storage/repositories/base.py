from __future__ import annotations

from typing import Any, TypeVar

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.deferred import DeferredInserts

T = TypeVar("T")


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
                hit = await self.session.get(model, key)
            if hit is not None:
                self._held[(model, key)] = hit
        return hit

    async def preload(self, model: type[T], keys: set[Any]) -> None:
        """Fetch many rows in one query ahead of a batch that will ask for them one by one."""
        missing = [k for k in keys if (model, k) not in self._held]
        if missing:
            pk = model.__table__.primary_key.columns[0]  # type: ignore[attr-defined]
            with self.session.no_autoflush:
                rows = await self.session.exec(select(model).where(pk.in_(missing)))
                for row in rows.all():
                    self._held[(model, getattr(row, pk.name))] = row

    def hold(self, obj: Any, key: Any) -> None:
        self._held[(type(obj), key)] = obj
