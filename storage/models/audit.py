"""The audit of role changes: who gave whom which role, which group went to which branch."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Index
from sqlmodel import Field, SQLModel

from storage.models.core import utcnow

__all__ = ["AuditEntry"]


class AuditEntry(SQLModel, table=True):
    """One role change (grant, revoke, bind, unbind, move): the actor, the time, the target and
    the state before and after, as JSON. Append-only: nothing updates or deletes these rows."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_at", "at"), Index("ix_audit_log_branch", "branch_id", "at"))

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow)
    actor_id: int | None = Field(default=None, sa_column=Column(BigInteger))
    action: str = Field(max_length=16)  # grant | revoke | bind | unbind | move
    target: str = Field(max_length=64)  # user:<id> | chat:<id>
    branch_id: int | None = Field(default=None)  # the branch concerned (for exports by branch)
    before: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    after: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
