"""Moving cases through their lifecycle, and telling everyone concerned, every time.

The rules (who may do what, from which status) live in bot.cases.lifecycle; this
service loads the case, works out the actor's roles *relative to this case*
(branch scope included), applies the transition, audits it and queues the
announcements: a reply to the original report in its chat, a private message to
the reporter, and the same to everyone who reported the same problem.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo

from bot.cases import (CaseError, CaseSnapshot, InvalidInput, RoutingTable, actor_for,
                       allowed_actions, decide, format_case_no, parse_case_no)
from bot.cases.lifecycle import Actor, NotPermitted, Transition
from bot.intake import CATEGORIES, URGENCIES
from bot.domain import PRIORITY_CONVERSATION, Awarder, Notice
from bot.outbox import enqueue
from bot.privacy import mask, shareable_place
from bot.services import case_awards
from storage.models import Case, Correction, User, utcnow
from storage.uow import UnitOfWork

SUPERADMIN, SECRETARY = "superadmin", "secretary"


class CaseNotFound(CaseError):
    default_key = "case-err-not-found"


@dataclass(frozen=True, slots=True)
class Scope:
    """What a user may see: everything, one branch, some departments, or their own reports."""

    user_id: int
    superadmin: bool
    branch_id: int | None
    departments: frozenset[str]


class CaseService:
    def __init__(self, routing: RoutingTable, superadmins: frozenset[int], tz: tzinfo,
                 clock: Callable[[], datetime] = utcnow, points: Awarder | None = None) -> None:
        self.routing = routing
        self.superadmins = superadmins
        self.tz = tz
        self.clock = clock
        self.points = points  # the points bank: what a transition earns the reporter (case_awards)

    def local(self, when: datetime | None) -> str:
        return when.astimezone(self.tz).strftime("%m-%d %H:%M") if when else ""

    # --- who ------------------------------------------------------------------------
    def is_superadmin(self, user: User) -> bool:
        return user.id in self.superadmins or user.role == SUPERADMIN

    async def scope(self, uow: UnitOfWork, user: User) -> Scope:
        deps = set(self.routing.departments_of(user.id)) | set(await uow.cases.departments_of(user.id))
        branch = user.branch_id if user.role == SECRETARY else None
        return Scope(user.id, self.is_superadmin(user), branch, frozenset(deps))

    async def actor(self, uow: UnitOfWork, user: User, case: Case) -> Actor:
        scope = await self.scope(uow, user)
        return actor_for(snapshot(case), user.id, departments=scope.departments, is_rider=True,
                         is_secretary=scope.branch_id is not None and scope.branch_id == case.branch_id,
                         is_superadmin=scope.superadmin)

    def can_view(self, scope: Scope, case: Case) -> bool:
        return (scope.superadmin or case.reporter_id == scope.user_id
                or (scope.branch_id is not None and scope.branch_id == case.branch_id)
                or bool({case.department, case.pending_department} & scope.departments))

    # --- what -----------------------------------------------------------------------
    async def find(self, uow: UnitOfWork, number: str | None) -> Case:
        case_id = parse_case_no(number)
        case = await uow.cases.get(case_id) if case_id else None
        if case is None:
            raise CaseNotFound(number=(number or "")[:32])
        return case

    async def act(self, uow: UnitOfWork, user: User | None, case: Case, action: str, *,
                  note: str | None = None, department: str | None = None, master: str | None = None,
                  photo: str | None = None) -> Transition:
        """Apply `action` (raises CaseError with a message key when refused) and announce it."""
        actor = Actor.system() if user is None else await self.actor(uow, user, case)
        if department is not None and department not in self.routing.departments:
            raise InvalidInput("case-err-unknown-department", action=action, department=department)
        master_case = None
        if action == "mark_duplicate":
            master_case = await self.find(uow, master)
            if master_case.id == case.id:
                raise InvalidInput("case-err-master-invalid", action=action, master=master)
        t = decide(snapshot(case), action, actor, note=note, department=department,
                   master=master, photo=photo)
        now = self.clock()
        for field, value in t.changes.items():
            setattr(case, field, value)
        if action == "resolve":
            case.resolved_at, case.resolution_photo = now, photo
        if t.to_status in ("closed", "rejected", "duplicate", "closed_not_fixed") and t.status_changed:
            case.closed_at = now
        if master_case is not None:
            case.master_id = master_case.id
        case.updated_at = now
        uow.cases.log(case, t.event_kind, actor.user_id, t.payload.get("note"), from_status=t.from_status)
        if t.announce:
            await self.announce(uow, case, t.announce_key, t.payload, resolved=action == "resolve")
        if master_case is not None:
            uow.cases.watch(master_case, case.reporter_id, case.chat_id, case.message_id, case.lang)
        if self.points is not None:  # in this transaction: the awards commit with the transition, or neither
            await case_awards.on_transition(self.points, uow, case, t, actor)
        return t

    async def card(self, uow: UnitOfWork, case: Case, chat_id: int, lang: str, actor: Actor, *,
                   reply_to: int | None) -> None:
        """The case card: facts, timeline, and the buttons this user may press."""
        own = chat_id == case.reporter_id  # the reporter's own private chat: their words as written
        shown: Callable[[str], str] = (lambda s: s) if own else mask
        events = [{"kind": e.kind, "at": self.local(e.created_at),
                   "note": "" if not e.note else shown(e.note) if own or e.kind != "location"
                   else shareable_place(e.note, case.text)}
                  for e in await uow.cases.events(case.id or 0)]
        payload = {"status": case.status, "category": case.category, "urgency": case.urgency,
                   "location": case.location if own else shareable_place(case.location, case.text),
                   "place_hidden": bool(case.location), "lat": case.lat, "lon": case.lon,
                   "text": shown(case.text), "department": self.department_name(case.department, lang),
                   "due": self.local(case.due_at), "overdue": _overdue(case, self.clock()),
                   "events": events[-12:], "buttons": self.buttons_for(case, actor)}
        enqueue(uow, Notice(chat_id, "case-card", lang, payload=payload, reply_to=reply_to,
                            priority=PRIORITY_CONVERSATION, case=case))

    async def send_list(self, uow: UnitOfWork, user: User, which: str, chat_id: int, lang: str, *,
                        reply_to: int | None) -> None:
        """/cases open|overdue|mine within the user's scope (a rider sees their own)."""
        scope = await self.scope(uow, user)
        open_ = ("new", "accepted", "in_progress", "transferred", "resolved")
        if which == "mine" or not (scope.superadmin or scope.branch_id or scope.departments):
            found = await uow.cases.listing(reporter_id=user.id, statuses=open_ if which != "mine" else ())
        else:
            found = await uow.cases.listing(
                branch_id=scope.branch_id, departments=scope.departments or None,
                statuses=open_[:-1] if which == "overdue" else open_,
                overdue_at=self.clock() if which == "overdue" else None,
                everything=scope.superadmin)
        items = [{"number": number(c), "category": c.category, "status": c.status, "urgency": c.urgency,
                  "due": self.local(c.due_at), "overdue": _overdue(c, self.clock())} for c in found]
        enqueue(uow, Notice(chat_id, "case-list", lang, payload={"which": which, "cases": items},
                            reply_to=reply_to, priority=PRIORITY_CONVERSATION))

    async def recategorize(self, uow: UnitOfWork, user: User, case: Case, category: str,
                           urgency: str | None) -> None:
        """A secretary fixes the classifier's labels; the fix becomes a training example."""
        scope = await self.scope(uow, user)
        if not (scope.superadmin or (scope.branch_id is not None and scope.branch_id == case.branch_id)):
            raise NotPermitted(action="recategorize")
        if category not in CATEGORIES or (urgency is not None and urgency not in URGENCIES):
            raise InvalidInput("case-err-bad-label", category=category, urgency=urgency or "")
        case.category, case.urgency = category, urgency or case.urgency
        if case.status == "new":  # not yet owned: route it afresh, the clock still from the report
            self.route_new(case)
        uow.cases.log(case, "recategorized", user.id, f"{category} {case.urgency}")
        uow.cases.add_correction(Correction(case_id=case.id, text=case.text, category=category,
                                            urgency=case.urgency, actor_id=user.id))

    def buttons_for(self, case: Case, actor: Actor) -> list[list[tuple[str, str]]]:
        """Inline buttons (label key, callback data): short ids only, well under 64 bytes."""
        actions = [a for a in allowed_actions(snapshot(case), actor) if a != "auto_close"]
        row = [(f"case-action-{a}", f"ca:{case.id}:{a}") for a in actions]
        return [row[i:i + 3] for i in range(0, len(row), 3)]

    # --- telling --------------------------------------------------------------------
    async def announce(self, uow: UnitOfWork, case: Case, key: str, payload: dict[str, object], *,
                       resolved: bool = False) -> None:
        """The reporter's thread, the reporter privately, and every watcher, in their language."""
        # A note may be written *to* the reporter (a call-back number): as written in the
        # reporter's own private chat, masked everywhere else (the group, other followers).
        raw_note = str(payload["note"]) if payload.get("note") else ""
        owner = payload.get("to_department") or payload.get("department") or case.department

        def args(lang: str, chat_id: int) -> dict[str, object]:
            note = raw_note if chat_id == case.reporter_id else mask(raw_note)
            return {"key": key, "note": note, "master": payload.get("master", ""),
                    "department": self.department_name(owner, lang),
                    "from": self.department_name(payload.get("from_department"), lang),
                    "to": self.department_name(payload.get("to_department") or payload.get("declined_by"), lang)}

        photo = case.resolution_photo if resolved else None
        confirm = [[("case-action-confirm", f"cf:{case.id}:y"), ("case-action-reopen", f"cf:{case.id}:n")]]
        reporter = await uow.users.get(case.reporter_id)
        private_ok = reporter is not None and reporter.started
        targets: list[tuple[int, int | None, str, bool]] = [
            (case.chat_id, case.message_id, case.lang, resolved and (not private_ok or case.chat_id == case.reporter_id))]
        if private_ok and case.chat_id != case.reporter_id:
            targets.append((case.reporter_id, None, reporter.lang or case.lang, resolved))
        privates = {case.reporter_id}  # private chats: no thread to reply to, so the case is named
        for w in await uow.cases.watchers(case.id):
            targets.append((w.chat_id, w.message_id, w.lang, False))
            if w.chat_id == w.user_id:
                privates.add(w.chat_id)
        seen: set[tuple[int, int | None]] = set()
        for chat_id, reply_to, lang, with_buttons in targets:
            if (chat_id, reply_to) in seen:
                continue
            seen.add((chat_id, reply_to))
            body = dict(args(lang, chat_id), photo=photo, buttons=confirm if with_buttons else None)
            if chat_id in privates:
                body.update(context(case, own=chat_id == case.reporter_id))
            enqueue(uow, Notice(chat_id, "case-event", lang, payload=body, reply_to=reply_to,
                                priority=PRIORITY_CONVERSATION, case=case))

    async def alert(self, uow: UnitOfWork, case: Case, key: str, *, departments: bool = False,
                    staff: bool = False) -> None:
        """A private note about `case` to its department's members and/or the branch secretaries
        and superadmins (those who have started the bot), each once per key."""
        ids: set[int] = set()
        if departments and case.department:
            dept = self.routing.departments.get(case.department)
            ids |= set(dept.members if dept else ()) | set(await uow.cases.members_of(case.department))
        if staff:
            ids |= set(self.superadmins) | set(await uow.users.staff_ids(case.branch_id))
        for user in await uow.users.reachable(ids):
            lang = user.lang or case.lang
            enqueue(uow, Notice(user.id, "case-alert", lang, case=case, priority=PRIORITY_CONVERSATION,
                                dedupe_key=f"case:{case.id}:{key}:{user.id}" if case.id else None,
                                payload={"key": key, "category": case.category, "urgency": case.urgency,
                                         "location": shareable_place(case.location, case.text),
                                         "place_hidden": bool(case.location), "text": mask(case.text),
                                         "due": self.local(case.due_at),
                                         "department": self.department_name(case.department, lang)}))

    def department_name(self, code: object, lang: str) -> str:
        dept = self.routing.departments.get(str(code)) if code else None
        if dept is None:
            return str(code or "")
        return dept.name_zh if lang == "zh" else dept.name_en

    def deadline_for(self, case: Case) -> datetime:
        return self.routing.due_at(case.created_at, case.urgency)

    def route_new(self, case: Case) -> None:
        """Routing defaults for a new case: the department to own it and the response deadline."""
        case.department = self.routing.route(case.category, case.urgency).department
        case.due_at = self.deadline_for(case)


ABOUT_CHARS = 30


def context(case: Case, *, own: bool) -> dict[str, object]:
    """What a private update needs to say which case it is about: a short description and
    the place (as written for the reporter; masked, and no home, for anyone else)."""
    text = case.text if own else mask(case.text)
    text = " ".join(text.split())
    about = text if len(text) <= ABOUT_CHARS else text[:ABOUT_CHARS - 1] + "…"
    place = (case.location or "") if own else shareable_place(case.location, case.text)
    return {"about": about, "place": place, "lat": case.lat, "lon": case.lon}


def _overdue(case: Case, now: datetime) -> bool:
    return case.due_at is not None and case.due_at < now and case.status in (
        "new", "accepted", "in_progress", "transferred")


def snapshot(case: Case) -> CaseSnapshot:
    return CaseSnapshot(status=case.status, department=case.department,
                        pending_department=case.pending_department, transfers=case.transfers,
                        reopens=case.reopens, reporter_id=case.reporter_id, branch_id=case.branch_id)


def number(case: Case) -> str:
    return format_case_no(case.id or 0)
