from __future__ import annotations

from storage.models import User
from storage.repositories.base import Repository


class UserRepository(Repository):
    async def get(self, user_id: int) -> User | None:
        return await self.session.get(User, user_id)

    async def upsert(self, user_id: int, first_name: str, username: str | None,
                     language_code: str | None) -> User:
        """Keep names fresh from each update; never overwrite an explicit /lang choice."""
        user = await self.get(user_id)
        if user is None:
            user = User(id=user_id, first_name=first_name, username=username,
                        language_code=language_code)
            self.session.add(user)
        else:
            user.first_name, user.username = first_name, username
            if language_code:
                user.language_code = language_code
        return user
