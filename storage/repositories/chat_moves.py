"""Moving everything that names a chat to its new id (a Telegram group upgraded to a supergroup)."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Table, select, update
from sqlmodel import SQLModel

from storage.models import Chat, OutboxMessage
from storage.models.lessons import LessonSchedule
from storage.repositories.base import Repository

# Rows that keep their chat: what was sent stays on record where it was sent.
_KEEP = {OutboxMessage.__tablename__: ("status", "pending")}  # only pending messages move


def _tables(column: str) -> list[Table]:
    return [t for t in SQLModel.metadata.sorted_tables if column in t.c]


class ChatMoveRepository(Repository):
    async def move(self, old_id: int, new_id: int, new_type: str = "supergroup") -> int:
        """Re-point every row naming chat `old_id` to `new_id` (any table with a `chat_id`
        column, and `chat_ids` lists), carry the branch binding over, and mark the old chat
        unreachable. Returns the rows changed: 0 when it was already done."""
        old = await self.session.get(Chat, old_id)
        new = await self.session.get(Chat, new_id)
        changed = 0
        if new is None:
            new = Chat(id=new_id, type=new_type, title=old.title if old else None)
            self.session.add(new)
            changed += 1
        if old is not None:
            if old.branch_id is not None and new.branch_id is None:
                new.branch_id, changed = old.branch_id, changed + 1
            if old.branch_id is not None or not old.blocked:
                old.branch_id, old.blocked = None, True
                changed += 1
            new.blocked = False
        await self.session.flush()
        if await self.session.get(LessonSchedule, new_id) is not None:  # the new chat has its own plan
            schedule = await self.session.get(LessonSchedule, old_id)
            if schedule is not None:
                await self.session.delete(schedule)
                changed += 1
        conn = await self.session.connection()
        for table in _tables("chat_id"):
            stmt = update(table).where(table.c.chat_id == old_id)
            keep = _KEEP.get(table.name)
            if keep is not None:
                stmt = stmt.where(table.c[keep[0]] == keep[1])
            changed += (await conn.execute(stmt.values(chat_id=new_id))).rowcount or 0
        for table in _tables("chat_ids"):
            changed += await self._move_in_lists(conn, table, old_id, new_id)
        return changed

    async def _move_in_lists(self, conn: Any, table: Table, old_id: int, new_id: int) -> int:
        pk = list(table.primary_key.columns)[0]
        rows = (await conn.execute(select(pk, table.c.chat_ids).where(table.c.chat_ids.is_not(None)))).all()
        changed = 0
        for key, ids in rows:
            if isinstance(ids, list) and old_id in ids:
                moved = list(dict.fromkeys(new_id if i == old_id else i for i in ids))
                await conn.execute(update(table).where(pk == key).values(chat_ids=moved))
                changed += 1
        return changed
