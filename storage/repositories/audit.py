"""The audit of role changes: append, and read back newest first (the superadmin's /audit,
`sentinel export audit`)."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import col, select

from storage.models.audit import AuditEntry
from storage.models.core import utcnow
from storage.repositories.base import Repository


class AuditRepository(Repository):
    def record(self, actor_id: int | None, action: str, target: str, *, branch_id: int | None,
               before: dict[str, Any], after: dict[str, Any]) -> AuditEntry:
        """One role change, written with the change itself (same transaction)."""
        entry = AuditEntry(actor_id=actor_id, action=action, target=target, branch_id=branch_id,
                           before=before, after=after, at=utcnow())
        self.session.add(entry)
        return entry

    async def latest(self, limit: int, offset: int = 0) -> list[AuditEntry]:
        stmt = select(AuditEntry).order_by(col(AuditEntry.id).desc()).offset(offset).limit(limit)
        return list((await self.session.exec(stmt)).all())

    async def count(self) -> int:
        return int((await self.session.exec(select(func.count()).select_from(AuditEntry))).one())

    async def since(self, since: datetime | None, branch_id: int | None = None) -> list[AuditEntry]:
        """Oldest first (exports)."""
        stmt = select(AuditEntry)
        if since is not None:
            stmt = stmt.where(AuditEntry.at >= since)
        if branch_id is not None:
            stmt = stmt.where(AuditEntry.branch_id == branch_id)
        return list((await self.session.exec(stmt.order_by(col(AuditEntry.id)))).all())
