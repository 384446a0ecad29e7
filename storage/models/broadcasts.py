"""Tables of the broadcasts feature: pushes (drafts, schedules, runs) and quick surveys."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models.core import utcnow

__all__ = ["Broadcast", "BroadcastRun", "Survey", "SurveyAnswer"]


DROPPED = "dropped"  # a draft replaced or given up before ✅


class Broadcast(SQLModel, table=True):
    """A push by a secretary. A secretary's one 'draft' row is their compose state (no FSM):
    the preview's buttons confirm it into 'sending' (now), 'scheduled' (a stored date job)
    or 'recurring' (a stored cron job); 'done' and 'cancelled' end it, and 'dropped' ends a draft
    replaced by a newer one or given up before ✅ (kept, so its id is never another draft's)."""

    __tablename__ = "broadcast"
    __table_args__ = (Index("ix_broadcast_author_status", "author_id", "status"),
                      Index("ix_broadcast_branch_status", "branch_id", "status"))

    id: int | None = Field(default=None, primary_key=True)
    author_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    branch_id: int | None = Field(default=None, foreign_key="branch.id")  # None: a superadmin's, every branch
    status: str = Field(default="draft", max_length=16)
    audience: str = Field(default="groups", max_length=16)  # groups | riders
    chat_ids: list[int] | None = Field(default=None, sa_column=Column(JSON))  # chosen groups; None = all
    body: str | None = None  # Telegram-safe HTML, built from the secretary's message and its entities
    photo: str | None = Field(default=None, max_length=255)
    schedule: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))  # bot.timeparse.When
    lang: str = Field(default="zh", max_length=8)
    awaiting_body: bool = False  # the author's next private message is the body
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class BroadcastRun(SQLModel, table=True):
    """One fan-out of a broadcast. Its outbox rows carry dedupe keys `bc:<run id>:<chat id>`;
    `slot` makes a repeated pass of the same firing a no-op."""

    __tablename__ = "broadcast_run"
    __table_args__ = (UniqueConstraint("broadcast_id", "slot", name="uq_broadcast_run_slot"),)

    id: int | None = Field(default=None, primary_key=True)
    broadcast_id: int = Field(foreign_key="broadcast.id", index=True)
    slot: str = Field(max_length=32)
    planned: int = 0  # messages queued
    skipped: int = 0  # chats already known to have blocked or removed the bot
    started_at: datetime = Field(default_factory=utcnow)
    finished_at: datetime | None = None
    reported: bool = False


class Survey(SQLModel, table=True):
    """A quick survey with inline buttons: one answer per person, changeable until it closes."""

    __tablename__ = "survey"
    __table_args__ = (Index("ix_survey_branch_status", "branch_id", "status"),)

    id: int | None = Field(default=None, primary_key=True)
    author_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    branch_id: int | None = Field(default=None, foreign_key="branch.id")
    question: str
    options: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    anonymous: bool = False
    audience: str = Field(default="groups", max_length=16)
    chat_ids: list[int] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))  # where it went
    status: str = Field(default="open", max_length=16)  # open | closed
    lang: str = Field(default="zh", max_length=8)
    close_at: datetime
    closed_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)


class SurveyAnswer(SQLModel, table=True):
    __tablename__ = "survey_answer"

    survey_id: int = Field(foreign_key="survey.id", primary_key=True)
    user_id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    option: int
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    answered_at: datetime = Field(default_factory=utcnow)
    changes: int = 0
