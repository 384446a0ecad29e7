from __future__ import annotations

from sqlmodel import col, select

from storage.models.core import utcnow
from storage.models.gazetteer import PlaceCoord
from storage.repositories.base import Repository


class GazetteerRepository(Repository):
    """Place text <-> coordinates per branch (see storage.models.gazetteer)."""

    async def _entry(self, branch_id: int | None, key: str) -> PlaceCoord | None:
        q = select(PlaceCoord).where(PlaceCoord.key == key)
        q = q.where(col(PlaceCoord.branch_id).is_(None) if branch_id is None
                    else col(PlaceCoord.branch_id) == branch_id)
        return (await self.session.exec(q)).first()

    async def learn(self, branch_id: int | None, key: str, place: str, lat: float, lon: float) -> PlaceCoord:
        """Store (or move) the pin of a place: the latest pin wins, as places are re-pinned
        when the first one was sloppy."""
        entry = await self._entry(branch_id, key)
        if entry is None:
            entry = PlaceCoord(branch_id=branch_id, key=key, place=place[:128], lat=lat, lon=lon)
            self.session.add(entry)
        else:
            entry.place, entry.lat, entry.lon = place[:128], lat, lon
            entry.hits += 1
            entry.updated_at = utcnow()
            self.session.add(entry)
        return entry

    async def lookup(self, branch_id: int | None, key: str) -> tuple[float, float] | None:
        entry = await self._entry(branch_id, key)
        return (entry.lat, entry.lon) if entry is not None else None
