"""Tables of the checkins feature: activities and check-ins, report-ins (报到), volunteer hours.

Times are aware UTC like everywhere else; the service turns them into local time
(settings.tz) for people. Hours are stored in half-hour units (`halves`), so sums
stay exact on every backend.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models.core import utcnow

__all__ = ["Activity", "ActivityCheckin", "CheckinPending", "ReportIn", "VolunteerHours"]


class Activity(SQLModel, table=True):
    """Something a branch organises: a time window, and optionally a place riders must be at."""

    __tablename__ = "activity"
    __table_args__ = (Index("ix_activity_branch_starts", "branch_id", "starts_at"),)

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=8, unique=True)  # what riders type: /checkin K7MPQ
    branch_id: int = Field(foreign_key="branch.id")
    title: str = Field(max_length=200)
    starts_at: datetime
    ends_at: datetime
    radius_m: int | None = None  # set: a pin within this many metres of (lat, lon) is required
    lat: float | None = None
    lon: float | None = None
    status: str = Field(default="open", max_length=16)  # open | closed
    created_by: int = Field(sa_column=Column(BigInteger, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
    closed_at: datetime | None = None

    @property
    def needs_pin(self) -> bool:
        return self.radius_m is not None

    @property
    def place_set(self) -> bool:
        return self.lat is not None and self.lon is not None


class ActivityCheckin(SQLModel, table=True):
    """One rider at one activity: checking in twice is one check-in (the unique key)."""

    __tablename__ = "activity_checkin"
    __table_args__ = (UniqueConstraint("activity_id", "user_id", name="uq_activity_checkin"),
                      Index("ix_activity_checkin_user", "user_id", "created_at"))

    id: int | None = Field(default=None, primary_key=True)
    activity_id: int = Field(foreign_key="activity.id")
    user_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False))  # where it was done
    lat: float | None = None
    lon: float | None = None
    distance_m: int | None = None
    created_at: datetime = Field(default_factory=utcnow)


class CheckinPending(SQLModel, table=True):
    """We asked this user for a location pin in this chat; their next pin there answers it.

    purpose: `checkin` (a rider's pin completes a check-in) or `place` (a secretary's pin
    sets an activity's place). One question per user and chat: a newer one replaces it.
    """

    __tablename__ = "checkin_pending"

    user_id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    chat_id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    purpose: str = Field(max_length=16)
    activity_id: int = Field(foreign_key="activity.id")
    radius_m: int | None = None  # for `place`: the radius to set with the pin
    created_at: datetime = Field(default_factory=utcnow)


class ReportIn(SQLModel, table=True):
    """A party member's dual relationship: home organisation (组织关系所在) and work branch (报到)."""

    __tablename__ = "report_in"
    __table_args__ = (Index("ix_report_in_branch_status", "branch_id", "status"),
                      Index("ix_report_in_user", "user_id"))

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    home_org: str = Field(max_length=200)
    branch_id: int | None = Field(default=None, foreign_key="branch.id")  # None: not chosen yet
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False))  # where the rider asked
    message_id: int | None = Field(default=None, sa_column=Column(BigInteger))
    lang: str = Field(default="zh", max_length=8)
    status: str = Field(default="pending", max_length=16)  # pending | approved | rejected | moved | dropped | withdrawn
    decided_by: int | None = Field(default=None, sa_column=Column(BigInteger))
    decided_at: datetime | None = None
    reason: str | None = Field(default=None, max_length=300)
    created_at: datetime = Field(default_factory=utcnow)


class VolunteerHours(SQLModel, table=True):
    """Hours a rider logged for an activity; approved ones are their time-bank balance."""

    __tablename__ = "volunteer_hours"
    __table_args__ = (UniqueConstraint("activity_id", "user_id", name="uq_volunteer_hours"),
                      Index("ix_volunteer_hours_user_status", "user_id", "status"))

    id: int | None = Field(default=None, primary_key=True)
    activity_id: int = Field(foreign_key="activity.id")
    user_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    halves: int  # half hours: 5 = 2.5 h
    checked_in: bool = False  # the secretary sees whether the rider checked in
    status: str = Field(default="pending", max_length=16)  # pending | approved | rejected
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    lang: str = Field(default="zh", max_length=8)
    decided_by: int | None = Field(default=None, sa_column=Column(BigInteger))
    decided_at: datetime | None = None
    reason: str | None = Field(default=None, max_length=300)
    points: int = 0  # credited by the points bank on approval
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
