from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, func, or_, update
from sqlalchemy.orm import aliased
from sqlmodel import col, select

from storage.models import OutboxMessage, utcnow
from storage.repositories.base import Repository
from storage.tables import table_of


class OutboxRepository(Repository):
    def add(self, *, chat_id: int, kind: str, lang: str, payload: dict[str, Any], reply_to: int | None,
            priority: int, dedupe_key: str | None, case: Any = None) -> None:
        thread = getattr(case, "thread_id", None)
        if thread and chat_id == case.chat_id and "thread_id" not in payload:
            payload = {**payload, "thread_id": thread}  # a case's news stays in its forum topic
        self.deferred.add(OutboxMessage, {
            "chat_id": chat_id, "kind": kind, "lang": lang, "payload": payload,
            "reply_to_message_id": reply_to, "priority": priority, "status": "pending", "attempts": 0,
            "dedupe_key": dedupe_key, "case_id": None, "created_at": utcnow()}, case)

    async def due(self, limit: int, now: datetime | None = None) -> list[OutboxMessage]:
        """Pending messages in send order: priority first, then the order they were caused."""
        now = now or utcnow()
        held = aliased(OutboxMessage)
        # A chat whose earlier message is waiting to be retried keeps its order: nothing overtakes it.
        overtakes = (select(held.id).where(held.chat_id == OutboxMessage.chat_id, held.status == "pending",
                                           col(held.id) < col(OutboxMessage.id), col(held.not_before) > now)
                     .exists())
        stmt = (select(OutboxMessage)
                .where(OutboxMessage.status == "pending",
                       or_(col(OutboxMessage.not_before).is_(None), col(OutboxMessage.not_before) <= now),
                       ~overtakes)
                .order_by(col(OutboxMessage.priority), col(OutboxMessage.id)).limit(limit))
        return list((await self.session.exec(stmt)).all())

    async def queued_in(self, chat_id: int, from_id: int, limit: int) -> list[OutboxMessage]:
        """The chat's pending messages from `from_id` on, in send order."""
        stmt = (select(OutboxMessage)
                .where(OutboxMessage.chat_id == chat_id, OutboxMessage.status == "pending",
                       col(OutboxMessage.id) >= from_id)
                .order_by(col(OutboxMessage.id)).limit(limit))
        return list((await self.session.exec(stmt)).all())

    async def merge(self, rows: list[OutboxMessage], kind: str, payload: dict[str, Any]) -> OutboxMessage:
        """One message in place of `rows`, which stay on record as merged into it."""
        first = rows[0]
        digest = OutboxMessage(chat_id=first.chat_id, kind=kind, lang=first.lang, payload=payload,
                               priority=first.priority)
        self.session.add(digest)
        await self.session.flush()
        await self.session.exec(
            update(OutboxMessage).where(col(OutboxMessage.id).in_([r.id for r in rows]),
                                        col(OutboxMessage.status) == "pending")
            .values(status="merged", merged_into=digest.id))
        return digest

    async def _set(self, msg_id: int, **values: Any) -> None:
        await self.session.exec(
            update(OutboxMessage).where(col(OutboxMessage.id) == msg_id,
                                        col(OutboxMessage.status) == "pending").values(**values))

    async def mark_sent_many(self, sent: list[tuple[int, int | None]]) -> None:
        """One statement for a batch (executemany): the sender's busiest write."""
        if not sent:
            return
        table = table_of(OutboxMessage)
        stmt = (update(table).where(table.c.id == bindparam("row_id"), table.c.status == "pending")
                .values(status="sent", sent_at=bindparam("at"), sent_message_id=bindparam("platform_id")))
        now = utcnow()
        conn = await self.session.connection()
        await conn.execute(stmt, [{"row_id": i, "platform_id": p, "at": now} for i, p in sent])

    async def mark_failed(self, msg_id: int, error: str, status: str = "failed") -> None:
        await self._set(msg_id, status=status, error=error[:500])

    async def postpone(self, msg_id: int, delay: float, error: str, count_attempt: bool) -> None:
        values: dict[str, Any] = {"not_before": utcnow() + timedelta(seconds=delay), "error": error[:500]}
        if count_attempt:
            values["attempts"] = OutboxMessage.attempts + 1
        await self._set(msg_id, **values)

    async def retry_now(self) -> None:
        await self.session.exec(
            update(OutboxMessage).where(col(OutboxMessage.status) == "pending",
                                        col(OutboxMessage.not_before).is_not(None)).values(not_before=None))

    async def pending_count(self) -> int:
        stmt = select(func.count()).select_from(OutboxMessage).where(OutboxMessage.status == "pending")
        return int((await self.session.exec(stmt)).one())

    async def prompt_for(self, chat_id: int, message_id: int, kind: str, since: datetime) -> OutboxMessage | None:
        """The `kind` message we sent as `message_id` in the chat, so a reply to it finds its cause.
        A prompt the sender has not yet recorded as sent (its id arrives a moment after Telegram
        accepted it) is taken as the chat's latest one of that kind not yet known by another id."""
        stmt = (select(OutboxMessage)
                .where(OutboxMessage.chat_id == chat_id, OutboxMessage.kind == kind,
                       OutboxMessage.created_at >= since,
                       or_(col(OutboxMessage.sent_message_id).is_(None),
                           col(OutboxMessage.sent_message_id) == message_id))
                .order_by(col(OutboxMessage.id).desc()).limit(5))
        rows = list((await self.session.exec(stmt)).all())
        return next((r for r in rows if r.sent_message_id == message_id), rows[0] if rows else None)
