from __future__ import annotations

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

    async def set_blocked(self, chat_id: int, blocked: bool = True) -> None:
        chat = await self.get(chat_id)
        if chat is not None:
            chat.blocked = blocked
