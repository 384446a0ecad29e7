"""The public board (问题上报与解决): what riders of a branch reported and what became of it.

Shown in groups, so places are masked: a board is outside the reporter's own chat.
"""
from __future__ import annotations

from statistics import median

from bot.cases.lifecycle import OWED_STATUSES, SOLVED_STATUSES
from bot.domain import PRIORITY_CONVERSATION, Notice
from bot.outbox import enqueue
from bot.privacy import shareable_place
from bot.services.cases import CaseService, number
from storage.models import User
from storage.uow import UnitOfWork

LATEST = 5
SOLVED = SOLVED_STATUSES  # bot.cases.lifecycle


async def post_board(uow: UnitOfWork, cases: CaseService, user: User, chat_id: int, is_private: bool,
                     lang: str, reply_to: int | None) -> bool:
    """A group sees its branch (or, unbound, its own cases); in private a secretary sees their
    branch and a superadmin everything. False when there is no board to show here."""
    branch_id: int | None = None
    scope_chat: int | None = None
    title = ""
    if is_private:
        scope = await cases.scope(uow, user)
        if scope.branch_id is None and not scope.superadmin:
            return False
        branch_id = scope.branch_id
    else:
        chat = await uow.chats.get(chat_id)
        branch_id = chat.branch_id if chat else None
        scope_chat = None if branch_id is not None else chat_id
        title = (chat.title or "") if chat else ""
    if branch_id is not None:
        branch = await uow.branches.get(branch_id)
        title = branch.name if branch else title
    counts, seconds, newest = await uow.cases.board(branch_id=branch_id, chat_id=scope_chat, latest=LATEST)
    payload = {
        "title": title,
        "open": sum(n for status, n in counts.items() if status in OWED_STATUSES),  # a voice report awaiting triage too
        "solved": sum(counts.get(status, 0) for status in SOLVED),
        "total": sum(counts.values()),
        "median_minutes": round(median(seconds) / 60) if seconds else None,
        "latest": [{"number": number(c), "category": c.category, "status": c.status,
                    "date": cases.local(c.created_at), "location": shareable_place(c.location, c.text)}
                   for c in newest],
    }
    enqueue(uow, Notice(chat_id, "case-board", lang, payload=payload, reply_to=reply_to,
                        priority=PRIORITY_CONVERSATION))
    return True
