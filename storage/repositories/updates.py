from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import bindparam
from sqlmodel import col, select

from storage.models import ProcessedUpdate, utcnow
from storage.repositories.base import Repository
from storage.tables import dialect_insert, table_of


@functools.cache
def _claim(dialect: str) -> Any:
    """INSERT … ON CONFLICT DO NOTHING RETURNING update_id, built once per dialect."""
    t = table_of(ProcessedUpdate)
    return (dialect_insert(dialect, t).values(update_id=bindparam("p_id"), processed_at=bindparam("p_at"))
            .on_conflict_do_nothing(index_elements=[t.c.update_id]).returning(t.c.update_id))


class UpdateRepository(Repository):
    async def claim(self, update_id: int) -> bool:
        """Mark the update processed, as the unit of work's first statement; False (nothing
        written) when it already is. One statement where a lookup and a later insert were two
        (issue 18). Until this unit of work ends, another delivery of the same update (a second
        worker) waits on the key, then finds it claimed — or, after a rollback, claims it."""
        conn = await self.session.connection()
        result = await conn.execute(_claim(conn.dialect.name), {"p_id": update_id, "p_at": utcnow()})
        return result.first() is not None

    async def seen(self, update_id: int) -> bool:
        return await self.session.get(ProcessedUpdate, update_id) is not None

    async def seen_many(self, update_ids: list[int]) -> set[int]:
        stmt = select(ProcessedUpdate.update_id).where(col(ProcessedUpdate.update_id).in_(update_ids))
        return set((await self.session.exec(stmt)).all())

    def mark(self, update_id: int) -> None:
        self.deferred.add(ProcessedUpdate, {"update_id": update_id, "processed_at": utcnow()})

    async def unmark(self, update_id: int) -> None:
        """Forget that an update was processed (an operator retries its dead letter)."""
        row = await self.session.get(ProcessedUpdate, update_id)
        if row is not None:
            await self.session.delete(row)
