from __future__ import annotations

from sqlmodel import select

from storage.models import Branch
from storage.repositories.base import Repository


class BranchRepository(Repository):
    async def get(self, branch_id: int) -> Branch | None:
        return await self.cached(Branch, branch_id)

    async def by_code(self, code: str) -> Branch | None:
        return (await self.session.exec(select(Branch).where(Branch.code == code))).first()

    async def all(self) -> list[Branch]:
        return list((await self.session.exec(select(Branch))).all())

    def add(self, branch: Branch) -> Branch:
        self.session.add(branch)
        return branch
