"""Riders' deliberation (小哥议事会): a proposal gathers supporters, goes onto the branch's agenda,
is discussed in its thread, voted on, and an adopted one is followed up as a commitment.

    /propose 标题 | 说明                   any rider (in a group of the branch, or privately once reported in)
    👍 附议 (button dp:<id>:s)             one per rider; `supporters` within `days` (AgendaRule) → agenda
    reply to the agenda post               a comment (masked per bot.privacy)
    /proposal N                            the summary: supporters, comments, the vote, the commitment
    /proposals [open|adopted|done]         the branch's proposals
    /vote N 1  · buttons dv:<id>:<n>       one vote per rider, changeable until the deadline
    secretary of the proposal's branch:
    /proposal N agenda | decline 理由 | vote [close=…] [quorum=N] [anon] [选项 | 选项 …] | close
              | commit 负责方 due=2026-12-31 | note 进展 | done [说明]
    /proposals rule 5 7                    5 supporters within 7 days put a proposal on the agenda

Every message in a proposal's threads carries a dedupe key `dl-<what>:<id>:<chat>…` (so a reply
to any of them is a comment on that proposal, and nothing is announced twice). Closing a vote
happens in one transaction: the status, the tally and the result messages (outbox rows) commit
together, so a kill -9 at any moment leaves either an open vote (closed again by the stored job
`dv:<id>`, or by the sweep `delib-sweep` when APScheduler dropped a job that died mid-run) or a
closed one whose results are already queued — never both, never twice.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from bot.buttons import SupportPress, VotePress, encode
from bot.refusals import Refused
from bot.deliberation import lifecycle as lc
from bot.domain import PRIORITY_BROADCAST, PRIORITY_CONVERSATION, Awarder, Notice
from bot.outbox import EDIT, enqueue
from bot.privacy import mask
from bot.scheduling import Jobs, Pass
from bot.services.broadcasts import BroadcastService, after_commit, tell
from bot.timeparse import WhenError, normalize
from storage.models import User, utcnow
from storage.models.deliberation import AgendaRule, Proposal, ProposalComment, ProposalSupport, ProposalVote
from storage.uow import UnitOfWork

DEFAULT_RULE = (5, 7)  # supporters, days: a branch without its own AgendaRule
MAX_TITLE, MAX_BODY, MAX_COMMENT, MAX_OPTION = 80, 1000, 500, 60
MIN_OPTIONS, MAX_OPTIONS = 2, 8
DEFAULT_VOTE = timedelta(hours=48)
MAX_VOTE = timedelta(days=30)
CLOSE_GRACE = 24 * 3600  # seconds a closing job missed while the bot was down may still run
SWEEP_EVERY = 60  # seconds between sweeps for votes whose closing job was lost
YES_NO = ["dl-opt-yes", "dl-opt-no", "dl-opt-abstain"]  # catalogue keys, rendered in each reader's language
ANON_WORDS = {"anon", "anonymous", "匿名"}
NAMED_WORDS = {"named", "public", "实名", "记名"}
CLOSE_KEYS = {"close", "deadline", "until", "截止", "结束", "截至"}
QUORUM_KEYS = {"quorum", "法定", "法定人数", "最少"}
DUE_KEYS = {"due", "by", "期限", "截止", "完成"}
RULE_MAX = (500, 90)  # most supporters, most days a rule may ask
NAMES_SHOWN = 30
POINTS_ADOPTED, POINTS_VOTE = "proposal_adopted", "vote_cast"


class DeliberationError(Refused):
    """A deliberation step refused (bot.refusals.Refused: `key` and `params` are the answer); its
    own name so the deliberation handlers can word a proposal's status before rendering."""


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class DeliberationService:
    def __init__(self, jobs: Jobs, broadcasts: BroadcastService, points: Awarder | None = None,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.jobs = jobs
        self.broadcasts = broadcasts  # staff scope, time expressions, local times
        self.cases = broadcasts.cases
        self.points = points
        self.clock = clock

    def passes(self) -> dict[str, Pass]:
        return {"delib-close": self.close_due, "delib-sweep": self.sweep}

    def start_jobs(self) -> None:
        """The leader's repeating sweep (a stable id: re-adding replaces it)."""
        self.jobs.every("delib-sweep", "delib-sweep", seconds=SWEEP_EVERY)

    # --- who, where -----------------------------------------------------------------
    def role(self, user: User, proposal: Proposal) -> str:
        """"secretary" for the secretary of the proposal's branch and superadmins; else "rider"."""
        if self.cases.is_superadmin(user):
            return lc.SECRETARY
        if user.role == "secretary" and user.branch_id == proposal.branch_id:
            return lc.SECRETARY
        return lc.RIDER

    async def branch_here(self, uow: UnitOfWork, user: User, chat_id: int, is_private: bool) -> int | None:
        """The branch a command speaks for: the group's, or (privately) the user's own."""
        if not is_private:
            chat = await uow.chats.get(chat_id)
            return chat.branch_id if chat is not None else None
        return user.branch_id

    async def _visible(self, uow: UnitOfWork, user: User, proposal_id: int, chat_id: int,
                       is_private: bool, *, for_update: bool = False) -> Proposal:
        """The proposal if this user may see it from here; otherwise the same refusal as for a
        number that does not exist, so another branch's proposals reveal nothing."""
        p = await uow.deliberation.get(proposal_id, for_update=for_update)
        if p is not None:
            if self.role(user, p) == lc.SECRETARY or user.id == p.author_id:
                return p
            if is_private and user.branch_id == p.branch_id:
                return p
            if not is_private and chat_id in p.chat_ids:
                return p
            pid = p.id or 0  # a rider who took part asks privately, whatever their branch
            if is_private and (await uow.deliberation.supports(pid, user.id)
                               or await uow.deliberation.vote_of(pid, user.id) is not None):
                return p
        raise DeliberationError("dl-err-unknown", id=proposal_id)

    async def _staff(self, uow: UnitOfWork, user: User, proposal_id: int, chat_id: int, is_private: bool,
                     action: str) -> tuple[Proposal, str]:
        """The proposal and its next status, for a secretary's action (NotAllowed → the answer)."""
        p = await self._visible(uow, user, proposal_id, chat_id, is_private, for_update=True)
        try:
            return p, lc.decide(p.status, action, self.role(user, p))
        except lc.NotAllowed as e:
            raise DeliberationError(e.key, id=proposal_id, status=p.status) from None

    async def rule_of(self, uow: UnitOfWork, branch_id: int) -> tuple[int, int]:
        rule = await uow.deliberation.rule(branch_id)
        return (rule.supporters, rule.days) if rule is not None else DEFAULT_RULE

    async def set_rule(self, uow: UnitOfWork, user: User, chat_id: int, is_private: bool,
                       supporters: int, days: int) -> tuple[int, int]:
        """`/proposals rule N D`: for the group's branch (in a group) or the secretary's own, by
        that branch's secretary or a superadmin."""
        branch_id = await self.branch_here(uow, user, chat_id, is_private)
        staff = self.cases.is_superadmin(user) or (user.role == "secretary" and user.branch_id == branch_id)
        if branch_id is None or not staff:
            raise DeliberationError("dl-err-not-staff")
        if not (1 <= supporters <= RULE_MAX[0] and 1 <= days <= RULE_MAX[1]):
            raise DeliberationError("dl-rule-usage")
        rule = await uow.deliberation.rule(branch_id)
        if rule is None:
            uow.deliberation.add_rule(AgendaRule(branch_id=branch_id, supporters=supporters, days=days))
        else:
            rule.supporters, rule.days = supporters, days
        return supporters, days

    # --- thread messages ------------------------------------------------------------
    @staticmethod
    def _topic(p: Proposal, chat_id: int) -> dict[str, Any]:
        """In a forum, everything about a proposal stays in the topic it was proposed in (like a
        case's news): the payload key the transport reads."""
        return {"thread_id": p.thread_id} if p.thread_id and chat_id == p.origin_chat_id else {}

    async def _announce(self, uow: UnitOfWork, p: Proposal, kind: str, what: str, *,
                        priority: int = PRIORITY_CONVERSATION, **payload: Any) -> None:
        """One message in each of the proposal's threads (a reply to its agenda post where that
        was sent), at conversation priority like a case's news (a busy group may get it in a
        digest); `what` names it in the dedupe key. PRIORITY_BROADCAST keeps a post its own
        message, never merged: the vote's result, like a survey's summary."""
        roots = await uow.deliberation.thread_roots(p.id or 0)
        for chat_id in p.chat_ids:
            enqueue(uow, Notice(chat_id, kind, p.lang,
                                payload={"id": p.id, "title": p.title, **payload, **self._topic(p, chat_id)},
                                reply_to=roots.get(chat_id), priority=priority,
                                dedupe_key=f"dl-{what}:{p.id}:{chat_id}"))

    async def _unbutton(self, uow: UnitOfWork, p: Proposal, what: str, key: str, **args: object) -> None:
        """Takes the buttons off the proposal's `what` posts (cards, vote posts): used up."""
        sent = await uow.broadcasts.sent_message_ids(f"dl-{what}:{p.id}:")
        for chat_id, message_id in sent.items():
            enqueue(uow, Notice(chat_id, "settled", p.lang, priority=PRIORITY_CONVERSATION,
                                dedupe_key=f"dl-{what}-end:{p.id}:{chat_id}",
                                payload={EDIT: message_id, "html": "", "key": key, "args": dict(args)}))

    def _card(self, p: Proposal, supporters: int, threshold: int, days: int) -> dict[str, Any]:
        return {"id": p.id, "title": p.title, "body": p.body, "supporters": supporters, "threshold": threshold,
                "days": days, "buttons": [[("dl-btn-support", encode(SupportPress(p.id or 0)))]]}

    # --- proposing and supporting ---------------------------------------------------
    @staticmethod
    def parse_proposal(text: str) -> tuple[str, str]:
        """`标题 | 说明` (or the title on the first line and the rest below): (title, body)."""
        first, _, rest = text.strip().partition("\n")
        parts = re.split(r"\s*[|｜]\s*", first, maxsplit=1)
        title, body = parts[0], (parts[1] if len(parts) > 1 else "")
        body = "\n".join(x for x in (body.strip(), rest.strip()) if x)
        title = title.strip()
        if not title:
            raise DeliberationError("dl-propose-usage")
        if len(title) > MAX_TITLE or len(body) > MAX_BODY:
            raise DeliberationError("dl-err-too-long", title=MAX_TITLE, body=MAX_BODY)
        return title, body

    async def propose(self, uow: UnitOfWork, user: User, chat_id: int, message_id: int, is_private: bool,
                      lang: str, text: str, case_id: int | None = None, thread_id: int | None = None) -> Proposal:
        """A new proposal: its card, with the 👍 附议 button, in each of the branch's groups."""
        title, body = self.parse_proposal(text)
        branch_id = await self.branch_here(uow, user, chat_id, is_private)
        if branch_id is None:
            raise DeliberationError("dl-err-no-branch")
        groups = await uow.deliberation.groups(branch_id)
        if not groups:
            raise DeliberationError("dl-err-no-groups")
        now = self.clock()
        p = await uow.deliberation.add(Proposal(
            branch_id=branch_id, author_id=user.id, title=mask(title), body=mask(body), lang=lang,
            origin_chat_id=chat_id, origin_message_id=message_id, case_id=case_id, thread_id=thread_id,
            chat_ids=[g.id for g in groups], created_at=now, updated_at=now))
        threshold, days = await self.rule_of(uow, branch_id)
        for g in groups:
            enqueue(uow, Notice(g.id, "dl-card", lang, payload={**self._card(p, 0, threshold, days),
                                                                 **self._topic(p, g.id)},
                                reply_to=message_id if g.id == chat_id else None, priority=PRIORITY_CONVERSATION,
                                dedupe_key=f"dl-card:{p.id}:{g.id}"))
        if is_private:
            tell(uow, chat_id, "dl-proposed", lang, id=p.id, title=p.title, threshold=threshold, days=days)
        return p

    async def from_case(self, uow: UnitOfWork, user: User, case_id: int, lang: str) -> tuple[str, dict[str, Any]]:
        """A `suggestion` case becomes a proposal (its card in the branch's groups, a reply to the
        report in its own group), by the case's reporter or the branch's secretary: one button on
        the secretary's case card (dc:<case id>), or `/propose C-000123`. Once per case. Anyone
        else, or any other case, is answered as if there were no such case."""
        case = await uow.cases.get(case_id)
        staff = case is not None and (self.cases.is_superadmin(user) or (
            user.role == "secretary" and user.branch_id is not None and user.branch_id == case.branch_id))
        if case is None or case.branch_id is None or case.category != "suggestion" or not (
                staff or case.reporter_id == user.id):
            return "dl-case-unknown", {"case": case_id}
        done = await uow.deliberation.of_case(case_id)
        if done is not None:
            return "dl-case-already", {"id": done.id}
        first, _, rest = mask(case.text).strip().partition("\n")
        title = _clip(first.strip(), MAX_TITLE) or str(case_id)
        body = _clip("\n".join(x for x in (first[len(title):].strip() if len(first) > MAX_TITLE else "",
                                           rest.strip()) if x), MAX_BODY)
        groups = await uow.deliberation.groups(case.branch_id)
        if not groups:
            return "dl-err-no-groups", {}
        now = self.clock()
        p = await uow.deliberation.add(Proposal(
            branch_id=case.branch_id, author_id=case.reporter_id, title=title, body=body, lang=case.lang or lang,
            origin_chat_id=case.chat_id, origin_message_id=case.message_id, case_id=case_id,
            thread_id=case.thread_id, chat_ids=[g.id for g in groups], created_at=now, updated_at=now))
        threshold, days = await self.rule_of(uow, case.branch_id)
        for g in groups:
            enqueue(uow, Notice(g.id, "dl-card", p.lang, payload={**self._card(p, 0, threshold, days),
                                                                   **self._topic(p, g.id)},
                                reply_to=case.message_id if g.id == case.chat_id else None,
                                priority=PRIORITY_CONVERSATION, dedupe_key=f"dl-card:{p.id}:{g.id}"))
        uow.cases.log(case, "proposed", user.id, f"#{p.id}")
        return "dl-case-proposed", {"id": p.id}

    async def support(self, uow: UnitOfWork, user: User, proposal_id: int, chat_id: int) -> tuple[str, dict[str, Any]]:
        """A 👍 press: (answer key, args) for the presser. Pressed only where the card went."""
        p = await uow.deliberation.get(proposal_id, for_update=True)
        if p is None or chat_id not in p.chat_ids:
            return "dl-err-gone", {}
        if p.status not in lc.SUPPORTABLE:
            return "dl-sup-closed", {"status": p.status}
        if user.id == p.author_id:
            return "dl-sup-own", {}
        if await uow.deliberation.supports(proposal_id, user.id):
            return "dl-sup-already", {}
        threshold, days = await self.rule_of(uow, p.branch_id)
        now = self.clock()
        if now > p.created_at + timedelta(days=days):
            return "dl-sup-expired", {"days": days}
        uow.deliberation.add_support(ProposalSupport(proposal_id=proposal_id, user_id=user.id, at=now))
        count = await uow.deliberation.support_count(proposal_id, p.created_at)
        if count >= threshold:
            await self._to_agenda(uow, p, lc.decide(p.status, "agenda", lc.SYSTEM), by=None)
            return "dl-sup-agenda", {"count": count}
        return "dl-sup-recorded", {"count": count, "threshold": threshold}

    async def _to_agenda(self, uow: UnitOfWork, p: Proposal, status: str, by: User | None) -> None:
        """On the agenda: the cards lose their button, the agenda post (the thread's root) goes to
        each group, and the branch's secretaries are told (when the riders put it there)."""
        now = self.clock()
        p.status, p.agenda_at, p.updated_at = status, now, now
        supporters = await uow.deliberation.support_count(p.id or 0)
        await self._unbutton(uow, p, "card", "dl-settled-agenda")
        for chat_id in p.chat_ids:
            # broadcast priority: the thread's root is never merged into a digest (replies to it are the comments)
            enqueue(uow, Notice(chat_id, "dl-agenda", p.lang, priority=PRIORITY_BROADCAST,
                                dedupe_key=f"dl-agenda:{p.id}:{chat_id}",
                                payload={"id": p.id, "title": p.title, "body": p.body, "supporters": supporters,
                                         **self._topic(p, chat_id)}))
        if by is None:
            for sec in await uow.users.secretaries_of(p.branch_id):
                tell(uow, sec, "dl-agenda-staff", p.lang, id=p.id, title=p.title, supporters=supporters)

    # --- the secretary's steps ------------------------------------------------------
    async def put_on_agenda(self, uow: UnitOfWork, user: User, proposal_id: int, chat_id: int,
                            is_private: bool) -> Proposal:
        p, status = await self._staff(uow, user, proposal_id, chat_id, is_private, "agenda")
        await self._to_agenda(uow, p, status, by=user)
        return p

    async def decline(self, uow: UnitOfWork, user: User, proposal_id: int, chat_id: int, is_private: bool,
                      reason: str) -> Proposal:
        p, status = await self._staff(uow, user, proposal_id, chat_id, is_private, "decline")
        reason = mask(_clip(reason.strip(), MAX_COMMENT))
        if not reason:
            raise DeliberationError("dl-decline-usage", id=proposal_id)
        was = p.status
        p.status, p.decline_reason, p.updated_at = status, reason, self.clock()
        if was == lc.PROPOSED:
            await self._unbutton(uow, p, "card", "dl-settled-declined")
        await self._announce(uow, p, "dl-declined", "declined", reason=reason)
        return p

    def parse_vote(self, text: str) -> dict[str, Any]:
        """`[close=明天18:00] [quorum=5] [anon|named] [选项1 | 选项2 …]`: the vote's settings."""
        tokens = text.split()
        out: dict[str, Any] = {"deadline": None, "quorum": None, "anonymous": False, "options": None}
        i = 0
        while i < len(tokens):
            raw = tokens[i]
            word = normalize(raw)
            key, eq, value = word.partition("=")
            if eq and key in CLOSE_KEYS:
                found = self.broadcasts.longest_when(tokens[i + 1:], value)
                if found is None:
                    self.broadcasts.parse_when(value)
                    raise WhenError("when-err-unknown")
                when, used = found
                if when.kind != "at" or when.at is None:
                    raise DeliberationError("dl-err-deadline")
                out["deadline"] = when.at
                i += used
            elif eq and key in QUORUM_KEYS:
                if not value.isdigit() or not 1 <= int(value) <= 100_000:
                    raise DeliberationError("dl-vote-usage")
                out["quorum"] = int(value)
            elif word in ANON_WORDS or word in NAMED_WORDS:
                out["anonymous"] = word in ANON_WORDS
            else:
                break
            i += 1
        rest = " ".join(tokens[i:]).strip()
        if rest:
            options = [o.strip() for o in re.split(r"[|｜]", rest) if o.strip()]
            if not MIN_OPTIONS <= len(options) <= MAX_OPTIONS:
                raise DeliberationError("dl-err-options", count=len(options), min=MIN_OPTIONS, max=MAX_OPTIONS)
            if any(len(o) > MAX_OPTION for o in options) or len({normalize(o) for o in options}) != len(options):
                raise DeliberationError("dl-err-option-text", max=MAX_OPTION)
            out["options"] = [mask(o) for o in options]
        return out

    async def open_vote(self, uow: UnitOfWork, user: User, proposal_id: int, chat_id: int, is_private: bool,
                        text: str) -> Proposal:
        """The vote post, with one button per option, in each thread; the closing job `dv:<id>`."""
        p, status = await self._staff(uow, user, proposal_id, chat_id, is_private, "open_vote")
        settings = self.parse_vote(text)
        now = self.clock()
        deadline = settings["deadline"] or now + DEFAULT_VOTE
        if deadline <= now or deadline - now > MAX_VOTE:
            raise DeliberationError("dl-err-deadline")
        threshold, _ = await self.rule_of(uow, p.branch_id)
        p.options = settings["options"] or list(YES_NO)
        p.yes_no = settings["options"] is None
        p.anonymous, p.quorum = settings["anonymous"], settings["quorum"] or threshold
        p.status, p.vote_opened_at, p.vote_deadline, p.updated_at = status, now, deadline, now
        pid = p.id or 0
        buttons = [[(o, encode(VotePress(pid, n)))] for n, o in enumerate(p.options)]  # labels: keys or texts
        await self._announce(uow, p, "dl-vote", "vote", options=p.options, yes_no=p.yes_no,
                             anonymous=p.anonymous, quorum=p.quorum, deadline=self.broadcasts.local(deadline),
                             buttons=buttons)
        after_commit(uow, lambda: self.jobs.at(f"dv:{pid}", "delib-close", pid, when=deadline, grace=CLOSE_GRACE))
        return p

    # --- voting ---------------------------------------------------------------------
    async def vote(self, uow: UnitOfWork, user: User, proposal_id: int, option: int, chat_id: int,
                   is_private: bool, pressed: bool) -> tuple[str, dict[str, Any]]:
        """One vote per rider, changeable until the deadline. A button counts only in a chat the
        vote went to; a command, in one of the branch's groups or privately by one of its riders.
        The proposal's row is locked (PostgreSQL): a double tap cannot insert two votes, and a vote
        racing the close is either counted or told the vote is closed."""
        p = await uow.deliberation.get(proposal_id, for_update=True)
        here = chat_id in p.chat_ids if p is not None else False
        if p is None or (pressed and not here) or (not pressed and not here and not (
                is_private and (user.branch_id == p.branch_id or self.role(user, p) == lc.SECRETARY))):
            return "dl-err-gone", {"id": proposal_id}
        if p.status != lc.VOTING:
            return ("dl-vote-closed" if p.vote_closed_at else "dl-vote-not-open"), {"id": proposal_id}
        now = self.clock()
        if p.vote_deadline is not None and now >= p.vote_deadline:
            return "dl-vote-closed", {"id": proposal_id}
        if not 0 <= option < len(p.options):
            return "dl-err-gone", {"id": proposal_id}
        label = {"option": p.options[option], "yes_no": p.yes_no}
        existing = await uow.deliberation.vote_of(proposal_id, user.id)
        if existing is not None:
            if existing.option == option:
                return "dl-vote-same", label
            existing.option, existing.chat_id, existing.at = option, chat_id, now
            existing.changes += 1
            return "dl-vote-changed", label
        uow.deliberation.add_vote(ProposalVote(proposal_id=proposal_id, user_id=user.id, option=option,
                                               chat_id=chat_id, at=now))
        points = 0
        if self.points is not None:
            points = await self.points.award(uow, user.id, POINTS_VOTE, f"dv:{proposal_id}:{user.id}",
                                             branch_id=p.branch_id)
        return ("dl-vote-points" if points else "dl-vote-recorded"), {**label, "points": points}

    async def close_vote(self, uow: UnitOfWork, user: User, proposal_id: int, chat_id: int,
                         is_private: bool) -> Proposal:
        """`/proposal N close`: the secretary closes early; the same results as at the deadline."""
        p = await self._visible(uow, user, proposal_id, chat_id, is_private, for_update=True)
        if self.role(user, p) != lc.SECRETARY:
            raise DeliberationError("dl-err-role", id=proposal_id, status=p.status)
        if p.status != lc.VOTING:
            raise DeliberationError("dl-err-state", id=proposal_id, status=p.status)
        pid = p.id or 0
        after_commit(uow, lambda: self.jobs.cancel(f"dv:{pid}"))
        await self._close(uow, p)
        return p

    async def close_due(self, uow: UnitOfWork, proposal_id: int) -> None:
        """The stored closing job. Idempotent: a vote already closed is left alone, so a job that
        runs again (or the sweep after it) announces nothing twice."""
        p = await uow.deliberation.get(proposal_id, for_update=True)
        if p is not None and p.status == lc.VOTING:
            await self._close(uow, p)

    async def sweep(self, uow: UnitOfWork) -> None:
        """Votes past their deadline still open: APScheduler drops a date job once it is handed
        to the executor, so a process killed inside the closing pass would otherwise leave the
        vote open for ever."""
        for pid in await uow.deliberation.overdue_votes(self.clock()):
            await self.close_due(uow, pid)

    async def _tally(self, uow: UnitOfWork, p: Proposal) -> dict[str, Any]:
        pid = p.id or 0
        counts = await uow.deliberation.vote_counts(pid)
        result = lc.outcome(counts, len(p.options), p.quorum, p.yes_no)
        names: dict[int, list[str]] = {}
        if not p.anonymous:
            for option, name in await uow.deliberation.voters(pid):
                names.setdefault(option, []).append(name)
        return {"options": [{"text": o, "count": counts.get(i, 0), "names": names.get(i, [])[:NAMES_SHOWN]}
                            for i, o in enumerate(p.options)],
                "yes_no": p.yes_no, "anonymous": p.anonymous, "turnout": result.turnout, "quorum": p.quorum,
                "quorum_met": result.quorum_met, "adopted": result.adopted, "winner": result.winner}

    async def _close(self, uow: UnitOfWork, p: Proposal) -> None:
        """Status, tally, result posts and the vote posts' buttons: one transaction."""
        tally = await self._tally(uow, p)
        now = self.clock()
        p.status = lc.decide(p.status, "adopt" if tally["adopted"] else "reject", lc.SYSTEM)
        p.tally, p.vote_closed_at, p.updated_at = tally, now, now
        await self._unbutton(uow, p, "vote", "dl-settled-vote")
        await self._announce(uow, p, "dl-result", "result", priority=PRIORITY_BROADCAST, **tally)
        if tally["adopted"] and self.points is not None:
            await self.points.award(uow, p.author_id, POINTS_ADOPTED, f"proposal:{p.id}", branch_id=p.branch_id)

    # --- the commitment -------------------------------------------------------------
    def parse_due(self, text: str) -> datetime:
        """`2026-12-31` (the end of that local day) or any time expression `/broadcast` reads."""
        s = unicodedata.normalize("NFKC", text).strip()
        try:
            day = date.fromisoformat(s)
        except ValueError:
            when = self.broadcasts.parse_when(s)
            if when.kind != "at" or when.at is None:
                raise DeliberationError("dl-err-due") from None
            return when.at
        return datetime.combine(day, time(23, 59), tzinfo=self.cases.tz)

    async def commit(self, uow: UnitOfWork, user: User, proposal_id: int, chat_id: int, is_private: bool,
                     text: str) -> Proposal:
        """`commit 负责方 due=2026-12-31`: owner (a department or the branch) and due date."""
        p, status = await self._staff(uow, user, proposal_id, chat_id, is_private, "commit")
        owner_words, due = [], None
        for raw in text.split():
            key, eq, value = normalize(raw).partition("=")
            if eq and key in DUE_KEYS:
                due = self.parse_due(raw.split("=", 1)[1].replace("＝", "="))
            else:
                owner_words.append(raw)
        owner = _clip(" ".join(owner_words).strip(), 120)
        if not owner or due is None:
            raise DeliberationError("dl-commit-usage", id=proposal_id)
        if due <= self.clock():
            raise DeliberationError("dl-err-due")
        p.status, p.owner, p.due, p.updated_at = status, mask(owner), due, self.clock()
        await self._announce(uow, p, "dl-commit", "commit", owner=p.owner, due=self.broadcasts.local(due)[:10])
        return p

    async def note(self, uow: UnitOfWork, user: User, proposal_id: int, chat_id: int, is_private: bool,
                   text: str) -> Proposal:
        """A progress note: stored masked, announced in every thread like a case's."""
        p, status = await self._staff(uow, user, proposal_id, chat_id, is_private, "note")
        note = mask(_clip(text.strip(), MAX_COMMENT))
        if not note:
            raise DeliberationError("dl-note-usage", id=proposal_id)
        now = self.clock()
        uow.deliberation.add_comment(ProposalComment(proposal_id=proposal_id, user_id=user.id, kind="note",
                                                     text=note, at=now))
        n = await uow.deliberation.comment_count(proposal_id, "note") + 1
        p.status, p.updated_at = status, now
        await self._announce(uow, p, "dl-note", f"note-{n}", note=note, owner=p.owner or "")
        return p

    async def finish(self, uow: UnitOfWork, user: User, proposal_id: int, chat_id: int, is_private: bool,
                     text: str) -> Proposal:
        p, status = await self._staff(uow, user, proposal_id, chat_id, is_private, "finish")
        now = self.clock()
        note = mask(_clip(text.strip(), MAX_COMMENT))
        if note:
            uow.deliberation.add_comment(ProposalComment(proposal_id=proposal_id, user_id=user.id, kind="note",
                                                         text=note, at=now))
        p.status, p.done_at, p.updated_at = status, now, now
        await self._announce(uow, p, "dl-done", "done", note=note, owner=p.owner or "")
        return p

    # --- discussion -----------------------------------------------------------------
    async def thread_of(self, uow: UnitOfWork, chat_id: int, reply_to_id: int | None) -> int | None:
        """The proposal whose thread a group message replying to `reply_to_id` is in."""
        if reply_to_id is None:
            return None
        return await uow.deliberation.of_bot_message(chat_id, reply_to_id)

    async def comment(self, uow: UnitOfWork, user: User, proposal_id: int, chat_id: int, message_id: int,
                      text: str) -> bool:
        """A reply in the thread, kept masked (bot.privacy: a home address, a phone number never
        leave the sender's own chat). False when the proposal takes no comments any more."""
        p = await uow.deliberation.get(proposal_id)
        if p is None or chat_id not in p.chat_ids or not text.strip():
            return False
        if p.status not in lc.DISCUSSABLE | lc.SUPPORTABLE:
            return False
        uow.deliberation.add_comment(ProposalComment(
            proposal_id=proposal_id, user_id=user.id, text=mask(_clip(text.strip(), MAX_COMMENT)),
            chat_id=chat_id, message_id=message_id, at=self.clock()))
        return True

    # --- reading --------------------------------------------------------------------
    async def summary(self, uow: UnitOfWork, user: User, proposal_id: int, chat_id: int,
                      is_private: bool) -> dict[str, Any]:
        p = await self._visible(uow, user, proposal_id, chat_id, is_private)
        pid = p.id or 0
        threshold, days = await self.rule_of(uow, p.branch_id)
        out: dict[str, Any] = {
            "id": pid, "title": p.title, "body": p.body, "status": p.status,
            "supporters": await uow.deliberation.support_count(pid), "threshold": threshold, "days": days,
            "comments": await uow.deliberation.comment_count(pid),
            "latest": [{"name": name, "text": c.text} for c, name in await uow.deliberation.latest_comments(pid)],
            "reason": p.decline_reason or "", "owner": p.owner or "",
            "due": self.broadcasts.local(p.due)[:10] if p.due else "",
            "notes": [{"text": c.text, "at": self.broadcasts.local(c.at)}
                      for c, _ in await uow.deliberation.latest_comments(pid, "note")],
            "options": p.options, "yes_no": p.yes_no,
        }
        if p.status == lc.VOTING:
            counts = await uow.deliberation.vote_counts(pid)
            out["vote"] = {"turnout": sum(counts.values()), "quorum": p.quorum, "anonymous": p.anonymous,
                           "deadline": self.broadcasts.local(p.vote_deadline)}
        elif p.tally:
            out["tally"] = p.tally
        if self.role(user, p) == lc.SECRETARY:
            out["actions"] = lc.allowed(p.status, lc.SECRETARY)
        return out

    async def listing(self, uow: UnitOfWork, user: User, chat_id: int, is_private: bool,
                      which: str) -> dict[str, Any]:
        statuses = lc.LISTS[which]
        if self.cases.is_superadmin(user) and is_private:
            branch_id = user.branch_id  # None: every branch
        else:
            branch_id = await self.branch_here(uow, user, chat_id, is_private)
            if branch_id is None:
                raise DeliberationError("dl-err-no-branch")
        items = []
        for p in await uow.deliberation.listed(branch_id, statuses):
            items.append({"id": p.id, "title": p.title, "status": p.status,
                          "supporters": await uow.deliberation.support_count(p.id or 0),
                          "owner": p.owner or "", "due": self.broadcasts.local(p.due)[:10] if p.due else ""})
        return {"which": which, "items": items}
