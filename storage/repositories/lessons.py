from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import case, distinct, func, union
from sqlmodel import SQLModel, col, select

from storage.models import Case, Chat, utcnow
from storage.models.lessons import LessonCompletion, LessonDelivery, LessonQuizAnswer, LessonSchedule
from storage.repositories.base import Repository
from storage.tables import dialect_insert, table_of

GROUP_TYPES = ("group", "supergroup")


@dataclass(frozen=True, slots=True)
class GroupLessonStats:
    sent: int = 0          # lessons pushed to the group in the period
    completions: int = 0   # (rider, lesson) completions of those pushes, in the group or caught up in private
    completers: int = 0    # distinct riders among them
    known: int = 0         # distinct riders seen in the group (ever): reporters there, and anyone who
    #                        completed or answered one of its lessons
    quiz_answers: int = 0  # first answers to the quizzes of those pushes
    quiz_correct: int = 0


class LessonRepository(Repository):
    # --- plans ------------------------------------------------------------------------
    async def schedule(self, chat_id: int) -> LessonSchedule | None:
        return await self.cached(LessonSchedule, chat_id)

    def save_schedule(self, schedule: LessonSchedule) -> None:
        schedule.updated_at = utcnow()
        self.session.add(schedule)
        self.hold(schedule, schedule.chat_id)

    async def schedules(self) -> list[tuple[LessonSchedule, int | None]]:
        """Every group that has (or had) a plan, with the branch its chat belongs to."""
        stmt = (select(LessonSchedule, Chat.branch_id).join(Chat, col(Chat.id) == LessonSchedule.chat_id)
                .order_by(col(LessonSchedule.chat_id)))
        return [(s, b) for s, b in (await self.session.exec(stmt)).all()]

    async def groups(self, branch_id: int | None) -> list[Chat]:
        """Group chats under `branch_id` (None: under any branch), by title."""
        stmt = select(Chat).where(col(Chat.type).in_(GROUP_TYPES), col(Chat.branch_id).is_not(None))
        if branch_id is not None:
            stmt = stmt.where(Chat.branch_id == branch_id)
        return list((await self.session.exec(stmt.order_by(col(Chat.title), col(Chat.id)))).all())

    # --- pushes -----------------------------------------------------------------------
    async def record_delivery(self, chat_id: int, lesson_id: str, slot_date: date) -> int | None:
        """The new push's id, or None when this group's slot already had its lesson."""
        return await self._insert_new(LessonDelivery, {"chat_id": chat_id, "lesson_id": lesson_id,
                                                       "slot_date": slot_date, "created_at": utcnow()})

    async def delivery(self, delivery_id: int) -> LessonDelivery | None:
        return await self.cached(LessonDelivery, delivery_id)

    async def history(self, chat_id: int) -> dict[str, datetime]:
        """lesson id -> when this group last got it."""
        stmt = (select(LessonDelivery.lesson_id, func.max(LessonDelivery.created_at))
                .where(LessonDelivery.chat_id == chat_id).group_by(col(LessonDelivery.lesson_id)))
        return {lesson: when for lesson, when in (await self.session.exec(stmt)).all()}

    async def latest_delivery(self, chat_ids: set[int] | None = None) -> LessonDelivery | None:
        """The most recent push to one of `chat_ids` (None: to any group)."""
        stmt = select(LessonDelivery)
        if chat_ids is not None:
            if not chat_ids:
                return None
            stmt = stmt.where(col(LessonDelivery.chat_id).in_(chat_ids))
        stmt = stmt.order_by(col(LessonDelivery.created_at).desc(), col(LessonDelivery.id).desc()).limit(1)
        return (await self.session.exec(stmt)).first()

    # --- taking part ------------------------------------------------------------------
    async def complete(self, user_id: int, lesson_id: str, delivery_id: int | None, chat_id: int) -> bool:
        """Records that the rider learnt the lesson; False if that was already recorded (any chat)."""
        return await self._insert_new(LessonCompletion, {
            "user_id": user_id, "lesson_id": lesson_id, "delivery_id": delivery_id, "chat_id": chat_id,
            "completed_at": utcnow()}) is not None

    async def has_completed(self, user_id: int, lesson_id: str) -> bool:
        stmt = select(LessonCompletion.id).where(LessonCompletion.user_id == user_id,
                                                 LessonCompletion.lesson_id == lesson_id)
        return (await self.session.exec(stmt)).first() is not None

    async def completions_of(self, user_id: int, since: datetime | None = None) -> list[LessonCompletion]:
        """A rider's lesson completions (attendance), oldest first; for check-in streaks too."""
        stmt = select(LessonCompletion).where(LessonCompletion.user_id == user_id)
        if since is not None:
            stmt = stmt.where(LessonCompletion.completed_at >= since)
        return list((await self.session.exec(stmt.order_by(col(LessonCompletion.completed_at)))).all())

    async def answer_quiz(self, user_id: int, lesson_id: str, delivery_id: int | None, chat_id: int,
                          choice: int, correct: bool) -> bool:
        """Records the rider's first answer; False if they had answered before (it stays)."""
        return await self._insert_new(LessonQuizAnswer, {
            "user_id": user_id, "lesson_id": lesson_id, "delivery_id": delivery_id, "chat_id": chat_id,
            "choice": choice, "correct": correct, "answered_at": utcnow()}) is not None

    async def quiz_answer(self, user_id: int, lesson_id: str) -> LessonQuizAnswer | None:
        stmt = select(LessonQuizAnswer).where(LessonQuizAnswer.user_id == user_id,
                                              LessonQuizAnswer.lesson_id == lesson_id)
        return (await self.session.exec(stmt)).first()

    async def groups_of(self, user_id: int) -> set[int]:
        """Groups the rider was seen in: reported there, or took part in one of its lessons."""
        d = LessonDelivery
        stmt = union(
            select(Case.chat_id).where(col(Case.reporter_id) == user_id, col(Case.chat_id) < 0),
            select(d.chat_id).join(LessonCompletion, col(LessonCompletion.delivery_id) == d.id)
            .where(LessonCompletion.user_id == user_id),
            select(d.chat_id).join(LessonQuizAnswer, col(LessonQuizAnswer.delivery_id) == d.id)
            .where(LessonQuizAnswer.user_id == user_id))
        return {row[0] for row in (await self.rows(stmt)).all()}

    # --- figures ----------------------------------------------------------------------
    async def group_stats(self, chat_ids: list[int], since: datetime) -> dict[int, GroupLessonStats]:
        """Per group: pushes since `since`, what riders did with them, and the riders we know there."""
        if not chat_ids:
            return {}
        d, c, q = LessonDelivery, LessonCompletion, LessonQuizAnswer
        recent = (col(d.chat_id).in_(chat_ids), d.created_at >= since)
        sent = select(d.chat_id, func.count()).where(*recent).group_by(col(d.chat_id))
        done = (select(d.chat_id, func.count(), func.count(distinct(col(c.user_id))))
                .join(c, col(c.delivery_id) == d.id).where(*recent).group_by(col(d.chat_id)))
        quiz = (select(d.chat_id, func.count(), func.sum(case((col(q.correct).is_(True), 1), else_=0)))
                .join(q, col(q.delivery_id) == d.id).where(*recent).group_by(col(d.chat_id)))
        seen = union(
            select(col(Case.chat_id).label("chat_id"), col(Case.reporter_id).label("user_id"))
            .where(col(Case.chat_id).in_(chat_ids)),
            select(d.chat_id, c.user_id).join(c, col(c.delivery_id) == d.id).where(col(d.chat_id).in_(chat_ids)),
            select(d.chat_id, q.user_id).join(q, col(q.delivery_id) == d.id).where(col(d.chat_id).in_(chat_ids)),
        ).subquery()
        known = (select(seen.c.chat_id, func.count(distinct(seen.c.user_id))).group_by(seen.c.chat_id))
        figures: dict[int, dict[str, int]] = {chat: {} for chat in chat_ids}
        for stmt, names in ((sent, ("sent",)), (done, ("completions", "completers")),
                            (quiz, ("quiz_answers", "quiz_correct")), (known, ("known",))):
            for chat, *values in (await self.session.exec(stmt)).all():
                figures[chat].update({n: int(v or 0) for n, v in zip(names, values)})
        return {chat: GroupLessonStats(**values) for chat, values in figures.items()}

    # --- helpers ----------------------------------------------------------------------
    async def _insert_new(self, model: type[SQLModel], values: dict[str, Any]) -> int | None:
        """INSERT … ON CONFLICT DO NOTHING RETURNING id: the new row's id, or None when a unique
        key already held it (concurrent presses: the database decides, exactly one wins)."""
        table = table_of(model)
        conn = await self.session.connection()
        stmt = dialect_insert(conn.dialect.name, table).values(**values).on_conflict_do_nothing().returning(table.c.id)
        return (await conn.execute(stmt)).scalar()

