"""What a case's lifecycle earns its reporter: one function from an applied transition to
awards (or reversals), so CaseService keeps one line for it. It runs in the transition's
own unit of work: the awards commit with the transition, or neither does.

* accepted (by a department, the secretary, or a transfer's target) → report_accepted,
  and urgent_confirmed when the case is urgent;
* closed after a fix (the reporter confirms, or nobody objects within 72 h) →
  report_resolved; the reporter confirming the fix → fix_confirmed as well;
* marked duplicate or rejected after acceptance → what acceptance gave is reversed
  (a duplicate or rejected report earns 0).

Only the reporter earns: watchers (who reported the same thing later) get nothing.
Nobody earns for acting on their own report: the awarder refuses rules marked
`self_award = false` when the actor is the rider, and the actor passed for a close is
whoever marked the case resolved. Source keys are ``case:C-000123:<what>``, so
replays and double presses award once.
"""
from __future__ import annotations

from bot.cases import Actor, Transition, format_case_no
from bot.domain import Awarder
from storage.models import Case
from storage.uow import UnitOfWork

ACCEPTING = frozenset({"accept", "assign", "transfer_accept"})
VOIDING = frozenset({"mark_duplicate", "reject"})


def case_key(case: Case, what: str) -> str:
    return f"case:{format_case_no(case.id or 0)}:{what}"


async def on_transition(points: Awarder, uow: UnitOfWork, case: Case, t: Transition, actor: Actor) -> int:
    """Award (or take back) what `t` earns the reporter of `case`; the net points moved."""
    if case.id is None or not t.status_changed or case.reporter_id <= 0:
        return 0  # (a reporter id <= 0: an integration's case, e.g. Open311; no rider to credit)
    moved = 0
    branch = case.branch_id
    # a transition's awards go to one rider: award_each locks their account once for all of them
    if t.action in ACCEPTING and t.to_status == "accepted":
        awards = [("report_accepted", case_key(case, "accepted"), actor.user_id)]
        if case.urgency == "urgent":
            awards.append(("urgent_confirmed", case_key(case, "urgent"), actor.user_id))
        moved += await points.award_each(uow, case.reporter_id, awards, branch_id=branch)
    elif t.to_status == "closed" and t.action in ("confirm", "auto_close"):
        awards = [("report_resolved", case_key(case, "resolved"), await _resolver(uow, case))]
        if t.action == "confirm":
            awards.append(("fix_confirmed", case_key(case, "fix_confirmed"), actor.user_id))
        moved += await points.award_each(uow, case.reporter_id, awards, branch_id=branch)
    elif t.action in VOIDING:
        reason = f"{t.event_kind}: {t.payload.get('master') or t.payload.get('note') or ''}".strip(": ")
        for what in ("accepted", "urgent"):
            moved -= await points.reverse(uow, case_key(case, what), reason)
    return moved


async def _resolver(uow: UnitOfWork, case: Case) -> int | None:
    """Who last marked the case resolved (their own report earns them nothing)."""
    return await uow.cases.last_actor(case.id or 0, "resolved")
