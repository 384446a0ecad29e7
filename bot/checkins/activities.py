"""Activities and check-ins (with pins).

An activity belongs to its creator's branch (a superadmin creates one for the group's branch).
Its code is 5 characters from an alphabet without 0/O/1/I, unique across all activities.
Check-in is open from 15 minutes before the start to the end, until the secretary closes it.
An activity with a place needs a location pin within its radius: the rider is asked, and the
next pin they send in their private chat with the bot (within 30 minutes) answers. The
question is a row (`checkin_pending`), not conversation state in memory.
A rider checks in once per activity; asking again says when they did.
"""
from __future__ import annotations

import secrets
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

from bot.cases.duplicates import haversine_m
from bot.checkins.context import SECRETARY, CheckinContext
from bot.checkins.errors import CheckinError
from bot.checkins.parsing import (CODE_ALPHABET, CODE_LEN, codes_in, distance_args, hours_text, most_halves, parse_activity,
                                  parse_radius)
from bot.domain import IncomingMessage
from bot.services.people import branch_names, rider_branch
from bot.services.privately import reachable
from bot.outbox import reply
from storage.models import User
from storage.models.checkins import Activity, ActivityCheckin

if TYPE_CHECKING:
    from storage.uow import UnitOfWork

CHECKIN_EARLY = timedelta(minutes=15)
PIN_WAIT = timedelta(minutes=30)
DEFAULT_RADIUS_M = 300


async def find_activity(uow: UnitOfWork, code: str | None) -> Activity:
    """The activity a typed code names; refused if there is none."""
    activity = None
    for candidate in codes_in(code):  # `K7MPQ 到了`, `签到 K7MPQ`: the code among the words
        if (activity := await uow.checkins.activity_by_code(candidate)) is not None:
            break
    if activity is None:
        raise CheckinError("checkin-err-unknown-code", code=(code or "").strip()[:16])
    return activity


async def _new_code(uow: UnitOfWork) -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LEN))
        if not await uow.checkins.code_taken(code):
            return code


