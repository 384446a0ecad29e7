from __future__ import annotations

from sqlalchemy import bindparam
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.deferred import DeferredInserts
from storage.models.core import utcnow
from storage.models.gazetteer import PlaceCoord
from storage.repositories.base import Repository

# A place's entry, for a branch or for none: looked up for every report that names a place, so
# built once (building a select cost more than running it).
_ENTRY = select(PlaceCoord).where(PlaceCoord.key == bindparam("p_key"))
_ENTRY_OF_BRANCH = _ENTRY.where(col(PlaceCoord.branch_id) == bindparam("p_branch_id"))
_ENTRY_OF_NONE = _ENTRY.where(col(PlaceCoord.branch_id).is_(None))


class GazetteerRepository(Repository):
    """Place text <-> coordinates per branch (see storage.models.gazetteer)."""

    def __init__(self, session: AsyncSession, deferred: DeferredInserts) -> None:
        super().__init__(session, deferred)
        self._entries: dict[tuple[int | None, str], PlaceCoord | None] = {}  # read in this unit of work

    async def _entry(self, branch_id: int | None, key: str) -> PlaceCoord | None:
        """The entry of a place, read once per unit of work (a polling batch: a flooded underpass
        is reported by many riders at once), without flushing: `learn` keeps what it adds here."""
        if (branch_id, key) in self._entries:
            return self._entries[(branch_id, key)]
        stmt = _ENTRY_OF_NONE if branch_id is None else _ENTRY_OF_BRANCH
        with self.session.no_autoflush:
            entry = (await self.session.exec(stmt, params={"p_key": key, "p_branch_id": branch_id})).first()
        self._entries[(branch_id, key)] = entry
        return entry

    async def learn(self, branch_id: int | None, key: str, place: str, lat: float, lon: float) -> PlaceCoord:
        """Store (or move) the pin of a place: the latest pin wins, as places are re-pinned
        when the first one was sloppy."""
        entry = await self._entry(branch_id, key)
        if entry is None:
            entry = PlaceCoord(branch_id=branch_id, key=key, place=place[:128], lat=lat, lon=lon)
            self.session.add(entry)
            self._entries[(branch_id, key)] = entry
        else:
            entry.place, entry.lat, entry.lon = place[:128], lat, lon
            entry.hits += 1
            entry.updated_at = utcnow()
            self.session.add(entry)
        return entry

    async def lookup(self, branch_id: int | None, key: str) -> tuple[float, float] | None:
        entry = await self._entry(branch_id, key)
        return (entry.lat, entry.lon) if entry is not None else None
