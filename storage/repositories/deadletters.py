"""Dead letters: store, list, look up and change the status of updates we gave up on."""
from __future__ import annotations

from sqlalchemy import func
from sqlmodel import col, select

from storage.models.deadletter import DEAD, DeadLetter
from storage.repositories.base import Repository

MAX_ERROR = 4000  # characters of the error kept: its headline, then its traceback's end


class DeadLetterRepository(Repository):
    def add(self, update_id: int, raw: str, error: str, attempts: int = 1) -> DeadLetter:
        row = DeadLetter(update_id=update_id, raw=raw, error=error[:MAX_ERROR], attempts=attempts)
        self.session.add(row)
        return row

    async def get(self, letter_id: int) -> DeadLetter | None:
        return await self.session.get(DeadLetter, letter_id)

    async def latest(self, limit: int = 50, status: str | None = DEAD) -> list[DeadLetter]:
        stmt = select(DeadLetter).order_by(col(DeadLetter.id).desc()).limit(limit)
        if status is not None:
            stmt = stmt.where(DeadLetter.status == status)
        return list((await self.session.exec(stmt)).all())

    async def count(self, status: str | None = DEAD) -> int:
        stmt = select(func.count()).select_from(DeadLetter)
        if status is not None:
            stmt = stmt.where(DeadLetter.status == status)
        return int((await self.session.exec(stmt)).one())

    async def fold_newer(self, letter: DeadLetter) -> str | None:
        """A newer dead letter of `letter`'s update (its retry failed again, and the middleware
        dead-lettered it anew) folded into `letter`: deleted, its error returned; None when none."""
        stmt = select(DeadLetter).where(DeadLetter.update_id == letter.update_id, col(DeadLetter.id) > (letter.id or 0))
        again = (await self.session.exec(stmt.order_by(col(DeadLetter.id).desc()))).first()
        if again is None:
            return None
        await self.session.delete(again)
        return again.error