class Activities:
    """Creating, placing, closing and listing activities; checking in to them."""

    def __init__(self, ctx: CheckinContext) -> None:
        self.ctx = ctx

    async def create_activity(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                              args: str, pin: tuple[float, float] | None = None) -> Activity:
        """/activity new "title" date HH:MM 2h [500m]; `pin`: the location the command replied to."""
        branch_id = await self.ctx.staff_branch(uow, user, msg)
        now = self.ctx.clock()
        spec = parse_activity(args, now.astimezone(self.ctx.tz))
        if spec.ends_at <= now:
            raise CheckinError("activity-err-past", when=self.ctx.local(spec.ends_at))
        radius = spec.radius_m or (DEFAULT_RADIUS_M if pin else None)
        activity = await uow.checkins.add_activity(Activity(
            code=await _new_code(uow), branch_id=branch_id, title=spec.title,
            starts_at=spec.starts_at.astimezone(timezone.utc), ends_at=spec.ends_at.astimezone(timezone.utc),
            radius_m=radius, lat=pin[0] if pin else None, lon=pin[1] if pin else None,
            created_by=user.id, created_at=now))
        where = "none" if radius is None else ("pin" if pin else "ask")
        if where == "ask":
            await uow.checkins.ask_pin(user.id, msg.chat_id, "place", activity.id or 0, radius, now)
        reply(uow, msg, "activity-created", lang, title=activity.title, code=activity.code,
                   when=self.ctx.window(activity), where=where, radius=radius or 0)
        return activity

    async def set_place(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str, code: str,
                        radius_word: str | None, pin: tuple[float, float] | None = None) -> None:
        """/activity place CODE [radius]: the next pin (or the pin replied to) sets the place."""
        activity = await self.ctx.managed_activity(uow, user, code)
        radius = parse_radius(radius_word) or activity.radius_m or DEFAULT_RADIUS_M
        if pin is not None:
            self._place(uow, msg, lang, activity, pin, radius)
            return
        await uow.checkins.ask_pin(user.id, msg.chat_id, "place", activity.id or 0, radius, self.ctx.clock())
        reply(uow, msg, "activity-ask-place", lang, code=activity.code, radius=radius)

    def _place(self, uow: UnitOfWork, msg: IncomingMessage, lang: str, activity: Activity,
               pin: tuple[float, float], radius: int) -> None:
        activity.lat, activity.lon, activity.radius_m = pin[0], pin[1], radius
        reply(uow, msg, "activity-place-set", lang, code=activity.code, title=activity.title,
                   radius=radius, lat=f"{pin[0]:.5f}", lon=f"{pin[1]:.5f}")

    async def close_activity(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                             code: str) -> None:
        activity = await self.ctx.managed_activity(uow, user, code)
        if activity.status == "closed":
            raise CheckinError("activity-err-closed-already", code=activity.code)
        activity.status, activity.closed_at = "closed", self.ctx.clock()
        await uow.checkins.drop_pending_for(activity.id or 0)
        reply(uow, msg, "activity-closed", lang, code=activity.code, title=activity.title,
                   count=await uow.checkins.checkins_at(activity.id or 0))

    async def list_activities(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str) -> None:
        """Staff: their branch's latest activities. Riders: the open ones of this group's branch; in
        private, of their branch by the one rule (bot/services/people.rider_branch), refused naming the
        branches when they are known in several."""
        now = self.ctx.clock()
        staff = self.ctx.is_superadmin(user) or user.role == SECRETARY
        if staff:
            branch_id: int | None = await self.ctx.staff_branch(uow, user, msg)
            activities = await uow.checkins.activities(branch_id or 0, limit=15)
        else:
            branch_id = await self._rider_branch(uow, msg, user)
            if branch_id is None:
                raise CheckinError("activity-list-no-branch")
            activities = await uow.checkins.activities(branch_id, open_only=True, ending_after=now, limit=15)
        branch = await uow.checkins.branch(branch_id or 0)
        items = [{"code": a.code, "title": a.title, "when": self.ctx.window(a),
                  "state": self._state(a, now), "place": a.needs_pin} for a in reversed(activities)]
        reply(uow, msg, "activity-list", lang, branch=branch.name if branch else "", items=items)

    def _state(self, a: Activity, now: datetime) -> str:
        if a.status == "closed":
            return "closed"
        if now > a.ends_at:
            return "ended"
        if now < a.starts_at - CHECKIN_EARLY:
            return "upcoming"
        return "open"

    async def _rider_branch(self, uow: UnitOfWork, msg: IncomingMessage, user: User) -> int | None:
        if not msg.is_private:
            chat = await uow.chats.get(msg.chat_id)
            return chat.branch_id if chat else None
        choice = await rider_branch(uow, user)
        if choice.several:
            raise CheckinError("activity-list-which-branch", branches=await branch_names(uow, choice.known))
        return choice.branch_id

    # --- check-in ---------------------------------------------------------------------------
    def _check_window(self, a: Activity, now: datetime) -> None:
        if a.status == "closed":
            raise CheckinError("checkin-err-closed", title=a.title, code=a.code)
        if now < a.starts_at - CHECKIN_EARLY:
            raise CheckinError("checkin-err-early", title=a.title, when=self.ctx.window(a),
                               opens=self.ctx.local(a.starts_at - CHECKIN_EARLY))
        if now > a.ends_at:
            raise CheckinError("checkin-err-ended", title=a.title, when=self.ctx.window(a))

    async def checkin(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str, code: str,
                      pin: tuple[float, float] | None = None) -> ActivityCheckin | None:
        """/checkin CODE. Returns the check-in, or None when a pin was asked for."""
        activity = await find_activity(uow, code)
        now = self.ctx.clock()
        if (done := await self._checked_in(uow, msg, user, lang, activity, now)) is not None:
            return done
        if not activity.needs_pin:
            return self._record(uow, msg, user, lang, activity, None, None, now)
        if not activity.place_set:
            raise CheckinError("checkin-err-no-place", title=activity.title)
        if pin is not None:
            return await self._with_pin(uow, msg, user, lang, activity, pin)
        await uow.checkins.ask_pin(user.id, user.id, "checkin", activity.id or 0, None, now)
        reply(uow, msg, "checkin-ask-pin" if msg.is_private else "checkin-ask-pin-private", lang,
                   title=activity.title, code=activity.code, radius=activity.radius_m or 0)
        return None

    async def _checked_in(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                          activity: Activity, now: datetime) -> ActivityCheckin | None:
        """A check-in made before (answered as such), or None once the window allows a new one."""
        done = await uow.checkins.checkin_of(activity.id or 0, user.id)
        if done is not None:
            reply(uow, msg, "checkin-already", lang, title=activity.title, code=activity.code,
                       at=self.ctx.local(done.created_at))
            return done
        self._check_window(activity, now)
        return None

    async def _with_pin(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                        activity: Activity, pin: tuple[float, float]) -> ActivityCheckin:
        now = self.ctx.clock()
        if (done := await self._checked_in(uow, msg, user, lang, activity, now)) is not None:
            return done
        distance = round(haversine_m(pin, (activity.lat or 0.0, activity.lon or 0.0)))
        radius = activity.radius_m or 0
        if distance > radius:
            raise CheckinError("checkin-err-too-far", title=activity.title, radius=radius, **distance_args(distance))
        return self._record(uow, msg, user, lang, activity, pin, distance, now)

    def _record(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str, activity: Activity,
                pin: tuple[float, float] | None, distance: int | None, now: datetime) -> ActivityCheckin:
        row = uow.checkins.add_checkin(ActivityCheckin(
            activity_id=activity.id or 0, user_id=user.id, chat_id=msg.chat_id,
            lat=pin[0] if pin else None, lon=pin[1] if pin else None, distance_m=distance, created_at=now))
        reply(uow, msg, "checkin-done", lang, title=activity.title, code=activity.code,
                   at=self.ctx.local(now), where="none" if distance is None else "pin", distance=distance or 0,
                   hours=hours_text(most_halves(activity.starts_at, activity.ends_at)))  # its length: an example that fits
        return row

    async def awaiting_pin(self, uow: UnitOfWork, user_id: int, chat_id: int) -> bool:
        return await uow.checkins.pending(user_id, chat_id, self.ctx.clock() - PIN_WAIT) is not None

    async def pin_in_group(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str) -> bool:
        """A pin in a group that no case took, from someone whose pin we are waiting for in their
        private chat (/checkin in the group asks there; so may /activity place): they are told
        where it goes, privately when the bot can write to them (the group hears nothing more),
        else in a reply to the pin. It checks nobody in: the question stays open. Returns
        whether anything was said (a pin from anyone we asked nothing: nothing)."""
        row = await uow.checkins.pending(user.id, user.id, self.ctx.clock() - PIN_WAIT)
        activity = await uow.checkins.activity(row.activity_id) if row is not None else None
        if row is None or activity is None:
            return False
        where = "private" if await reachable(uow, user) else "group"
        args: dict[str, Any] = {"title": activity.title, "code": activity.code, "purpose": row.purpose,
                                "where": where}
        if where == "private":
            self.ctx.tell(uow, user.id, "checkin-pin-elsewhere", lang, **args)
        else:
            reply(uow, msg, "checkin-pin-elsewhere", lang, **args)
        return True

    async def on_pin(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str) -> bool:
        """A location pin: the answer to our question in this chat, if we asked one."""
        if msg.lat is None or msg.lon is None:
            return False
        row = await uow.checkins.pending(user.id, msg.chat_id, self.ctx.clock() - PIN_WAIT)
        if row is None:
            return False
        activity = await uow.checkins.activity(row.activity_id)
        if activity is None:
            await uow.checkins.answered(row)
            return False
        pin = (msg.lat, msg.lon)
        if row.purpose == "place":
            await uow.checkins.answered(row)
            self._place(uow, msg, lang, activity, pin, row.radius_m or activity.radius_m or DEFAULT_RADIUS_M)
            return True
        try:
            await self._with_pin(uow, msg, user, lang, activity, pin)
        except CheckinError as e:
            if e.key != "checkin-err-too-far":  # too far: they may walk closer and send another pin
                await uow.checkins.answered(row)
            reply(uow, msg, e.key, lang, **e.params)
            return True
        await uow.checkins.answered(row)
        return True
