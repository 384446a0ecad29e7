"""Login links and sessions of the dashboard (storage/models/web.py), by the hash of their token."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, update
from sqlmodel import col, select

from storage.models.web import WebToken
from storage.repositories.base import Repository


class WebTokenRepository(Repository):
    def add(self, token: WebToken) -> WebToken:
        self.session.add(token)
        return token

    async def get(self, token_hash: str, kind: str) -> WebToken | None:
        return (await self.session.exec(
            select(WebToken).where(WebToken.token_hash == token_hash, WebToken.kind == kind))).first()

    async def use(self, token_hash: str, now: datetime) -> bool:
        """Marks a login link used, once: True only for the one request that did it (a single
        conditional UPDATE, so two requests racing with the same link cannot both win)."""
        result = await self.session.exec(
            update(WebToken).where(col(WebToken.token_hash) == token_hash, col(WebToken.kind) == "login",
                                   col(WebToken.used_at).is_(None), col(WebToken.expires_at) > now)
            .values(used_at=now))
        return bool(result.rowcount == 1)

    async def forget(self, token_hash: str) -> None:
        await self.session.exec(delete(WebToken).where(col(WebToken.token_hash) == token_hash))

    async def purge(self, now: datetime) -> None:
        """Expired links and sessions go (called when a link is issued: no job needed)."""
        await self.session.exec(delete(WebToken).where(col(WebToken.expires_at) < now))
