"""Micro lessons (微党课) in the chat: each group's plan and shift profile, staggered pushes,
one-tap completion, the quiz, catching up in private, and the secretary's figures.

Rules:

* A secretary plans the groups of their own branch (a superadmin any bound group): the
  weekdays (`/lessons plan mon,wed,fri`) and the shift profile (`/lessons shifts ...`).
* Every change re-plans all planned groups together (bot.lessons.planner.plan_week on one fixed
  reference week, so the plan depends only on the groups): a send minute inside each group's
  off-peak windows, never in a peak window or quiet hours, no two groups of a branch in the same
  minute, at most DEFAULT_PER_MINUTE_CAP sends a minute overall. The times repeat every week.
* Each planned weekday of a group is one stored cron job, `lesson:<chat id>:<mon..sun>`, kind
  `lesson-push`. Jobs change only after the plan is committed (`uow.after_commit`), and only for
  groups whose times moved, so a job's missed run survives a re-plan of other groups. A run
  missed while the bot was down is run late within GRACE, or skipped by APScheduler with its log
  line; a late run that would land in peak or quiet hours is skipped with ours. `lesson-sync`
  (at start and hourly) adds jobs a crash lost and removes jobs of groups no longer planned.
* A push records (group, slot date) in `lesson_delivery` first, unique, and the outbox row
  carries the dedupe key `lesson:<chat>:<slot date>`: a slot run twice pushes once.
* The group gets the next lesson in library order it has not had; after the whole library,
  the one it had longest ago.
* ✅ records (rider, lesson) once, wherever pressed (the group, or /lesson in private), and
  earns `lesson_completed` under source key `lesson:<lesson id>:<user id>`. A quiz answer
  counts as taking part too; the first answer is the one that counts, and a correct one earns
  `quiz_correct` under `quiz:<lesson id>:<user id>`. Feedback goes to the presser alone.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import asdict
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.buttons import LessonPress, encode
from bot.refusals import Refused
from bot.domain import PRIORITY_BROADCAST, PRIORITY_CONVERSATION, Awarder, Notice
from bot.lessons.catalog import Catalog, load_catalog
from bot.lessons.library import Lesson
from bot.lessons.planner import DEFAULT_PER_MINUTE_CAP, GroupPlan, plan_week
from bot.lessons.shifts import DEFAULT_PROFILE, LessonPlanError, ShiftProfile, parse_profile, parse_weekdays
from bot.outbox import enqueue
from bot.scheduling import Jobs
from bot.services.cases import CaseService
from bot.typed import typed_key
from storage.models import Chat, User, utcnow
from storage.models.lessons import LessonDelivery, LessonSchedule
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)

PUSH_KIND, SYNC_KIND = "lesson-push", "lesson-sync"
JOB_PREFIX = "lesson:"
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
GRACE = 15 * 60  # seconds a push missed while the bot was down may still go out
SYNC_EVERY = 3600
REFERENCE_WEEK = date(2024, 1, 1)  # a Monday: the week every plan is made for, and repeated
PLAN_SEED = 6
STATS_DAYS = 30
MAX_OPTION_ROW = 5


LessonRefused = Refused  # the one refusal type (bot/refusals.py); this name is kept for one step


def job_id(chat_id: int, weekday: int) -> str:
    return f"{JOB_PREFIX}{chat_id}:{DAY_NAMES[weekday]}"


def profile_of(schedule: LessonSchedule | None) -> ShiftProfile:
    return ShiftProfile.from_dict(schedule.profile) if schedule and schedule.profile else DEFAULT_PROFILE


def weekdays_of(schedule: LessonSchedule | None) -> tuple[int, ...]:
    return tuple(int(d) for d in schedule.weekdays.split(",")) if schedule and schedule.weekdays else ()


JobOp = tuple[str, int, int, int | None]  # job id, chat, weekday, local minute (None: cancel)


class LessonService:
    def __init__(self, jobs: Jobs, cases: CaseService, timezone: str, points: Awarder | None = None,
                 catalog: Catalog | None = None, per_minute_cap: int = DEFAULT_PER_MINUTE_CAP) -> None:
        self.jobs = jobs
        self.cases = cases
        self.timezone = timezone
        self.zone = ZoneInfo(timezone)
        self.points = points  # the points bank; None: lessons earn nothing
        self.catalog = catalog or load_catalog()
        self.per_minute_cap = per_minute_cap
        self.clock: Callable[[], datetime] = lambda: utcnow()

    def passes(self) -> dict[str, Callable[..., Awaitable[Any]]]:
        """The stored job kinds this service runs (bot.scheduling)."""
        return {PUSH_KIND: self.push, SYNC_KIND: self.sync_jobs}

    def start_jobs(self) -> None:
        """With the scheduler's start: repair the jobs now, and every hour."""
        self.jobs.every(SYNC_KIND, SYNC_KIND, seconds=SYNC_EVERY)
        self.jobs.at(f"{SYNC_KIND}:start", SYNC_KIND, when=utcnow())

    # --- who may plan what ------------------------------------------------------------
    def _secretary_of(self, user: User) -> int | None:
        return user.branch_id if user.role == "secretary" else None

    def may_manage(self, user: User, chat: Chat) -> bool:
        branch = self._secretary_of(user)
        return self.cases.is_superadmin(user) or (branch is not None and chat.branch_id == branch)

    async def managed_groups(self, uow: UnitOfWork, user: User) -> list[Chat]:
        """The groups a user plans and sees figures for: a secretary's branch's, a superadmin's all."""
        if self.cases.is_superadmin(user):
            return await uow.lessons.groups(None)
        branch = self._secretary_of(user)
        return await uow.lessons.groups(branch) if branch is not None else []

    async def target(self, uow: UnitOfWork, user: User, chat_id: int, private: bool,
                     selector: str | None) -> Chat:
        """The group a /lessons command is about: the group it was sent in; in private, the one
        chosen by number (as listed) or chat id, or the only group the user manages."""
        if not private:
            chat = await uow.chats.get(chat_id)
            assert chat is not None  # registered by the middleware
            if not self.may_manage(user, chat):
                raise LessonRefused("lessons-not-permitted")
            if chat.branch_id is None:
                raise LessonRefused("lessons-not-bound")
            return chat
        groups = await self.managed_groups(uow, user)
        if not groups:
            raise LessonRefused("lessons-not-permitted")
        if selector is None:
            if len(groups) == 1:
                return groups[0]
            raise LessonRefused("lessons-choose-group")
        number = int(selector.lstrip("#"))
        for chat in groups:
            if chat.id == number:
                return chat
        if 0 < number <= len(groups):
            return groups[number - 1]
        raise LessonRefused("lessons-no-such-group", group=selector)

    # --- plans ------------------------------------------------------------------------
    async def set_plan(self, uow: UnitOfWork, user: User, chat: Chat, text: str, lang: str) -> None:
        try:
            days = parse_weekdays(text)
        except LessonPlanError as e:
            raise LessonRefused("lessons-bad-days", why=e.why, **e.params) from None
        await self._change(uow, user, chat, weekdays=",".join(map(str, days)), lang=lang)

    async def set_shifts(self, uow: UnitOfWork, user: User, chat: Chat, text: str) -> None:
        if typed_key(text) in ("default", "reset", "默认", "恢复默认"):
            await self._change(uow, user, chat, profile=None)
            return
        try:
            profile = parse_profile(text, base=profile_of(await uow.lessons.schedule(chat.id)))
        except LessonPlanError as e:
            raise LessonRefused("lessons-bad-shifts", why=e.why, **e.params) from None
        await self._change(uow, user, chat, profile=profile.to_dict())

    async def stop(self, uow: UnitOfWork, user: User, chat: Chat) -> None:
        await self._change(uow, user, chat, weekdays="")

    async def _change(self, uow: UnitOfWork, user: User, chat: Chat, **changes: Any) -> None:
        """Change the group's plan and re-plan everyone; a change no plan can honour is undone."""
        schedule = await uow.lessons.schedule(chat.id) or LessonSchedule(chat_id=chat.id)
        before = {name: getattr(schedule, name) for name in changes}
        for name, value in {**changes, "updated_by": user.id}.items():
            setattr(schedule, name, value)
        uow.lessons.save_schedule(schedule)
        try:
            await self.replan(uow)
        except LessonRefused:
            for name, value in before.items():
                setattr(schedule, name, value)
            raise

    async def replan(self, uow: UnitOfWork) -> int:
        """Plan every planned group afresh; store the new times, and change the jobs of the
        groups whose times moved once this is committed. Returns how many groups moved."""
        rows = await uow.lessons.schedules()
        groups = [GroupPlan(s.chat_id, branch, weekdays_of(s), self.timezone, profile_of(s))
                  for s, branch in rows if s.weekdays and branch is not None]
        try:
            slots = await asyncio.to_thread(plan_week, groups, REFERENCE_WEEK, seed=PLAN_SEED,
                                            per_minute_cap=self.per_minute_cap)
        except LessonPlanError as e:
            raise LessonRefused("lessons-cannot-plan", why=e.why, **e.params) from None
        planned: dict[int, dict[str, int]] = {}
        for slot in slots:
            local = slot.send_at.astimezone(self.zone)
            planned.setdefault(slot.group_id, {})[str(local.weekday())] = local.hour * 60 + local.minute
        ops: list[JobOp] = []
        moved = 0
        for schedule, _branch in rows:
            new = planned.get(schedule.chat_id, {})
            old = schedule.slots or {}
            if new == old:
                continue
            moved += 1
            ops += [(job_id(schedule.chat_id, int(d)), schedule.chat_id, int(d), None) for d in old if d not in new]
            ops += [(job_id(schedule.chat_id, int(d)), schedule.chat_id, int(d), m)
                    for d, m in new.items() if old.get(d) != m]
            schedule.slots = new
            uow.lessons.save_schedule(schedule)
        if ops:
            uow.after_commit(lambda: asyncio.to_thread(self._apply, ops))
        return moved

    def _apply(self, ops: list[JobOp]) -> None:
        """Job store writes (synchronous I/O, many for a big re-plan): run in a thread."""
        for jid, chat_id, weekday, minute in ops:
            if minute is None:
                self.jobs.cancel(jid)
            else:
                self.jobs.cron(jid, PUSH_KIND, chat_id, weekday, grace=GRACE, day_of_week=DAY_NAMES[weekday],
                               hour=minute // 60, minute=minute % 60)

    async def sync_jobs(self, uow: UnitOfWork) -> int:
        """The `lesson-sync` pass: add the jobs a plan has and the store lacks, remove those no
        plan has, and push today's slots of the last GRACE that have no lesson yet (`_catch_up`).
        Existing jobs are left alone (a replaced job would forget its missed run). Returns the
        jobs changed."""
        schedules = [s for s, _ in await uow.lessons.schedules()]
        await self._catch_up(uow, schedules)
        expected = {job_id(s.chat_id, int(d)): (s.chat_id, int(d), m)
                    for s in schedules for d, m in (s.slots or {}).items()}
        stored = set(await asyncio.to_thread(self.jobs.ids, JOB_PREFIX))
        ops: list[JobOp] = [(jid, *expected[jid]) for jid in expected.keys() - stored]
        ops += [(jid, 0, 0, None) for jid in stored - expected.keys()]
        if ops:
            log.info("lesson jobs repaired: %d added, %d removed", len(expected.keys() - stored),
                     len(stored - expected.keys()))
            await asyncio.to_thread(self._apply, ops)
        return len(ops)

    async def _catch_up(self, uow: UnitOfWork, schedules: list[LessonSchedule]) -> int:
        """Push the slots of today whose minute began less than GRACE ago and that have no lesson.

        APScheduler moves a job's next run time when it hands the run to its executor, so a leader
        killed while it runs a minute's pushes loses the rest until next week; the lesson-sync that
        the next leader runs at its start (and every hour) sends them. A slot that had its lesson
        is skipped by its unique delivery (`push`), a late one in peak or quiet hours by `push` too.
        Returns the lessons pushed."""
        local = self.clock().astimezone(self.zone)
        weekday, minute = local.weekday(), local.hour * 60 + local.minute
        pushed = 0
        for schedule in schedules:
            slot = (schedule.slots or {}).get(str(weekday))
            if slot is not None and 0 <= minute - int(slot) < GRACE // 60:
                pushed += await self.push(uow, schedule.chat_id, weekday)
        if pushed:
            log.warning("lesson pushes missed in the last %d minutes sent now: %d", GRACE // 60, pushed)
        return pushed

    def plan_payload(self, chat: Chat, schedule: LessonSchedule | None, next_lesson: Lesson | None) -> dict[str, Any]:
        profile = profile_of(schedule)
        return {"title": chat.title or str(chat.id), "weekdays": list(weekdays_of(schedule)),
                "slots": dict(schedule.slots) if schedule else {},
                "peak": list(profile.peak), "quiet": list(profile.quiet),  # spans: [start, end] once stored
                "windows": list(profile.effective_windows()),
                "next": next_lesson.id if next_lesson else None}

    async def describe(self, uow: UnitOfWork, chat: Chat, to_chat: int, lang: str, reply_to: int | None) -> None:
        schedule = await uow.lessons.schedule(chat.id)
        upcoming = self.catalog.next_for(await uow.lessons.history(chat.id)) if schedule and schedule.weekdays else None
        enqueue(uow, Notice(to_chat, "lessons-plan", lang, payload=self.plan_payload(chat, schedule, upcoming),
                            reply_to=reply_to, priority=PRIORITY_CONVERSATION))

    async def list_groups(self, uow: UnitOfWork, user: User, to_chat: int, lang: str) -> None:
        schedules = {s.chat_id: s for s, _ in await uow.lessons.schedules()}
        items = [{"n": n, "title": chat.title or str(chat.id), "weekdays": list(weekdays_of(schedules.get(chat.id)))}
                 for n, chat in enumerate(await self.managed_groups(uow, user), 1)]
        enqueue(uow, Notice(to_chat, "lessons-groups", lang, payload={"groups": items},
                            priority=PRIORITY_CONVERSATION))

    # --- pushes -----------------------------------------------------------------------
    async def push(self, uow: UnitOfWork, chat_id: int, weekday: int) -> bool:
        """The `lesson-push` pass of job lesson:<chat>:<weekday>. True if a lesson was queued."""
        schedule = await uow.lessons.schedule(chat_id)
        if schedule is None or str(weekday) not in (schedule.slots or {}):
            log.info("lesson push %s: group no longer planned for %s; skipped", chat_id, DAY_NAMES[weekday])
            return False
        chat = await uow.chats.get(chat_id)
        if chat is None or chat.blocked:
            log.info("lesson push %s: the bot cannot write to this group; skipped", chat_id)
            return False
        local = self.clock().astimezone(self.zone)
        minute, profile = local.hour * 60 + local.minute, profile_of(schedule)
        if any(span.contains(minute) for span in (*profile.peak, *profile.quiet)):
            log.warning("lesson push %s for %s ran late at %s, inside peak or quiet hours; skipped",
                        chat_id, DAY_NAMES[weekday], local.strftime("%a %H:%M"))
            return False
        slot_date = local.date() - timedelta(days=(local.weekday() - weekday) % 7)
        lesson = self.catalog.next_for(await uow.lessons.history(chat_id))
        if lesson is None:
            log.warning("lesson push %s: the lesson library is empty; skipped", chat_id)
            return False
        delivery_id = await uow.lessons.record_delivery(chat_id, lesson.id, slot_date)
        if delivery_id is None:
            log.info("lesson push %s: slot %s already had its lesson; not sent again", chat_id, slot_date)
            return False
        enqueue(uow, Notice(chat_id, "lesson", schedule.lang, payload=lesson_payload(lesson, delivery_id),
                            priority=PRIORITY_BROADCAST, dedupe_key=f"lesson:{chat_id}:{slot_date.isoformat()}"))
        return True

    async def current(self, uow: UnitOfWork, user: User, to_chat: int, lang: str) -> None:
        """/lesson in private: the latest lesson pushed to a group the rider was seen in (else the
        latest pushed anywhere), with the same buttons; ✅ here counts as in the group."""
        delivery = (await uow.lessons.latest_delivery(await uow.lessons.groups_of(user.id))
                    or await uow.lessons.latest_delivery())
        lesson = self.catalog.get(delivery.lesson_id) if delivery else None
        if delivery is None or lesson is None or delivery.id is None:
            enqueue(uow, Notice(to_chat, "lesson-none-yet", lang, priority=PRIORITY_CONVERSATION))
            return
        done = await uow.lessons.has_completed(user.id, lesson.id)
        enqueue(uow, Notice(to_chat, "lesson", lang, payload=lesson_payload(lesson, delivery.id, done=done),
                            priority=PRIORITY_CONVERSATION))

    # --- taking part ------------------------------------------------------------------
    async def complete(self, uow: UnitOfWork, user: User, delivery_id: int, chat_id: int) -> tuple[str, dict[str, Any]]:
        """✅ pressed: (message key, arguments) for the presser's callback answer."""
        delivery = await uow.lessons.delivery(delivery_id)
        if delivery is None or self.catalog.get(delivery.lesson_id) is None:
            return "lesson-gone", {}
        points = await self._complete(uow, user.id, delivery, chat_id)
        if points is None:
            return "lesson-already-done", {}
        return "lesson-done", {"points": points}

    async def answer(self, uow: UnitOfWork, user: User, delivery_id: int, choice: int,
                     chat_id: int) -> tuple[str, dict[str, Any]]:
        """A quiz option pressed: (message key, arguments) for the presser's callback answer;
        `answer` is the right option's index."""
        delivery = await uow.lessons.delivery(delivery_id)
        lesson = self.catalog.get(delivery.lesson_id) if delivery else None
        quiz = lesson.quiz if lesson else None
        if delivery is None or lesson is None or quiz is None or not 0 <= choice < len(quiz.options_zh):
            return "lesson-gone", {}
        right = {"lesson": lesson.id, "answer": quiz.answer}
        correct = choice == quiz.answer
        if not await uow.lessons.answer_quiz(user.id, lesson.id, delivery.id, chat_id, choice, correct):
            return "lesson-quiz-again", right
        points = await self._complete(uow, user.id, delivery, chat_id) or 0
        if correct:
            points += await self._award(uow, user.id, "quiz_correct", f"quiz:{lesson.id}:{user.id}", delivery)
        return ("lesson-quiz-right" if correct else "lesson-quiz-wrong"), {**right, "points": points}

    async def _complete(self, uow: UnitOfWork, user_id: int, delivery: LessonDelivery, chat_id: int) -> int | None:
        """Record the completion; the points it earned, or None if it was recorded before."""
        if not await uow.lessons.complete(user_id, delivery.lesson_id, delivery.id, chat_id):
            return None
        return await self._award(uow, user_id, "lesson_completed", f"lesson:{delivery.lesson_id}:{user_id}", delivery)

    async def _award(self, uow: UnitOfWork, user_id: int, rule: str, key: str, delivery: LessonDelivery) -> int:
        if self.points is None:
            return 0
        chat = await uow.chats.get(delivery.chat_id)
        return await self.points.award(uow, user_id, rule, key, branch_id=chat.branch_id if chat else None)

    # --- figures ----------------------------------------------------------------------
    async def stats(self, uow: UnitOfWork, user: User, to_chat: int, lang: str, days: int,
                    reply_to: int | None) -> None:
        """/stats lessons [days]: per group of the secretary's branch (a superadmin: every group)."""
        if not (self.cases.is_superadmin(user) or self._secretary_of(user) is not None):
            raise LessonRefused("lessons-not-permitted")
        groups = await self.managed_groups(uow, user)
        figures = await uow.lessons.group_stats([g.id for g in groups], self.clock() - timedelta(days=days))
        rows = [{"title": g.title or str(g.id), **asdict(figures[g.id])} for g in groups]
        enqueue(uow, Notice(to_chat, "lessons-stats", lang, payload={"days": days, "groups": rows},
                            reply_to=reply_to, priority=PRIORITY_CONVERSATION))


def lesson_payload(lesson: Lesson, delivery_id: int, *, done: bool = False) -> dict[str, Any]:
    """The lesson message: rendered from the library at send time; buttons `ls:<push>:d|<option>`."""
    buttons: list[list[tuple[str, str]]] = [[("lesson-btn-done", encode(LessonPress(delivery_id, None)))]]
    if lesson.quiz is not None:
        options = [(f"lesson-opt-{i}", encode(LessonPress(delivery_id, i))) for i in range(len(lesson.quiz.options_zh))]
        buttons += [options[i:i + MAX_OPTION_ROW] for i in range(0, len(options), MAX_OPTION_ROW)]
    return {"lesson": lesson.id, "done": done, "buttons": buttons}
