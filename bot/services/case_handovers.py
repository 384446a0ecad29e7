"""A case handed to a department is heard by the department, privately (its members, or the branch
secretary when it has none), as a transfer request is (bot/services/case_transfers.py):

* ``assign``: the department the secretary chose gets the case, with the button of its next step
  (accept while nobody has, else start). It used to hear nothing: the group and the reporter were
  told "已指派给住建局" while the department learnt of the case at its half-time reminder;
* the deadline reminders (bot/services/deadlines.py) carry the same button;
* ``reopen``: the owning department hears that the reporter says it is not fixed, and the new fix
  deadline. It used to hear nothing either: the resolved case went back to it in silence;
* the department that *loses* a case hears that it did, what happened and by whom (in role terms:
  the branch secretary, a superadmin, the department that took it over, a colleague), and that it
  need do nothing more: the secretary moved it elsewhere (``assign``, or ``accept`` for another
  department), the department it was transferred to took it (``transfer_accept``), or it was
  rejected, closed as cannot-fix or marked a duplicate. It used to hear nothing: the case stayed on
  its list in its head, and it might send a crew to a case that was no longer its own. Only a
  department that holds the case hears it (`held_by`): one that accepted it, or was assigned it, or
  was told of it (an urgent case's first alert, a deadline reminder); a case merely routed to it by
  default and rejected as noise before anybody looked is none of its business. It is told through
  its members only: a department nobody staffs has no crew to call back, and the secretaries who
  act for it saw the change in the group.

Who made the change is not told what they just did.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot.buttons import CaseAction, encode
from bot.cases import Transition
from bot.cases.lifecycle import (ACCEPTED, DEPARTMENT_MEMBER, IN_PROGRESS, NEW, SECRETARY, SUPERADMIN, SYSTEM,
                                  TARGET_DEPARTMENT_MEMBER, Actor)
from bot.privacy import mask
from storage.models import Case, User
from storage.uow import UnitOfWork

if TYPE_CHECKING:
    from bot.services.cases import CaseService

ASSIGNED_KEY = "case-assigned-dept"
REOPENED_KEY = "case-reopened-dept"
# What the department that loses a case hears, by the action that took it away.
LOST_KEYS = {"assign": "case-lost-moved", "accept": "case-lost-moved", "transfer_accept": "case-lost-transferred",
             "reject": "case-lost-rejected", "cannot_fix": "case-lost-cannot-fix",
             "mark_duplicate": "case-lost-duplicate"}
# Events that told a department of a case still new (bot/services/deadlines.py): its reminders.
TOLD_EVENTS = frozenset({"reminded", "escalated", "fix_reminded", "fix_escalated"})


# A department's next step on a case, by its status: the one button a reminder or a hand-over offers.
NEXT_STEP = {NEW: "accept", ACCEPTED: "start", IN_PROGRESS: "resolve"}


def next_step(case: Case) -> list[list[tuple[str, str]]]:
    """The one button a department's look at a case needs (accept it, start on it, mark it
    resolved); none when its next step is not the department's alone (a transfer pending)."""
    action = NEXT_STEP.get(case.status)
    return [[(f"case-action-{action}", encode(CaseAction(case.id or 0, action)))]] if action else []


def lost_by(case: Case, t: Transition) -> str | None:
    """The department `t` took `case` away from (its code), None when no department lost it."""
    before = t.payload.get("from_department")
    if t.action in ("assign", "accept", "transfer_accept"):
        return before if before and t.payload.get("to_department") not in (None, before) else None
    if t.action in LOST_KEYS and t.to_status != t.from_status:  # the case ended with its owner
        return case.department
    return None


async def held_by(uow: UnitOfWork, case: Case, department: str, t: Transition) -> bool:
    """Whether `department` had `case` in hand before `t`: somebody accepted it (any status past new),
    or it was assigned to it, or it was told of it while new (an urgent case's first alert went to
    it; a deadline reminder since it got the case)."""
    if t.from_status != NEW or case.urgency == "urgent":
        return True
    # A new case changes department only by an assign: one never assigned it is the one it was routed
    # to, reminded (if at all) before the first assign.
    routed_first = True
    for event in await uow.cases.events(case.id or 0):  # oldest first; this transition's own may be last
        if event.kind == "assigned":  # its note names the department it went to (CaseService.act)
            if event.note == department:
                return True
            routed_first = False
        elif event.kind in TOLD_EVENTS and routed_first:
            return True
    return False


def role_key(actor: Actor | None, t: Transition) -> str:
    """Who made the change, in role terms, as a message key ("case-by-secretary")."""
    roles = actor.roles if actor is not None else frozenset({SYSTEM})
    if SECRETARY in roles:
        return "case-by-secretary"
    if SUPERADMIN in roles:
        return "case-by-superadmin"
    if t.action == "transfer_accept" and TARGET_DEPARTMENT_MEMBER in roles:
        return "case-by-new-department"
    if DEPARTMENT_MEMBER in roles:
        return "case-by-colleague"
    return "case-by-system"


async def on_transition(service: CaseService, uow: UnitOfWork, case: Case, t: Transition,
                        user: User | None = None, actor: Actor | None = None) -> None:
    """Private notes to the department a case was handed to, and to the one it was taken from (in
    the transition's transaction)."""
    skip = user.id if user is not None else None
    lost = lost_by(case, t)
    if lost is not None and await held_by(uow, case, lost, t):
        await service.alert(uow, case, LOST_KEYS[t.action], department=lost, skip=skip, fallback=False,
                            dedupe=None, extra={"by": role_key(actor, t), "to_code": t.payload.get("to_department") or "",
                                   "note": mask(t.payload.get("note") or ""), "master": t.payload.get("master") or ""})
    moved = t.payload.get("to_department") not in (None, t.payload.get("from_department"))
    if t.action == "assign" and moved:  # (an assign that keeps a case where it is hands nothing over)
        await service.alert(uow, case, ASSIGNED_KEY, departments=True, skip=skip,
                            dedupe=None, extra={"buttons": next_step(case)})
    elif t.action == "reopen":
        await service.alert(uow, case, REOPENED_KEY, departments=True, dedupe=f"-{case.reopens}", skip=skip)
