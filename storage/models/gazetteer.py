"""The gazetteer that learns: a place text riders use, and the pin it stands for, per branch."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models.core import utcnow


class PlaceCoord(SQLModel, table=True):
    """One place text (normalised key) and the coordinates a rider's pin gave it.

    Learnt whenever a report's place text and a pin meet (a pin answering the place question,
    or a report sent with both); a later report naming the same place in the same branch
    gets the coordinates, so duplicates and the board can compare positions. Per branch:
    "3号门" in one district is not "3号门" in another.
    """

    __tablename__ = "gazetteer"
    __table_args__ = (UniqueConstraint("branch_id", "key", name="uq_gazetteer_branch_key"),)

    id: int | None = Field(default=None, primary_key=True)
    branch_id: int | None = Field(default=None, index=True)
    key: str = Field(max_length=128)    # normalised place text (see bot.cases.gazetteer.place_key)
    place: str = Field(max_length=128)  # the text as a rider wrote it, last seen
    lat: float
    lon: float
    hits: int = 1                       # pins that agreed with (or moved) this entry
    updated_at: datetime = Field(default_factory=utcnow)
