from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import and_, bindparam, func, or_, update
from sqlalchemy.orm import aliased
from sqlmodel import col, select

from storage.models import OutboxMessage, utcnow
from storage.repositories.base import Repository
from storage.tables import table_of


def sent_about(kind: Any, case_id: Any) -> tuple[Any, ...]:
    """The criteria of a message of `kind` about case `case_id` that was sent (it has its platform
    id): `sent_of_kind`'s rows, and what CaseRepository.update asks in its UPDATE."""
    o = table_of(OutboxMessage).c
    return o.kind == kind, o.case_id == case_id, o.status == "sent", o.sent_message_id.is_not(None)


# Built once (bind parameters, not values): asked at every case transition (bot.services.case_dialogs).
_SENT_OF_KIND = (select(OutboxMessage).where(*sent_about(bindparam("p_kind"), bindparam("p_case_id")))
                 .order_by(col(OutboxMessage.id)))


def _free(msg: Any) -> Any:
    """`msg` may be claimed by the worker bound as p_worker at p_now: nobody holds it, its
    holder's lease ran out (that worker died or hangs), or p_worker holds it already."""
    return or_(col(msg.claimed_until).is_(None), col(msg.claimed_until) <= bindparam("p_now"),
               col(msg.claimed_by) == bindparam("p_worker"))


@lru_cache(maxsize=2)
def _claimable(for_update: bool) -> Any:
    """The due rows p_worker may claim at p_now, in send order, at most p_limit (see `claim`).
    Built once per dialect: the sender asks at every pass, and building this select (an
    aliased subquery) cost more CPU than running it (issue 18)."""
    msg, held = OutboxMessage, aliased(OutboxMessage)
    now: Any = bindparam("p_now")
    blocked = (select(held.id).where(
        col(held.chat_id) == msg.chat_id, col(held.status) == "pending",
        or_(and_(col(held.id) < msg.id, col(held.not_before) > now),
            and_(or_(col(held.priority) < msg.priority, and_(col(held.priority) == msg.priority, col(held.id) < msg.id)),
                 col(held.claimed_until) > now, col(held.claimed_by) != bindparam("p_worker")))).exists())
    stmt = (select(msg)
            .where(col(msg.status) == "pending", or_(col(msg.not_before).is_(None), col(msg.not_before) <= now),
                   _free(msg), ~blocked)
            .order_by(col(msg.priority), col(msg.id)).limit(bindparam("p_limit")))
    return stmt.with_for_update(skip_locked=True, of=msg) if for_update else stmt


@lru_cache(maxsize=1)
def _claim_locked() -> Any:
    """PostgreSQL: `_claimable(True)`'s rows claimed for p_worker until p_until by one statement,
    returning them (UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING …: the queue
    idiom, the read's row locks held by the update). One round trip and plain rows instead of a
    read of ORM objects and an UPDATE: the sender claims at every pass (issue 18)."""
    o = table_of(OutboxMessage)
    due = _claimable(True).with_only_columns(col(OutboxMessage.id)).scalar_subquery()
    return (update(o).where(o.c.id.in_(due))
            .values(claimed_by=bindparam("p_worker"), claimed_until=bindparam("p_until")).returning(*o.c))


# Claims p_ids for p_worker until p_until, those still free (see `claim`); returns their ids.
_TAKE = (update(OutboxMessage)
         .where(col(OutboxMessage.id).in_(bindparam("p_ids", expanding=True)), col(OutboxMessage.status) == "pending",
                _free(OutboxMessage))
         .values(claimed_by=bindparam("p_worker"), claimed_until=bindparam("p_until")).returning(col(OutboxMessage.id))
         .execution_options(synchronize_session=False))


# Per chat of p_chats and priority, the first pending row p_worker does not hold at p_now (see `held_elsewhere`).
_FIRST_NOT_MINE = (select(OutboxMessage.chat_id, OutboxMessage.priority, func.min(OutboxMessage.id))
                   .where(col(OutboxMessage.chat_id).in_(bindparam("p_chats", expanding=True)),
                          col(OutboxMessage.status) == "pending",
                          or_(col(OutboxMessage.claimed_by).is_(None), col(OutboxMessage.claimed_by) != bindparam("p_worker"),
                              col(OutboxMessage.claimed_until).is_(None),
                              col(OutboxMessage.claimed_until) <= bindparam("p_now")))
                   .group_by(col(OutboxMessage.chat_id), col(OutboxMessage.priority)))

