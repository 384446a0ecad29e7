"""Deadlines: remind the department at half time and at the deadline, escalate overdue
cases to the branch secretary and superadmins, auto-close resolved cases nobody answered.

The sweep keeps its state on the case (`reminders`, `due_at`, `resolved_at`), so it
is idempotent and needs no per-case jobs: one scheduled job runs it every minute,
and a sweep after downtime catches up at once, sending each reminder once.
"""
from __future__ import annotations

from datetime import datetime

from bot.cases.lifecycle import AUTO_CLOSE_AFTER
from bot.services.cases import CaseService
from storage.uow import UnitOfWork

HALF, DUE, ESCALATED = 1, 2, 3
UNFINISHED = ("new", "accepted", "in_progress", "transferred")


class DeadlineService:
    def __init__(self, cases: CaseService) -> None:
        self.cases = cases

    async def sweep(self, uow: UnitOfWork, now: datetime) -> int:
        """One pass; returns how many reminders, escalations and auto-closes it made."""
        done = 0
        for case in await uow.cases.open_with_deadline(UNFINISHED):
            assert case.due_at is not None
            half = case.created_at + (case.due_at - case.created_at) / 2
            level = ESCALATED if now >= case.due_at else HALF if now >= half else 0
            if level <= case.reminders:
                continue
            if level == HALF:
                await self.cases.alert(uow, case, "case-remind-half", departments=True)
            else:
                await self.cases.alert(uow, case, "case-remind-due", departments=True)
                await self.cases.alert(uow, case, "case-escalated", staff=True)
            case.reminders = level
            uow.cases.log(case, "escalated" if level == ESCALATED else "reminded", None)
            done += 1
        for case in await uow.cases.resolved_before(now - AUTO_CLOSE_AFTER):
            await self.cases.act(uow, None, case, "auto_close")
            done += 1
        return done
