"""Voice reports: the audio of a case reported by voice note, and its transcript if any."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Column, ForeignKey, Integer
from sqlmodel import Field, SQLModel

from storage.models.core import utcnow


class VoiceReport(SQLModel, table=True):
    """A voice note that became a case (status "triage" until a secretary classifies it).

    The audio stays on Telegram's servers, addressed by `file_id` (the bot can re-send it to
    the secretary any time); the transcript is there when a speech-to-text engine is set.
    """

    __tablename__ = "voice_report"

    case_id: int = Field(sa_column=Column(Integer, ForeignKey("cases.id", name="fk_voice_report_case"),
                                          primary_key=True, autoincrement=False))
    file_id: str = Field(max_length=255)
    file_unique_id: str | None = Field(default=None, max_length=64)
    duration: int = 0  # seconds
    transcript: str | None = None
    suggested: str | None = Field(default=None, max_length=32)  # the classifier's category, from the transcript
    # the copy in the media store (bot.media_store), relative to its folder; None until downloaded
    media_path: str | None = Field(default=None, max_length=255)
    decided_by: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    created_at: datetime = Field(default_factory=utcnow)
