"""The discussion (comments in a proposal's thread) and what riders read: a proposal's summary,
the branch's lists."""
from __future__ import annotations

from typing import Any

from bot.deliberation import lifecycle as lc
from bot.deliberation.access import Access
from bot.deliberation.limits import MAX_COMMENT, DeliberationError, clip
from bot.privacy import mask
from storage.models import User
from storage.models.deliberation import ProposalComment
from storage.uow import UnitOfWork


class Reading(Access):
    async def thread_of(self, uow: UnitOfWork, chat_id: int, reply_to_id: int | None,
                        topic_id: int | None = None) -> int | None:
        """The proposal whose thread a group message is in: the one of the bot's message it replies
        to, else the one whose forum topic it was posted in (a topic's id is the id of the message
        that opened it, the row that made it: bot.deliberation.threads)."""
        for message_id in (reply_to_id, topic_id):
            if message_id is not None:
                pid = await uow.deliberation.of_bot_message(chat_id, message_id)
                if pid is not None:
                    return pid
        return None

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
            proposal_id=proposal_id, user_id=user.id, text=mask(clip(text.strip(), MAX_COMMENT)),
            chat_id=chat_id, message_id=message_id, at=self.clock()))
        return True

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
                      which: str | None) -> dict[str, Any]:
        """`/proposals <which>` (a key of lifecycle.LISTS); `which` None: the overview — the open
        ones, and how many each other list holds (its filter named, so nothing is hidden)."""
        if self.cases.is_superadmin(user) and is_private:
            branch_id = user.branch_id  # None: every branch
        else:
            branch_id = await self.branch_here(uow, user, chat_id, is_private)
            if branch_id is None:
                raise DeliberationError("dl-err-no-branch")
        shown = which or lc.OVERVIEW_FIRST
        items = []
        for p in await uow.deliberation.listed(branch_id, lc.LISTS[shown]):
            items.append({"id": p.id, "title": p.title, "status": p.status,
                          "supporters": await uow.deliberation.support_count(p.id or 0),
                          "owner": p.owner or "", "due": self.broadcasts.local(p.due)[:10] if p.due else ""})
        counts = await uow.deliberation.status_counts(branch_id)
        out: dict[str, Any] = {"which": shown, "items": items, "overview": which is None,
                               "total": sum(counts.get(s, 0) for s in lc.LISTS[shown])}  # beyond the newest shown
        if which is None:
            out["others"] = {name: sum(counts.get(s, 0) for s in lc.LISTS[name]) for name in lc.OVERVIEW_REST}
        return out
