from __future__ import annotations

from sqlmodel import select

from storage.models import Branch
from storage.repositories.base import Repository


class BranchRepository(Repository):
    async def by_code(self, code: str) -> Branch | None:
        return (await self.session.exec(select(Branch).where(Branch.code == code))).first()

    def add(self, branch: Branch) -> Branch:
        self.session.add(branch)
        return branch
