"""Activities, check-ins, pin questions, report-ins and volunteer hours."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, delete, func
from sqlalchemy import select as core_select  # more entities than sqlmodel's select() types
from sqlmodel import col, select

from storage.models import Branch, Case, Chat, User
from storage.models.checkins import Activity, ActivityCheckin, CheckinPending, ReportIn, VolunteerHours
from storage.models.lessons import LessonCompletion, LessonDelivery
from storage.models.points import PointsAccount
from storage.repositories.base import Repository


@dataclass(frozen=True, slots=True)
class ActivityStats:
    activity: Activity
    checkins: int
    approved_halves: int
    pending_hours: int  # entries awaiting a decision


@dataclass(frozen=True, slots=True)
class AttendanceRow:
    """One check-in as an export row needs it."""

    at: datetime
    branch: str
    code: str
    title: str
    starts_at: datetime
    user_id: int
    name: str
    username: str | None
    distance_m: int | None
    hours_halves: int | None  # approved hours for this activity, if any
    hidden: bool = False  # the rider chose /privacy: not named in exports


@dataclass(frozen=True, slots=True)
class LessonRow:
    at: datetime
    lesson_id: str
    user_id: int
    branch: str
    name: str
    hidden: bool = False  # the rider chose /privacy: not named in exports


class CheckinRepository(Repository):
    # --- activities -------------------------------------------------------------------
    async def add_activity(self, activity: Activity) -> Activity:
        self.session.add(activity)
        await self.session.flush()  # its id goes into the pin question
        return activity

    async def activity(self, activity_id: int) -> Activity | None:
        return await self.cached(Activity, activity_id)

    async def activity_by_code(self, code: str) -> Activity | None:
        return (await self.session.exec(select(Activity).where(Activity.code == code))).first()

    async def code_taken(self, code: str) -> bool:
        return await self.activity_by_code(code) is not None

    async def activities(self, branch_id: int, *, open_only: bool = False, ending_after: datetime | None = None,
                         limit: int = 20) -> list[Activity]:
        """A branch's activities, the latest start first."""
        stmt = select(Activity).where(Activity.branch_id == branch_id)
        if open_only:
            stmt = stmt.where(Activity.status == "open")
        if ending_after is not None:
            stmt = stmt.where(Activity.ends_at >= ending_after)
        stmt = stmt.order_by(col(Activity.starts_at).desc(), col(Activity.id).desc()).limit(limit)
        return list((await self.session.exec(stmt)).all())

    async def activity_stats(self, branch_id: int, limit: int = 20) -> list[ActivityStats]:
        """Per activity of the branch (latest first): check-ins, approved hours, hours awaiting approval."""
        acts = await self.activities(branch_id, limit=limit)
        if not acts:
            return []
        ids = [a.id for a in acts]
        counts: dict[int | None, int] = dict((await self.session.exec(
            select(ActivityCheckin.activity_id, func.count())
            .where(col(ActivityCheckin.activity_id).in_(ids)).group_by(col(ActivityCheckin.activity_id)))).all())
        approved: dict[int | None, int | None] = dict((await self.session.exec(
            select(VolunteerHours.activity_id, func.sum(VolunteerHours.halves))
            .where(col(VolunteerHours.activity_id).in_(ids), VolunteerHours.status == "approved")
            .group_by(col(VolunteerHours.activity_id)))).all())
        pending: dict[int | None, int] = dict((await self.session.exec(
            select(VolunteerHours.activity_id, func.count())
            .where(col(VolunteerHours.activity_id).in_(ids), VolunteerHours.status == "pending")
            .group_by(col(VolunteerHours.activity_id)))).all())
        return [ActivityStats(a, int(counts.get(a.id, 0)), int(approved.get(a.id) or 0), int(pending.get(a.id, 0)))
                for a in acts]

    # --- check-ins --------------------------------------------------------------------
    async def checkin_of(self, activity_id: int, user_id: int) -> ActivityCheckin | None:
        stmt = select(ActivityCheckin).where(ActivityCheckin.activity_id == activity_id,
                                             ActivityCheckin.user_id == user_id)
        return (await self.session.exec(stmt)).first()

    def add_checkin(self, checkin: ActivityCheckin) -> ActivityCheckin:
        self.session.add(checkin)
        return checkin

    async def checkin_times(self, user_id: int, since: datetime) -> list[datetime]:
        stmt = select(ActivityCheckin.created_at).where(ActivityCheckin.user_id == user_id,
                                                        ActivityCheckin.created_at >= since)
        return list((await self.session.exec(stmt)).all())

    async def checkins_at(self, activity_id: int) -> int:
        stmt = select(func.count()).select_from(ActivityCheckin).where(ActivityCheckin.activity_id == activity_id)
        return int((await self.session.exec(stmt)).one())

    async def checkin_count(self, user_id: int) -> int:
        stmt = select(func.count()).select_from(ActivityCheckin).where(ActivityCheckin.user_id == user_id)
        return int((await self.session.exec(stmt)).one())

    async def attendance(self, since: datetime | None, branch_id: int | None) -> list[AttendanceRow]:
        """Every check-in (with the rider's approved hours for that activity), oldest first."""
        stmt = (core_select(ActivityCheckin, Activity, col(Branch.code), col(User.first_name), col(User.username),
                            col(VolunteerHours.halves), col(PointsAccount.hide_name))
                .join(Activity, col(Activity.id) == ActivityCheckin.activity_id)
                .join(Branch, col(Branch.id) == Activity.branch_id)
                .outerjoin(User, col(User.id) == ActivityCheckin.user_id)
                .outerjoin(PointsAccount, col(PointsAccount.user_id) == ActivityCheckin.user_id)
                .outerjoin(VolunteerHours, (col(VolunteerHours.activity_id) == ActivityCheckin.activity_id)
                           & (col(VolunteerHours.user_id) == ActivityCheckin.user_id)
                           & (col(VolunteerHours.status) == "approved")))
        if since is not None:
            stmt = stmt.where(col(ActivityCheckin.created_at) >= since)
        if branch_id is not None:
            stmt = stmt.where(col(Activity.branch_id) == branch_id)
        stmt = stmt.order_by(col(ActivityCheckin.created_at), col(ActivityCheckin.id))
        return [AttendanceRow(c.created_at, code, a.code, a.title, a.starts_at, c.user_id, name or "", username,
                              c.distance_m, halves, bool(hidden))
                for c, a, code, name, username, halves, hidden in (await self.rows(stmt)).all()]

    # --- lessons (the lessons feature's table, read only) -------------------------------
    async def lesson_times(self, user_id: int, since: datetime) -> list[datetime]:
        stmt = select(LessonCompletion.completed_at).where(LessonCompletion.user_id == user_id,
                                                           LessonCompletion.completed_at >= since)
        return list((await self.session.exec(stmt)).all())

    async def lesson_attendance(self, since: datetime | None, branch_id: int | None) -> list[LessonRow]:
        """Every lesson completion, with the branch of the group the lesson was pushed to
        (or, without a push, of the chat where it was marked), oldest first."""
        where_chat = func.coalesce(LessonDelivery.chat_id, LessonCompletion.chat_id)
        stmt = (core_select(col(LessonCompletion.completed_at), col(LessonCompletion.lesson_id),
                            col(LessonCompletion.user_id), col(Branch.code), col(User.first_name),
                            col(PointsAccount.hide_name))
                .outerjoin(LessonDelivery, col(LessonDelivery.id) == LessonCompletion.delivery_id)
                .outerjoin(Chat, col(Chat.id) == where_chat)
                .outerjoin(Branch, col(Branch.id) == Chat.branch_id)
                .outerjoin(User, col(User.id) == LessonCompletion.user_id)
                .outerjoin(PointsAccount, col(PointsAccount.user_id) == LessonCompletion.user_id))
        if since is not None:
            stmt = stmt.where(col(LessonCompletion.completed_at) >= since)
        if branch_id is not None:
            stmt = stmt.where(col(Chat.branch_id) == branch_id)
        stmt = stmt.order_by(col(LessonCompletion.completed_at), col(LessonCompletion.id))
        return [LessonRow(at, lesson, user_id, code or "", name or "", bool(hidden))
                for at, lesson, user_id, code, name, hidden in (await self.rows(stmt)).all()]

    # --- pin questions ----------------------------------------------------------------
    async def pending(self, user_id: int, chat_id: int, since: datetime) -> CheckinPending | None:
        row = await self.session.get(CheckinPending, (user_id, chat_id))
        return row if row is not None and row.created_at >= since else None

    async def ask_pin(self, user_id: int, chat_id: int, purpose: str, activity_id: int,
                      radius_m: int | None, now: datetime) -> None:
        row = await self.session.get(CheckinPending, (user_id, chat_id))
        if row is None:
            self.session.add(CheckinPending(user_id=user_id, chat_id=chat_id, purpose=purpose,
                                            activity_id=activity_id, radius_m=radius_m, created_at=now))
        else:
            row.purpose, row.activity_id, row.radius_m, row.created_at = purpose, activity_id, radius_m, now

    async def answered(self, row: CheckinPending) -> None:
        await self.session.delete(row)

    async def drop_pending_for(self, activity_id: int) -> None:
        await self.session.exec(delete(CheckinPending).where(
            col(CheckinPending.activity_id) == activity_id))

    # --- people -----------------------------------------------------------------------
    async def secretaries(self, branch_id: int) -> list[User]:
        """The branch's secretaries who have a private chat with the bot."""
        stmt = select(User).where(User.role == "secretary", User.branch_id == branch_id,
                                  col(User.started).is_(True))
        return list((await self.session.exec(stmt)).all())

    async def branches_seen(self, user_id: int) -> list[Branch]:
        """Branches a rider has been active in: their reports' groups and activities they checked in to."""
        from_cases = select(Case.branch_id).where(Case.reporter_id == user_id, col(Case.branch_id).is_not(None))
        from_checkins = (select(Activity.branch_id).join(ActivityCheckin, col(ActivityCheckin.activity_id) == Activity.id)
                         .where(ActivityCheckin.user_id == user_id))
        ids = set((await self.session.exec(from_cases)).all()) | set((await self.session.exec(from_checkins)).all())
        if not ids:
            return []
        stmt = select(Branch).where(col(Branch.id).in_(ids)).order_by(col(Branch.id))
        return list((await self.session.exec(stmt)).all())

    async def branch(self, branch_id: int) -> Branch | None:
        return await self.cached(Branch, branch_id)

    # --- report-ins -------------------------------------------------------------------
    async def add_report_in(self, row: ReportIn) -> ReportIn:
        self.session.add(row)
        await self.session.flush()  # its id goes into the buttons
        return row

    async def report_in(self, row_id: int) -> ReportIn | None:
        return await self.session.get(ReportIn, row_id)

    async def report_ins_of(self, user_id: int) -> list[ReportIn]:
        """A rider's report-ins, newest first."""
        stmt = select(ReportIn).where(ReportIn.user_id == user_id).order_by(col(ReportIn.id).desc())
        return list((await self.session.exec(stmt)).all())

    async def pending_report_ins(self, branch_id: int | None, limit: int = 10) -> tuple[list[ReportIn], int]:
        """The oldest pending ones of a branch (every branch for None), and how many there are."""
        cond: list[ColumnElement[bool]] = [col(ReportIn.status) == "pending", col(ReportIn.branch_id).is_not(None)]
        if branch_id is not None:
            cond.append(col(ReportIn.branch_id) == branch_id)
        rows = (await self.session.exec(select(ReportIn).where(*cond).order_by(col(ReportIn.id)).limit(limit))).all()
        total = (await self.session.exec(select(func.count()).select_from(ReportIn).where(*cond))).one()
        return list(rows), int(total)

    async def report_in_counts(self, branch_id: int) -> dict[str, int]:
        stmt = (select(ReportIn.status, func.count()).where(ReportIn.branch_id == branch_id)
                .group_by(ReportIn.status))
        return {status: int(n) for status, n in (await self.session.exec(stmt)).all()}

    # --- volunteer hours --------------------------------------------------------------
    async def hours_entry(self, activity_id: int, user_id: int) -> VolunteerHours | None:
        stmt = select(VolunteerHours).where(VolunteerHours.activity_id == activity_id,
                                            VolunteerHours.user_id == user_id)
        return (await self.session.exec(stmt)).first()

    async def hours(self, entry_id: int) -> VolunteerHours | None:
        return await self.session.get(VolunteerHours, entry_id)

    async def add_hours(self, entry: VolunteerHours) -> VolunteerHours:
        self.session.add(entry)
        await self.session.flush()  # its id goes into the buttons and the points source key
        return entry

    async def pending_hours(self, branch_id: int | None, limit: int = 10) -> tuple[list[VolunteerHours], int]:
        cond = [VolunteerHours.status == "pending"]
        if branch_id is not None:
            cond.append(Activity.branch_id == branch_id)
        base = select(VolunteerHours).join(Activity, col(Activity.id) == VolunteerHours.activity_id).where(*cond)
        rows = (await self.session.exec(base.order_by(col(VolunteerHours.id)).limit(limit))).all()
        total = (await self.session.exec(
            select(func.count()).select_from(VolunteerHours)
            .join(Activity, col(Activity.id) == VolunteerHours.activity_id).where(*cond))).one()
        return list(rows), int(total)

    async def hours_of(self, user_id: int, limit: int = 10) -> list[tuple[VolunteerHours, Activity]]:
        stmt = (select(VolunteerHours, Activity).join(Activity, col(Activity.id) == VolunteerHours.activity_id)
                .where(VolunteerHours.user_id == user_id).order_by(col(VolunteerHours.id).desc()).limit(limit))
        return [(h, a) for h, a in (await self.session.exec(stmt)).all()]

    async def halves_by_status(self, user_id: int) -> dict[str, int]:
        """A rider's hours (in half hours) per status: `approved` is the time-bank balance."""
        stmt = (select(VolunteerHours.status, func.sum(VolunteerHours.halves))
                .where(VolunteerHours.user_id == user_id).group_by(VolunteerHours.status))
        return {status: int(n or 0) for status, n in (await self.session.exec(stmt)).all()}

    async def branch_halves(self, branch_id: int) -> int:
        stmt = (select(func.sum(VolunteerHours.halves))
                .join(Activity, col(Activity.id) == VolunteerHours.activity_id)
                .where(Activity.branch_id == branch_id, VolunteerHours.status == "approved"))
        return int((await self.session.exec(stmt)).one() or 0)
