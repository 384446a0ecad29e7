"""Check-ins: activities with a short code, a time window and an optional place; report-ins (报到)
of party members to the branch where they work; volunteer hours into a public-service time bank.

Rules, all in local time (settings.tz):

* An activity belongs to its creator's branch (a superadmin creates one for the group's branch).
  Its code is 5 characters from an alphabet without 0/O/1/I, unique across all activities.
* Check-in is open from 15 minutes before the start to the end, until the secretary closes it.
  An activity with a place needs a location pin within its radius: the rider is asked, and the
  next pin they send in their private chat with the bot (within 30 minutes) answers. The
  question is a row (`checkin_pending`), not conversation state in memory.
  A rider checks in once per activity; asking again says when they did.
* Hours are logged per activity in half hours (2.5 = five halves), from the start until 7 days
  after the end, at most the activity's length (rounded up to a half hour). The rider need
  not have checked in: the secretary sees whether they did and decides. Approved hours are the
  time-bank balance and earn points under rule `volunteer_hour`, one unit per *whole* hour of
  the entry (2.5 h -> 2 units), source key `hours:<entry id>`, so an entry is paid once.
* A report-in records the home organisation and the work branch; the branch's secretaries
  approve or reject it. Approving a new one marks an older approved one `moved`.
"""
from __future__ import annotations

import math
import re
import secrets
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import TYPE_CHECKING, Any

from bot.cases.duplicates import haversine_m
from bot.domain import PRIORITY_CONVERSATION, Awarder, IncomingMessage, Notice
from bot.i18n import normalize_lang
from bot.outbox import enqueue
from storage.models import User, utcnow
from storage.models.checkins import Activity, ActivityCheckin, ReportIn, VolunteerHours

if TYPE_CHECKING:
    from storage.uow import UnitOfWork

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, no 1/I
CODE_LEN = 5
CHECKIN_EARLY = timedelta(minutes=15)
PIN_WAIT = timedelta(minutes=30)
HOURS_LATE = timedelta(days=7)
DEFAULT_RADIUS_M = 300
MIN_RADIUS_M, MAX_RADIUS_M = 30, 5000
MAX_DURATION = timedelta(hours=24)
HALF_HOUR = timedelta(minutes=30)
POINTS_RULE = "volunteer_hour"
SECRETARY, SUPERADMIN = "secretary", "superadmin"


