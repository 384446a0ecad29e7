"""Dead letters: updates we gave up on, kept whole so an operator can look, retry or drop them."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Column, Text
from sqlmodel import Field, SQLModel

from storage.models.core import utcnow

DEAD, RETRIED, DROPPED = "dead", "retried", "dropped"


class DeadLetter(SQLModel, table=True):
    """One update whose handling failed for a reason a retry could not fix (or that failed
    every bounded retry). It is confirmed to Telegram, so it no longer blocks the others."""

    __tablename__ = "dead_letter"

    id: int | None = Field(default=None, primary_key=True)
    update_id: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))
    raw: str = Field(sa_column=Column(Text, nullable=False))  # the update's JSON as Telegram sent it
    error: str = Field(sa_column=Column(Text, nullable=False))  # exception type and message, clipped
    created_at: datetime = Field(default_factory=utcnow)
    status: str = Field(default=DEAD, max_length=16, index=True)  # dead | retried | dropped
    attempts: int = 1
