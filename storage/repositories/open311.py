"""Queries of the Open311 API: integration keys, service requests (cases) by filter, a branch's group."""
from __future__ import annotations

from datetime import datetime

from sqlmodel import col, select

from storage.models import Case, CaseEvent, Chat
from storage.models.open311 import ApiKey
from storage.repositories.base import Repository

GROUP_TYPES = ("group", "supergroup")


class ApiKeyRepository(Repository):
    async def by_hash(self, key_hash: str) -> ApiKey | None:
        return (await self.session.exec(select(ApiKey).where(ApiKey.key_hash == key_hash))).first()

    async def by_name(self, name: str) -> ApiKey | None:
        return (await self.session.exec(select(ApiKey).where(ApiKey.name == name))).first()

    async def all(self) -> list[ApiKey]:
        return list((await self.session.exec(select(ApiKey).order_by(col(ApiKey.id)))).all())

    def add(self, key: ApiKey) -> ApiKey:
        self.session.add(key)
        return key


class ServiceRequestRepository(Repository):
    async def find(self, *, ids: list[int] | None = None, categories: list[str] | None = None,
                   open_statuses: tuple[str, ...] | None = None, closed: bool | None = None,
                   since: datetime | None = None, until: datetime | None = None,
                   branch_id: int | None = None, limit: int = 1000) -> list[Case]:
        """Cases matching the filters, newest first. `closed` True/False picks final or open
        statuses (`open_statuses` lists the open ones); `branch_id` scopes to one branch."""
        stmt = select(Case)
        if ids is not None:
            stmt = stmt.where(col(Case.id).in_(ids))
        if categories:
            stmt = stmt.where(col(Case.category).in_(categories))
        if closed is not None and open_statuses is not None:
            in_open = col(Case.status).in_(open_statuses)
            stmt = stmt.where(~in_open if closed else in_open)
        if since is not None:
            stmt = stmt.where(Case.created_at >= since)
        if until is not None:
            stmt = stmt.where(Case.created_at <= until)
        if branch_id is not None:
            stmt = stmt.where(Case.branch_id == branch_id)
        return list((await self.session.exec(stmt.order_by(col(Case.id).desc()).limit(limit))).all())

    async def notes_of(self, case_ids: list[int], kind: str) -> dict[int, str]:
        """The latest note of each case's `kind` events (an Open311 client's address_id)."""
        if not case_ids:
            return {}
        rows = await self.session.exec(
            select(CaseEvent.case_id, CaseEvent.note).where(col(CaseEvent.case_id).in_(case_ids),
                                                            CaseEvent.kind == kind).order_by(col(CaseEvent.id)))
        return {int(cid): str(note or "") for cid, note in rows.all()}

    async def group_of(self, branch_id: int) -> Chat | None:
        """The branch's group that hears its cases: the first bound group that has not blocked us."""
        return (await self.session.exec(
            select(Chat).where(Chat.branch_id == branch_id, col(Chat.type).in_(GROUP_TYPES),
                               col(Chat.blocked).is_(False)).order_by(col(Chat.created_at)))).first()
