"""Who may see and act on a proposal, from which chat, and the branch's agenda rule: the base of
DeliberationService (its dependencies live here; the steps in the other modules build on it)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from bot.deliberation import lifecycle as lc
from bot.deliberation.limits import DEFAULT_RULE, RULE_MAX, DeliberationError
from bot.domain import Awarder
from bot.i18n import normalize_lang
from bot.scheduling import Jobs
from bot.services.broadcasts import BroadcastService
from bot.services.people import branch_names, rider_branch
from storage.models import User, utcnow
from storage.models.deliberation import AgendaRule, Proposal
from storage.uow import UnitOfWork


class Access:
    def __init__(self, jobs: Jobs, broadcasts: BroadcastService, points: Awarder | None = None,
                 clock: Callable[[], datetime] = utcnow, default_lang: str = "zh") -> None:
        self.jobs = jobs
        self.default_lang = default_lang  # a group's posts when the group's own language is unknown
        self.broadcasts = broadcasts  # staff scope, time expressions, local times
        self.cases = broadcasts.cases
        self.points = points
        self.clock = clock

    @staticmethod
    def lang_of(user: User, fallback: str) -> str:
        """The language a person reads privately: their /lang choice, else their client's, else `fallback`."""
        return user.lang or normalize_lang(user.language_code) or fallback

    def role(self, user: User, proposal: Proposal) -> str:
        """"secretary" for the secretary of the proposal's branch and superadmins; else "rider"."""
        if self.cases.is_superadmin(user):
            return lc.SECRETARY
        if user.role == "secretary" and user.branch_id == proposal.branch_id:
            return lc.SECRETARY
        return lc.RIDER

    async def branch_here(self, uow: UnitOfWork, user: User, chat_id: int, is_private: bool) -> int | None:
        """The branch a command speaks for: the group's, or (privately) the user's by the one rule
        (bot/services/people.rider_branch: a secretary's own, else the one branch the bot knows them
        in). Known in several, privately: refused, naming them — which one would be a guess."""
        if not is_private:
            chat = await uow.chats.get(chat_id)
            if chat is None or chat.branch_id is None:
                return None
            return (await rider_branch(uow, user, chat.branch_id)).branch_id
        choice = await rider_branch(uow, user)
        if choice.several:
            raise DeliberationError("dl-err-which-branch", branches=await branch_names(uow, choice.known))
        return choice.branch_id

    async def _visible(self, uow: UnitOfWork, user: User, proposal_id: int, chat_id: int,
                       is_private: bool, *, for_update: bool = False) -> Proposal:
        """The proposal if this user may see it from here; otherwise the same refusal as for a
        number that does not exist, so another branch's proposals reveal nothing."""
        p = await uow.deliberation.get(proposal_id, for_update=for_update)
        if p is not None:
            if self.role(user, p) == lc.SECRETARY or user.id == p.author_id:
                return p
            if not is_private and chat_id in p.chat_ids:
                return p
            if is_private and await self.member_of(uow, user, p.branch_id):
                return p
        raise DeliberationError("dl-err-unknown", id=proposal_id)

    async def member_of(self, uow: UnitOfWork, user: User, branch_id: int) -> bool:
        """Whether the user is one of the branch's riders, for what they may do privately (read a
        proposal, vote): reported in to it, its secretary, or known from its groups (a case, a
        proposal, a support, a comment or a vote there: DeliberationRepository.known_in)."""
        if user.branch_id == branch_id or self.cases.is_superadmin(user):
            return True
        return await uow.deliberation.known_in(branch_id, user.id)

    async def _staff(self, uow: UnitOfWork, user: User, proposal_id: int, chat_id: int, is_private: bool,
                     action: str) -> tuple[Proposal, str]:
        """The proposal and its next status, for a secretary's action (NotAllowed → the answer)."""
        p = await self._visible(uow, user, proposal_id, chat_id, is_private, for_update=True)
        try:
            return p, lc.decide(p.status, action, self.role(user, p))
        except lc.NotAllowed as e:  # not now: the steps the secretary may take now, as /proposal N lists them
            more = {"steps": [{"action": a, "word": w} for a, w in lc.commands(p.status)]} if e.key == "dl-err-state" else {}
            raise DeliberationError(e.key, id=proposal_id, status=p.status, **more) from None

    async def rule_of(self, uow: UnitOfWork, branch_id: int) -> tuple[int, int]:
        """(supporters, days) that put a proposal of the branch on the agenda."""
        rule = await uow.deliberation.rule(branch_id)
        return (rule.supporters, rule.days) if rule is not None else DEFAULT_RULE

    async def stewards(self, uow: UnitOfWork, branch_id: int) -> list[User]:
        """Who hears the branch's deliberation news meant for staff (on the agenda, a vote closed at its
        deadline): its secretaries; a branch without one, the superadmins (configured and granted), as
        an unstaffed department's case falls back (CaseService.fallback) — never nobody."""
        ids = set(await uow.users.secretaries_of(branch_id))
        if not ids:
            ids = set(self.cases.superadmins) | set(await uow.users.staff_ids(None))
        return await uow.users.many(ids)

    async def set_rule(self, uow: UnitOfWork, user: User, chat_id: int, is_private: bool,
                       supporters: int, days: int) -> tuple[int, int]:
        """`/proposals rule N D`: for the group's branch (in a group) or the secretary's own, by
        that branch's secretary or a superadmin."""
        branch_id = await self.branch_here(uow, user, chat_id, is_private)
        staff = self.cases.is_superadmin(user) or (user.role == "secretary" and user.branch_id == branch_id)
        if branch_id is None or not staff:
            raise DeliberationError("dl-err-not-staff")
        if not (1 <= supporters <= RULE_MAX[0] and 1 <= days <= RULE_MAX[1]):
            raise DeliberationError("dl-rule-range", max_supporters=RULE_MAX[0], max_days=RULE_MAX[1])
        rule = await uow.deliberation.rule(branch_id)
        if rule is None:
            uow.deliberation.add_rule(AgendaRule(branch_id=branch_id, supporters=supporters, days=days))
        else:
            rule.supporters, rule.days = supporters, days
        return supporters, days