# The pending rows to p_chats another worker than p_worker holds at p_now (see `claimed_elsewhere`).
_CLAIMED_ELSEWHERE = (select(OutboxMessage.id)
                      .where(col(OutboxMessage.chat_id).in_(bindparam("p_chats", expanding=True)),
                             col(OutboxMessage.status) == "pending", col(OutboxMessage.claimed_by).is_not(None),
                             col(OutboxMessage.claimed_by) != bindparam("p_worker"),
                             col(OutboxMessage.claimed_until) > bindparam("p_now")))

# Marks row_id sent at `at` as platform_id, if still pending (executemany: one statement per batch).
_MARK_SENT = (update(table_of(OutboxMessage))
              .where(table_of(OutboxMessage).c.id == bindparam("row_id"), table_of(OutboxMessage).c.status == "pending")
              .values(status="sent", sent_at=bindparam("at"), sent_message_id=bindparam("platform_id")))


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

    async def claim(self, worker: str, limit: int, lease: float, now: datetime | None = None) -> list[Any]:
        """Take the due rows for `worker` until `lease` seconds from now, in send order, and
        return them (commit to make the claim seen by other workers).

        A row is free when nobody holds it, its holder's lease ran out (that worker died or
        hangs: its rows are taken over), or `worker` holds it already. On PostgreSQL the rows are
        read FOR UPDATE SKIP LOCKED, so workers claiming at once never take the same row. A chat
        keeps its order: nothing is claimed behind a message of the chat that waits to be retried
        or that another worker is sending (see `held_elsewhere` for claims made at the same time).
        The rows have the outbox's columns as attributes (ORM objects on SQLite, plain rows on
        PostgreSQL), in send order."""
        now = now or utcnow()
        binds = {"p_worker": worker, "p_now": now}
        until = now + timedelta(seconds=lease)
        if self.session.bind.dialect.name == "postgresql":  # type: ignore[union-attr]
            conn = await self.session.connection()
            claimed = (await conn.execute(_claim_locked(), {**binds, "p_limit": limit, "p_until": until})).all()
            return sorted(claimed, key=lambda r: (r.priority, r.id))
        rows = list((await self.session.exec(_claimable(False), params={**binds, "p_limit": limit})).all())
        if not rows:
            return rows
        # The update checks again what the read saw: on SQLite the read holds no lock, and
        # another worker's claim may have been committed in between; only rows still free are ours.
        taken = set((await self.session.exec(
            _TAKE, params={**binds, "p_ids": [r.id for r in rows], "p_until": until},
        )).scalars().all())
        return [r for r in rows if r.id in taken]

    async def held_elsewhere(self, worker: str, chat_ids: set[int],
                             now: datetime | None = None) -> dict[int, tuple[int, int]]:
        """Per chat, the first pending row in send order (priority, id) that `worker` does not
        hold. A claimed row of `worker` after it must not be sent yet: two claims made at the
        same moment may have split a chat's queue (each saw the other's rows as free)."""
        if not chat_ids:
            return {}
        first: dict[int, tuple[int, int]] = {}
        rows: Any = await self.session.exec(_FIRST_NOT_MINE, params={
            "p_chats": list(chat_ids), "p_worker": worker, "p_now": now or utcnow()})
        for chat_id, priority, row_id in rows.all():  # min() of a group: never None
            if chat_id not in first or (priority, row_id) < first[chat_id]:
                first[chat_id] = (priority, row_id)
        return first

    async def claimed_elsewhere(self, worker: str, chat_ids: Collection[int], *, among: Collection[int] | None = None,
                                now: datetime | None = None) -> set[int]:
        """Ids of the pending rows to `chat_ids` that a worker other than `worker` holds (a claim
        whose lease has not run out): sends under way elsewhere, whose outcome is not recorded yet.
        With `among`, only those of these ids (the rows waited for already: a claim made later is
        not waited for)."""
        if not chat_ids or (among is not None and not among):
            return set()
        rows: Any = await self.session.exec(_CLAIMED_ELSEWHERE, params={
            "p_chats": list(chat_ids), "p_worker": worker, "p_now": now or utcnow()})
        found = set(rows.all())
        return found if among is None else found & set(among)

    async def release(self, worker: str, ids: list[int]) -> None:
        """Give back claims `worker` holds on rows it will not send in this pass."""
        if ids:
            await self.rows(
                update(OutboxMessage).where(col(OutboxMessage.id).in_(ids), col(OutboxMessage.claimed_by) == worker)
                .values(claimed_by=None, claimed_until=None).execution_options(synchronize_session=False))

    async def renew(self, worker: str, lease: float) -> None:
        """Extend every pending claim `worker` holds (a long pass outlives no lease)."""
        await self.rows(
            update(OutboxMessage).where(col(OutboxMessage.claimed_by) == worker, col(OutboxMessage.status) == "pending")
            .values(claimed_until=utcnow() + timedelta(seconds=lease)).execution_options(synchronize_session=False))

    async def queued_in(self, chat_id: int, from_id: int, limit: int,
                        worker: str | None = None) -> list[OutboxMessage]:
        """The chat's pending messages from `from_id` on, in send order (with `worker`: up to the
        first one another worker holds)."""
        stmt = (select(OutboxMessage)
                .where(col(OutboxMessage.chat_id) == chat_id, col(OutboxMessage.status) == "pending",
                       col(OutboxMessage.id) >= from_id)
                .order_by(col(OutboxMessage.id)).limit(limit))
        rows = list((await self.session.exec(stmt)).all())
        if worker is None:
            return rows
        now = utcnow().replace(tzinfo=None)
        for i, row in enumerate(rows):
            until = row.claimed_until.replace(tzinfo=None) if row.claimed_until else None
            if row.claimed_by not in (None, worker) and until is not None and until > now:
                return rows[:i]
        return rows

    async def merge(self, rows: list[OutboxMessage], kind: str, payload: dict[str, Any],
                    worker: str | None = None, lease: float = 0.0) -> OutboxMessage:
        """One message in place of `rows`, which stay on record as merged into it; the digest is
        claimed by `worker` (who sends it now) so no other worker sends it too."""
        first = rows[0]
        digest = OutboxMessage(chat_id=first.chat_id, kind=kind, lang=first.lang, payload=payload,
                               priority=first.priority, claimed_by=worker,
                               claimed_until=utcnow() + timedelta(seconds=lease) if worker else None)
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
        now = utcnow()
        conn = await self.session.connection()
        await conn.execute(_MARK_SENT, [{"row_id": i, "platform_id": p, "at": now} for i, p in sent])

    async def platform_id_of(self, chat_id: int, dedupe_key: str) -> int | None:
        """The platform id a sent row (found by its unique dedupe key) got, e.g. the forum topic a
        CREATE_TOPIC row made (bot.outbox); None while it is pending, or when it failed."""
        stmt = select(OutboxMessage.sent_message_id).where(
            OutboxMessage.dedupe_key == dedupe_key, OutboxMessage.chat_id == chat_id,
            OutboxMessage.status == "sent")
        return (await self.session.exec(stmt)).first()

    async def requeue_refused(self, chat_id: int, kinds: tuple[str, ...], since: datetime) -> int:
        """Sends again the rows of `kinds` for `chat_id` made since `since` that the chat refused
        because it had blocked or removed us (status "blocked"), in their first order; how many."""
        result: Any = await self.session.exec(
            update(OutboxMessage)
            .where(col(OutboxMessage.chat_id) == chat_id, col(OutboxMessage.status) == "blocked",
                   col(OutboxMessage.kind).in_(kinds), col(OutboxMessage.created_at) >= since)
            .values(status="pending", attempts=0, error=None, not_before=None, claimed_by=None,
                    claimed_until=None)
            .execution_options(synchronize_session=False))
        return int(result.rowcount or 0)

    async def mark_failed(self, msg_id: int, error: str, status: str = "failed") -> None:
        await self._set(msg_id, status=status, error=error[:500])

    async def postpone(self, msg_id: int, delay: float, error: str, count_attempt: bool) -> None:
        values: dict[str, Any] = {"not_before": utcnow() + timedelta(seconds=delay), "error": error[:500],
                                  "claimed_by": None, "claimed_until": None}  # any worker may retry it
        if count_attempt:
            values["attempts"] = OutboxMessage.attempts + 1
        await self._set(msg_id, **values)

    async def retry_now(self) -> None:
        await self.session.exec(
            update(OutboxMessage).where(col(OutboxMessage.status) == "pending",
                                        col(OutboxMessage.not_before).is_not(None)).values(not_before=None))

    async def depth(self) -> tuple[int, float]:
        """(rows pending, seconds since the oldest of them was caused; 0.0 when none): for metrics."""
        stmt = (select(func.count(), func.min(OutboxMessage.created_at)).select_from(OutboxMessage)
                .where(col(OutboxMessage.status) == "pending"))
        count, oldest = (await self.session.exec(stmt)).one()
        if not count or oldest is None:
            return 0, 0.0
        if isinstance(oldest, str):  # SQLite hands back an aggregate's datetime as text
            oldest = datetime.fromisoformat(oldest)
        age = (utcnow().replace(tzinfo=None) - oldest.replace(tzinfo=None)).total_seconds()
        return int(count), max(0.0, age)

    async def pending_count(self) -> int:
        stmt = select(func.count()).select_from(OutboxMessage).where(col(OutboxMessage.status) == "pending")
        return int((await self.session.exec(stmt)).one())

    async def prompt_for(self, chat_id: int, message_id: int, kind: str, since: datetime) -> OutboxMessage | None:
        """The `kind` message we sent as `message_id` in the chat, so a reply to it finds its cause.
        A prompt the sender has not yet recorded as sent (its id arrives a moment after Telegram
        accepted it) is taken as the chat's latest one of that kind not yet known by another id."""
        stmt = (select(OutboxMessage)
                .where(col(OutboxMessage.chat_id) == chat_id, col(OutboxMessage.kind) == kind,
                       col(OutboxMessage.created_at) >= since,
                       or_(col(OutboxMessage.sent_message_id).is_(None),
                           col(OutboxMessage.sent_message_id) == message_id))
                .order_by(col(OutboxMessage.id).desc()).limit(5))
        rows = list((await self.session.exec(stmt)).all())
        return next((r for r in rows if r.sent_message_id == message_id), rows[0] if rows else None)

    async def latest_of_kind(self, chat_id: int, kind: str, since: datetime, limit: int = 5) -> list[OutboxMessage]:
        """The chat's latest `kind` messages since `since`, newest first (sent or still queued): the
        prompts a WeCom quote may answer, which names their words, not their message."""
        stmt = (select(OutboxMessage)
                .where(col(OutboxMessage.chat_id) == chat_id, col(OutboxMessage.kind) == kind,
                       col(OutboxMessage.created_at) >= since)
                .order_by(col(OutboxMessage.id).desc()).limit(limit))
        return list((await self.session.exec(stmt)).all())

    async def last_word(self, chat_id: int, since: datetime) -> OutboxMessage | None:
        """What the bot last said in the chat since `since` (sent or still queued; an edit settling an
        earlier message says nothing new and is passed over): whether a question is still the open one."""
        stmt = (select(OutboxMessage)
                .where(col(OutboxMessage.chat_id) == chat_id, col(OutboxMessage.created_at) >= since,
                       col(OutboxMessage.kind) != "settled")
                .order_by(col(OutboxMessage.id).desc()).limit(1))
        return (await self.session.exec(stmt)).first()

    async def sent_of_kind(self, kind: str, case_id: int) -> list[OutboxMessage]:
        """Sent rows of `kind` about case `case_id` (platform message id known), oldest first."""
        rows = await self.session.exec(_SENT_OF_KIND, params={"p_kind": kind, "p_case_id": case_id})
        return list(rows.all())

    async def replace_pending(self, chat_id: int, prefix: str, key: str, payload: dict[str, Any]) -> bool:
        """Coalescing: the chat's row under `prefix` still waiting for a sender (pending, claimed by
        no worker) takes `key` and `payload` instead of a new row being queued behind it. False when
        there is none (every earlier one is sent, or being sent now): the caller queues its own.
        A claim racing this update either sees the new payload or finds the row taken (PostgreSQL
        re-checks the condition on the locked row; SQLite writes one at a time)."""
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        stmt = (update(OutboxMessage)
                .where(col(OutboxMessage.chat_id) == chat_id, col(OutboxMessage.dedupe_key).like(escaped, escape="\\"),
                       col(OutboxMessage.status) == "pending", col(OutboxMessage.claimed_by).is_(None))
                .values(dedupe_key=key, payload=payload).execution_options(synchronize_session=False))
        result = await self.rows(stmt)
        return bool(getattr(result, "rowcount", 0))

    async def keys_under(self, prefix: str) -> set[str]:
        """The dedupe keys starting with `prefix`, whatever their status: what was already queued."""
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        stmt = select(OutboxMessage.dedupe_key).where(col(OutboxMessage.dedupe_key).like(escaped, escape="\\"))
        return {k for k in (await self.session.exec(stmt)).all() if k}

    async def sent_under(self, prefix: str, chat_id: int | None = None, *, queued: bool = False) -> list[OutboxMessage]:
        """Rows sent (with the platform's message id known) whose dedupe key starts with `prefix`,
        optionally only to `chat_id`, oldest first: the copies of a message there are to settle.
        `queued`: those still waiting to be sent too (an edit names them by EDIT_OF, bot.outbox)."""
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        sent = and_(col(OutboxMessage.status) == "sent", col(OutboxMessage.sent_message_id).is_not(None))
        stmt = select(OutboxMessage).where(col(OutboxMessage.dedupe_key).like(escaped, escape="\\"),
                                           or_(sent, col(OutboxMessage.status) == "pending") if queued else sent)
        if chat_id is not None:
            stmt = stmt.where(OutboxMessage.chat_id == chat_id)
        return list((await self.session.exec(stmt.order_by(col(OutboxMessage.id)))).all())
