"""Deadlines: remind the department at half time and at the deadline, escalate overdue
cases to the branch secretary and superadmins, auto-close resolved cases nobody answered.

The sweep keeps its state on the case (`reminders`, `due_at`, `resolved_at`), so it
is idempotent and needs no per-case jobs: one scheduled job runs it every minute,
and a sweep after downtime catches up at once, sending each reminder once.
"""
from __future__ import annotations

from datetime import datetime

from bot.cases.lifecycle import AUTO_CLOSE_AFTER, UNFINISHED_STATUSES
from bot.services.case_handovers import next_step
from bot.services.cases import CaseService
from storage.models import Case, as_utc
from storage.uow import UnitOfWork

HALF, DUE, ESCALATED = 1, 2, 3
UNFINISHED = tuple(sorted(UNFINISHED_STATUSES))  # bot.cases.lifecycle


class DeadlineService:
    def __init__(self, cases: CaseService) -> None:
        self.cases = cases

    async def sweep(self, uow: UnitOfWork, now: datetime) -> int:
        """One pass; returns how many reminders, escalations and auto-closes it made.

        Two clocks (12345 style): until someone accepts, the response deadline (`due_at`,
        level in `reminders`); then, until it is fixed, the resolution deadline (`fix_due_at`,
        level in `fix_reminders`; a reopen restarts it). A department without members is
        reminded through the branch secretary (`CaseService.alert`)."""
        done = 0
        for case in await uow.cases.open_with_deadline(UNFINISHED):
            if case.responded_at is None and case.due_at is not None:
                level = _level(case.created_at, case.due_at, now)
                if level > case.reminders:
                    await self._remind(uow, case, level, "")
                    case.reminders = level
                    done += 1
            if case.fix_due_at is not None and case.status != "resolved":
                start = case.fix_due_at - self.cases.routing.resolve_deadline(case.urgency)
                level = _level(start, case.fix_due_at, now)
                if level > case.fix_reminders:
                    await self._remind(uow, case, level, "fix-")
                    case.fix_reminders = level
                    done += 1
        for case in await uow.cases.resolved_before(now - AUTO_CLOSE_AFTER):
            await self.cases.act(uow, None, case, "auto_close")
            done += 1
        return done

    async def _remind(self, uow: UnitOfWork, case: Case, level: int, clock: str) -> None:
        """`clock` "" is the response deadline, "fix-" the resolution one (alert keys differ,
        so each reminder of each clock, and of each reopen round, goes once)."""
        round_ = f"-r{case.reopens}" if clock and case.reopens else ""
        step: dict[str, object] = {"buttons": next_step(case)}  # one tap to act on the reminder (accept, start, resolve)
        if level == HALF:
            await self.cases.alert(uow, case, f"case-{clock}remind-half", departments=True, dedupe=round_, extra=step)
        else:
            await self.cases.alert(uow, case, f"case-{clock}remind-due", departments=True, dedupe=round_, extra=step)
            await self.cases.alert(uow, case, f"case-{clock}escalated", staff=True, dedupe=round_)
        kind = "escalated" if level == ESCALATED else "reminded"
        uow.cases.log(case, kind if not clock else f"fix_{kind}", None)


def _level(start: datetime, due: datetime, now: datetime) -> int:
    start, due = as_utc(start), as_utc(due)
    return ESCALATED if now >= due else HALF if now >= start + (due - start) / 2 else 0