class CheckinError(Exception):
    """A refusal with a catalogue key and its arguments."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key, self.params = key, params


@dataclass(frozen=True, slots=True)
class Attendance:
    """One attendance for the export: an activity check-in or a lesson completion."""

    kind: str  # activity | lesson
    at: datetime  # aware
    branch: str  # branch code, "" if none
    ref: str  # activity code or lesson id
    title: str
    user_id: int
    name: str
    distance_m: int | None = None
    hours: float | None = None


# --- parsing --------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ActivitySpec:
    title: str
    starts_at: datetime  # aware, local zone
    ends_at: datetime
    radius_m: int | None


_QUOTES = {'"': '"', "“": "”", "”": "”", "「": "」", "『": "』", "《": "》", "'": "'", "‘": "’"}
_DATE_Y = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")
_DATE_MD = re.compile(r"^(\d{1,2})[-/.月](\d{1,2})日?$")
_DATE_WORDS = {"今天": 0, "today": 0, "明天": 1, "tomorrow": 1, "后天": 2}
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?:-(\d{1,2}):(\d{2}))?$")
_TIME_RANGE = re.compile(r"(\d{1,2}[:：]\d{2})\s*[-–—~～到至]\s*(\d{1,2}[:：]\d{2})")
_DURATION = re.compile(r"^(?:(\d+(?:\.\d+)?)(?:h|hr|hrs|hour|hours|小时|个小时))?"
                       r"(?:(\d+)(?:m|min|mins|minutes|分钟|分))?$")
_RADIUS = re.compile(r"^(\d+(?:\.\d+)?)(m|米|km|公里|千米)$")
_HOURS = re.compile(r"^(\d+(?:\.\d+)?)(?:h|hr|hrs|hours?|小时|个小时)?$")
_HOURS_HM = re.compile(r"^(\d+):(\d{2})$")


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def normalize_code(text: str | None) -> str:
    """What a rider typed as a code: full-width, lower case, spaces and dashes forgiven."""
    return re.sub(r"[\s\-_]", "", _norm(text or "")).upper()


def is_code(text: str | None) -> bool:
    code = normalize_code(text)
    return len(code) == CODE_LEN and all(c in CODE_ALPHABET for c in code)


def _split_title(text: str) -> tuple[str, str]:
    text = text.strip()
    close = _QUOTES.get(text[:1])
    if close:
        end = text.find(close, 1)
        if end > 1:
            return text[1:end].strip(), text[end + 1:]
        raise CheckinError("activity-err-usage")
    words = text.split()
    for i, word in enumerate(words):
        if _is_date(word) or _TIME.match(word.replace("：", ":")):
            return " ".join(words[:i]), " ".join(words[i:])
    return text, ""


def _is_date(word: str) -> bool:
    return bool(_DATE_Y.match(word) or _DATE_MD.match(word) or word.lower() in _DATE_WORDS)


def _date(word: str, today: date) -> date:
    try:
        if m := _DATE_Y.match(word):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _DATE_MD.match(word):
            day = date(today.year, int(m[1]), int(m[2]))
            return day if day >= today else date(today.year + 1, day.month, day.day)
    except ValueError:
        raise CheckinError("activity-err-date", value=word) from None
    return today + timedelta(days=_DATE_WORDS[word.lower()])


def _duration(word: str) -> timedelta | None:
    m = _DURATION.match(word.lower())
    if not m or not (m[1] or m[2]):
        return None
    return timedelta(hours=float(m[1] or 0), minutes=int(m[2] or 0))


def _radius(word: str) -> int | None:
    m = _RADIUS.match(word.lower())
    if not m:
        return None
    return round(float(m[1]) * (1000 if m[2] in ("km", "公里", "千米") else 1))


def parse_activity(text: str, now_local: datetime) -> ActivitySpec:
    """`"title" [date] HH:MM (duration | -HH:MM) [radius]`, e.g. `"周六社区清洁" 2026-12-05 09:00 2h 500m`.

    date: 2026-12-05, 12-05, 12月5日, 今天/明天/后天, today/tomorrow (default: today);
    duration: 2h, 1.5h, 90m, 2h30m, 2小时; or an end time: 09:00-11:00;
    radius: 500m, 1km, 500米 (then a location pin sets the place).
    """
    text = _TIME_RANGE.sub(r"\1-\2", _norm(text))
    title, rest = _split_title(text)
    title = " ".join(title.split())
    words = rest.replace("：", ":").split()
    if not title or not words:
        raise CheckinError("activity-err-usage")
    tz = now_local.tzinfo
    day = now_local.date()
    if _is_date(words[0]):
        day = _date(words.pop(0), day)
    m = _TIME.match(words.pop(0)) if words else None
    if m is None:
        raise CheckinError("activity-err-time")
    try:
        starts = datetime.combine(day, time(int(m[1]), int(m[2])), tz)
        if m[3] is not None:
            ends = datetime.combine(day, time(int(m[3]), int(m[4])), tz)
            if ends <= starts:
                ends += timedelta(days=1)
        else:
            length = _duration(words.pop(0)) if words else None
            if length is None:
                raise CheckinError("activity-err-duration")
            ends = starts + length
    except ValueError:
        raise CheckinError("activity-err-time") from None
    if not timedelta(0) < ends - starts <= MAX_DURATION:
        raise CheckinError("activity-err-duration")
    radius = None
    if words:
        radius = _radius(words.pop(0))
        if radius is None or words:
            raise CheckinError("activity-err-usage")
        if not MIN_RADIUS_M <= radius <= MAX_RADIUS_M:
            raise CheckinError("activity-err-radius", min=MIN_RADIUS_M, max=MAX_RADIUS_M)
    return ActivitySpec(title[:100], starts, ends, radius)


def parse_radius(word: str | None) -> int | None:
    if word is None:
        return None
    radius = _radius(_norm(word))
    if radius is None or not MIN_RADIUS_M <= radius <= MAX_RADIUS_M:
        raise CheckinError("activity-err-radius", min=MIN_RADIUS_M, max=MAX_RADIUS_M)
    return radius


def parse_hours(text: str) -> int:
    """Hours as typed (2.5, 2.5h, 2小时, 1:30) -> half hours, rounded to the nearest half."""
    word = _norm(text).lower().replace(" ", "")
    if m := _HOURS_HM.match(word):
        value = int(m[1]) + int(m[2]) / 60
    elif m := _HOURS.match(word):
        value = float(m[1])
    else:
        raise CheckinError("hours-err-amount", value=text[:20])
    halves = math.floor(value * 2 + 0.5)
    if halves <= 0:
        raise CheckinError("hours-err-amount", value=text[:20])
    return halves


def hours_text(halves: int | float) -> str:
    return f"{halves / 2:g}"


def streak_days(days: set[date], today: date) -> int:
    """Consecutive days with something, ending today (or yesterday: today is not over yet)."""
    day = today if today in days else today - timedelta(days=1)
    n = 0
    while day in days:
        n, day = n + 1, day - timedelta(days=1)
    return n


def streak_weeks(days: set[date], today: date) -> int:
    """Consecutive weeks (Monday to Sunday) with something, ending this week or last week."""
    weeks = {d - timedelta(days=d.weekday()) for d in days}
    week = today - timedelta(days=today.weekday())
    if week not in weeks:
        week -= timedelta(weeks=1)
    n = 0
    while week in weeks:
        n, week = n + 1, week - timedelta(weeks=1)
    return n


# --- the service ----------------------------------------------------------------------------
class CheckinService:
    def __init__(self, tz: tzinfo, superadmins: frozenset[int] = frozenset(), *,
                 awarder: Awarder | None = None,
                 clock: Callable[[], datetime] = utcnow, default_lang: str = "zh") -> None:
        self.tz = tz
        self.superadmins = superadmins
        self.awarder = awarder  # the points bank; None: no points (until it is wired)
        self.clock = clock
        self.default_lang = default_lang

    # --- time -------------------------------------------------------------------------------
    def today(self) -> date:
        return self.clock().astimezone(self.tz).date()

    def local(self, when: datetime, fmt: str = "%m-%d %H:%M") -> str:
        return when.astimezone(self.tz).strftime(fmt)

    def window(self, a: Activity) -> str:
        start, end = a.starts_at.astimezone(self.tz), a.ends_at.astimezone(self.tz)
        return f"{start:%m-%d %H:%M}–{end:%H:%M}" if start.date() == end.date() \
            else f"{start:%m-%d %H:%M}–{end:%m-%d %H:%M}"

    # --- who ------------------------------------------------------------------------------
    def is_superadmin(self, user: User) -> bool:
        return user.id in self.superadmins or user.role == SUPERADMIN

    def may_manage(self, user: User, branch_id: int | None) -> bool:
        return self.is_superadmin(user) or (
            user.role == SECRETARY and branch_id is not None and user.branch_id == branch_id)

    async def _staff_branch(self, uow: UnitOfWork, user: User, msg: IncomingMessage,
                            code: str | None = None) -> int:
        """The branch a secretary (their own) or a superadmin (named, or this group's) acts for."""
        if user.role == SECRETARY and user.branch_id is not None and not self.is_superadmin(user):
            return user.branch_id
        if not self.is_superadmin(user):
            raise CheckinError("checkin-err-staff-only")
        if code:
            branch = await uow.branches.by_code(code)
            if branch is None or branch.id is None:
                raise CheckinError("checkin-err-branch-unknown", branch=code)
            return branch.id
        chat = await uow.chats.get(msg.chat_id)
        if chat is not None and chat.branch_id is not None:
            return chat.branch_id
        if user.branch_id is not None:
            return user.branch_id
        raise CheckinError("checkin-err-which-branch")

    def _lang_of(self, user: User | None, fallback: str) -> str:
        if user is None:
            return fallback
        return user.lang or normalize_lang(user.language_code) or fallback

    # --- telling ----------------------------------------------------------------------------
    def reply(self, uow: UnitOfWork, msg: IncomingMessage, kind: str, lang: str, **payload: Any) -> None:
        """An answer in the chat the user wrote in (a reply to their message in a group)."""
        enqueue(uow, Notice(msg.chat_id, kind, lang, payload=payload,
                            reply_to=None if msg.is_private else msg.message_id,
                            priority=PRIORITY_CONVERSATION))

    def _tell(self, uow: UnitOfWork, chat_id: int, kind: str, lang: str, *, reply_to: int | None = None,
              **payload: Any) -> None:
        enqueue(uow, Notice(chat_id, kind, lang, payload=payload, reply_to=reply_to,
                            priority=PRIORITY_CONVERSATION))

    async def _tell_person(self, uow: UnitOfWork, user_id: int, chat_id: int, reply_to: int | None,
                           lang: str, kind: str, **payload: Any) -> None:
        """Privately if they have started the bot, else where they asked (a reply to them there)."""
        person = await uow.users.get(user_id)
        if person is not None and person.started:
            self._tell(uow, user_id, kind, self._lang_of(person, lang), **payload)
        else:
            self._tell(uow, chat_id, kind, lang, reply_to=None if chat_id == user_id else reply_to, **payload)

    async def _staff_to_tell(self, uow: UnitOfWork, branch_id: int) -> list[User]:
        """The branch's secretaries; the superadmins when the branch has none reachable."""
        people = await uow.checkins.secretaries(branch_id)
        if not people:
            people = await uow.users.reachable(set(self.superadmins) | set(await uow.users.staff_ids(None)))
        return people

    # --- activities -------------------------------------------------------------------------
    async def find(self, uow: UnitOfWork, code: str | None) -> Activity:
        norm = normalize_code(code)
        activity = await uow.checkins.activity_by_code(norm) if is_code(norm) else None
        if activity is None:
            raise CheckinError("checkin-err-unknown-code", code=(code or "").strip()[:16])
        return activity

    async def _new_code(self, uow: UnitOfWork) -> str:
        while True:
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LEN))
            if not await uow.checkins.code_taken(code):
                return code

    async def create_activity(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                              args: str, pin: tuple[float, float] | None = None) -> Activity:
        """/activity new "title" date HH:MM 2h [500m]; `pin`: the location the command replied to."""
        branch_id = await self._staff_branch(uow, user, msg)
        now = self.clock()
        spec = parse_activity(args, now.astimezone(self.tz))
        if spec.ends_at <= now:
            raise CheckinError("activity-err-past", when=self.local(spec.ends_at))
        radius = spec.radius_m or (DEFAULT_RADIUS_M if pin else None)
        activity = await uow.checkins.add_activity(Activity(
            code=await self._new_code(uow), branch_id=branch_id, title=spec.title,
            starts_at=spec.starts_at.astimezone(timezone.utc), ends_at=spec.ends_at.astimezone(timezone.utc),
            radius_m=radius, lat=pin[0] if pin else None, lon=pin[1] if pin else None,
            created_by=user.id, created_at=now))
        where = "none" if radius is None else ("pin" if pin else "ask")
        if where == "ask":
            await uow.checkins.ask_pin(user.id, msg.chat_id, "place", activity.id or 0, radius, now)
        self.reply(uow, msg, "activity-created", lang, title=activity.title, code=activity.code,
                   when=self.window(activity), where=where, radius=radius or 0)
        return activity

    async def set_place(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str, code: str,
                        radius_word: str | None, pin: tuple[float, float] | None = None) -> None:
        """/activity place CODE [radius]: the next pin (or the pin replied to) sets the place."""
        activity = await self.find(uow, code)
        if not self.may_manage(user, activity.branch_id):
            raise CheckinError("checkin-err-not-permitted")
        radius = parse_radius(radius_word) or activity.radius_m or DEFAULT_RADIUS_M
        if pin is not None:
            self._place(uow, msg, lang, activity, pin, radius)
            return
        await uow.checkins.ask_pin(user.id, msg.chat_id, "place", activity.id or 0, radius, self.clock())
        self.reply(uow, msg, "activity-ask-place", lang, code=activity.code, radius=radius)

    def _place(self, uow: UnitOfWork, msg: IncomingMessage, lang: str, activity: Activity,
               pin: tuple[float, float], radius: int) -> None:
        activity.lat, activity.lon, activity.radius_m = pin[0], pin[1], radius
        self.reply(uow, msg, "activity-place-set", lang, code=activity.code, title=activity.title,
                   radius=radius, lat=f"{pin[0]:.5f}", lon=f"{pin[1]:.5f}")

    async def close_activity(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                             code: str) -> None:
        activity = await self.find(uow, code)
        if not self.may_manage(user, activity.branch_id):
            raise CheckinError("checkin-err-not-permitted")
        if activity.status == "closed":
            raise CheckinError("activity-err-closed-already", code=activity.code)
        activity.status, activity.closed_at = "closed", self.clock()
        await uow.checkins.drop_pending_for(activity.id or 0)
        self.reply(uow, msg, "activity-closed", lang, code=activity.code, title=activity.title,
                   count=await uow.checkins.checkins_at(activity.id or 0))

    async def list_activities(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str) -> None:
        """Staff: their branch's latest activities. Riders: the open ones of this group's branch
        (in private: of the branch they reported in to)."""
        now = self.clock()
        staff = self.is_superadmin(user) or user.role == SECRETARY
        if staff:
            branch_id: int | None = await self._staff_branch(uow, user, msg)
            activities = await uow.checkins.activities(branch_id or 0, limit=15)
        else:
            branch_id = await self._rider_branch(uow, msg, user)
            if branch_id is None:
                raise CheckinError("activity-list-no-branch")
            activities = await uow.checkins.activities(branch_id, open_only=True, ending_after=now, limit=15)
        branch = await uow.checkins.branch(branch_id or 0)
        items = [{"code": a.code, "title": a.title, "when": self.window(a),
                  "state": self._state(a, now), "place": a.needs_pin} for a in reversed(activities)]
        self.reply(uow, msg, "activity-list", lang, branch=branch.name if branch else "", items=items)

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
        approved = [r for r in await uow.checkins.report_ins_of(user.id) if r.status == "approved"]
        return approved[0].branch_id if approved else None

    # --- check-in ---------------------------------------------------------------------------
    def _check_window(self, a: Activity, now: datetime) -> None:
        if a.status == "closed":
            raise CheckinError("checkin-err-closed", title=a.title, code=a.code)
        if now < a.starts_at - CHECKIN_EARLY:
            raise CheckinError("checkin-err-early", title=a.title, when=self.window(a),
                               opens=self.local(a.starts_at - CHECKIN_EARLY))
        if now > a.ends_at:
            raise CheckinError("checkin-err-ended", title=a.title, when=self.window(a))

    async def checkin(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str, code: str,
                      pin: tuple[float, float] | None = None) -> ActivityCheckin | None:
        """/checkin CODE. Returns the check-in, or None when a pin was asked for."""
        activity = await self.find(uow, code)
        now = self.clock()
        if (done := await self._checked_in(uow, msg, user, lang, activity, now)) is not None:
            return done
        if not activity.needs_pin:
            return self._record(uow, msg, user, lang, activity, None, None, now)
        if not activity.place_set:
            raise CheckinError("checkin-err-no-place", title=activity.title)
        if pin is not None:
            return await self._with_pin(uow, msg, user, lang, activity, pin)
        await uow.checkins.ask_pin(user.id, user.id, "checkin", activity.id or 0, None, now)
        self.reply(uow, msg, "checkin-ask-pin" if msg.is_private else "checkin-ask-pin-private", lang,
                   title=activity.title, code=activity.code, radius=activity.radius_m or 0)
        return None

    async def _checked_in(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                          activity: Activity, now: datetime) -> ActivityCheckin | None:
        """A check-in made before (answered as such), or None once the window allows a new one."""
        done = await uow.checkins.checkin_of(activity.id or 0, user.id)
        if done is not None:
            self.reply(uow, msg, "checkin-already", lang, title=activity.title, code=activity.code,
                       at=self.local(done.created_at))
            return done
        self._check_window(activity, now)
        return None

    async def _with_pin(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                        activity: Activity, pin: tuple[float, float]) -> ActivityCheckin:
        now = self.clock()
        if (done := await self._checked_in(uow, msg, user, lang, activity, now)) is not None:
            return done
        distance = round(haversine_m(pin, (activity.lat or 0.0, activity.lon or 0.0)))
        radius = activity.radius_m or 0
        if distance > radius:
            raise CheckinError("checkin-err-too-far", title=activity.title, distance=distance, radius=radius)
        return self._record(uow, msg, user, lang, activity, pin, distance, now)

    def _record(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str, activity: Activity,
                pin: tuple[float, float] | None, distance: int | None, now: datetime) -> ActivityCheckin:
        row = uow.checkins.add_checkin(ActivityCheckin(
            activity_id=activity.id or 0, user_id=user.id, chat_id=msg.chat_id,
            lat=pin[0] if pin else None, lon=pin[1] if pin else None, distance_m=distance, created_at=now))
        self.reply(uow, msg, "checkin-done", lang, title=activity.title, code=activity.code,
                   at=self.local(now), where="none" if distance is None else "pin", distance=distance or 0)
        return row

    async def awaiting_pin(self, uow: UnitOfWork, user_id: int, chat_id: int) -> bool:
        return await uow.checkins.pending(user_id, chat_id, self.clock() - PIN_WAIT) is not None

    async def on_pin(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str) -> bool:
        """A location pin: the answer to our question in this chat, if we asked one."""
        if msg.lat is None or msg.lon is None:
            return False
        row = await uow.checkins.pending(user.id, msg.chat_id, self.clock() - PIN_WAIT)
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
            self.reply(uow, msg, e.key, lang, **e.params)
            return True
        await uow.checkins.answered(row)
        return True

    # --- report-in (报到) -------------------------------------------------------------------
    async def report_in(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                        home_org: str) -> None:
        """/reportin <home organisation>: in the work group its branch; in private, one is asked."""
        home = " ".join(_norm(home_org).split())[:200]
        if not home:
            raise CheckinError("reportin-usage")
        if not msg.is_private:
            chat = await uow.chats.get(msg.chat_id)
            if chat is None or chat.branch_id is None:
                raise CheckinError("reportin-err-unbound")
            await self._submit(uow, user, lang, home, chat.branch_id, msg.chat_id, msg.message_id, None)
            return
        seen = await uow.checkins.branches_seen(user.id)
        if not seen:
            raise CheckinError("reportin-err-which-branch")
        row = next((r for r in await uow.checkins.report_ins_of(user.id)
                    if r.branch_id is None and r.status == "pending"), None)
        if row is None:
            row = await uow.checkins.add_report_in(ReportIn(
                user_id=user.id, home_org=home, chat_id=msg.chat_id, message_id=msg.message_id, lang=lang,
                created_at=self.clock()))
        else:
            row.home_org, row.lang = home, lang
        buttons = [[(b.name, f"rb:{row.id}:{b.id}")] for b in seen[:8]]
        self.reply(uow, msg, "reportin-choose-branch", lang, home=home, buttons=buttons)

    async def choose_branch(self, uow: UnitOfWork, user: User, lang: str, row_id: int, branch_id: int) -> str:
        """A button under "which branch?": returns the key for the press's answer."""
        row = await uow.checkins.report_in(row_id)
        if row is None or row.user_id != user.id:
            return "reportin-err-not-yours"
        if row.branch_id is not None or row.status != "pending":
            return "reportin-err-chosen"
        if await uow.checkins.branch(branch_id) is None:
            return "reportin-err-not-found"
        await self._submit(uow, user, row.lang, row.home_org, branch_id, row.chat_id, row.message_id, row)
        return "reportin-chosen"

    async def _submit(self, uow: UnitOfWork, user: User, lang: str, home: str, branch_id: int,
                      chat_id: int, message_id: int | None, row: ReportIn | None) -> None:
        branch = await uow.checkins.branch(branch_id)
        name = branch.name if branch else ""
        reply_to = None if chat_id == user.id else message_id
        for r in await uow.checkins.report_ins_of(user.id):
            if r.branch_id != branch_id or r.status not in ("approved", "pending") or r is row:
                continue
            if row is not None:
                row.status = "dropped"  # the choice duplicated an existing report-in
            if r.status == "approved":
                self._tell(uow, chat_id, "reportin-already", lang, reply_to=reply_to, branch=name,
                           since=self.local(r.decided_at or r.created_at, "%Y-%m-%d"))
            else:
                r.home_org = home
                self._tell(uow, chat_id, "reportin-updated", lang, reply_to=reply_to, branch=name, home=home)
            return
        if row is None:
            row = await uow.checkins.add_report_in(ReportIn(
                user_id=user.id, home_org=home, branch_id=branch_id, chat_id=chat_id, message_id=message_id,
                lang=lang, created_at=self.clock()))
        else:
            row.branch_id = branch_id
        self._tell(uow, chat_id, "reportin-submitted", lang, reply_to=reply_to, branch=name, home=home)
        for staff in await self._staff_to_tell(uow, branch_id):
            self._tell(uow, staff.id, "reportin-request", self._lang_of(staff, self.default_lang),
                       **self._report_in_card(user, row, name))

    def _report_in_card(self, user: User | None, row: ReportIn, branch: str) -> dict[str, Any]:
        return {"id": row.id, "name": (user.first_name if user else "") or str(row.user_id),
                "username": f"@{user.username}" if user and user.username else "",
                "home": row.home_org, "branch": branch, "at": self.local(row.created_at),
                "buttons": [[("reportin-approve", f"ri:{row.id}:a"), ("reportin-reject", f"ri:{row.id}:r")]]}

    async def list_report_ins(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                              branch_code: str | None = None) -> None:
        """/reportins: the header here, then each pending one with its buttons (oldest first)."""
        branch_id = await self._staff_branch(uow, user, msg, branch_code)
        rows, total = await uow.checkins.pending_report_ins(branch_id)
        branch = await uow.checkins.branch(branch_id)
        self.reply(uow, msg, "reportins-header", lang, count=total, shown=len(rows),
                   branch=branch.name if branch else "")
        for row in rows:
            self._tell(uow, msg.chat_id, "reportin-request", lang,
                       **self._report_in_card(await uow.users.get(row.user_id), row, branch.name if branch else ""))

    async def decide_report_in(self, uow: UnitOfWork, actor: User, row_id: int, approve: bool,
                               reason: str | None = None) -> tuple[str, dict[str, Any]]:
        """Approve or reject; returns (key, args) for the secretary. Raises CheckinError if refused."""
        row = await uow.checkins.report_in(row_id)
        if row is None or row.branch_id is None:
            raise CheckinError("reportin-err-not-found", id=row_id)
        if not self.may_manage(actor, row.branch_id):
            raise CheckinError("checkin-err-not-permitted")
        if row.status != "pending":
            raise CheckinError("reportin-err-decided", id=row_id, status=row.status)
        now = self.clock()
        row.status, row.decided_by, row.decided_at = ("approved" if approve else "rejected"), actor.id, now
        row.reason = (reason or "").strip()[:300] or None
        if approve:
            for other in await uow.checkins.report_ins_of(row.user_id):
                if other.id != row.id and other.status == "approved":
                    other.status = "moved"
        branch = await uow.checkins.branch(row.branch_id)
        name = branch.name if branch else ""
        await self._tell_person(uow, row.user_id, row.chat_id, row.message_id, row.lang,
                                "reportin-approved" if approve else "reportin-rejected",
                                branch=name, home=row.home_org, reason=row.reason or "",
                                has_reason="yes" if row.reason else "no")
        rider = await uow.users.get(row.user_id)
        return ("reportin-decided-approved" if approve else "reportin-decided-rejected",
                {"name": (rider.first_name if rider else "") or str(row.user_id), "branch": name})

    # --- volunteer hours --------------------------------------------------------------------
    async def log_hours(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str, code: str,
                        amount: str) -> VolunteerHours:
        """/hours CODE 2.5"""
        activity = await self.find(uow, code)
        halves = parse_hours(amount)
        now = self.clock()
        if now < activity.starts_at:
            raise CheckinError("hours-err-early", title=activity.title, when=self.window(activity))
        if now > activity.ends_at + HOURS_LATE:
            raise CheckinError("hours-err-late", title=activity.title, days=HOURS_LATE.days)
        most = math.ceil((activity.ends_at - activity.starts_at) / HALF_HOUR)
        if halves > most:
            raise CheckinError("hours-err-too-many", title=activity.title, max=hours_text(most),
                               value=hours_text(halves))
        checked_in = await uow.checkins.checkin_of(activity.id or 0, user.id) is not None
        entry = await uow.checkins.hours_entry(activity.id or 0, user.id)
        if entry is not None and entry.status == "approved":
            raise CheckinError("hours-err-approved", title=activity.title, hours=hours_text(entry.halves))
        if entry is None:
            entry = await uow.checkins.add_hours(VolunteerHours(
                activity_id=activity.id or 0, user_id=user.id, halves=halves, checked_in=checked_in,
                chat_id=msg.chat_id, lang=lang, created_at=now, updated_at=now))
        else:
            entry.halves, entry.checked_in, entry.status, entry.updated_at = halves, checked_in, "pending", now
            entry.chat_id, entry.lang, entry.reason, entry.decided_by, entry.decided_at = \
                msg.chat_id, lang, None, None, None
        self.reply(uow, msg, "hours-logged", lang, title=activity.title, code=activity.code,
                   hours=hours_text(halves), checked_in=str(checked_in).lower())
        for staff in await self._staff_to_tell(uow, activity.branch_id):
            self._tell(uow, staff.id, "hours-request", self._lang_of(staff, self.default_lang),
                       **self._hours_card(user, entry, activity))
        return entry

    def _hours_card(self, user: User | None, entry: VolunteerHours, activity: Activity) -> dict[str, Any]:
        tag = f"{entry.id}:{entry.halves}"  # a press on an out-of-date card is refused
        return {"id": entry.id, "name": (user.first_name if user else "") or str(entry.user_id),
                "username": f"@{user.username}" if user and user.username else "",
                "title": activity.title, "code": activity.code, "when": self.window(activity),
                "hours": hours_text(entry.halves), "checked_in": str(entry.checked_in).lower(),
                "buttons": [[("hours-approve", f"vh:{tag}:a"), ("hours-reject", f"vh:{tag}:r")]]}

    async def list_hours(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                         branch_code: str | None = None) -> None:
        """/hours pending: the header, then each pending entry with its buttons."""
        branch_id = await self._staff_branch(uow, user, msg, branch_code)
        rows, total = await uow.checkins.pending_hours(branch_id)
        self.reply(uow, msg, "hours-pending-header", lang, count=total, shown=len(rows))
        for entry in rows:
            activity = await uow.checkins.activity(entry.activity_id)
            if activity is not None:
                self._tell(uow, msg.chat_id, "hours-request", lang,
                           **self._hours_card(await uow.users.get(entry.user_id), entry, activity))

    async def my_hours(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str) -> None:
        """/hours: my entries and my time-bank balance."""
        totals = await uow.checkins.halves_by_status(user.id)
        items = [{"title": a.title, "code": a.code, "hours": hours_text(h.halves), "status": h.status}
                 for h, a in await uow.checkins.hours_of(user.id)]
        self.reply(uow, msg, "hours-mine", lang, balance=hours_text(totals.get("approved", 0)),
                   pending=hours_text(totals.get("pending", 0)), items=items)

    async def decide_hours(self, uow: UnitOfWork, actor: User, entry_id: int, approve: bool,
                           reason: str | None = None, halves: int | None = None) -> tuple[str, dict[str, Any]]:
        """Approve (into the time bank, with points) or reject. `halves`: the amount on the card pressed."""
        entry = await uow.checkins.hours(entry_id)
        activity = await uow.checkins.activity(entry.activity_id) if entry else None
        if entry is None or activity is None:
            raise CheckinError("hours-err-not-found", id=entry_id)
        if not self.may_manage(actor, activity.branch_id):
            raise CheckinError("checkin-err-not-permitted")
        if entry.status != "pending":
            raise CheckinError("hours-err-decided", id=entry_id, status=entry.status)
        if halves is not None and halves != entry.halves:
            raise CheckinError("hours-err-changed", id=entry_id, hours=hours_text(entry.halves))
        now = self.clock()
        entry.status, entry.decided_by, entry.decided_at, entry.updated_at = \
            ("approved" if approve else "rejected"), actor.id, now, now
        entry.reason = (reason or "").strip()[:300] or None
        if approve and self.awarder is not None and entry.halves >= 2:
            entry.points = await self.awarder.award(uow, entry.user_id, POINTS_RULE, f"hours:{entry.id}",
                                                    units=entry.halves // 2, branch_id=activity.branch_id,
                                                    actor_id=actor.id)
        await uow.session.flush()  # the balance below includes this entry
        balance = (await uow.checkins.halves_by_status(entry.user_id)).get("approved", 0)
        await self._tell_person(uow, entry.user_id, entry.chat_id, None, entry.lang,
                                "hours-approved" if approve else "hours-rejected",
                                title=activity.title, code=activity.code, hours=hours_text(entry.halves),
                                balance=hours_text(balance), points=entry.points,
                                has_points="yes" if entry.points > 0 else "no", reason=entry.reason or "",
                                has_reason="yes" if entry.reason else "no")
        rider = await uow.users.get(entry.user_id)
        return ("hours-decided-approved" if approve else "hours-decided-rejected",
                {"name": (rider.first_name if rider else "") or str(entry.user_id),
                 "hours": hours_text(entry.halves), "title": activity.title})

    # --- views --------------------------------------------------------------------------------
    async def stats(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                    branch_code: str | None = None) -> None:
        """/stats checkins: per activity check-ins and approved hours; report-ins by status."""
        branch_id = await self._staff_branch(uow, user, msg, branch_code)
        branch = await uow.checkins.branch(branch_id)
        rows = await uow.checkins.activity_stats(branch_id, limit=15)
        counts = await uow.checkins.report_in_counts(branch_id)
        items = [{"code": s.activity.code, "title": s.activity.title, "when": self.window(s.activity),
                  "checkins": s.checkins, "hours": hours_text(s.approved_halves), "pending": s.pending_hours}
                 for s in rows]
        self.reply(uow, msg, "stats-checkins", lang, branch=branch.name if branch else "", items=items,
                   reportins_pending=counts.get("pending", 0), reportins_approved=counts.get("approved", 0),
                   hours_total=hours_text(await uow.checkins.branch_halves(branch_id)))

    async def summary(self, uow: UnitOfWork, user_id: int, today: date) -> dict[str, Any]:
        """The check-in lines of /me, JSON-safe (it travels in an outbox payload):

        checkins_month, checkins_total, activity_streak_weeks: activity check-ins;
        hours_balance, hours_pending: volunteer hours (approved = the time bank), as numbers;
        reportin: None or {status: approved|pending|rejected, branch, home};
        lessons: {month, streak_days, streak_weeks}: lessons completed (✅ or quiz), from lesson_completion.
        """
        since = datetime.combine(today - timedelta(days=400), time(), self.tz)
        month_start = datetime.combine(today.replace(day=1), time(), self.tz)
        times = await uow.checkins.checkin_times(user_id, since)
        days = {t.astimezone(self.tz).date() for t in times}
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
        lesson_days = {t.astimezone(self.tz).date() for t in done}
        result["lessons"] = {"month": sum(1 for t in done if t >= month_start),
                             "streak_days": streak_days(lesson_days, today),
                             "streak_weeks": streak_weeks(lesson_days, today)}
        return result

    async def me_lines(self, uow: UnitOfWork, user: User, lang: str) -> list[dict[str, Any]]:
        """/me's check-in lines as {"key": catalogue key, **args} (the points feature renders them)."""
        s = await self.summary(uow, user.id, self.today())
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
