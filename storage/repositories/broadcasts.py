"""Broadcasts, surveys and the needs overview: the SQL of the broadcasts feature."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, or_, update
from sqlmodel import col, select

from storage.models import Case, Chat, OutboxMessage, User
from storage.models.broadcasts import DROPPED, Broadcast, BroadcastRun, Survey, SurveyAnswer
from storage.repositories.base import Repository
from storage.tables import table_of

GROUP_TYPES = ("group", "supergroup")


class BroadcastRepository(Repository):
    # --- broadcasts -----------------------------------------------------------------
    async def add(self, broadcast: Broadcast) -> Broadcast:
        self.session.add(broadcast)
        await self.session.flush()  # its id goes into the buttons
        return broadcast

    async def get(self, broadcast_id: int) -> Broadcast | None:
        return await self.session.get(Broadcast, broadcast_id)

    async def draft_of(self, author_id: int) -> Broadcast | None:
        stmt = (select(Broadcast).where(Broadcast.author_id == author_id, Broadcast.status == "draft")
                .order_by(col(Broadcast.id).desc()).limit(1))
        return (await self.session.exec(stmt)).first()

    async def discard_drafts(self, author_id: int) -> None:
        """The author's drafts end as 'dropped', kept: a deleted row's id would be given to the next
        draft (SQLite reuses the highest rowid), and the old preview's ✅ would send that one."""
        await self.session.exec(update(Broadcast).where(
            col(Broadcast.author_id) == author_id, col(Broadcast.status) == "draft").values(
            status=DROPPED, awaiting_body=False))

    async def scheduled(self, branch_id: int | None, everything: bool) -> list[Broadcast]:
        stmt = select(Broadcast).where(col(Broadcast.status).in_(("scheduled", "recurring")))
        if not everything:
            stmt = stmt.where(Broadcast.branch_id == branch_id)
        return list((await self.session.exec(stmt.order_by(col(Broadcast.id)))).all())

    # --- runs -----------------------------------------------------------------------
    async def start_run(self, broadcast_id: int, slot: str, now: datetime) -> BroadcastRun | None:
        """A new run for this firing, or None when this slot already ran."""
        stmt = select(BroadcastRun.id).where(BroadcastRun.broadcast_id == broadcast_id,
                                             BroadcastRun.slot == slot)
        if (await self.session.exec(stmt)).first() is not None:
            return None
        run = BroadcastRun(broadcast_id=broadcast_id, slot=slot, started_at=now)
        self.session.add(run)
        await self.session.flush()  # its id goes into the dedupe keys
        return run

    async def run(self, run_id: int) -> BroadcastRun | None:
        return await self.session.get(BroadcastRun, run_id)

    async def delivery(self, prefix: str) -> tuple[dict[str, int], datetime | None]:
        """Outbox rows whose dedupe key starts with `prefix`: count per status, last sent_at."""
        o = table_of(OutboxMessage).c
        stmt = (select(o.status, func.count(), func.max(o.sent_at))
                .where(o.dedupe_key.like(_like_prefix(prefix), escape="\\")).group_by(o.status))
        counts: dict[str, int] = {}
        last: datetime | None = None
        for status, n, sent_at in (await self.session.exec(stmt)).all():
            counts[status] = int(n)
            if sent_at is not None and (last is None or sent_at > last):
                last = sent_at
        return counts, last

    async def sent_message_ids(self, prefix: str) -> dict[int, int]:
        """chat id -> the platform's message id, for outbox rows sent under `prefix`."""
        o = table_of(OutboxMessage).c
        stmt = select(o.chat_id, o.sent_message_id).where(
            o.dedupe_key.like(_like_prefix(prefix), escape="\\"), o.status == "sent")
        return {int(c): int(m) for c, m in (await self.session.exec(stmt)).all() if m is not None}

    async def sent_rows(self, prefix: str) -> list[tuple[int, int, str, dict[str, Any]]]:
        """(chat id, the platform's message id, kind, payload) of outbox rows sent under `prefix`:
        what an edit needs to re-render a sent message."""
        o = table_of(OutboxMessage).c
        stmt = select(o.chat_id, o.sent_message_id, o.kind, o.payload).where(
            o.dedupe_key.like(_like_prefix(prefix), escape="\\"), o.status == "sent")
        return [(int(c), int(m), str(k), dict(pl or {})) for c, m, k, pl in (await self.session.exec(stmt)).all()
                if m is not None]

    # --- audiences ------------------------------------------------------------------
    async def groups(self, branch_id: int | None, everything: bool) -> list[Chat]:
        """Every group in scope (blocked ones included: the caller counts them)."""
        stmt = select(Chat).where(col(Chat.type).in_(GROUP_TYPES))
        if not everything:
            stmt = stmt.where(Chat.branch_id == branch_id)
        return list((await self.session.exec(stmt.order_by(col(Chat.id)))).all())

    async def riders(self, branch_id: int | None, everything: bool) -> list[tuple[User, bool]]:
        """Riders who started the bot (so it may write to them), with whether they blocked it.

        A branch's riders: those who reported in (users.branch_id) or reported a case in one
        of its groups; a superadmin reaches everyone who started the bot.
        """
        c = table_of(Chat).c
        stmt = (select(User, func.coalesce(c.blocked, False))
                .outerjoin(Chat, and_(c.id == User.id, c.type == "private"))
                .where(col(User.started).is_(True), User.role == "rider"))
        if not everything:
            reported = select(Case.reporter_id).where(Case.branch_id == branch_id)
            stmt = stmt.where(or_(col(User.branch_id) == branch_id, col(User.id).in_(reported)))
        rows = (await self.session.exec(stmt.order_by(col(User.id)))).all()
        return [(user, bool(blocked)) for user, blocked in rows]


