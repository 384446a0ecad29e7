"""The vote: its settings (`/proposal N vote …`), opening, one vote per rider, and closing — at the
deadline (the stored job `dv:<id>`, or the sweep when the job was lost) or early by the secretary.

Closing happens in one transaction: the status, the tally and the result messages (outbox rows)
commit together, so a kill -9 at any moment leaves either an open vote (closed again by the stored
job or by the sweep `delib-sweep`) or a closed one whose results are already queued — never both,
never twice."""
from __future__ import annotations

import re
from typing import Any

from bot.buttons import VotePress, encode
from bot.commandtext import ANSWER_END, leading_name
from bot.deliberation import lifecycle as lc
from bot.deliberation import threads
from bot.deliberation.access import Access
from bot.deliberation.limits import (ALONE_WORDS, ANON_WORDS, CLOSE_GRACE, CLOSE_KEYS, DEFAULT_VOTE, MAX_OPTION, MAX_OPTIONS,
                                     MAX_VOTE, MIN_OPTIONS, NAMED_WORDS, NAMES_SHOWN, POINTS_ADOPTED, POINTS_VOTE,
                                     QUORUM_KEYS, SWEEP_EVERY, YES_NO, YES_NO_WORDS,
                                     DeliberationError)
from bot.domain import PRIORITY_BROADCAST
from bot.privacy import mask
from bot.scheduling import Pass
from bot.services.broadcasts import after_commit, tell
from bot.timeparse import WhenError, normalize
from storage.models import User, as_utc
from storage.models.deliberation import Proposal, ProposalVote
from storage.uow import UnitOfWork


# An option's number with Chinese run on after it, no mark between (`/vote 2 2离得近`), read when no
# option's words are what was typed (`12点` of `11点 | 12点` is that option, not number 12).
_GLUED_NUMBER = re.compile(r"(\d{1,2})(?=[\u4e00-\u9fff])")


