from __future__ import annotations

from sqlalchemy import ColumnElement, bindparam, or_
from sqlalchemy import select as core_select
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.deferred import DeferredInserts
from storage.models import DepartmentMember, User
from storage.repositories.base import Repository
from storage.tables import table_of


_MEMBERS = table_of(DepartmentMember)
_GRANTS = (core_select(_MEMBERS.c.department, _MEMBERS.c.branch_id)
           .where(_MEMBERS.c.user_id == bindparam("p_user_id")))  # built once: read at every transition


class UserRepository(Repository):
    def __init__(self, session: AsyncSession, deferred: DeferredInserts) -> None:
        super().__init__(session, deferred)
        self._grants: dict[int, list[tuple[str, int | None]]] = {}

    async def get(self, user_id: int) -> User | None:
        return await self.cached(User, user_id)

    def held(self, user_id: int) -> User | None:
        """The user if this unit of work already read them (`get` would run no query)."""
        held: User | None = self._held.get((User, user_id))
        return held

    async def remove(self, user: User) -> None:
        """Deletes the row (a person merged into another: bot/services/identities.py)."""
        self._held.pop((User, user.id), None)
        await self.session.delete(user)

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
        else:  # set only what changed: an unchanged row is then not flushed at commit
            if user.first_name != first_name:
                user.first_name = first_name
            if user.username != username:
                user.username = username
            if language_code and user.language_code != language_code:
                user.language_code = language_code
        return user

    async def staff_ids(self, branch_id: int | None) -> list[int]:
        """Superadmins, and the secretaries of `branch_id`."""
        cond: ColumnElement[bool] = col(User.role) == "superadmin"
        if branch_id is not None:
            cond = or_(cond, (col(User.role) == "secretary") & (col(User.branch_id) == branch_id))
        return list((await self.session.exec(select(User.id).where(cond))).all())

    async def secretaries_of(self, branch_id: int) -> list[int]:
        """The secretaries of `branch_id` (not the superadmins)."""
        stmt = select(User.id).where(User.role == "secretary", User.branch_id == branch_id)
        return list((await self.session.exec(stmt)).all())

    async def many(self, ids: set[int]) -> list[User]:
        """The known users among `ids` (names for mentions)."""
        if not ids:
            return []
        return list((await self.session.exec(select(User).where(col(User.id).in_(ids)))).all())

    async def reachable(self, ids: set[int]) -> list[User]:
        """Those of `ids` who have a private chat with the bot."""
        if not ids:
            return []
        stmt = select(User).where(col(User.id).in_(ids), col(User.started).is_(True))
        return list((await self.session.exec(stmt)).all())

    async def find(self, who: str) -> User | None:
        """A user by numeric id or @username."""
        who = who.strip()
        if who.lstrip("-").isdigit():  # Telegram ids fit in 52 bits; a longer number is nobody
            return await self.get(int(who)) if len(who.lstrip("-")) <= 15 else None
        stmt = select(User).where(User.username == who.lstrip("@"))
        return (await self.session.exec(stmt)).first()

    async def named(self, name: str, limit: int = 50) -> list[User]:
        """The users whose display name is `name` (as typed, spaces at its ends aside), by id: at
        most `limit` (a name so common says nobody)."""
        stmt = select(User).where(User.first_name == name.strip()).order_by(col(User.id)).limit(limit)
        return list((await self.session.exec(stmt)).all())

    async def department_grants(self, user_id: int) -> list[tuple[str, int | None]]:
        """(department, branch id or None for every branch) of each membership `user_id` holds.
        Read once per unit of work and user (a transition asks for the actor's scope twice);
        granting or revoking here forgets what was read."""
        grants = self._grants
        if user_id not in grants:  # a Core read: granting goes through this repository, never pending
            conn = await self.session.connection()
            grants[user_id] = [(d, b) for d, b in (await conn.execute(_GRANTS, {"p_user_id": user_id})).all()]
        return list(grants[user_id])

    async def grant_department(self, user_id: int, department: str, branch_id: int | None,
                               granted_by: int | None) -> bool:
        """Adds the membership (in `branch_id`, or every branch when None); False if held already."""
        if (department, branch_id) in await self.department_grants(user_id):
            return False
        self._grants.clear()
        self.session.add(DepartmentMember(department=department, user_id=user_id, branch_id=branch_id,
                                          granted_by=granted_by))
        await self.session.flush()  # stored now: `department_grants` reads with Core (no autoflush)
        return True

    async def revoke_department(self, user_id: int, department: str, branch_id: int | None,
                                every: bool = False) -> list[int | None]:
        """Removes the membership in `branch_id` (None: the all-branches one; `every`: all of them);
        returns the branches whose membership went."""
        stmt = select(DepartmentMember).where(DepartmentMember.user_id == user_id,
                                              DepartmentMember.department == department)
        if not every:
            stmt = stmt.where(col(DepartmentMember.branch_id).is_(None) if branch_id is None
                              else DepartmentMember.branch_id == branch_id)
        self._grants.clear()
        gone = []
        for row in (await self.session.exec(stmt)).all():
            gone.append(row.branch_id)
            await self.session.delete(row)
        await self.session.flush()  # gone now: `department_grants` reads with Core (no autoflush)
        return gone
