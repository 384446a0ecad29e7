"""Tables of the points feature: the append-only ledger, the cached balances, the catalogue
and its redemptions."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models.core import utcnow

__all__ = ["PointsEntry", "PointsAccount", "PointsItem", "Redemption"]


class PointsEntry(SQLModel, table=True):
    """One line of the ledger. Never updated, never deleted: a correction is another line.

    `source_key` says what caused it (``case:C-000123:accepted``, ``redeem:17``); it is
    unique, so the same cause can never credit twice, whatever retries or races happen.
    """

    __tablename__ = "points_entry"
    __table_args__ = (UniqueConstraint("source_key", name="uq_points_entry_source_key"),
                      Index("ix_points_entry_user", "user_id", "created_at"),
                      Index("ix_points_entry_branch", "branch_id", "created_at"))

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    rule: str = Field(max_length=32)
    points: int  # signed: awards and refunds credit, redemptions and reversals debit
    source_key: str = Field(max_length=160)
    reverses_id: int | None = Field(default=None, foreign_key="points_entry.id")
    branch_id: int | None = Field(default=None, foreign_key="branch.id")
    actor_id: int | None = Field(default=None, sa_column=Column(BigInteger))
    note: str | None = Field(default=None, max_length=500)
    created_at: datetime = Field(default_factory=utcnow)


class PointsAccount(SQLModel, table=True):
    """A rider's cached balance (the sum of their ledger), tier and leaderboard privacy.

    The row is also the rider's lock: every write to their points takes it first, so
    checks (daily caps, balance, per-user limits) and writes cannot interleave.
    """

    __tablename__ = "points_account"
    __table_args__ = (CheckConstraint("balance >= 0", name="ck_points_account_balance"),)

    user_id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    balance: int = 0
    entries: int = 0  # ledger lines summed into `balance`, for the consistency check
    tier: str = Field(default="basic", max_length=16)
    hide_name: bool = False  # never named on leaderboards or in exports
    updated_at: datetime = Field(default_factory=utcnow)


class PointsItem(SQLModel, table=True):
    """Something in the catalogue. Names and prices come from config; stock lives here."""

    __tablename__ = "points_item"
    __table_args__ = (CheckConstraint("stock >= 0", name="ck_points_item_stock"),)

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=32)
    name_zh: str = Field(max_length=100)
    name_en: str = Field(max_length=100)
    cost: int
    stock: int = 0
    per_user: int = 0  # redemptions per rider within `per_days` (0 = no limit)
    per_days: int = 0  # 0 = ever
    active: bool = True
    created_at: datetime = Field(default_factory=utcnow)


class Redemption(SQLModel, table=True):
    """A rider's request: pending until a secretary fulfils it (with a code or a message)
    or refuses it (the points come back by a refund entry, the stock by one)."""

    __tablename__ = "points_redemption"
    __table_args__ = (Index("ix_points_redemption_user", "user_id", "item_id"),
                      Index("ix_points_redemption_status", "status", "branch_id"))

    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="points_item.id")
    user_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    cost: int
    status: str = Field(default="pending", max_length=16)  # pending | fulfilled | rejected
    branch_id: int | None = Field(default=None, foreign_key="branch.id")
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False))  # where the rider asked
    lang: str = Field(default="zh", max_length=8)
    decided_by: int | None = Field(default=None, sa_column=Column(BigInteger))
    note: str | None = Field(default=None, max_length=500)  # the code or message, or the reason
    created_at: datetime = Field(default_factory=utcnow)
    decided_at: datetime | None = None
