"""Tables. Telegram ids are 64-bit; timestamps are aware UTC on every backend."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

__all__ = ["utcnow", "as_utc", "Branch", "Chat", "User", "Case", "CaseEvent", "CaseWatcher", "DepartmentMember",
           "PendingReport", "Correction", "OutboxMessage", "ProcessedUpdate"]


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def as_utc(when: datetime) -> datetime:
    """A stored timestamp as aware UTC: SQLite hands back naive datetimes, and all of ours are UTC."""
    return when if when.tzinfo is not None else when.replace(tzinfo=timezone.utc)


class Branch(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=64)
    name: str = Field(max_length=200)
    created_at: datetime = Field(default_factory=utcnow)


class Chat(SQLModel, table=True):
    id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    type: str = Field(max_length=16)
    title: str | None = Field(default=None, max_length=255)
    branch_id: int | None = Field(default=None, foreign_key="branch.id", index=True)
    blocked: bool = False
    # when the bot could write to it again (a group added it back, a rider unblocked it): a refusal of a
    # send made before then is no longer news (bot.outbox); None: never lost
    reachable_at: datetime | None = None
    is_forum: bool = False  # a supergroup with topics (Telegram's Chat.is_forum, as last seen on a message)
    created_at: datetime = Field(default_factory=utcnow)


class User(SQLModel, table=True):
    __tablename__ = "users"

    id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    first_name: str = Field(default="", max_length=255)
    username: str | None = Field(default=None, max_length=64)
    language_code: str | None = Field(default=None, max_length=16)
    lang: str | None = Field(default=None, max_length=8)  # explicit /lang choice wins
    role: str = Field(default="rider", max_length=32)
    branch_id: int | None = Field(default=None, foreign_key="branch.id")
    started: bool = False  # has a private chat with the bot, so we may message them
    created_at: datetime = Field(default_factory=utcnow)


class Case(SQLModel, table=True):
    __tablename__ = "cases"
    __table_args__ = (Index("ix_cases_awaiting", "reporter_id", "chat_id", "awaiting_location"),
                      Index("ix_cases_recent", "category", "created_at"))

    id: int | None = Field(default=None, primary_key=True)
    category: str = Field(max_length=32)
    urgency: str = Field(max_length=16)
    status: str = Field(default="new", max_length=32, index=True)
    text: str
    location: str | None = None
    lat: float | None = None
    lon: float | None = None
    photo_file_id: str | None = Field(default=None, max_length=255)
    reporter_id: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))
    message_id: int | None = Field(default=None, sa_column=Column(BigInteger))
    lang: str = Field(default="zh", max_length=8)
    branch_id: int | None = Field(default=None, foreign_key="branch.id", index=True)
    department: str | None = Field(default=None, max_length=64)
    pending_department: str | None = Field(default=None, max_length=64)  # transfer asked, not accepted
    transfers: int = 0
    reopens: int = 0
    master_id: int | None = Field(default=None, foreign_key="cases.id")  # when a duplicate
    resolution_photo: str | None = Field(default=None, max_length=255)
    awaiting_location: bool = False
    thread_id: int | None = Field(default=None, sa_column=Column(BigInteger))  # forum topic of the report
    photos: list[str] | None = Field(default=None, sa_column=Column(JSON))  # more photos (an album)
    due_at: datetime | None = None  # the response deadline: someone must accept by then
    reminders: int = 0  # deadline reminders already sent: 1 = half-time, 2 = due, 3 = escalated
    responded_at: datetime | None = None  # first accepted: stops the response clock
    fix_due_at: datetime | None = None  # the resolution deadline; a reopen restarts it
    fix_reminders: int = 0  # as `reminders`, for the resolution clock
    resolved_at: datetime | None = None
    closed_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    source: str = Field(default="chat", max_length=16)  # chat | open311: where the report came in


class CaseEvent(SQLModel, table=True):
    __tablename__ = "case_event"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", index=True)
    kind: str = Field(max_length=32)
    from_status: str | None = Field(default=None, max_length=32)
    to_status: str | None = Field(default=None, max_length=32)
    actor_id: int | None = Field(default=None, sa_column=Column(BigInteger))
    note: str | None = None
    created_at: datetime = Field(default_factory=utcnow)


class CaseWatcher(SQLModel, table=True):
    """Someone else who reported the same thing: they hear every change too, in their thread."""

    __tablename__ = "case_watcher"

    case_id: int = Field(foreign_key="cases.id", primary_key=True)
    user_id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    message_id: int | None = Field(default=None, sa_column=Column(BigInteger))
    thread_id: int | None = Field(default=None, sa_column=Column(BigInteger))  # their report's forum topic
    lang: str = Field(default="zh", max_length=8)
    created_at: datetime = Field(default_factory=utcnow)


class DepartmentMember(SQLModel, table=True):
    """Telegram users who act for a department (besides those listed in the routing config).

    A membership holds within one branch (`branch_id`: the branch of the secretary who granted
    it) or, granted by a superadmin, in every branch (`branch_id` None): a secretary can never
    hand anyone, themselves included, a view of another branch's cases."""

    __tablename__ = "department_member"
    __table_args__ = (Index("ix_department_member_user", "user_id"),
                      Index("ix_department_member_dept", "department", "branch_id"))

    id: int | None = Field(default=None, primary_key=True)
    department: str = Field(max_length=64)
    user_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    branch_id: int | None = Field(default=None, foreign_key="branch.id")
    granted_by: int | None = Field(default=None, sa_column=Column(BigInteger))
    created_at: datetime = Field(default_factory=utcnow)


