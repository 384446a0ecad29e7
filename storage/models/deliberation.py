"""Tables of riders' deliberation (小哥议事会): proposals, their supporters, comments, votes,
and the branch's agenda rule. The state machine is bot/deliberation/lifecycle.py."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Index
from sqlmodel import Field, SQLModel

from storage.models.core import utcnow

__all__ = ["AgendaRule", "Proposal", "ProposalComment", "ProposalSupport", "ProposalVote"]


class AgendaRule(SQLModel, table=True):
    """A branch's threshold: `supporters` 附议 within `days` days of the proposal put it on the
    agenda (no row: bot.deliberation.DEFAULT_RULE)."""

    __tablename__ = "agenda_rule"

    branch_id: int = Field(foreign_key="branch.id", primary_key=True)
    supporters: int = 5
    days: int = 7


class Proposal(SQLModel, table=True):
    """One proposal from `proposed` to `done` (or `declined` / `rejected`). The vote's settings
    and its final tally live here too: one proposal has at most one vote."""

    __tablename__ = "proposal"
    __table_args__ = (Index("ix_proposal_branch_status", "branch_id", "status"),
                      Index("ix_proposal_status_deadline", "status", "vote_deadline"))

    id: int | None = Field(default=None, primary_key=True)
    branch_id: int = Field(foreign_key="branch.id")
    author_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    title: str = Field(max_length=120)
    body: str = ""
    status: str = Field(default="proposed", max_length=16)
    lang: str = Field(default="zh", max_length=8)
    origin_chat_id: int | None = Field(default=None, sa_column=Column(BigInteger))  # where it was proposed
    origin_message_id: int | None = Field(default=None, sa_column=Column(BigInteger))
    thread_id: int | None = Field(default=None, sa_column=Column(BigInteger))  # forum topic it was proposed in
    case_id: int | None = Field(default=None)  # a suggestion case it came from
    chat_ids: list[int] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))  # its threads
    decline_reason: str | None = None
    agenda_at: datetime | None = None
    # the vote
    options: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    yes_no: bool = True  # options are 赞成/反对/弃权: adopted when yes > no
    anonymous: bool = False
    quorum: int = 0
    vote_opened_at: datetime | None = None
    vote_deadline: datetime | None = None
    vote_closed_at: datetime | None = None
    tally: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    # the commitment
    owner: str | None = Field(default=None, max_length=120)
    due: datetime | None = None
    done_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class ProposalSupport(SQLModel, table=True):
    __tablename__ = "proposal_support"

    proposal_id: int = Field(foreign_key="proposal.id", primary_key=True)
    user_id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    at: datetime = Field(default_factory=utcnow)


class ProposalComment(SQLModel, table=True):
    """A reply in a proposal's thread (masked per bot.privacy before it is stored), or a progress
    note of its commitment (`kind` = note)."""

    __tablename__ = "proposal_comment"

    id: int | None = Field(default=None, primary_key=True)
    proposal_id: int = Field(foreign_key="proposal.id", index=True)
    user_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    kind: str = Field(default="comment", max_length=16)  # comment | note
    text: str
    chat_id: int | None = Field(default=None, sa_column=Column(BigInteger))
    message_id: int | None = Field(default=None, sa_column=Column(BigInteger))
    at: datetime = Field(default_factory=utcnow)


class ProposalVote(SQLModel, table=True):
    """One vote per rider and proposal (the primary key), changeable until the deadline."""

    __tablename__ = "proposal_vote"

    proposal_id: int = Field(foreign_key="proposal.id", primary_key=True)
    user_id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    option: int
    chat_id: int | None = Field(default=None, sa_column=Column(BigInteger))
    at: datetime = Field(default_factory=utcnow)
    changes: int = 0
