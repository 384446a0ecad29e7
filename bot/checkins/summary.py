"""Check-in figures: /stats checkins for staff, and the check-in lines of a rider's /me."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from bot.checkins.context import CheckinContext
from bot.checkins.parsing import hours_text, streak_days, streak_weeks
from bot.domain import IncomingMessage
from bot.outbox import reply
from storage.models import User

if TYPE_CHECKING:
    from storage.uow import UnitOfWork


class Figures:
    """/stats checkins and /me: read-only counts."""

    def __init__(self, ctx: CheckinContext) -> None:
        self.ctx = ctx

    async def stats(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                    branch_code: str | None = None) -> None:
        """/stats checkins: per activity check-ins and approved hours; report-ins by status."""
        branch_id = await self.ctx.staff_branch(uow, user, msg, branch_code)
        branch = await uow.checkins.branch(branch_id)
        rows = await uow.checkins.activity_stats(branch_id, limit=15)
        counts = await uow.checkins.report_in_counts(branch_id)
        items = [{"code": s.activity.code, "title": s.activity.title, "when": self.ctx.window(s.activity),
                  "checkins": s.checkins, "hours": hours_text(s.approved_halves), "pending": s.pending_hours}
                 for s in rows]
        reply(uow, msg, "stats-checkins", lang, branch=branch.name if branch else "", items=items,
                   reportins_pending=counts.get("pending", 0), reportins_approved=counts.get("approved", 0),
                   hours_total=hours_text(await uow.checkins.branch_halves(branch_id)))

    async def summary(self, uow: UnitOfWork, user_id: int, today: date) -> dict[str, Any]:
        """The check-in lines of /me, JSON-safe (it travels in an outbox payload):

        checkins_month, checkins_total, activity_streak_weeks: activity check-ins;
        hours_balance, hours_pending: volunteer hours (approved = the time bank), as numbers;
        reportin: None or {status: approved|pending|rejected, branch, home};
        lessons: {month, streak_days, streak_weeks}: lessons completed (✅ or quiz), from lesson_completion.
        """
        since = datetime.combine(today - timedelta(days=400), time(), self.ctx.tz)
        month_start = datetime.combine(today.replace(day=1), time(), self.ctx.tz)
        times = await uow.checkins.checkin_times(user_id, since)
        days = {t.astimezone(self.ctx.tz).date() for t in times}
        halves = await uow.checkins.halves_by_status(user_id)
        result: dict[str, Any] = {
            "checkins_month": sum(1 for t in times if t >= month_start),
            "checkins_total": await uow.checkins.checkin_count(user_id),
            "activity_streak_weeks": streak_weeks(days, today),
            "hours_balance": halves.get("approved", 0) / 2,
            "hours_pending": halves.get("pending", 0) / 2,
            "reportin": None,
            "lessons": None,
        }
        rows = [r for r in await uow.checkins.report_ins_of(user_id)
                if r.branch_id is not None and r.status in ("approved", "pending", "rejected")]
        rows.sort(key=lambda r: ({"approved": 0, "pending": 1}.get(r.status, 2), -(r.id or 0)))
        if rows:
            branch = await uow.checkins.branch(rows[0].branch_id or 0)
            result["reportin"] = {"status": rows[0].status, "branch": branch.name if branch else "",
                                  "home": rows[0].home_org}
        done = await uow.checkins.lesson_times(user_id, since)
        lesson_days = {t.astimezone(self.ctx.tz).date() for t in done}
        result["lessons"] = {"month": sum(1 for t in done if t >= month_start),
                             "streak_days": streak_days(lesson_days, today),
                             "streak_weeks": streak_weeks(lesson_days, today)}
        return result

    async def me_lines(self, uow: UnitOfWork, user: User, lang: str) -> list[dict[str, Any]]:
        """/me's check-in lines as {"key": catalogue key, **args} (the points feature renders them)."""
        s = await self.summary(uow, user.id, self.ctx.today())
        lines: list[dict[str, Any]] = [
            {"key": "me-checkins-activities", "month": s["checkins_month"], "total": s["checkins_total"],
             "weeks": s["activity_streak_weeks"]}]
        if s["lessons"] is not None:
            lines.append({"key": "me-checkins-lessons", "month": s["lessons"]["month"],
                          "days": s["lessons"]["streak_days"], "weeks": s["lessons"]["streak_weeks"]})
        lines.append({"key": "me-checkins-hours", "balance": f"{s['hours_balance']:g}",
                      "pending": f"{s['hours_pending']:g}"})
        r = s["reportin"]
        lines.append({"key": "me-checkins-reportin", "status": r["status"], "branch": r["branch"],
                      "home": r["home"]} if r else {"key": "me-checkins-reportin-none"})
        return lines
