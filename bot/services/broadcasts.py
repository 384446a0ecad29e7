"""Broadcasts (推送): a secretary's notice to the branch's groups or riders, now, once later,
or every week, paced by the outbox sender and reported back when delivered.

No FSM: a secretary's compose state is their one 'draft' row. The compact syntax
lets a busy secretary do it in one message plus one tap:

    /broadcast all now 今晚8点起建国路封路施工，请绕行        one shot: preview, then ✅
    /broadcast groups=all when=每周一08:30                  then the next message (text,
                                                            photo, or a forwarded one) is the body
    /broadcast riders 明天 08:30 <text>                      to riders who started the bot
    /broadcast groups=-1001234,朝阳 every mon 8:30 <text>    chosen groups (id or name part)

Delivery goes through the outbox (PRIORITY_BROADCAST, dedupe key `bc:<run>:<chat>`),
so case replies overtake it and a repeated pass queues nothing twice. Scheduled and
recurring broadcasts are stored jobs `bc:<id>`; a run's delivery report is a short
stored job re-armed until none of its messages is pending.
"""
from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from bot.buttons import BroadcastPress, encode
from bot.refusals import Refused
from bot.domain import PRIORITY_BROADCAST, PRIORITY_CONVERSATION, Notice
from bot.i18n import normalize_lang
from bot.outbox import EDIT, EDIT_OF, enqueue
from bot.privacy import find, mask
from bot.scheduling import Jobs, Pass
from bot.services.case_dialogs import card_key, settle_copies
from bot.services.cases import CaseService
from bot.timeparse import (
    NOW_WORDS, When, WhenError, longest_when, next_fire, normalize, parse_when, send_time,
    time_words,
)
from storage.models import Chat, User, utcnow
from storage.models.broadcasts import DROPPED, Broadcast, BroadcastRun
from storage.uow import UnitOfWork

DRAFT_TTL = timedelta(minutes=30)  # a draft waits this long for its body, then private chat is normal again
REPORT_MIN, REPORT_MAX = 1.0, 30.0  # seconds between delivery checks of a run
REPORT_GRACE = 24 * 3600  # a check missed while the bot was down still runs when it is back
GROUP_WORDS = {"all", "groups", "group", "全部", "所有", "所有群", "全部群", "群", "群聊"}
RIDER_WORDS = {"riders", "rider", "骑手", "私聊", "个人", "所有骑手"}
GROUP_KEYS = {"groups", "group", "群"}
AUDIENCE_KEYS = GROUP_KEYS | {"to", "target", "对象", "发给"}
WHEN_KEYS = {"when", "at", "time", "时间", "发送时间", "定时"}


BroadcastError = Refused  # the one refusal type (bot/refusals.py); this name is kept for one step


@dataclass(frozen=True, slots=True)
class StaffScope:
    """Where a secretary (one branch) or a superadmin (everything) may push."""

    branch_id: int | None
    everything: bool


def staff_scope(cases: CaseService, user: User) -> StaffScope | None:
    if cases.is_superadmin(user):
        return StaffScope(user.branch_id, True)
    if cases.is_secretary(user):
        return StaffScope(user.branch_id, False)
    return None


def may_manage(scope: StaffScope | None, user: User, author_id: int, branch_id: int | None) -> bool:
    return scope is not None and (scope.everything or user.id == author_id or branch_id == scope.branch_id)


@dataclass(frozen=True, slots=True)
class Body:
    """What recipients get: HTML the platform renders, an optional photo, the visible length and
    the longest the platform delivers for this kind of body (its text or its caption limit, in
    the same unit as `length`; bot/platform.py), all measured by the adapter that made it."""

    html: str
    limit: int
    photo: str | None = None
    length: int = 0


# `/broadcast WORD` alone: what the secretary asks for, not a text to send ("/broadcast list" was
# previewed as a broadcast of "list" to every group; the list is /broadcasts')
ACTION_WORDS = {"cancel": "cancel", "取消": "cancel", "help": "help", "帮助": "help",
                "list": "list", "列表": "list", "查看": "list"}


