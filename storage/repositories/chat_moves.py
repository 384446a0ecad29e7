"""Moving everything that names a chat to its new id (a Telegram group upgraded to a supergroup)."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Table, delete, select, update
from sqlmodel import SQLModel

from storage.models import Chat, OutboxMessage
from storage.repositories.base import Repository

# Rows that keep their chat: what was sent stays on record where it was sent.
_KEEP = {OutboxMessage.__tablename__: ("status", "pending")}  # only pending messages move


# Columns holding a message id of the row's chat. Message ids are per chat and restart in the
# supergroup (issue 13 B1: old message 3 is a different message there), so a moved row forgets
# them: its news goes out without a reply rather than under another report. Where the column is
# required (a pending "report this?" question) it becomes 0, "no message in this chat": a reply to
# message 0 is no reply (handlers.transport sends replies only to a true id), and a case opened
# from it stores no message id (bot.services.reports).
MESSAGE_COLUMNS = ("message_id", "reply_to_message_id")
NO_MESSAGE = 0


# The old chat's type once it moved: no longer a group, so audiences (broadcasts, surveys,
# leaderboards, lessons: `type IN ('group', 'supergroup')`) neither send to it nor count it as a
# blocked chat (issue 13 B4). The row stays: sent messages name it.
MOVED = "migrated"


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
            if old.branch_id is not None or not old.blocked or old.type != MOVED:
                old.branch_id, old.blocked, old.type = None, True, MOVED
                changed += 1
            new.blocked = False
        await self.session.flush()
        conn = await self.session.connection()
        for table in _tables("chat_id"):
            ids = [table.c[name] for name in MESSAGE_COLUMNS if name in table.c]
            changed += await self._drop_clashes(conn, table, old_id, new_id)
            stmt = update(table).where(table.c.chat_id == old_id)
            keep = _KEEP.get(table.name)
            if keep is not None:
                stmt = stmt.where(table.c[keep[0]] == keep[1])
            values: dict[str, Any] = {"chat_id": new_id, **{c.name: None if c.nullable else NO_MESSAGE for c in ids}}
            changed += (await conn.execute(stmt.values(**values))).rowcount or 0
        for table in _tables("origin_chat_id"):  # a proposal's origin: the chat moves, its message id is forgotten
            values = {"origin_chat_id": new_id,
                      **({"origin_message_id": None} if "origin_message_id" in table.c else {})}
            stmt = update(table).where(table.c.origin_chat_id == old_id).values(**values)
            changed += (await conn.execute(stmt)).rowcount or 0
        for table in _tables("chat_ids"):
            changed += await self._move_in_lists(conn, table, old_id, new_id)
        return changed

    @staticmethod
    async def _drop_clashes(conn: Any, table: Table, old_id: int, new_id: int) -> int:
        """Where the chat is part of the key (a lesson plan, a pending question), the new chat's
        own row wins: the old one would collide with it."""
        key = list(table.primary_key.columns)
        if table.c.chat_id not in key:
            return 0
        rest = [c for c in key if c.name != "chat_id"]
        rows = (await conn.execute(select(*(rest or [table.c.chat_id])).where(table.c.chat_id == new_id))).all()
        taken = {tuple(r) for r in rows} if rest else ({()} if rows else set())
        dropped = 0
        for values in taken:
            stmt = delete(table).where(table.c.chat_id == old_id, *[c == v for c, v in zip(rest, values)])
            dropped += (await conn.execute(stmt)).rowcount or 0
        return dropped

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
