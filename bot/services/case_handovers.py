"""A case handed to a department is heard by the department, privately (its members, or the branch
secretary when it has none), as a transfer request is (bot/services/case_transfers.py):

* ``assign``: the department the secretary chose gets the case, with the button of its next step
  (accept while nobody has, else start). It used to hear nothing: the group and the reporter were
  told "已指派给住建局" while the department learnt of the case at its half-time reminder;
* the deadline reminders (bot/services/deadlines.py) carry the same button;
* ``reopen``: the owning department hears that the reporter says it is not fixed, and the new fix
  deadline. It used to hear nothing either: the resolved case went back to it in silence.

Who made the change is not told what they just did.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot.buttons import CaseAction, encode
from bot.cases import Transition
from bot.cases.lifecycle import ACCEPTED, IN_PROGRESS, NEW
from storage.models import Case, User
from storage.uow import UnitOfWork

if TYPE_CHECKING:
    from bot.services.cases import CaseService

ASSIGNED_KEY = "case-assigned-dept"
REOPENED_KEY = "case-reopened-dept"


# A department's next step on a case, by its status: the one button a reminder or a hand-over offers.
NEXT_STEP = {NEW: "accept", ACCEPTED: "start", IN_PROGRESS: "resolve"}


def next_step(case: Case) -> list[list[tuple[str, str]]]:
    """The one button a department's look at a case needs (accept it, start on it, mark it
    resolved); none when its next step is not the department's alone (a transfer pending)."""
    action = NEXT_STEP.get(case.status)
    return [[(f"case-action-{action}", encode(CaseAction(case.id or 0, action)))]] if action else []


async def on_transition(service: CaseService, uow: UnitOfWork, case: Case, t: Transition,
                        user: User | None = None) -> None:
    """Private notes to the department a case was handed to (in the transition's transaction)."""
    skip = user.id if user is not None else None
    moved = t.payload.get("to_department") not in (None, t.payload.get("from_department"))
    if t.action == "assign" and moved:  # (an assign that keeps a case where it is hands nothing over)
        await service.alert(uow, case, ASSIGNED_KEY, departments=True, skip=skip,
                            dedupe=f"-{int(service.clock().timestamp())}",
                            extra={"buttons": next_step(case)})
    elif t.action == "reopen":
        await service.alert(uow, case, REOPENED_KEY, departments=True, dedupe=f"-{case.reopens}", skip=skip)