@dataclass(slots=True)
class Compose:
    """`/broadcast` arguments: audience, when, and where in them the body starts (if it does)."""

    audience: str = "groups"
    groups: list[str] | None = None  # chosen group selectors; None = every group in scope
    when: When = field(default_factory=lambda: When("now"))
    body_at: int | None = None
    action: str | None = None  # cancel | help | list


@dataclass(frozen=True, slots=True)
class Target:
    chat_id: int
    lang: str


def after_commit(uow: UnitOfWork, step: Callable[[], object]) -> None:
    """Change the job store once the cause is committed (see UnitOfWork.after_commit), in a
    thread: the store's synchronous connection must not stall the event loop."""
    async def effect() -> None:
        await asyncio.to_thread(step)
    uow.after_commit(effect)


def tell(uow: UnitOfWork, chat_id: int, kind: str, lang: str, dedupe_key: str | None = None,
         **payload: Any) -> None:
    """A direct answer to a staff member (private chat, conversation priority)."""
    enqueue(uow, Notice(chat_id, kind, lang, payload=payload, priority=PRIORITY_CONVERSATION,
                        dedupe_key=dedupe_key))


LIST_KEY = "bc-list:"  # the dedupe keys' prefix of /broadcasts lists (card_key), and of their redraws


def _preview_key(broadcast_id: int | None) -> str:
    """The dedupe keys' prefix of a draft's previews (card_key), which `_settle_preview` settles."""
    return f"bc-preview:{broadcast_id}:card:"


async def _settle_preview(uow: UnitOfWork, broadcast_id: int | None, how: str) -> None:
    """A draft's preview loses its ✅ / ❌ once the draft ends, with one line saying how (`how`: sent
    now, scheduled, dropped, replaced by a newer draft), as a decided request's card does
    (settle_copies), rather than keep buttons that only answer "gone" or "already"."""
    await settle_copies(uow, _preview_key(broadcast_id), f"bc-preview:{broadcast_id}:settled:", None,
                        "bc-settled", {"how": how})


async def _drop_from_lists(uow: UnitOfWork, broadcast_id: int, pressed: tuple[int, int] | None) -> None:
    """Every /broadcasts list message still showing `broadcast_id` (as it was last drawn: the
    latest of its rows, the list or a redraw of it) is drawn again without its line and its ❌,
    the rest as it was: a cancelled broadcast no longer reads as one to go out, whoever cancelled
    it and wherever. `pressed`: the list the cancelling press came from, redrawn by the press."""
    rows = await uow.outbox.sent_under(LIST_KEY, queued=True)
    sent_as = {r.dedupe_key: r.sent_message_id for r in rows if r.sent_message_id is not None}
    latest: dict[tuple[int, object], Any] = {}
    for r in rows:  # oldest first: a later row (a redraw) of the same message wins
        p = r.payload or {}
        target: object = p.get(EDIT) or r.sent_message_id \
            or sent_as.get(p.get(EDIT_OF) or r.dedupe_key) or (p.get(EDIT_OF) or r.dedupe_key)
        latest[(r.chat_id, target)] = r
    button = encode(BroadcastPress("c", broadcast_id))
    for (chat_id, target), r in latest.items():
        items = r.payload.get("items") or []
        if (chat_id, target) == pressed or not any(it.get("id") == broadcast_id for it in items):
            continue
        shown = {k: v for k, v in r.payload.items() if k not in (EDIT, EDIT_OF)}
        shown["items"] = [it for it in items if it.get("id") != broadcast_id]
        shown["buttons"] = [row for row in r.payload.get("buttons") or [] if all(b[1] != button for b in row)]
        shown[EDIT if isinstance(target, int) else EDIT_OF] = target
        tell(uow, chat_id, "bc-list", r.lang, dedupe_key=card_key(LIST_KEY, chat_id), **shown)


