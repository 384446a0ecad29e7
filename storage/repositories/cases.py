from __future__ import annotations

from datetime import datetime

from sqlmodel import col, select

from storage.models import Case, CaseEvent, utcnow
from storage.repositories.base import Repository


class CaseRepository(Repository):
    def add(self, case: Case, actor_id: int | None) -> Case:
        """Insert with its 'reported' event (at commit, with the rest of the batch)."""
        self.session.add(case)
        self._event(case, "reported", None, actor_id, None)
        return case

    async def get(self, case_id: int) -> Case | None:
        return await self.session.get(Case, case_id)

    async def awaiting_location(self, reporter_id: int, chat_id: int, since: datetime) -> Case | None:
        stmt = (select(Case)
                .where(Case.reporter_id == reporter_id, Case.chat_id == chat_id,
                       col(Case.awaiting_location).is_(True), Case.created_at >= since)
                .order_by(col(Case.id).desc()).limit(1))
        return (await self.session.exec(stmt)).first()

    async def by_reporter(self, reporter_id: int, limit: int = 10) -> list[Case]:
        stmt = (select(Case).where(Case.reporter_id == reporter_id)
                .order_by(col(Case.id).desc()).limit(limit))
        return list((await self.session.exec(stmt)).all())

    def touch(self, case: Case) -> None:
        case.updated_at = utcnow()
        self.session.add(case)

    def log(self, case: Case, kind: str, actor_id: int | None, note: str | None = None,
            from_status: str | None = None) -> None:
        """Audit one change; `from_status` defaults to the current one (no status change)."""
        self._event(case, kind, from_status or case.status, actor_id, note)

    def _event(self, case: Case, kind: str, from_status: str | None, actor_id: int | None,
               note: str | None) -> None:
        self.deferred.add(CaseEvent, {"kind": kind, "from_status": from_status, "to_status": case.status,
                                      "actor_id": actor_id, "note": note, "created_at": utcnow()}, case)
