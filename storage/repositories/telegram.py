"""Look-ups for Telegram's own ways: albums in progress, the case a message opened."""
from __future__ import annotations

from datetime import datetime

from sqlmodel import col, select

from storage.models import Case
from storage.models.telegram import MediaGroup
from storage.repositories.base import Repository


class TelegramRepository(Repository):
    async def media_group(self, media_group_id: str, chat_id: int) -> MediaGroup:
        """The album's record, created (and flushed, so the next photo of a batch finds it) if new."""
        group = await self.session.get(MediaGroup, media_group_id)
        if group is None:
            group = MediaGroup(media_group_id=media_group_id, chat_id=chat_id)
            self.session.add(group)
            await self.session.flush()
        return group

    async def find_media_group(self, media_group_id: str) -> MediaGroup | None:
        """The album's record, if there is one (a look-up that creates nothing)."""
        return await self.session.get(MediaGroup, media_group_id)

    async def waiting_albums(self, chat_id: int, since: datetime) -> list[MediaGroup]:
        """The albums of `chat_id` begun since `since` whose caption never came (no case yet)."""
        stmt = (select(MediaGroup).where(MediaGroup.chat_id == chat_id, col(MediaGroup.case_id).is_(None),
                                         MediaGroup.created_at >= since)
                .order_by(col(MediaGroup.created_at)))
        return list((await self.session.exec(stmt)).all())

    async def case_for_message(self, chat_id: int, message_id: int, reporter_id: int) -> Case | None:
        """The case this user's message opened (its own, not one it followed)."""
        stmt = (select(Case).where(Case.chat_id == chat_id, Case.message_id == message_id,
                                   Case.reporter_id == reporter_id).order_by(col(Case.id)).limit(1))
        return (await self.session.exec(stmt)).first()
