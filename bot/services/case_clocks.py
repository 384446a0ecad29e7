"""The two clocks of a case, as in the 12345 hotline workflow.

* **Response** (`Case.due_at`, from the report): someone must accept the case —
  urgent within an hour by default. The first move out of new/transferred into a
  state where someone owns the work (accepted, in progress, resolved, or a decision
  such as reject) sets `responded_at` and stops this clock.
* **Resolution** (`Case.fix_due_at`, from the report): the case must be fixed. A
  reopen by the reporter restarts it from the reopen, with fresh reminders.

Durations come from the routing config (`[deadlines]`, `[resolution]`), and every
text quotes them from there (`CaseService.clocks`), never a fixed "1 小时".
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.cases import RoutingTable, Transition
from bot.cases.lifecycle import WAITING_STATUSES
from storage.models import Case

_WAITING = WAITING_STATUSES  # bot.cases.lifecycle: nobody has taken the case yet




def on_transition(case: Case, t: Transition, now: datetime, routing: RoutingTable) -> dict[str, Any]:
    """What a transition does to the clocks (fields of `case` to write): stop the response clock
    on the first response; restart the resolution clock on a reopen."""
    changes: dict[str, Any] = {}
    if case.responded_at is None and t.status_changed and t.to_status not in _WAITING:
        changes["responded_at"] = now
    if t.action == "reopen":
        changes["fix_due_at"] = now + routing.resolve_deadline(case.urgency)
        changes["fix_reminders"] = 0
    return changes
