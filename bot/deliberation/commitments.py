"""An adopted proposal followed up as a commitment: owner and due date, progress notes, done —
each announced in the proposal's threads."""
from __future__ import annotations

import unicodedata
from datetime import datetime

from bot.deliberation import lifecycle as lc
from bot.deliberation import threads
from bot.deliberation.due import parse_due, shown
from bot.deliberation.access import Access
from bot.deliberation.limits import DUE_KEYS, MAX_COMMENT, MAX_OWNER, DeliberationError, clip
from bot.privacy import mask
from bot.timeparse import normalize
from storage.models import User, as_utc
from storage.models.deliberation import Proposal, ProposalComment
from storage.uow import UnitOfWork



class Commitments(Access):
    def parse_commit(self, text: str) -> tuple[str, datetime | None]:
        """`负责方 due=2026-12-31 [18:00]`: (owner, due). The due date's words (bot.deliberation.due)
        are never part of the owner; one that is no date is refused with deliberation's own hint."""
        words = text.split()
        owner_words: list[str] = []
        due = None
        i = 0
        while i < len(words):
            key, eq, value = normalize(words[i]).partition("=")
            if eq and key in DUE_KEYS:
                raw = unicodedata.normalize("NFKC", words[i]).split("=", 1)[1]
                found = parse_due(raw, words[i + 1:], self.clock().astimezone(self.cases.tz))
                if found is None:
                    raise DeliberationError("dl-err-due")
                due, used = found
                i += used
            else:
                owner_words.append(words[i])
            i += 1
        return clip(" ".join(owner_words).strip(), MAX_OWNER), due

    async def commit(self, uow: UnitOfWork, user: User, proposal_id: int, chat_id: int, is_private: bool,
                     text: str) -> Proposal:
        """`commit 负责方 due=2026-12-31`: owner (a department or the branch) and due date. Again while
        in progress: a correction (either may be left out to keep it), announced once if it changed."""
        p, status = await self._staff(uow, user, proposal_id, chat_id, is_private, "commit")
        owner, due = self.parse_commit(text)
        correcting = p.status == lc.IN_PROGRESS
        if correcting:
            owner, due = owner or p.owner or "", due or p.due
        if not owner or due is None:
            raise DeliberationError("dl-commit-usage", id=proposal_id)
        if due <= self.clock():
            raise DeliberationError("dl-err-due")
        owner = mask(owner)
        if correcting and owner == p.owner and p.due is not None and due == as_utc(p.due):
            return p  # nothing changed: nothing to announce
        p.status, p.owner, p.due, p.updated_at = status, owner, due, self.clock()
        shown_due = shown(self.broadcasts.local(due))
        if correcting:  # one announcement per correction (its moment names it)
            await threads.announce(uow, p, self.default_lang, "dl-commit-changed", f"commit-{int(p.updated_at.timestamp() * 1000)}",
                                   owner=owner, due=shown_due)
        else:
            await threads.announce(uow, p, self.default_lang, "dl-commit", "commit", owner=owner, due=shown_due)
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
        await threads.announce(uow, p, self.default_lang, "dl-note", f"note-{n}", note=note, owner=p.owner or "")
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
        await threads.announce(uow, p, self.default_lang, "dl-done", "done", note=note, owner=p.owner or "")
        await threads.close_topics(uow, p)
        return p