class BroadcastService:
    def __init__(self, jobs: Jobs, cases: CaseService, rate: float,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.jobs = jobs
        self.cases = cases
        self.rate = rate  # the sender's global messages/s: how soon a run can be done
        self.clock = clock

    def passes(self) -> dict[str, Pass]:
        return {"bc-fire": self.fire, "bc-report": self.report}

    # --- parsing --------------------------------------------------------------------
    def parse_when(self, text: str, bare_day: bool = False, deadline: bool = False) -> When:
        return parse_when(text, self.clock(), self.cases.tz, bare_day, deadline)

    def longest_when(self, words: list[str], first: str | None = None,
                     bare_day: bool = False, deadline: bool = False) -> tuple[When, int] | None:
        """bot/timeparse.longest_when at the service's clock and zone (a survey's close, a vote's deadline:
        `deadline`, a day alone is its end)."""
        return longest_when(words, self.clock(), self.cases.tz, first, bare_day, deadline)

    def parse(self, args: str) -> Compose:
        """Parse `/broadcast` arguments (raises BroadcastError or WhenError). A text that opens like
        a time but is none (`每周八 08:30 …`, `明天 8点半半 …`) is refused, not sent now; a time
        today that has passed says what to write instead (tomorrow at that time, or now)."""
        try:
            return self._parse(args)
        except WhenError as e:
            if e.key == "when-err-past-today":
                raise WhenError("bc-err-past-today", **e.params) from None
            if e.key == "when-err-mistyped":
                raise Refused("bc-err-when-mistyped", **e.params) from None
            raise

    def _parse(self, args: str) -> Compose:
        tokens = time_words(args)  # `明天，8点 开会`: the comma sets the time apart as a space does
        c = Compose()
        if len(tokens) == 1 and normalize(tokens[0][1]) in ACTION_WORDS:
            c.action = ACTION_WORDS[normalize(tokens[0][1])]
            return c
        seen_audience = seen_when = False
        i = 0
        while i < len(tokens):
            pos, raw = tokens[i]
            word = normalize(raw)
            key, eq, value = word.partition("=")
            if eq and key in AUDIENCE_KEYS and not seen_audience:
                c.audience, c.groups = parse_audience(key, re.split(r"[=＝]", raw, maxsplit=1)[1])
                seen_audience, i = True, i + 1
                continue
            if eq and key in WHEN_KEYS and not seen_when:
                found = send_time(args[tokens[i + 1][0]:] if i + 1 < len(tokens) else "", self.clock(),
                                  self.cases.tz, key=value)
                assert found is not None  # after a key, a time or a refusal
                c.when, used = found
                seen_when, i = True, i + 1 + used
                continue
            if not seen_audience and not seen_when and (word in GROUP_WORDS or word in RIDER_WORDS):
                c.audience = "riders" if word in RIDER_WORDS else "groups"
                seen_audience, i = True, i + 1
                continue
            if not seen_when:
                if word in NOW_WORDS:
                    seen_when, i = True, i + 1
                    continue
                found = send_time(args[pos:], self.clock(), self.cases.tz)
                if found is not None:
                    c.when, used = found
                    seen_when, i = True, i + used
                    continue
            c.body_at = pos
            break
        return c

    # --- composing ------------------------------------------------------------------
    async def compose(self, uow: UnitOfWork, user: User, chat_id: int, lang: str, c: Compose,
                      body: Body | None) -> None:
        """Start a draft (dropping any older one); preview it at once if the body came along."""
        scope = self.scope(user)
        if c.audience == "groups" and not await uow.broadcasts.groups(scope.branch_id, scope.everything):
            raise BroadcastError("bc-err-no-groups")
        chat_ids = await self.chosen(uow, scope, c.groups) if c.groups else None
        masked = 0
        if body is not None:
            _check_body(body)
            body, masked = screened(body)
        old = await uow.broadcasts.draft_of(user.id)
        await uow.broadcasts.discard_drafts(user.id)
        if old is not None:
            await _settle_preview(uow, old.id, "replaced")
        draft = await uow.broadcasts.add(Broadcast(
            author_id=user.id, branch_id=scope.branch_id, audience=c.audience, chat_ids=chat_ids,
            body=body.html if body else None, photo=body.photo if body else None,
            schedule=c.when.as_dict(), lang=lang, awaiting_body=body is None,
            created_at=self.clock(), updated_at=self.clock()))
        if body is None:
            tell(uow, chat_id, "bc-ask-body", lang)
        else:
            await self._preview(uow, draft, chat_id, scope, masked)

    async def waiting_draft(self, uow: UnitOfWork, user_id: int) -> Broadcast | None:
        """The author's draft still waiting for its body, if any. Asked of every private
        message, so riders cost no query (their user row is already loaded)."""
        user = await uow.users.get(user_id)
        if user is None or staff_scope(self.cases, user) is None:
            return None
        draft = await uow.broadcasts.draft_of(user_id)
        if draft is None or not draft.awaiting_body or draft.updated_at < self.clock() - DRAFT_TTL:
            return None
        return draft

    async def take_body(self, uow: UnitOfWork, user: User, chat_id: int, body: Body) -> None:
        draft = await self.waiting_draft(uow, user.id)
        if draft is None:
            return
        scope = self.scope(user)
        _check_body(body)
        body, masked = screened(body)
        draft.body, draft.photo, draft.awaiting_body, draft.updated_at = body.html, body.photo, False, self.clock()
        await self._preview(uow, draft, chat_id, scope, masked)

    async def drop_draft(self, uow: UnitOfWork, user: User, broadcast_id: int | None = None) -> str:
        """`/broadcast cancel`, or ❌ on the preview of draft `broadcast_id`."""
        draft = await uow.broadcasts.draft_of(user.id)
        if draft is None or (broadcast_id is not None and draft.id != broadcast_id):
            return "bc-no-draft" if broadcast_id is None else "bc-gone"
        await uow.broadcasts.discard_drafts(user.id)
        await _settle_preview(uow, draft.id, "dropped")
        return "bc-dropped"

    async def _preview(self, uow: UnitOfWork, draft: Broadcast, chat_id: int, scope: StaffScope,
                       masked: int = 0) -> None:
        """The draft as recipients will get it, to whom and when; `masked`: pieces of personal
        data `screened` took out, and a warning when contacts stay in."""
        targets, blocked = await self.targets(uow, scope, draft.audience, draft.chat_ids, draft.author_id,
                                              draft.lang)
        when = When.from_dict(draft.schedule)
        titles = ([c.title or str(c.id) for c in await uow.broadcasts.groups(scope.branch_id, scope.everything)
                   if c.id in set(draft.chat_ids)] if draft.chat_ids else [])
        tell(uow, chat_id, "bc-preview", draft.lang, id=draft.id, audience=draft.audience,
             chosen=titles, count=len(targets), blocked=blocked, when=self.describe(when),
             body=draft.body or "", photo=draft.photo, masked=masked,
             contacts=any(h.kind in CONTACT_KINDS for h in find(draft.body or "")),
             dedupe_key=card_key(_preview_key(draft.id), chat_id),
             buttons=[[("bc-btn-confirm", encode(BroadcastPress("go", draft.id or 0))),
                       ("bc-btn-drop", encode(BroadcastPress("x", draft.id or 0)))]])

    def describe(self, when: When) -> dict[str, Any]:
        """`when` for rendering: kind, local date and time, days of the week, next run."""
        nxt = next_fire(when, self.clock(), self.cases.tz)
        return {"kind": when.kind, "at": self.local(when.at) if when.at else "",
                "days": list(when.days), "time": f"{when.hour:02d}:{when.minute:02d}",
                "next": self.local(nxt) if nxt else ""}

    # --- confirming -----------------------------------------------------------------
    async def confirm(self, uow: UnitOfWork, user: User, broadcast_id: int) -> str:
        """The preview's ✅: send now, or store the job. Returns the key for the button answer."""
        draft = await uow.broadcasts.get(broadcast_id)
        if draft is None or draft.author_id != user.id or draft.status == DROPPED:  # someone else's reads as gone
            return "bc-gone"
        if draft.status != "draft":
            return "bc-already"
        scope = staff_scope(self.cases, user)
        if scope is None:
            return "bc-err-not-staff"
        if draft.body is None:
            return "bc-no-body"
        when = When.from_dict(draft.schedule)
        draft.awaiting_body, draft.updated_at = False, self.clock()
        if when.kind == "now":
            draft.status = "sending"
            run = await self.fan_out(uow, draft, "now")
            tell(uow, user.id, "bc-started", draft.lang, id=draft.id, count=run.planned if run else 0,
                 blocked=run.skipped if run else 0)
            await _settle_preview(uow, draft.id, "sent")
            return "bc-ok"
        nxt = next_fire(when, self.clock(), self.cases.tz)
        if nxt is None:
            return "when-err-past"
        job_id, bid = f"bc:{draft.id}", draft.id
        if when.kind == "at":
            draft.status = "scheduled"
            after_commit(uow, lambda: self.jobs.at(job_id, "bc-fire", bid, when=nxt, grace=3600))
        else:
            draft.status = "recurring"
            fields = when.cron_fields()
            after_commit(uow, lambda: self.jobs.cron(job_id, "bc-fire", bid, **fields))
        tell(uow, user.id, "bc-scheduled", draft.lang, id=draft.id, when=self.describe(when))
        await _settle_preview(uow, draft.id, "scheduled")
        return "bc-ok"

    async def cancel(self, uow: UnitOfWork, user: User, broadcast_id: int,
                     pressed: tuple[int, int] | None = None) -> tuple[str, dict[str, object]]:
        """Cancel a scheduled or recurring broadcast: its stored job goes, nothing more is sent, and
        every earlier /broadcasts list still showing it is shown again without it (`pressed`: the
        (chat, message) of the list whose ❌ was pressed, which the press redraws itself). One
        cancelled already says so (a stale ❌, or the command sent twice)."""
        scope = staff_scope(self.cases, user)
        if scope is None:
            return "bc-err-not-staff", {}
        b = await uow.broadcasts.get(broadcast_id)
        # scope before state: another branch's broadcast reads exactly as one that is gone
        if b is None or not may_manage(scope, user, b.author_id, b.branch_id):
            return "bc-cancel-gone", {"id": broadcast_id}
        if b.status == "cancelled":
            return "bc-cancel-already", {"id": b.id}
        if b.status not in ("scheduled", "recurring"):
            return "bc-cancel-gone", {"id": broadcast_id}
        b.status, b.updated_at = "cancelled", self.clock()
        job_id = f"bc:{b.id}"
        after_commit(uow, lambda: self.jobs.cancel(job_id))
        await _drop_from_lists(uow, b.id or 0, pressed)
        return "bc-cancelled", {"id": b.id}

    async def send_list(self, uow: UnitOfWork, user: User, chat_id: int, lang: str,
                        edit: int | None = None) -> None:
        """/broadcasts: the scheduled and recurring ones in scope, each with a cancel button. `edit`:
        the list message whose ❌ was just pressed, shown again as the list stands now (the one
        cancelled gone), rather than keep a button that only answers "gone"."""
        scope = self.scope(user)
        items, buttons = [], []
        for b in await uow.broadcasts.scheduled(scope.branch_id, scope.everything):
            nxt = await asyncio.to_thread(self.jobs.next_run, f"bc:{b.id}")  # the job store's own connection
            items.append({"id": b.id, "audience": b.audience, "chosen": len(b.chat_ids or []),
                          "when": self.describe(When.from_dict(b.schedule)),
                          "next": self.local(nxt) if nxt else "", "body": b.body or "",
                          "photo": bool(b.photo)})
            buttons.append([(f"❌ #{b.id}", encode(BroadcastPress("c", b.id or 0)))])
        shown: dict[str, Any] = {"items": items, "buttons": buttons}
        if edit is not None:
            shown[EDIT] = edit
        tell(uow, chat_id, "bc-list", lang, dedupe_key=card_key(LIST_KEY, chat_id), **shown)

    # --- delivering (stored-job passes) ---------------------------------------------
    async def fire(self, uow: UnitOfWork, broadcast_id: int) -> None:
        """A stored job's firing: one run, unless the broadcast was cancelled meanwhile."""
        b = await uow.broadcasts.get(broadcast_id)
        if b is None or b.status not in ("scheduled", "recurring"):
            return
        author = await uow.users.get(b.author_id)
        if author is None or staff_scope(self.cases, author) is None:  # no longer a secretary: it stops
            b.status, b.updated_at = "cancelled", self.clock()
            job_id = f"bc:{b.id}"
            after_commit(uow, lambda: self.jobs.cancel(job_id))
            return
        once = b.status == "scheduled"
        await self.fan_out(uow, b, "at" if once else self.clock().strftime("%Y%m%d%H%M"))
        if once:
            b.status = "sending"

    async def fan_out(self, uow: UnitOfWork, b: Broadcast, slot: str) -> BroadcastRun | None:
        """Queue one message per reachable target; chats that blocked the bot are skipped
        and counted. None when this slot already ran."""
        run = await uow.broadcasts.start_run(b.id or 0, slot, self.clock())
        if run is None:
            return None
        author = await uow.users.get(b.author_id)
        scope = staff_scope(self.cases, author) if author else None
        targets: list[Target]
        if scope is None:  # the author lost the role: nothing goes out, the report says so
            targets, blocked = [], 0
        else:
            targets, blocked = await self.targets(uow, scope, b.audience, b.chat_ids, b.author_id, b.lang)
        payload = {"body": b.body or "", "photo": b.photo}
        for t in targets:
            enqueue(uow, Notice(t.chat_id, "bc-message", t.lang, payload=payload,
                                priority=PRIORITY_BROADCAST, dedupe_key=f"bc:{run.id}:{t.chat_id}"))
        run.planned, run.skipped = len(targets), blocked
        self._arm_report(uow, run.id or 0, len(targets))
        return run

    async def targets(self, uow: UnitOfWork, scope: StaffScope, audience: str, chosen: list[int] | None,
                      author_id: int, lang: str) -> tuple[list[Target], int]:
        """Reachable chats of an audience within `scope` (groups: all, or the `chosen` ones still
        in scope; riders: those who started the bot, the author excepted), and how many were
        skipped because they blocked or removed the bot."""
        targets: list[Target] = []
        blocked = 0
        if audience == "riders":
            for user, is_blocked in await uow.broadcasts.riders(scope.branch_id, scope.everything):
                if user.id == author_id:
                    continue
                if is_blocked:
                    blocked += 1
                else:
                    targets.append(Target(user.id, user.lang or normalize_lang(user.language_code) or lang))
            return targets, blocked
        wanted = set(chosen) if chosen else None
        for chat in await uow.broadcasts.groups(scope.branch_id, scope.everything):
            if wanted is not None and chat.id not in wanted:
                continue
            if chat.blocked:
                blocked += 1
            else:
                targets.append(Target(chat.id, lang))
        return targets, blocked

    def local(self, when: datetime | None) -> str:
        """A moment as the branch reads it: local date and time."""
        return when.astimezone(self.cases.tz).strftime("%Y-%m-%d %H:%M") if when else ""

    def _arm_report(self, uow: UnitOfWork, run_id: int, pending: int) -> None:
        """A short stored check of the run, after the commit: about when the sender should be
        through what is still pending (the sender paces at `rate` messages a second)."""
        delay = min(REPORT_MAX, max(REPORT_MIN, pending / self.rate))
        when = self.clock() + timedelta(seconds=delay)
        after_commit(uow, lambda: self.jobs.at(f"bc-report:{run_id}", "bc-report", run_id, when=when,
                                               grace=REPORT_GRACE))

    async def report(self, uow: UnitOfWork, run_id: int) -> None:
        """The stored check: re-armed while messages of the run are pending, then the
        delivery report to the author, once."""
        run = await uow.broadcasts.run(run_id)
        if run is None or run.reported:
            return
        counts, last_sent = await uow.broadcasts.delivery(f"bc:{run_id}:")
        pending = counts.pop("pending", 0)
        if pending:
            self._arm_report(uow, run_id, pending)
            return
        b = await uow.broadcasts.get(run.broadcast_id)
        run.reported, run.finished_at = True, last_sent or self.clock()
        if b is None:
            return
        if b.status == "sending":
            b.status = "done"
        sent = counts.pop("sent", 0) + counts.pop("merged", 0)
        blocked = counts.pop("blocked", 0) + run.skipped
        seconds = max(0.0, (run.finished_at - run.started_at).total_seconds())
        enqueue(uow, Notice(b.author_id, "bc-report", b.lang, priority=PRIORITY_CONVERSATION,
                            dedupe_key=f"bc-report:{run_id}",
                            payload={"id": b.id, "sent": sent, "failed": sum(counts.values()),
                                     "blocked": blocked, "seconds": f"{seconds:.1f}",
                                     "recurring": b.status == "recurring"}))

    # --- helpers --------------------------------------------------------------------
    def scope(self, user: User) -> StaffScope:
        scope = staff_scope(self.cases, user)
        if scope is None:
            raise BroadcastError("bc-err-not-staff")
        return scope

    async def chosen(self, uow: UnitOfWork, scope: StaffScope, selectors: list[str]) -> list[int]:
        """Group ids for selectors (a chat id or part of a group's name) within scope."""
        groups = await uow.broadcasts.groups(scope.branch_id, scope.everything)
        if not groups:
            raise BroadcastError("bc-err-no-groups")
        chosen: list[int] = []
        for sel in selectors:
            hits = _match_groups(groups, sel)
            if not hits:
                raise BroadcastError("bc-err-group-unknown", group=sel,  # the list, in the reader's words
                                     groups=[[c.title or "", c.id] for c in groups[:20]])
            chosen += [c.id for c in hits if c.id not in chosen]
        return chosen


def parse_audience(key: str, value: str) -> tuple[str, list[str] | None]:
    """`groups=all|<id or name part>,…`, or `to=all|riders|<groups>`."""
    v = normalize(value)
    if v in GROUP_WORDS or not v:
        return "groups", None
    if v in RIDER_WORDS and key not in GROUP_KEYS:  # groups=riders names a group, not riders
        return "riders", None
    return "groups", [s.strip() for s in re.split(r"[,，、]", value) if s.strip()]


def _match_groups(groups: list[Chat], sel: str) -> list[Chat]:
    if re.fullmatch(r"-?\d+", sel):
        return [c for c in groups if c.id == int(sel)]
    needle = normalize(sel)
    return [c for c in groups if needle and needle in normalize(c.title or "")]


# A broadcast is the author's own words to many chats, so the negative list works differently
# here: a phone number, e-mail address or WeChat/QQ handle is often the point (a service desk, the secretary's
# own number) and goes out as written, with a warning on the preview; an ID or bank card, a
# plate or a home address never belongs in a message to groups and is masked before the
# preview, which is exactly what recipients get. A contact record ("报名联系人：王书记 138…，地址：党群服务中心")
# is the author's contact person and venue, not a customer's name and home: it goes out as written too.
CONTACT_KINDS = frozenset({"mobile", "landline", "contact_number", "email", "wechat", "wechat_wxid", "qq",
                           "record_name", "record_name_said", "record_address"})


def screened(body: Body) -> tuple[Body, int]:
    """`body` with every piece of personal data but contacts masked, and how many were."""
    hits = [h for h in find(body.html) if h.kind not in CONTACT_KINDS]
    if not hits:
        return body, 0
    return replace(body, html=mask(body.html, kinds={h.kind for h in hits})), len(hits)


def _check_body(body: Body) -> None:
    if not body.html.strip() and not body.photo:
        raise BroadcastError("bc-err-empty")
    if body.length > body.limit:
        raise BroadcastError("bc-err-too-long", length=body.length, limit=body.limit)
