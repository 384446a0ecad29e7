from __future__ import annotations

from storage.models import Chat
from storage.repositories.base import Repository


class ChatRepository(Repository):
    async def get(self, chat_id: int) -> Chat | None:
        return await self.session.get(Chat, chat_id)

    async def ensure(self, chat_id: int, type_: str, title: str | None) -> Chat:
        chat = await self.get(chat_id)
        if chat is None:
            chat = Chat(id=chat_id, type=type_, title=title)
            self.session.add(chat)
        elif title and chat.title != title:
            chat.title = title
        return chat

    async def set_blocked(self, chat_id: int, blocked: bool = True) -> None:
        chat = await self.get(chat_id)
        if chat is not None:
            chat.blocked = blocked
