"""Telegram's file_ids for photos of the media store (storage/models/web.py MediaUpload)."""
from __future__ import annotations

from storage.models.web import MediaUpload
from storage.repositories.base import Repository


class MediaUploadRepository(Repository):
    async def file_id(self, name: str) -> str | None:
        row = await self.session.get(MediaUpload, name)
        return row.file_id if row is not None else None

    async def remember(self, name: str, file_id: str) -> None:
        """Keep the first file_id a stored file got (a second upload's id is as good: kept only
        when none is there, so two workers racing both succeed)."""
        if await self.session.get(MediaUpload, name) is None:
            self.session.add(MediaUpload(name=name, file_id=file_id))