class SurveyRepository(Repository):
    async def add(self, survey: Survey) -> Survey:
        self.session.add(survey)
        await self.session.flush()
        return survey

    async def get(self, survey_id: int) -> Survey | None:
        return await self.session.get(Survey, survey_id)

    async def recent(self, branch_id: int | None, everything: bool, limit: int = 10) -> list[Survey]:
        stmt = select(Survey)
        if not everything:
            stmt = stmt.where(Survey.branch_id == branch_id)
        return list((await self.session.exec(stmt.order_by(col(Survey.id).desc()).limit(limit))).all())

    async def of_bot_message(self, chat_id: int, message_id: int) -> int | None:
        """The survey whose question the bot sent in `chat_id` as `message_id` (a reply to it may be
        an answer), from the dedupe key `sv:<id>:<chat>` of that message's outbox row."""
        stmt = select(OutboxMessage.dedupe_key).where(
            OutboxMessage.chat_id == chat_id, OutboxMessage.sent_message_id == message_id,
            col(OutboxMessage.dedupe_key).like("sv:%")).limit(1)
        key = (await self.session.exec(stmt)).first()
        parts = (key or "").split(":")
        return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None

    async def answer_of(self, survey_id: int, user_id: int) -> SurveyAnswer | None:
        return await self.session.get(SurveyAnswer, (survey_id, user_id))

    def add_answer(self, answer: SurveyAnswer) -> None:
        self.session.add(answer)

    async def counts(self, survey_id: int) -> dict[int, int]:
        stmt = (select(SurveyAnswer.option, func.count()).where(SurveyAnswer.survey_id == survey_id)
                .group_by(col(SurveyAnswer.option)))
        return {int(o): int(n) for o, n in (await self.session.exec(stmt)).all()}

    async def voters(self, survey_id: int) -> list[tuple[int, str]]:
        """(option, first name) of everyone who answered, in the order they answered."""
        stmt = (select(SurveyAnswer.option, User.first_name)
                .join(User, col(User.id) == SurveyAnswer.user_id)
                .where(SurveyAnswer.survey_id == survey_id).order_by(col(SurveyAnswer.answered_at)))
        return [(int(o), str(name or "")) for o, name in (await self.session.exec(stmt)).all()]


class NeedsRepository(Repository):
    """What riders reported in a branch: the demand picture behind /needs."""

    def _scope(self, stmt: Any, branch_id: int | None, everything: bool) -> Any:
        return stmt if everything else stmt.where(Case.branch_id == branch_id)

    @staticmethod
    def _until(stmt: Any, until: datetime | None) -> Any:
        """Only cases created before `until` (a past period's end); None: up to now."""
        return stmt if until is None else stmt.where(Case.created_at < until)

    async def total(self, branch_id: int | None, everything: bool, since: datetime,
                    until: datetime | None = None) -> int:
        stmt = self._until(select(func.count()).select_from(Case).where(Case.created_at >= since), until)
        return int((await self.session.exec(self._scope(stmt, branch_id, everything))).one())

    async def top_categories(self, branch_id: int | None, everything: bool, since: datetime,
                             limit: int = 5, until: datetime | None = None) -> list[tuple[str, int]]:
        n = func.count().label("n")
        stmt = self._until(select(Case.category, n).where(Case.created_at >= since), until).group_by(Case.category)
        stmt = self._scope(stmt, branch_id, everything).order_by(n.desc(), Case.category).limit(limit)
        return [(str(c), int(k)) for c, k in (await self.session.exec(stmt)).all()]

    async def places(self, branch_id: int | None, everything: bool, since: datetime,
                     limit: int = 5000, until: datetime | None = None) -> list[tuple[str, str]]:
        """(place, report text) of the newest cases with a place since `since`: the text tells
        whether the place is the reporter's home (bot.privacy), which SQL cannot."""
        stmt = (select(Case.location, Case.text)
                .where(Case.created_at >= since, col(Case.location).is_not(None), Case.location != ""))
        stmt = self._until(stmt, until)
        stmt = self._scope(stmt, branch_id, everything).order_by(col(Case.created_at).desc()).limit(limit)
        return [(str(p), str(t or "")) for p, t in (await self.session.exec(stmt)).all()]

    async def open_urgent(self, branch_id: int | None, everything: bool, statuses: Iterable[str],
                          limit: int = 15) -> list[Case]:
        """Urgent cases in `statuses` (the caller's, from bot.cases.lifecycle), oldest first."""
        stmt = select(Case).where(Case.urgency == "urgent", col(Case.status).in_(tuple(statuses)))
        stmt = self._scope(stmt, branch_id, everything).order_by(col(Case.created_at)).limit(limit)
        return list((await self.session.exec(stmt)).all())


def _like_prefix(prefix: str) -> str:
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
