"""The discussion (comments in a proposal's thread) and what riders read: a proposal's summary,
the branch's lists."""
from __future__ import annotations

from typing import Any

from bot.deliberation import lifecycle as lc
from bot.deliberation import replies, threads
from bot.deliberation.access import Access
from bot.deliberation.due import shown as shown_due
from bot.deliberation.limits import MAX_COMMENT, DeliberationError, clip
from bot.domain import PRIORITY_CONVERSATION, Notice
from bot.intake import classify_async
from bot.outbox import enqueue
from bot.privacy import mask
from storage.models import User
from storage.models.deliberation import Proposal, ProposalComment
from storage.uow import UnitOfWork


class Reading(Access):
    async def thread_of(self, uow: UnitOfWork, chat_id: int, reply_to_id: int | None,
                        topic_id: int | None = None, text: str = "") -> int | None:
        """The proposal whose thread a group message is in and that takes it as a comment: the one
        of the bot's message it replies to, else the one whose forum topic it was posted in (a
        topic's id is the id of the message that opened it, the row that made it:
        bot.deliberation.threads). None — the message goes the normal routes (a report becomes a
        case) — when the proposal is finished, or when `text` is a report (bot.deliberation.replies)."""
        for message_id in (reply_to_id, topic_id):
            if message_id is not None:
                pid = await uow.deliberation.of_bot_message(chat_id, message_id)
                if pid is not None:
                    p = await uow.deliberation.get(pid)
                    if p is None or not replies.takes_comments(p.status):
                        return None
                    if text.strip() and replies.is_report(await classify_async(text)):
                        return None
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
        await self._report_hint(uow, user, p, chat_id, message_id, text)
        return True

    async def _report_hint(self, uow: UnitOfWork, user: User, p: Proposal, chat_id: int, message_id: int,
                           text: str) -> None:
        """A comment that reads as a report: kept as discussion, and the rider told how to report,
        once per rider and proposal (the dedupe key)."""
        key = f"dl-report-hint:{p.id}:{user.id}"
        if replies.looks_like_report(await classify_async(text)) and key not in await uow.outbox.keys_under(key):
            lang = self.lang_of(user, p.lang)
            enqueue(uow, Notice(chat_id, "dl-report-hint", lang, reply_to=message_id, priority=PRIORITY_CONVERSATION,
                                payload={"id": p.id, **threads.where(p, chat_id, False)},
                                dedupe_key=key))

    async def comment_edited(self, uow: UnitOfWork, user: User, proposal_id: int, chat_id: int, message_id: int,
                             text: str) -> None:
        """A reply in the thread, edited: the comment's new words (masked as a comment is), never a
        report; one the thread did not keep (a support typed, a proposal past discussion) is read
        as a new comment would be."""
        kept = await uow.deliberation.comment_at(proposal_id, chat_id, message_id)
        if kept is None:
            await self.comment(uow, user, proposal_id, chat_id, message_id, text)
            return
        p = await uow.deliberation.get(proposal_id)
        if p is not None and kept.user_id == user.id and text.strip():
            kept.text = mask(clip(text.strip(), MAX_COMMENT))
            await self._report_hint(uow, user, p, chat_id, message_id, text)

    async def summary(self, uow: UnitOfWork, user: User, proposal_id: int, chat_id: int,
                      is_private: bool) -> dict[str, Any]:
        p = await self._visible(uow, user, proposal_id, chat_id, is_private)
        pid = p.id or 0
        # the agenda's rule (N supporters within D days) only while it can still reach it: on the
        # agenda or past it, '上议程需要 7 天内 5 人' read as if it still had to
        threshold, days = await self.rule_of(uow, p.branch_id) if p.status == lc.PROPOSED else (None, None)
        out: dict[str, Any] = {
            "id": pid, "title": p.title, "body": p.body, "status": p.status,
            "supporters": await uow.deliberation.support_count(pid), "threshold": threshold, "days": days,
            "comments": await uow.deliberation.comment_count(pid),
            "latest": [{"name": name, "text": c.text} for c, name in await uow.deliberation.latest_comments(pid)],
            "reason": p.decline_reason or "", "owner": p.owner or "",
            "due": shown_due(self.broadcasts.local(p.due)) if p.due else "",
            "notes": [{"text": c.text, "at": self.broadcasts.local(c.at)}
                      for c, _ in await uow.deliberation.latest_comments(pid, "note")],
            "done": self.broadcasts.local(p.done_at) if p.done_at else "",
            "options": p.options, "yes_no": p.yes_no,
        }
        if p.done_at is not None:  # the note given with `done` is the outcome, not progress
            done_at = self.broadcasts.local(p.done_at)
            out["done_note"] = next((n["text"] for n in out["notes"] if n["at"] == done_at), "")
            out["notes"] = [n for n in out["notes"] if n["at"] != done_at or n["text"] != out["done_note"]]
        if p.status == lc.VOTING:
            counts = await uow.deliberation.vote_counts(pid)
            out["vote"] = {"turnout": sum(counts.values()), "quorum": p.quorum, "anonymous": p.anonymous,
                           "deadline": self.broadcasts.local(p.vote_deadline)}
        elif p.tally:
            out["tally"] = p.tally
        if self.role(user, p) == lc.SECRETARY:
            out["actions"] = [{"action": a, "word": w} for a, w in lc.commands(p.status)]
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
                          "owner": p.owner or "", "due": shown_due(self.broadcasts.local(p.due)) if p.due else ""})
        counts = await uow.deliberation.status_counts(branch_id)
        out: dict[str, Any] = {"which": shown, "items": items, "overview": which is None,
                               "total": sum(counts.get(s, 0) for s in lc.LISTS[shown])}  # beyond the newest shown
        if which is None:
            out["others"] = {name: sum(counts.get(s, 0) for s in lc.LISTS[name]) for name in lc.OVERVIEW_REST}
        return out
