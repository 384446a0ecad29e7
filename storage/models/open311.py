"""API keys of the systems that talk Open311 GeoReport v2 to us (a 12345 hotline, a city portal)."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from storage.models.core import utcnow


class ApiKey(SQLModel, table=True):
    """One integration's key. Only a hash of the key is kept: the key itself is shown once, at
    creation. `branch_id` scopes the key to one branch (a secretary's integration); `jurisdictions`
    maps the `jurisdiction_id`s that integration sends to branch codes."""

    __tablename__ = "api_key"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=64, unique=True)
    key_hash: str = Field(max_length=64, unique=True)  # sha256 hex of the key
    branch_id: int | None = Field(default=None, foreign_key="branch.id")
    jurisdictions: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    created_at: datetime = Field(default_factory=utcnow)
    revoked_at: datetime | None = None
