"""The SQL of riders' deliberation: proposals, supporters, comments, votes, agenda rules."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import func
from sqlmodel import col, select

from storage.models import Case, Chat, OutboxMessage, User
from storage.models.deliberation import AgendaRule, Proposal, ProposalComment, ProposalSupport, ProposalVote
from storage.repositories.base import Repository

GROUP_TYPES = ("group", "supergroup")
THREAD_PREFIX = "dl-"  # dedupe keys of every message a proposal posts in its threads


class DeliberationRepository(Repository):
    # --- proposals ------------------------------------------------------------------
    async def add(self, proposal: Proposal) -> Proposal:
        self.session.add(proposal)
        await self.session.flush()  # its id goes into the buttons
        return proposal

    async def get(self, proposal_id: int, *, for_update: bool = False) -> Proposal | None:
        """`for_update` locks the row (PostgreSQL) so that the closing job and a secretary's
        `/proposal N close` cannot both close one vote."""
        if not for_update:
            return await self.session.get(Proposal, proposal_id)
        stmt = select(Proposal).where(Proposal.id == proposal_id).with_for_update()
        return (await self.session.exec(stmt)).first()

    async def of_case(self, case_id: int) -> Proposal | None:
        """The proposal a suggestion case was turned into, if it was."""
        return (await self.session.exec(select(Proposal).where(Proposal.case_id == case_id).limit(1))).first()

    async def listed(self, branch_id: int | None, statuses: tuple[str, ...], limit: int = 15) -> list[Proposal]:
        """Newest first; `branch_id` None: every branch (a superadmin)."""
        stmt = select(Proposal).where(col(Proposal.status).in_(statuses))
        if branch_id is not None:
            stmt = stmt.where(Proposal.branch_id == branch_id)
        return list((await self.session.exec(stmt.order_by(col(Proposal.id).desc()).limit(limit))).all())

    async def status_counts(self, branch_id: int | None) -> dict[str, int]:
        """status -> how many proposals have it; `branch_id` None: every branch."""
        stmt = select(Proposal.status, func.count()).group_by(col(Proposal.status))
        if branch_id is not None:
            stmt = stmt.where(Proposal.branch_id == branch_id)
        return {str(s): int(n) for s, n in (await self.session.exec(stmt)).all()}

    async def known_in(self, branch_id: int, user_id: int) -> bool:
        """Whether the user is known to be one of the branch's riders from what they did in its
        groups (known_branches)."""
        return branch_id in await self.known_branches(user_id)

    async def known_branches(self, user_id: int) -> list[int]:
        """The branches whose rider the user is known to be from what they did in their groups: a
        case reported there, or a proposal of the branch authored, supported (the 👍 button counts
        only where its card went), commented on or voted on. There is no member list to ask
        (Telegram gives a bot none); reporting in (users.branch_id) is the caller's. Ordered by id."""
        checks = [
            select(Case.branch_id).where(Case.reporter_id == user_id, col(Case.branch_id).is_not(None)),
            select(Proposal.branch_id).where(Proposal.author_id == user_id),
            select(Proposal.branch_id).join(ProposalSupport, col(ProposalSupport.proposal_id) == col(Proposal.id))
            .where(ProposalSupport.user_id == user_id),
            select(Proposal.branch_id).join(ProposalComment, col(ProposalComment.proposal_id) == col(Proposal.id))
            .where(ProposalComment.user_id == user_id, ProposalComment.kind == "comment"),
            select(Proposal.branch_id).join(ProposalVote, col(ProposalVote.proposal_id) == col(Proposal.id))
            .where(ProposalVote.user_id == user_id),
        ]
        found: set[int] = set()
        for stmt in checks:
            found |= {int(b) for b in (await self.session.exec(stmt.distinct())).all() if b is not None}
        return sorted(found)

    async def overdue_votes(self, now: datetime) -> list[int]:
        """Votes past their deadline and not closed: what a lost closing job left behind."""
        stmt = select(Proposal.id).where(Proposal.status == "voting", col(Proposal.vote_deadline) <= now)
        return [int(i) for i in (await self.session.exec(stmt)).all() if i is not None]

    async def all_of(self, branch_id: int | None) -> list[Proposal]:
        stmt = select(Proposal)
        if branch_id is not None:
            stmt = stmt.where(Proposal.branch_id == branch_id)
        return list((await self.session.exec(stmt.order_by(col(Proposal.id)))).all())

    # --- agenda rule ----------------------------------------------------------------
    async def rule(self, branch_id: int) -> AgendaRule | None:
        return await self.session.get(AgendaRule, branch_id)

    def add_rule(self, rule: AgendaRule) -> None:
        self.session.add(rule)

    # --- supporters -----------------------------------------------------------------
    async def supports(self, proposal_id: int, user_id: int) -> bool:
        return await self.session.get(ProposalSupport, (proposal_id, user_id)) is not None

    def add_support(self, support: ProposalSupport) -> None:
        self.session.add(support)

    async def support_count(self, proposal_id: int, since: datetime | None = None) -> int:
        stmt = select(func.count()).select_from(ProposalSupport).where(ProposalSupport.proposal_id == proposal_id)
        if since is not None:
            stmt = stmt.where(ProposalSupport.at >= since)
        return int((await self.session.exec(stmt)).one())

    # --- comments -------------------------------------------------------------------
    def add_comment(self, comment: ProposalComment) -> None:
        self.session.add(comment)

    async def comment_at(self, proposal_id: int, chat_id: int, message_id: int) -> ProposalComment | None:
        """The comment a message in the proposal's thread was kept as (by the proposal's index)."""
        stmt = select(ProposalComment).where(ProposalComment.proposal_id == proposal_id,
                                             ProposalComment.chat_id == chat_id, ProposalComment.message_id == message_id,
                                             ProposalComment.kind == "comment")
        return (await self.session.exec(stmt)).first()

    async def comment_count(self, proposal_id: int, kind: str = "comment") -> int:
        stmt = select(func.count()).select_from(ProposalComment).where(
            ProposalComment.proposal_id == proposal_id, ProposalComment.kind == kind)
        return int((await self.session.exec(stmt)).one())

    async def latest_comments(self, proposal_id: int, kind: str = "comment",
                              limit: int = 3) -> list[tuple[ProposalComment, str]]:
        """(comment, author's first name), newest first."""
        stmt = (select(ProposalComment, User.first_name)
                .join(User, col(User.id) == ProposalComment.user_id, isouter=True)
                .where(ProposalComment.proposal_id == proposal_id, ProposalComment.kind == kind)
                .order_by(col(ProposalComment.id).desc()).limit(limit))
        return [(c, str(name or "")) for c, name in (await self.session.exec(stmt)).all()]

    async def comments(self, proposal_id: int) -> list[ProposalComment]:
        stmt = select(ProposalComment).where(ProposalComment.proposal_id == proposal_id).order_by(
            col(ProposalComment.id))
        return list((await self.session.exec(stmt)).all())

    # --- votes ----------------------------------------------------------------------
    async def vote_of(self, proposal_id: int, user_id: int) -> ProposalVote | None:
        return await self.session.get(ProposalVote, (proposal_id, user_id))

    def add_vote(self, vote: ProposalVote) -> None:
        self.session.add(vote)

    async def vote_counts(self, proposal_id: int) -> dict[int, int]:
        stmt = (select(ProposalVote.option, func.count()).where(ProposalVote.proposal_id == proposal_id)
                .group_by(col(ProposalVote.option)))
        return {int(o): int(n) for o, n in (await self.session.exec(stmt)).all()}

    async def voters(self, proposal_id: int) -> list[tuple[int, str]]:
        """(option, first name) of every voter, in the order they voted."""
        stmt = (select(ProposalVote.option, User.first_name)
                .join(User, col(User.id) == ProposalVote.user_id, isouter=True)
                .where(ProposalVote.proposal_id == proposal_id).order_by(col(ProposalVote.at)))
        return [(int(o), str(name or "")) for o, name in (await self.session.exec(stmt)).all()]

    # --- threads --------------------------------------------------------------------
    async def groups(self, branch_id: int) -> list[Chat]:
        """The branch's groups that have not blocked the bot: where an agenda item is posted."""
        stmt = select(Chat).where(col(Chat.type).in_(GROUP_TYPES), Chat.branch_id == branch_id,
                                  col(Chat.blocked).is_(False))
        return list((await self.session.exec(stmt.order_by(col(Chat.id)))).all())

    async def thread_roots(self, proposal_id: int) -> dict[int, int]:
        """chat id -> platform message id of the proposal's agenda post there (sent ones)."""
        stmt = select(OutboxMessage.chat_id, OutboxMessage.sent_message_id).where(
            col(OutboxMessage.dedupe_key).like(f"{THREAD_PREFIX}agenda:{proposal_id}:%"),
            OutboxMessage.status == "sent")
        return {int(c): int(m) for c, m in (await self.session.exec(stmt)).all() if m is not None}

    async def of_bot_message(self, chat_id: int, message_id: int) -> int | None:
        """The proposal a message the bot sent in `chat_id` belongs to (a reply to it is a comment
        in its thread), from the dedupe key `dl-<kind>:<id>:…` of that message's outbox row."""
        stmt = select(OutboxMessage.dedupe_key).where(
            OutboxMessage.chat_id == chat_id, OutboxMessage.sent_message_id == message_id,
            col(OutboxMessage.dedupe_key).like(f"{THREAD_PREFIX}%")).limit(1)
        key = (await self.session.exec(stmt)).first()
        if not key:
            return None
        parts = key.split(":")
        return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
