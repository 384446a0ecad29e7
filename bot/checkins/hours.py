"""Volunteer hours into a public-service time bank.

Hours are logged per activity in half hours (2.5 = five halves), from the start until 7 days
after the end, at most the activity's length (rounded up to a half hour). The rider need
not have checked in: the secretary sees whether they did and decides. Approved hours are the
time-bank balance and earn points under rule `volunteer_hour`, one unit per *whole* hour of
the entry (2.5 h -> 2 units), source key `hours:<entry id>`, so an entry is paid once (a claim
approved again after a secretary revoked those points, and with them the approval: points_key).
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from bot.buttons import HoursVerdict, encode
from bot.checkins.activities import find_activity
from bot.checkins.context import CheckinContext
from bot.checkins.errors import CheckinError
from bot.checkins.parsing import hours_text, hours_typed, most_halves, parse_hours
from bot.domain import IncomingMessage
from bot.ids import parse_id
from bot.services.privately import to_private
from bot.outbox import reply
from storage.models import User, utcnow
from storage.models.checkins import Activity, VolunteerHours

if TYPE_CHECKING:
    from storage.uow import UnitOfWork

HOURS_LATE = timedelta(days=7)
POINTS_RULE = "volunteer_hour"
SOURCE_PREFIX = "hours:"  # the points line of an approved entry: `hours:<entry id>`
PROMPT_KIND = "hours-need-amount"  # "how many hours?": a reply prompt, its answer the hours
PROMPT_TTL = timedelta(minutes=30)  # an older prompt's reply is an ordinary message


# what a verdict told in the group leaves out, even from the notice's stored payload: the time
# bank's balance and the points are the rider's alone, a reason may be personal or embarrassing
NOT_FOR_THE_GROUP: dict[str, Any] = {"balance": "", "points": 0, "has_points": "no", "reason": "",
                                     "has_reason": "no"}


def _an_amount(text: str) -> bool:
    """The whole message reads as a number of hours."""
    try:
        hours_typed(text)
    except CheckinError:
        return False
    return True


def _request(entry: VolunteerHours) -> str:
    """The entry as a request whose cards the secretaries get (CheckinContext.tell_card)."""
    return f"hours:{entry.id}"


def points_key(entry: VolunteerHours) -> str:
    """The points line an approval of `entry` writes: `hours:<id>`, so an entry is paid once. An
    entry paid before (its `points` kept) is one whose approval was revoked since (withdraw_approval)
    and claimed again: that key is spent, and this claim is paid under its own, `hours:<id>:<the
    claim's time>` (the same for two secretaries approving it at once)."""
    if not entry.points:
        return f"{SOURCE_PREFIX}{entry.id}"
    return f"{SOURCE_PREFIX}{entry.id}:{entry.updated_at:%Y%m%d%H%M%S%f}"


async def withdraw_approval(uow: UnitOfWork, source_key: str, actor_id: int, reason: str,
                            at: datetime) -> dict[str, Any] | None:
    """The points an approval of volunteer hours paid (ledger line `hours:<entry id>`) revoked by a
    secretary (/points revoke): the approval goes with them, and the hours leave the time bank.

    Why: the points are the time bank's reward for hours a secretary recognised, and there is no
    other way to take an approval back; a bank that took the reward and kept counting the hours
    would show hours nobody recognises any more (in /hours, /me, the attendance export and the
    branch's figures) next to no points for them. So a revoke of those points reads as the
    approval withdrawn: the entry is `rejected`, with the revoke's reason and its secretary, as a
    rejection would have left it (the rider may claim again, as after a rejection, and an approval of
    that claim pays again: points_key). Points the rider already spent are not taken back (the
    revoke says so); the hours leave regardless.
    Returns what the rider and the secretary are told of it, or None when the line is no approval's
    (another rule's; an entry no longer approved)."""
    entry_id = parse_id(source_key.removeprefix(SOURCE_PREFIX).split(":")[0]) \
        if source_key.startswith(SOURCE_PREFIX) else None
    entry = await uow.checkins.hours(entry_id) if entry_id else None
    activity = await uow.checkins.activity(entry.activity_id) if entry is not None else None
    if entry is None or activity is None or entry.status != "approved":
        return None
    entry.status, entry.decided_by, entry.decided_at, entry.updated_at = "rejected", actor_id, at, at
    entry.reason = reason.strip()[:300] or None
    await uow.session.flush()  # the balance below leaves this entry out
    balance = (await uow.checkins.halves_by_status(entry.user_id)).get("approved", 0)
    return {"title": activity.title, "hours": hours_text(entry.halves), "time_balance": hours_text(balance)}


class Hours:
    """/hours: logging, listing, my balance, and the secretaries' verdicts (with points)."""

    def __init__(self, ctx: CheckinContext) -> None:
        self.ctx = ctx

    async def ask_hours(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str, code: str) -> None:
        """`/hours CODE` without the hours: asked for them with a reply prompt (as a case's note is,
        bot.services.case_choices), whose answer, a bare `1.5`, logs them as `/hours CODE 1.5` does
        (`prompt_answered`). An unknown code is refused now, not after the rider answered."""
        activity = await find_activity(uow, code)
        reply(uow, msg, PROMPT_KIND, lang, title=activity.title, code=activity.code, force_reply=True,
              prompt={"code": activity.code, "user_id": user.id})

    async def prompt_answered(self, uow: UnitOfWork, msg: IncomingMessage) -> str | None:
        """The activity code of the hours prompt `msg` answers, if it answers one put to its sender:
        a reply to it (a group's, or Telegram's reply prompt in private); a WeCom quote of it (引用:
        its words, naming the activity's code, with only an amount: WeCom gives a bot no replies, so
        in a group a quote is the reply); or, while the prompt is still the bot's last word in the chat,
        a message that is only an amount (`1.5`, `90分钟`: a client that dropped the reply, and WeCom,
        which has none), privately or, in a group, said to the bot (`@骑手哨兵 1.5`)."""
        if msg.text.strip().startswith("/") or msg.forwarded:
            return None
        since = utcnow() - PROMPT_TTL  # the outbox's own time, as case prompts read it
        if msg.reply_to_bot and msg.reply_to_id is not None:
            row = await uow.outbox.prompt_for(msg.chat_id, msg.reply_to_id, PROMPT_KIND, since)
        elif msg.quoted and msg.reply_to_id is None and _an_amount(msg.text):
            rows = await uow.outbox.latest_of_kind(msg.chat_id, PROMPT_KIND, since)
            row = next((r for r in rows if ((r.payload or {}).get("prompt") or {}).get("user_id") == msg.sender.id
                        and str(r.payload["prompt"].get("code", "")) in msg.quoted), None)
        elif (msg.is_private or msg.addressed) and msg.reply_to_id is None and _an_amount(msg.text):
            # in a group, only an amount said to the bot (`@骑手哨兵 1.5`): a WeCom group's bot hears nothing else
            row = await uow.outbox.last_word(msg.chat_id, since)
            row = row if row is not None and row.kind == PROMPT_KIND else None
        else:
            return None
        prompt = (row.payload or {}).get("prompt") if row is not None else None
        if not prompt or prompt.get("user_id") != msg.sender.id:
            return None
        return str(prompt["code"])

    async def log_hours(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str, code: str,
                        amount: str) -> VolunteerHours:
        """/hours CODE 2.5"""
        activity = await find_activity(uow, code)
        halves = parse_hours(amount)
        now = self.ctx.clock()
        if now < activity.starts_at:
            raise CheckinError("hours-err-early", title=activity.title, when=self.ctx.window(activity))
        if now > activity.ends_at + HOURS_LATE:
            raise CheckinError("hours-err-late", title=activity.title, days=HOURS_LATE.days)
        most = most_halves(activity.starts_at, activity.ends_at)
        if halves > most:
            raise CheckinError("hours-err-too-many", title=activity.title, max=hours_text(most),
                               value=hours_text(halves))
        checked_in = await uow.checkins.checkin_of(activity.id or 0, user.id) is not None
        entry = await uow.checkins.hours_entry(activity.id or 0, user.id)
        if entry is not None and entry.status == "approved":
            raise CheckinError("hours-err-approved", title=activity.title, hours=hours_text(entry.halves))
        # a second /hours for one activity replaces the first claim: said, not done silently
        was = hours_text(entry.halves) if entry is not None else ""
        if entry is None:
            entry = await uow.checkins.add_hours(VolunteerHours(
                activity_id=activity.id or 0, user_id=user.id, halves=halves, checked_in=checked_in,
                chat_id=msg.chat_id, lang=lang, created_at=now, updated_at=now))
        else:
            entry.halves, entry.checked_in, entry.status, entry.updated_at = halves, checked_in, "pending", now
            entry.chat_id, entry.lang, entry.reason, entry.decided_by, entry.decided_at = \
                msg.chat_id, lang, None, None, None
        # 1.25 or 20分钟 counts as 1.5 or 0.5 h: said, with what they typed, not passed off as theirs
        rounded = abs(hours_typed(amount) - halves / 2) > 1e-9
        if was:  # the cards of the claim replaced go out of date: the new one follows
            await self.ctx.settle_card_copies(uow, _request(entry), None, "settled-superseded",
                                              who=user.first_name or str(user.id))
        reply(uow, msg, "hours-logged", lang, title=activity.title, code=activity.code,
                   hours=hours_text(halves), checked_in=str(checked_in).lower(), was=was, typed=amount.strip()[:20],
                   note={(False, False): "none", (True, False): "rounded", (False, True): "replaced",
                         (True, True): "both"}[rounded, bool(was)])
        for staff in await self.ctx.staff_to_tell(uow, activity.branch_id, requester=user.id):
            self.ctx.tell_card(uow, staff.id, "hours-request", self.ctx.lang_of(staff, self.ctx.default_lang),
                               _request(entry), **self._hours_card(user, entry, activity))
        return entry

    def _hours_card(self, user: User | None, entry: VolunteerHours, activity: Activity) -> dict[str, Any]:
        return {"id": entry.id, "name": (user.first_name if user else "") or str(entry.user_id),
                "username": f" @{user.username}" if user and user.username else "",  # after the name
                "title": activity.title, "code": activity.code, "when": self.ctx.window(activity),
                "hours": hours_text(entry.halves), "checked_in": str(entry.checked_in).lower(),
                "buttons": [[("hours-approve", encode(HoursVerdict(entry.id or 0, entry.halves, True))),
                             ("hours-reject", encode(HoursVerdict(entry.id or 0, entry.halves, False)))]]}

    async def list_hours(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str,
                         branch_code: str | None = None) -> None:
        """/hours pending: the header, then each pending entry with its buttons."""
        branch_id = await self.ctx.staff_branch(uow, user, msg, branch_code)
        target = await to_private(uow, msg, user, lang)  # riders' claims, by name: not for the group
        if target is None:
            return
        rows, total = await uow.checkins.pending_hours(branch_id)
        reply(uow, target, "hours-pending-header", lang, count=total, shown=len(rows))
        for entry in rows:
            activity = await uow.checkins.activity(entry.activity_id)
            if activity is not None:
                self.ctx.tell_card(uow, target.chat_id, "hours-request", lang, _request(entry),
                                   **self._hours_card(await uow.users.get(entry.user_id), entry, activity))

    async def my_hours(self, uow: UnitOfWork, msg: IncomingMessage, user: User, lang: str) -> None:
        """/hours: my entries and my time-bank balance (privately, as /me shows it)."""
        target = await to_private(uow, msg, user, lang)
        if target is None:
            return
        totals = await uow.checkins.halves_by_status(user.id)
        items = [{"title": a.title, "code": a.code, "hours": hours_text(h.halves), "status": h.status}
                 for h, a in await uow.checkins.hours_of(user.id)]
        reply(uow, target, "hours-mine", lang, balance=hours_text(totals.get("approved", 0)),
                   pending=hours_text(totals.get("pending", 0)), items=items)

    async def decide_hours(self, uow: UnitOfWork, actor: User, entry_id: int, approve: bool,
                           reason: str | None = None, halves: int | None = None,
                           pressed: tuple[int, int] | None = None) -> tuple[str, dict[str, Any]]:
        """Approve (into the time bank, with points) or reject. `halves`: the amount on the card pressed;
        `pressed` (chat, message): that card, which the press settles; every other copy of the entry's
        card loses its buttons here, naming who decided."""
        self.ctx.require_staff(actor)
        entry = await uow.checkins.hours(entry_id)
        activity = await uow.checkins.activity(entry.activity_id) if entry else None
        if entry is None or activity is None or not self.ctx.may_manage(actor, activity.branch_id):
            raise CheckinError("hours-err-not-found", id=entry_id)  # another branch's reads as none
        self.ctx.refuse_own(actor, entry.user_id, "hours-err-own", entry_id)
        if entry.status != "pending":
            decider = await uow.users.get(entry.decided_by) if entry.decided_by else None
            raise CheckinError("hours-err-decided", id=entry_id, status=entry.status,
                               who=decider.first_name if decider else "")
        if halves is not None and halves != entry.halves:
            raise CheckinError("hours-err-changed", id=entry_id, hours=hours_text(entry.halves))
        key = points_key(entry)  # before the claim's time below becomes the decision's
        now = self.ctx.clock()
        entry.status, entry.decided_by, entry.decided_at, entry.updated_at = \
            ("approved" if approve else "rejected"), actor.id, now, now
        entry.reason = (reason or "").strip()[:300] or None
        if approve:  # what this approval pays (none for half an hour), not what a revoked one did
            entry.points = await self.ctx.awarder.award(uow, entry.user_id, POINTS_RULE, key, units=entry.halves // 2,
                                                        branch_id=activity.branch_id, actor_id=actor.id) \
                if self.ctx.awarder is not None and entry.halves >= 2 else 0
        await self.ctx.settle_card_copies(uow, _request(entry), pressed, who=actor.first_name or str(actor.id),
                                          what_key="hours-approve" if approve else "hours-reject")
        await uow.session.flush()  # the balance below includes this entry
        balance = (await uow.checkins.halves_by_status(entry.user_id)).get("approved", 0)
        rider = await uow.users.get(entry.user_id)
        verdict = "hours-approved" if approve else "hours-rejected"
        who = (rider.first_name if rider else "") or str(entry.user_id)
        # a rider the bot cannot write to hears it where they logged the hours: in a group, by
        # name and without their balance (nor points), which /hours shows them in private
        private = await self.ctx.tell_person(uow, entry.user_id, entry.chat_id, None, entry.lang, verdict,
                                             group_kind=f"{verdict}-group", in_group=NOT_FOR_THE_GROUP,
                                             name=who, title=activity.title, code=activity.code, hours=hours_text(entry.halves),
                                             balance=hours_text(balance), points=entry.points,
                                             has_points="yes" if entry.points > 0 else "no", reason=entry.reason or "",
                                             has_reason="yes" if entry.reason else "no")
        return ("hours-decided-approved" if approve else "hours-decided-rejected",
                {"name": who, "hours": hours_text(entry.halves), "title": activity.title,
                 "undelivered": "no" if private or not entry.reason else "yes"})  # the reason: theirs to tell
