"""The dashboard's login links and sessions, and the indexes its aggregates use.

Both kinds of token are random secrets (`secrets.token_urlsafe(32)`) of which only the SHA-256
hex is stored, like the Open311 API keys: a copy of the database opens no dashboard. A login link
is single use (`used_at`) and expires after 10 minutes; a session expires after `SESSION_HOURS`.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Column, Index
from sqlmodel import Field, SQLModel

from storage.models.core import Case, utcnow


class WebToken(SQLModel, table=True):
    """`kind` 'login' (the link `/web` sends) or 'session' (the cookie a used link opens);
    `csrf` is the session's form token (empty for a login link)."""

    __tablename__ = "web_token"

    token_hash: str = Field(primary_key=True, max_length=64)
    kind: str = Field(max_length=8)
    user_id: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))
    csrf: str = Field(default="", max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    used_at: datetime | None = None


class MediaUpload(SQLModel, table=True):
    """A photo of the media store (bot/photos.py: a `media:` reference) as Telegram knows it once
    sent: its first send uploads the file, and the file_id Telegram returned is kept here so every
    later send (another chat, a retry, another worker) reuses it instead of uploading again."""

    __tablename__ = "media_upload"

    name: str = Field(primary_key=True, max_length=255)  # the media store's name (bot/media_store.py)
    file_id: str = Field(max_length=255)
    created_at: datetime = Field(default_factory=utcnow)


# The dashboard's aggregates filter by branch and report time (overview, trend, heat map).
Index("ix_cases_branch_created", Case.__table__.c.branch_id, Case.__table__.c.created_at)  # type: ignore[attr-defined]
Index("ix_cases_created", Case.__table__.c.created_at)  # type: ignore[attr-defined]
# The overview's counts and medians: a covering index in (department, category) order, so SQLite
# groups without sorting the table and reads no row (6x faster at 100,000 cases, bench_web.py).
_c = Case.__table__.c  # type: ignore[attr-defined]
Index("ix_cases_dash", _c.department, _c.category, _c.status, _c.branch_id, _c.created_at, _c.responded_at,
      _c.resolved_at, _c.due_at, _c.fix_due_at)
# The map: heat buckets read covering indexes (everything; one branch) rather than the table, and the
# first view's extent is min/max of lat and lon read from an index (DashboardRepository.extent).
Index("ix_cases_geo", _c.lat, _c.lon, _c.branch_id)
Index("ix_cases_branch_geo", _c.branch_id, _c.lat, _c.lon)
Index("ix_cases_lon", _c.lon)
Index("ix_cases_branch_lon", _c.branch_id, _c.lon, _c.lat)  # a branch's extent (0019_dashboard_rollup)
# Medians: indexes on the generated columns accept_secs / fix_secs, which the ORM does not map: see
# storage/migrations/versions/0019_dashboard_rollup.py and DashboardRepository.figures.
Index("ix_cases_resolved", Case.__table__.c.resolved_at)  # type: ignore[attr-defined]
# The figures' freshness check (DashboardRepository.version): the newest change, read from an index.
Index("ix_cases_updated", Case.__table__.c.updated_at)  # type: ignore[attr-defined]
