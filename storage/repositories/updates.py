from __future__ import annotations

from storage.models import ProcessedUpdate
from storage.repositories.base import Repository


class UpdateRepository(Repository):
    async def seen(self, update_id: int) -> bool:
        return await self.session.get(ProcessedUpdate, update_id) is not None

    def mark(self, update_id: int) -> None:
        self.session.add(ProcessedUpdate(update_id=update_id))
