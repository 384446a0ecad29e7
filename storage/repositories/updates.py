from __future__ import annotations

from sqlmodel import col, select

from storage.models import ProcessedUpdate, utcnow
from storage.repositories.base import Repository


class UpdateRepository(Repository):
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
