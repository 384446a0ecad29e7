"""What Telegram's own ways need remembered: photos sent together as one album."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column
from sqlmodel import Field, SQLModel

from storage.models.core import utcnow


class MediaGroup(SQLModel, table=True):
    """An album (photos sharing a `media_group_id`): its messages arrive as separate updates,
    possibly in different batches; they make one report. `photos` holds the photos seen before
    the album had a case; `hinted` that a private chat already got its one hint."""

    __tablename__ = "media_group"

    media_group_id: str = Field(primary_key=True, max_length=64)
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    case_id: int | None = Field(default=None, foreign_key="cases.id")
    photos: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    hinted: bool = False
    created_at: datetime = Field(default_factory=utcnow)
