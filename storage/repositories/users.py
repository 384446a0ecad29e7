from __future__ import annotations

from storage.models import User
from storage.repositories.base import Repository


class UserRepository(Repository):
    async def get(self, user_id: int) -> User | None:
        return await self.cached(User, user_id)

    async def preload_many(self, user_ids: set[int]) -> None:
        await self.preload(User, user_ids)

    async def upsert(self, user_id: int, first_name: str, username: str | None,
                     language_code: str | None) -> User:
        """Keep names fresh from each update; never overwrite an explicit /lang choice."""
        user = await self.get(user_id)
        if user is None:
            user = User(id=user_id, first_name=first_name, username=username,
                        language_code=language_code)
            self.session.add(user)
            self.hold(user, user.id)
        else:
            user.first_name, user.username = first_name, username
            if language_code:
                user.language_code = language_code
        return user