class Voting(Access):
    def passes(self) -> dict[str, Pass]:
        return {"delib-close": self.close_due, "delib-sweep": self.sweep}

    def start_jobs(self) -> None:
        """The leader's repeating sweep (a stable id: re-adding replaces it)."""
        self.jobs.every("delib-sweep", "delib-sweep", seconds=SWEEP_EVERY)

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
                found = self.broadcasts.longest_when(tokens[i + 1:], value, deadline=True)
                if found is None:
                    self.broadcasts.parse_when(value, deadline=True)
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
        await threads.announce(uow, p, self.default_lang, "dl-vote", "vote", options=p.options, yes_no=p.yes_no,
                               anonymous=p.anonymous, quorum=p.quorum, deadline=self.broadcasts.local(deadline),
                               buttons=buttons)
        after_commit(uow, lambda: self.jobs.at(f"dv:{pid}", "delib-close", pid, when=deadline, grace=CLOSE_GRACE))
        return p

    async def vote(self, uow: UnitOfWork, user: User, proposal_id: int, option: int | str, chat_id: int,
                   is_private: bool, pressed: bool) -> tuple[str, dict[str, Any]]:
        """One vote per rider, changeable until the deadline. A button counts only in a chat the
        vote went to; a command, in one of those groups or privately by one of the branch's riders
        (Access.member_of). `option` is an index (a button, or `/vote N 2` less one) or a word: a
        for/against word, or an option's text. The proposal's row is locked (PostgreSQL): a double
        tap cannot insert two votes, and a vote racing the close is either counted or told the
        vote is closed."""
        p = await uow.deliberation.get(proposal_id, for_update=True)
        if p is None or (chat_id not in p.chat_ids and (
                pressed or not is_private or not await self.member_of(uow, user, p.branch_id))):
            # privately, another branch's proposal reads exactly as one that does not exist
            return ("dl-vote-private-unknown" if is_private and not pressed else "dl-err-gone"), {"id": proposal_id}
        if p.status != lc.VOTING:
            return ("dl-vote-closed" if p.vote_closed_at else "dl-vote-not-open"), {"id": proposal_id}
        now = self.clock()
        if p.vote_deadline is not None and now >= p.vote_deadline:
            return "dl-vote-closed", {"id": proposal_id}
        index = option if isinstance(option, int) else self.option_named(p, option)
        if index is None or not 0 <= index < len(p.options):  # a word or number, or a forged button
            return "dl-vote-no-option", {"id": proposal_id, "count": len(p.options), "options": list(p.options),
                                         "yes_no": p.yes_no}
        option = index
        label = {"option": p.options[option], "yes_no": p.yes_no}
        # an anonymous vote cast by command in a group: the answer there is public, so it names no choice
        secret = p.anonymous and not is_private and not pressed
        existing = await uow.deliberation.vote_of(proposal_id, user.id)
        if existing is not None:
            if existing.option == option:
                return ("dl-vote-secret", {"id": proposal_id}) if secret else ("dl-vote-same", label)
            existing.option, existing.chat_id, existing.at = option, chat_id, now
            existing.changes += 1
            return ("dl-vote-secret", {"id": proposal_id}) if secret else ("dl-vote-changed", label)
        uow.deliberation.add_vote(ProposalVote(proposal_id=proposal_id, user_id=user.id, option=option,
                                               chat_id=chat_id, at=now))
        points = 0
        if self.points is not None:
            points = await self.points.award(uow, user.id, POINTS_VOTE, f"dv:{proposal_id}:{user.id}",
                                             branch_id=p.branch_id)
        if secret:
            return "dl-vote-secret", {"id": proposal_id}
        return ("dl-vote-points" if points else "dl-vote-recorded"), {**label, "points": points}

    @staticmethod
    def option_named(p: Proposal, word: str) -> int | None:
        """The option a word names: 赞成/反对/弃权 (for, against, abstain) on a for/against vote, else
        an option's own text (compared as /vote compares words: NFKC, case-folded); said alone, or
        first with words after it apart (`赞成，大家加油`, `against it, sorry`: chatter)."""
        w = normalize(word).strip(ANSWER_END) or normalize(word)
        names = YES_NO_WORDS if p.yes_no else {normalize(o): n for n, o in reversed(list(enumerate(p.options)))}
        named = w if w in names else leading_name(w, names)
        if named in ALONE_WORDS and len(w) > len(named) and w[len(named)].isspace():
            return None  # "no idea", "no problem": a phrase, not the word no
        if named is None and (glued := _GLUED_NUMBER.match(w)):  # `2离得近`: the number, Chinese run on
            return int(glued[1]) - 1
        return names[named] if named is not None else None

    async def close_vote(self, uow: UnitOfWork, user: User, proposal_id: int, chat_id: int,
                         is_private: bool) -> Proposal:
        """`/proposal N close`: the secretary closes early; the same results as at the deadline."""
        p, _ = await self._staff(uow, user, proposal_id, chat_id, is_private, "close")
        pid = p.id or 0
        after_commit(uow, lambda: self.jobs.cancel(f"dv:{pid}"))
        await self._close(uow, p, by=user)
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

    async def _close(self, uow: UnitOfWork, p: Proposal, by: User | None = None) -> None:
        """Status, tally, result posts and the vote posts' buttons: one transaction."""
        tally = await self._tally(uow, p)
        now = self.clock()
        p.status = lc.decide(p.status, "adopt" if tally["adopted"] else "reject", lc.SYSTEM)
        p.tally, p.vote_closed_at, p.updated_at = tally, now, now
        early = p.vote_deadline is not None and now < as_utc(p.vote_deadline)  # the secretary closed it
        await threads.unbutton(uow, p, self.default_lang, "vote", "dl-settled-vote",
                               changes={"ended": self.broadcasts.local(now)} if early else None)
        await threads.announce(uow, p, self.default_lang, "dl-result", "result", priority=PRIORITY_BROADCAST, **tally)
        if p.status == lc.REJECTED:
            await threads.close_topics(uow, p)
        if tally["adopted"] and self.points is not None:
            await self.points.award(uow, p.author_id, POINTS_ADOPTED, f"proposal:{p.id}", branch_id=p.branch_id)
        await self._tell_closed(uow, p, tally, by)

    async def _tell_closed(self, uow: UnitOfWork, p: Proposal, tally: dict[str, Any], by: User | None) -> None:
        """Privately, in the same transaction as the close (so once): the proposer hears the result;
        at the deadline (`by` None) the branch's secretaries hear it too, with the next step's command
        (from the lifecycle table). A secretary who closed it early was answered already."""
        result = "adopted" if tally["adopted"] else ("rejected" if tally["quorum_met"] else "no_quorum")
        args = {"id": p.id, "title": p.title, "result": result, "turnout": tally["turnout"], "quorum": p.quorum}
        steps = lc.commands(p.status)
        step = f"/proposal {p.id} {steps[0][1]}" if steps else ""
        told: set[int] = {by.id} if by is not None else set()
        if by is None:
            for sec in await self.stewards(uow, p.branch_id):
                tell(uow, sec.id, "dl-closed-staff", self.lang_of(sec, p.lang), step=step, **args)
                told.add(sec.id)
        author = await uow.users.get(p.author_id)
        if author is not None and author.id not in told:
            tell(uow, author.id, "dl-closed-author", self.lang_of(author, p.lang), **args)
