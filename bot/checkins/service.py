"""`CheckinService`: the one object handlers and bot/app.py know, by method name.

It is the shared context (settings, clock, permissions, replies) and hands each command to the
part that owns it: activities and check-ins, report-ins, volunteer hours, figures.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from bot.checkins.activities import Activities, find_activity
from bot.checkins.context import CheckinContext
from bot.checkins.hours import Hours
from bot.checkins.reportins import ReportIns
from bot.checkins.summary import Figures
from bot.domain import Awarder, IncomingMessage
from storage.models import User, utcnow
from storage.models.checkins import Activity, ActivityCheckin, VolunteerHours

if TYPE_CHECKING:
    from storage.uow import UnitOfWork


class CheckinService(CheckinContext):
    def __init__(self, tz: tzinfo, superadmins: frozenset[int] = frozenset(), *,
                 awarder: Awarder | None = None,
                 clock: Callable[[], datetime] = utcnow, default_lang: str = "zh") -> None:
        super().__init__(tz, superadmins, awarder=awarder, clock=clock, default_lang=default_lang)
        self.activities = Activities(self)
        self.report_ins = ReportIns(self)
        self.hours = Hours(self)
        self.figures = Figures(self)

    # --- activities and check-ins -------------------------------------------------------------
    async def find(self, uow: UnitOfWork, code: str | None) -> Activity:
        return await find_activity(uow, code)

    async def create_activity(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                              args: str, pin: tuple[float, float] | None = None) -> Activity:
        return await self.activities.create_activity(uow, msg, user, lang, args, pin)

    async def set_place(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str, code: str,
                        radius_word: str | None, pin: tuple[float, float] | None = None) -> None:
        await self.activities.set_place(uow, msg, user, lang, code, radius_word, pin)

    async def close_activity(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                             code: str) -> None:
        await self.activities.close_activity(uow, msg, user, lang, code)

    async def list_activities(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str) -> None:
        await self.activities.list_activities(uow, msg, user, lang)

    async def checkin(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str, code: str,
                      pin: tuple[float, float] | None = None) -> ActivityCheckin | None:
        return await self.activities.checkin(uow, msg, user, lang, code, pin)

    async def awaiting_pin(self, uow: UnitOfWork, user_id: int, chat_id: int) -> bool:
        return await self.activities.awaiting_pin(uow, user_id, chat_id)

    async def on_pin(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str) -> bool:
        return await self.activities.on_pin(uow, msg, user, lang)

    async def pin_in_group(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str) -> bool:
        return await self.activities.pin_in_group(uow, msg, user, lang)

    # --- report-ins (报到) ----------------------------------------------------------------------
    async def report_in(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                        home_org: str) -> None:
        await self.report_ins.report_in(uow, msg, user, lang, home_org)

    async def choose_branch(self, uow: UnitOfWork, user: User, lang: str, row_id: int, branch_id: int) -> str:
        return await self.report_ins.choose_branch(uow, user, lang, row_id, branch_id)

    async def list_report_ins(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                              branch_code: str | None = None) -> None:
        await self.report_ins.list_report_ins(uow, msg, user, lang, branch_code)

    async def decide_report_in(self, uow: UnitOfWork, actor: User, row_id: int, approve: bool,
                               reason: str | None = None,
                               pressed: tuple[int, int] | None = None) -> tuple[str, dict[str, Any]]:
        return await self.report_ins.decide_report_in(uow, actor, row_id, approve, reason, pressed)

    # --- volunteer hours ----------------------------------------------------------------------
    async def log_hours(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str, code: str,
                        amount: str) -> VolunteerHours:
        return await self.hours.log_hours(uow, msg, user, lang, code, amount)

    async def ask_hours(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str, code: str) -> None:
        await self.hours.ask_hours(uow, msg, user, lang, code)

    async def hours_prompt_answered(self, uow: UnitOfWork, msg: IncomingMessage) -> str | None:
        return await self.hours.prompt_answered(uow, msg)

    async def list_hours(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                         branch_code: str | None = None) -> None:
        await self.hours.list_hours(uow, msg, user, lang, branch_code)

    async def my_hours(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str) -> None:
        await self.hours.my_hours(uow, msg, user, lang)

    async def decide_hours(self, uow: UnitOfWork, actor: User, entry_id: int, approve: bool,
                           reason: str | None = None, halves: int | None = None,
                           pressed: tuple[int, int] | None = None) -> tuple[str, dict[str, Any]]:
        return await self.hours.decide_hours(uow, actor, entry_id, approve, reason, halves, pressed)

    # --- figures ------------------------------------------------------------------------------
    async def stats(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                    branch_code: str | None = None) -> None:
        await self.figures.stats(uow, msg, user, lang, branch_code)

    async def summary(self, uow: UnitOfWork, user_id: int, today: date) -> dict[str, Any]:
        return await self.figures.summary(uow, user_id, today)

    async def me_lines(self, uow: UnitOfWork, user: User, lang: str) -> list[dict[str, Any]]:
        return await self.figures.me_lines(uow, user, lang)
