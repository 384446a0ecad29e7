"""An adopted proposal followed up as a commitment: owner and due date, progress notes, done —
each announced in the proposal's threads."""
from __future__ import annotations

import unicodedata
from datetime import date, datetime, time

from bot.deliberation import threads
from bot.deliberation.access import Access
from bot.deliberation.limits import DUE_KEYS, MAX_COMMENT, MAX_OWNER, DeliberationError, clip
from bot.privacy import mask
from bot.timeparse import normalize
from storage.models import User
from storage.models.deliberation import Proposal, ProposalComment
from storage.uow import UnitOfWork


class Commitments(Access):
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
        owner = clip(" ".join(owner_words).strip(), MAX_OWNER)
        if not owner or due is None:
            raise DeliberationError("dl-commit-usage", id=proposal_id)
        if due <= self.clock():
            raise DeliberationError("dl-err-due")
        p.status, p.owner, p.due, p.updated_at = status, mask(owner), due, self.clock()
        await threads.announce(uow, p, "dl-commit", "commit", owner=p.owner, due=self.broadcasts.local(due)[:10])
        return p

    async def note(self, uow: UnitOfWork, user: User, proposal_id: int, chat_id: int, is_private: bool,
                   text: str) -> Proposal:
        """A progress note: stored masked, announced in every thread like a case's."""
        p, status = await self._staff(uow, user, proposal_id, chat_id, is_private, "note")
        note = mask(clip(text.strip(), MAX_COMMENT))
        if not note:
            raise DeliberationError("dl-note-usage", id=proposal_id)
        now = self.clock()
        uow.deliberation.add_comment(ProposalComment(proposal_id=proposal_id, user_id=user.id, kind="note",
                                                     text=note, at=now))
        n = await uow.deliberation.comment_count(proposal_id, "note") + 1
        p.status, p.updated_at = status, now
        await threads.announce(uow, p, "dl-note", f"note-{n}", note=note, owner=p.owner or "")
        return p

    async def finish(self, uow: UnitOfWork, user: User, proposal_id: int, chat_id: int, is_private: bool,
                     text: str) -> Proposal:
        p, status = await self._staff(uow, user, proposal_id, chat_id, is_private, "finish")
        now = self.clock()
        note = mask(clip(text.strip(), MAX_COMMENT))
        if note:
            uow.deliberation.add_comment(ProposalComment(proposal_id=proposal_id, user_id=user.id, kind="note",
                                                         text=note, at=now))
        p.status, p.done_at, p.updated_at = status, now, now
        await threads.announce(uow, p, "dl-done", "done", note=note, owner=p.owner or "")
        await threads.close_topics(uow, p)
        return p
