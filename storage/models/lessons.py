"""Tables of the lessons feature: each group's plan, what was pushed, and who learnt it."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, ForeignKey, Index, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models.core import utcnow

__all__ = ["LessonSchedule", "LessonDelivery", "LessonCompletion", "LessonQuizAnswer"]


class LessonSchedule(SQLModel, table=True):
    """A group's lesson plan: the weekdays it gets a lesson, its shift profile, the planned times.

    `slots` is what the planner chose, weekday ("0" = Monday) -> local minute of the day; the
    scheduler's jobs (`lesson:<chat>:<mon..sun>`) are derived from it and compared with it.
    """

    __tablename__ = "lesson_schedule"

    chat_id: int = Field(sa_column=Column(BigInteger, ForeignKey("chat.id", name="fk_lesson_schedule_chat"),
                                          primary_key=True, autoincrement=False))
    weekdays: str = Field(default="", max_length=16)  # "0,2,4"; empty = no pushes
    profile: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))  # None = the default
    slots: dict[str, int] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    lang: str = Field(default="zh", max_length=8)
    updated_by: int | None = Field(default=None, sa_column=Column(BigInteger))
    updated_at: datetime = Field(default_factory=utcnow)


class LessonDelivery(SQLModel, table=True):
    """One lesson pushed to one group for one slot (the slot's local date): never two per slot."""

    __tablename__ = "lesson_delivery"
    __table_args__ = (UniqueConstraint("chat_id", "slot_date", name="uq_lesson_delivery_slot"),
                      Index("ix_lesson_delivery_recent", "chat_id", "created_at"))

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    lesson_id: str = Field(max_length=64)
    slot_date: date
    created_at: datetime = Field(default_factory=utcnow)


class LessonCompletion(SQLModel, table=True):
    """A rider learnt a lesson (✅, or answered its quiz): once per rider and lesson, wherever pressed.

    `delivery_id` is the push the rider answered (in the group, or caught up in private);
    `chat_id` is where the press happened. Check-ins read this for attendance streaks
    (LessonRepository.completions_of).
    """

    __tablename__ = "lesson_completion"
    __table_args__ = (UniqueConstraint("user_id", "lesson_id", name="uq_lesson_completion"),
                      Index("ix_lesson_completion_user_time", "user_id", "completed_at"),
                      Index("ix_lesson_completion_delivery", "delivery_id"))

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    lesson_id: str = Field(max_length=64)
    delivery_id: int | None = Field(default=None, sa_column=Column(
        Integer, ForeignKey("lesson_delivery.id", name="fk_lesson_completion_delivery")))
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    completed_at: datetime = Field(default_factory=utcnow)


class LessonQuizAnswer(SQLModel, table=True):
    """A rider's answer to a lesson's quiz: the first answer counts, later presses change nothing."""

    __tablename__ = "lesson_quiz_answer"
    __table_args__ = (UniqueConstraint("user_id", "lesson_id", name="uq_lesson_quiz_answer"),
                      Index("ix_lesson_quiz_answer_delivery", "delivery_id"))

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    lesson_id: str = Field(max_length=64)
    delivery_id: int | None = Field(default=None, sa_column=Column(
        Integer, ForeignKey("lesson_delivery.id", name="fk_lesson_quiz_answer_delivery")))
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    choice: int
    correct: bool
    answered_at: datetime = Field(default_factory=utcnow)
