"""Transfers (首问负责制) heard by everyone they concern, privately.

* the receiving department gets the case with accept / decline buttons (its
  members, or the branch secretary when it has none), and `/cases` lists it;
* the owning department hears a decline, with the reason;
* the branch secretary hears when the transfer limit is hit: from then on only
  they can move the case (assign, reject, cannot fix);
* the department a transfer was requested to hears when the secretary settles the case another way
  while the request waits (assigns it elsewhere, rejects it, marks it a duplicate), and the request's
  buttons go: it used to keep an offer that could no longer be accepted, and nobody told it the case
  was no longer coming (`WITHDRAWN_KEY`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot.buttons import CaseAction, encode
from bot.cases import Transition
from bot.cases.lifecycle import MAX_TRANSFERS, Actor
from bot.privacy import mask
from bot.services.case_dialogs import settle_sent
from bot.services.case_handovers import role_key
from storage.models import Case, User
from storage.uow import UnitOfWork

LIMIT_EVENT = "transfer_limit"
OFFER_KEY = "case-transfer-offer"
WITHDRAWN_KEY = "case-transfer-withdrawn"
DECIDING = ("transfer_accept", "transfer_decline")  # the actions that use a request up

if TYPE_CHECKING:
    from bot.services.cases import CaseService


def offer_prefix(case_id: int) -> str:
    """The dedupe-key prefix of a case's transfer requests (CaseService.alert's key shape
    `case:<id>:<key><round>:<user id>`)."""
    return f"case:{case_id}:{OFFER_KEY}"


async def settle_offers(uow: UnitOfWork, case: Case, action: str, who: str) -> None:
    """Every sent copy of the case's transfer request loses its buttons and says who decided what
    (issue 13 B3a: a declined request kept live buttons). The request is re-rendered from its row
    (`was`), so its text stays."""
    await settle_sent(uow, list(await uow.outbox.sent_under(offer_prefix(case.id or 0))),
                      f"case:{case.id}:transfer-offer-end:", "settled-case", {"who": who, "action_key": action})


async def was_offered(uow: UnitOfWork, case_id: int, user_id: int) -> bool:
    """True when `user_id` was sent this case's transfer request: they were shown the case, so a
    late press may be told who decided instead of "not found"."""
    return bool(await uow.outbox.sent_under(offer_prefix(case_id), chat_id=user_id))


def offer_buttons(case: Case) -> list[list[tuple[str, str]]]:
    """The same callback data as the case card's buttons: one handler, one set of checks."""
    return [[("case-action-transfer_accept", encode(CaseAction(case.id or 0, "transfer_accept"))),
             ("case-action-transfer_decline", encode(CaseAction(case.id or 0, "transfer_decline")))]]


async def on_transition(service: CaseService, uow: UnitOfWork, case: Case, t: Transition,
                        user: User | None = None, actor: Actor | None = None, pending: str | None = None) -> None:
    """Private notes after a transfer request or decline (in the transition's transaction); a
    decision settles the request's buttons, naming `user` (None: the system). `pending`: the
    department a transfer was requested to before `t` (None when none was)."""
    round_ = f"-{case.transfers}"
    who = (user.first_name or str(user.id)) if user else "—"
    ended = bool(pending) and case.pending_department is None  # the request ended with another decision
    if t.action in DECIDING or ended:  # its accept / decline buttons go, naming who decided
        await settle_offers(uow, case, t.action, who)
    if ended and t.action not in DECIDING and t.payload.get("to_department") != pending:
        # the case is not coming (an assign elsewhere, a reject, a duplicate; one assigned straight to the
        # department asked is, as its assign note says). Said by the department that asked for the
        # transfer, it is that department to the one asked, never "本部门同事" (a colleague of the reader's own)
        by = role_key(actor, t)
        await service.alert(uow, case, WITHDRAWN_KEY, department=pending, dedupe=round_, fallback=False,
                            skip=user.id if user is not None else None,
                            extra={"action": t.action,
                                   "by": "case-by-asking-department" if by == "case-by-colleague" else by,
                                   "from_code": case.department or "",
                                   "to_code": t.payload.get("to_department") or "",
                                   "master": t.payload.get("master") or ""})
    if t.action == "transfer_request" and case.pending_department:
        await service.alert(uow, case, OFFER_KEY, department=case.pending_department,
                            dedupe=round_, extra={"buttons": offer_buttons(case),
                                                  "from_code": t.payload.get("from_department") or "",
                                                  "note": mask(t.payload.get("note") or "")})
    elif t.action == "transfer_decline":
        await service.alert(uow, case, "case-transfer-declined", departments=True, dedupe=round_,
                            extra={"from_code": t.payload.get("declined_by") or "",
                                   "note": mask(t.payload.get("note") or "")})
        if case.transfers >= MAX_TRANSFERS:
            await limit_hit(service, uow, case)


async def limit_hit(service: CaseService, uow: UnitOfWork, case: Case) -> None:
    """The secretary decides from here on; told once per case (the timeline remembers)."""
    if case.id is not None and any(e.kind == LIMIT_EVENT for e in await uow.cases.events(case.id)):
        return
    uow.cases.log(case, LIMIT_EVENT, None)
    await service.alert(uow, case, "case-transfer-limit", staff=True,
                        extra={"transfers": case.transfers, "limit": MAX_TRANSFERS})
