"""Proposing (by command, or from a `suggestion` case), supporting, and the way onto the agenda
(the riders' threshold or the secretary), or a decline."""
from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from bot.deliberation import lifecycle as lc
from bot.deliberation import threads
from bot.deliberation.access import Access
from bot.deliberation.limits import MAX_BODY, MAX_COMMENT, MAX_TITLE, DeliberationError, clip
from bot.domain import PRIORITY_BROADCAST, PRIORITY_CONVERSATION, Notice
from bot.outbox import enqueue
from bot.privacy import mask
from bot.services.broadcasts import tell
from storage.models import User
from storage.models.deliberation import Proposal, ProposalSupport
from storage.uow import UnitOfWork


class Proposals(Access):
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
            lang_here = await threads.group_lang(uow, g.id, self.default_lang)
            enqueue(uow, Notice(g.id, "dl-card", lang_here, payload={**threads.card(p, 0, threshold, days),
                                                                 **threads.where(p, g.id, False)},
                                reply_to=message_id if g.id == chat_id else None, priority=PRIORITY_CONVERSATION,
                                dedupe_key=threads.card_key(p.id or 0, g.id)))
        if is_private:
            tell(uow, chat_id, "dl-proposed", lang, id=p.id, title=p.title, threshold=threshold, days=days)
        return p

    async def from_case(self, uow: UnitOfWork, user: User, case_id: int, lang: str,
                        asked_in: int | None = None) -> tuple[str, dict[str, Any]]:
        """A `suggestion` case becomes a proposal (its card in the branch's groups, a reply to the
        report in its own group), by the case's reporter or the branch's secretary: one button on
        the secretary's case card (dc:<case id>), or `/propose C-000123`. Once per case. Anyone
        else, or any other case, is answered as if there were no such case; so is, asked in a group
        (`asked_in`), a case that group does not hold (CaseService.asked_in_group: another branch's)."""
        case = await uow.cases.get(case_id)
        if case is not None and not await self.cases.held_where_asked(uow, user, case, asked_in):
            case = None
        staff = case is not None and (self.cases.is_superadmin(user) or (
            user.role == "secretary" and user.branch_id is not None and user.branch_id == case.branch_id))
        if case is None or case.branch_id is None or case.category != "suggestion" or not (
                staff or case.reporter_id == user.id):
            return "dl-case-unknown", {"case": case_id}
        done = await uow.deliberation.of_case(case_id)
        if done is not None:
            return "dl-case-already", {"id": done.id}
        first, _, rest = mask(case.text).strip().partition("\n")
        title = clip(first.strip(), MAX_TITLE) or str(case_id)
        body = clip("\n".join(x for x in (first[len(title):].strip() if len(first) > MAX_TITLE else "",
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
            lang_here = await threads.group_lang(uow, g.id, self.default_lang)
            enqueue(uow, Notice(g.id, "dl-card", lang_here, payload={**threads.card(p, 0, threshold, days),
                                                                   **threads.where(p, g.id, False)},
                                reply_to=case.message_id if g.id == case.chat_id else None,
                                priority=PRIORITY_CONVERSATION, dedupe_key=threads.card_key(p.id or 0, g.id)))
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
        await threads.recount_cards(uow, p, self.default_lang, count, threshold, days)
        return "dl-sup-recorded", {"count": count, "threshold": threshold}

    async def _to_agenda(self, uow: UnitOfWork, p: Proposal, status: str, by: User | None) -> None:
        """On the agenda: the cards lose their button, a topic is made in each forum group, the
        agenda post (the thread's root) goes to each group (into the topic), and the branch's
        secretaries are told (when the riders put it there)."""
        now = self.clock()
        p.status, p.agenda_at, p.updated_at = status, now, now
        supporters = await uow.deliberation.support_count(p.id or 0)
        await self._settle_cards(uow, p, "dl-settled-agenda")
        forum_chats = await threads.forums(uow, p)
        threads.open_topics(uow, p, forum_chats)
        for chat_id in p.chat_ids:
            # broadcast priority: the thread's root is never merged into a digest (replies to it are the comments)
            lang_here = await threads.group_lang(uow, chat_id, self.default_lang)
            enqueue(uow, Notice(chat_id, "dl-agenda", lang_here, priority=PRIORITY_BROADCAST,
                                dedupe_key=f"dl-agenda:{p.id}:{chat_id}",
                                payload={"id": p.id, "title": p.title, "body": p.body, "supporters": supporters,
                                         **threads.where(p, chat_id, chat_id in forum_chats)}))
        if by is None:
            for sec in await self.stewards(uow, p.branch_id):
                tell(uow, sec.id, "dl-agenda-staff", self.lang_of(sec, p.lang), id=p.id, title=p.title,
                     supporters=supporters)

    async def _settle_cards(self, uow: UnitOfWork, p: Proposal, key: str) -> None:
        """The cards lose their button and keep their final count, with one line (`key`) saying why."""
        threshold, days = await self.rule_of(uow, p.branch_id)
        supporters = await uow.deliberation.support_count(p.id or 0, p.created_at)
        await threads.recount_cards(uow, p, self.default_lang, supporters, threshold, days, settled=key)

    async def put_on_agenda(self, uow: UnitOfWork, user: User, proposal_id: int, chat_id: int,
                            is_private: bool) -> Proposal:
        p, status = await self._staff(uow, user, proposal_id, chat_id, is_private, "agenda")
        await self._to_agenda(uow, p, status, by=user)
        return p

    async def decline(self, uow: UnitOfWork, user: User, proposal_id: int, chat_id: int, is_private: bool,
                      reason: str) -> Proposal:
        p, status = await self._staff(uow, user, proposal_id, chat_id, is_private, "decline")
        reason = mask(clip(reason.strip(), MAX_COMMENT))
        if not reason:
            raise DeliberationError("dl-decline-usage", id=proposal_id)
        was = p.status
        p.status, p.decline_reason, p.updated_at = status, reason, self.clock()
        if was == lc.PROPOSED:
            await self._settle_cards(uow, p, "dl-settled-declined")
        await threads.announce(uow, p, self.default_lang, "dl-declined", "declined", reason=reason)
        await threads.close_topics(uow, p)
        return p
