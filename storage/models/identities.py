"""Who a chat platform's ids are in the core: platform identities and the one-time link codes.

Why a table: the core keys people and chats by integers, Telegram-style (a Telegram id *is* the
core's id). Another platform (WeCom) names users and groups by strings; the integer the adapter
gives each string must survive restarts and be found again for sending. And a rider known on two
platforms is one person: their second identity points at the first one's core user id
(bot/services/identities.py explains the link and the merge).
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models.core import utcnow

__all__ = ["Identity", "LinkCode"]


class Identity(SQLModel, table=True):
    """One external id on one platform: `kind` 'user' or 'chat'; `number` the integer the core
    knows it by (a group's negative; for a user also their private chat's id); `user_id` the
    person (the core's users.id) — the user's own `number` until the identity is linked to a
    person known on another platform. Telegram identities are written only when they take part in
    a link (Telegram's ids are the core's ids; the adapter needs no lookup)."""

    __tablename__ = "identity"
    __table_args__ = (UniqueConstraint("platform", "kind", "external_id", name="uq_identity_external"),
                      UniqueConstraint("number", name="uq_identity_number"),
                      Index("ix_identity_user", "user_id"))

    id: int | None = Field(default=None, primary_key=True)
    platform: str = Field(max_length=16)  # telegram | wecom
    kind: str = Field(max_length=8)  # user | chat
    external_id: str = Field(max_length=128)
    number: int = Field(sa_column=Column(BigInteger, nullable=False))
    user_id: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    created_at: datetime = Field(default_factory=utcnow)
    linked_at: datetime | None = None


class LinkCode(SQLModel, table=True):
    """A one-time code `/link` gave: only its SHA-256 hex is kept (a copy of the database links
    nobody); single use (`used_at`), valid until `expires_at`."""

    __tablename__ = "link_code"

    code_hash: str = Field(primary_key=True, max_length=64)
    platform: str = Field(max_length=16)  # where it was asked for
    external_id: str = Field(max_length=128)
    user_id: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    used_at: datetime | None = None
