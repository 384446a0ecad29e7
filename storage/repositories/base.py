from __future__ import annotations

from sqlmodel.ext.asyncio.session import AsyncSession


class Repository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
