from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, update
from sqlmodel import col

from storage.models import Chat
from storage.repositories.base import Repository


class ChatRepository(Repository):
    async def get(self, chat_id: int) -> Chat | None:
        return await self.cached(Chat, chat_id)

    async def preload_many(self, chat_ids: set[int]) -> None:
        await self.preload(Chat, chat_ids)

    async def ensure(self, chat_id: int, type_: str, title: str | None) -> Chat:
        chat = await self.get(chat_id)
        if chat is None:
            chat = Chat(id=chat_id, type=type_, title=title)
            self.session.add(chat)
            self.hold(chat, chat.id)
        elif title and chat.title != title:
            chat.title = title
        return chat

    async def refused_since(self, chat_id: int, sent_at: datetime) -> bool:
        """A send made at `sent_at` was refused because the chat blocked or removed us: the chat is
        marked blocked, unless it became reachable again since (`reachable_at`, set when a group adds
        the bot back), whose news then still goes; False then (a chat with no row: True). One
        conditional UPDATE, so a re-add committed between the refusal and its recording is never
        undone (the row lock orders them)."""
        result = await self.rows(
            update(Chat).where(col(Chat.id) == chat_id,
                               or_(col(Chat.reachable_at).is_(None), col(Chat.reachable_at) < sent_at))
            .values(blocked=True).execution_options(synchronize_session=False))
        if getattr(result, "rowcount", 0):
            return True
        return await self.get(chat_id) is None  # a chat we have no row of: refused, as before