class PendingReport(SQLModel, table=True):
    """A message the classifier was unsure about: the sender is asked once, yes or no."""

    __tablename__ = "pending_report"

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    message_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    user_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    text: str
    category: str = Field(max_length=32)
    urgency: str = Field(max_length=16)
    location: str | None = None
    lat: float | None = None
    lon: float | None = None
    photo_file_id: str | None = Field(default=None, max_length=255)
    lang: str = Field(default="zh", max_length=8)
    thread_id: int | None = Field(default=None, sa_column=Column(BigInteger))  # the forum topic it was posted in
    case_id: int | None = None  # an edit put this open case in doubt: "no" withdraws it
    answer: str | None = Field(default=None, max_length=8)  # yes | no, once answered
    created_at: datetime = Field(default_factory=utcnow)


class Correction(SQLModel, table=True):
    """A secretary's fix of the classifier's labels: a labelled example for the next training."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int | None = Field(default=None, foreign_key="cases.id")
    text: str
    is_report: bool = True
    category: str | None = Field(default=None, max_length=32)
    urgency: str | None = Field(default=None, max_length=16)
    actor_id: int | None = Field(default=None, sa_column=Column(BigInteger))
    created_at: datetime = Field(default_factory=utcnow)


class OutboxMessage(SQLModel, table=True):
    """A message we owe someone. Written in the same transaction as its cause."""

    __tablename__ = "outbox"
    __table_args__ = (
        UniqueConstraint("dedupe_key"),
        Index("ix_outbox_due", "status", "priority", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))
    kind: str = Field(max_length=64)
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    lang: str = Field(default="zh", max_length=8)
    reply_to_message_id: int | None = Field(default=None, sa_column=Column(BigInteger))
    priority: int = 0  # lower goes first: case announcements before broadcasts
    status: str = Field(default="pending", max_length=16)
    attempts: int = 0
    not_before: datetime | None = None
    dedupe_key: str | None = Field(default=None, max_length=128)
    case_id: int | None = Field(default=None, foreign_key="cases.id")
    error: str | None = None
    sent_message_id: int | None = Field(default=None, sa_column=Column(BigInteger))
    merged_into: int | None = None  # the digest that carried this message (status "merged")
    created_at: datetime = Field(default_factory=utcnow)
    sent_at: datetime | None = None
    # The sender worker sending this row now, and until when its claim holds (bot/outbox.py):
    # another worker takes the row over only once the lease has run out (its holder died).
    claimed_by: str | None = Field(default=None, max_length=64)
    claimed_until: datetime | None = None


class ProcessedUpdate(SQLModel, table=True):
    """Update ids already committed: a redelivered update is recognised and skipped."""

    __tablename__ = "processed_update"

    update_id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    processed_at: datetime = Field(default_factory=utcnow)
