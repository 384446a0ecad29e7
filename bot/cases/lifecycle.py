"""The case lifecycle: one table of (status, action) -> rule. Pure; no I/O.

Everything a case may go through, and who may move it, is in `TABLE`, so the
buttons (`allowed_actions`), the checks (`decide`) and the docs cannot drift
apart. Storage and chat are the caller's job: `decide` returns a `Transition`
that says what to write and whether to announce it.

Choices made here (the brief left them open):

* **"reopen" is an action, not a status.** A reporter who says "not fixed"
  sends a resolved case back to ``in_progress`` and ``reopens`` goes up by one;
  the transition's payload names the department so the count can be held
  against it. A separate "reopened" status would only duplicate in_progress.
* **Transfers (首问负责制).** ``transfer_request`` moves the case to
  ``transferred`` with ``pending_department`` set, but ``department`` (the
  owner) does not change until the target accepts. A decline returns the case
  to the owner in the status it had before the request (``before_transfer``,
  which the caller reads from the event log): a ``new`` case the owner never
  accepted stays ``new`` with its response clock running, since nobody accepted
  it (issue 17: a decline used to mark it ``accepted``); an ``in_progress`` one
  keeps its progress. Only when that status is unknown (old data) does it land in
  ``accepted``, the owner being responsible under 首问负责制. Every
  *request* counts toward the limit (``MAX_TRANSFERS`` = 2), accepted or not,
  so two departments cannot ping-pong a case; after that only the secretary
  moves it (``assign``, ``reject``, ``cannot_fix`` ...). ``assign`` is the
  secretary's decision, not a bounce, and does not count.
* **assign** also works on ``in_progress`` and ``transferred`` cases (the
  brief said new/accepted): the secretary must be able to settle a case once
  the transfer limit is reached. On anything past ``new`` it lands in
  ``accepted`` under the new owner, who then starts it.
* **Secretaries and superadmins may do every department action**: today the
  departments sit behind the secretary (see docs/domain.md), who acts for them.
  Only the reporter confirms or reopens; only the system auto-closes.
* **announce** is true whenever something the reporter can see changes: the
  status, the owning department, or a progress note (notes are the feedback
  whose absence makes reports "sink like stones"). A no-op assign is not
  announced. An assign to the department that already owns the case (no transfer pending) is
  refused (``case-err-already-assigned``): it would change nothing. Mask notes with
  `bot.privacy.mask` before showing them.
* **Open** means not final: new, accepted, in_progress, transferred and
  resolved (a resolved case awaits the reporter and can still be reopened).

Branch scope is NOT checked here: the caller computes `Actor.roles` relative to
the case (e.g. "secretary" only for the secretary *of the case's branch*,
"department_member" only for a member of the owning department,
"target_department_member" for a member of the pending one). `actor_for` does
that from plain facts. The one check made here is that "reporter" is honoured
only when `Actor.user_id` is the case's reporter.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, Callable, Iterable

from bot.typed import typed_key
from bot.refusals import Refused

from .numbers import format_case_no, parse_case_no

# --- statuses ---------------------------------------------------------------
NEW = "new"
ACCEPTED = "accepted"
IN_PROGRESS = "in_progress"
RESOLVED = "resolved"
CLOSED = "closed"
REJECTED = "rejected"
DUPLICATE = "duplicate"
TRANSFERRED = "transferred"
CLOSED_NOT_FIXED = "closed_not_fixed"

STATUSES: tuple[str, ...] = (
    NEW, ACCEPTED, IN_PROGRESS, TRANSFERRED, RESOLVED,
    CLOSED, REJECTED, DUPLICATE, CLOSED_NOT_FIXED,
)
OPEN_STATUSES = frozenset({NEW, ACCEPTED, IN_PROGRESS, TRANSFERRED, RESOLVED})
FINAL_STATUSES = frozenset(STATUSES) - OPEN_STATUSES
# The department still owes work (not fixed yet): the deadline reminders, overdue lists, the
# duplicate check and urgent-needs overviews look at these.
UNFINISHED_STATUSES = OPEN_STATUSES - {RESOLVED}
SOLVED_STATUSES = frozenset({RESOLVED, CLOSED})  # fixed: awaiting the reporter's word, or confirmed
NOT_OWED_STATUSES = frozenset({REJECTED, DUPLICATE})  # never a case to fix: no clock counts against anyone
# Before the lifecycle: a voice note's case until a secretary classifies it (bot/voice). No
# action of TABLE applies to it; classifying moves it to NEW, dismissing to REJECTED.
TRIAGE = "triage"
PRE_LIFECYCLE_STATUSES = frozenset({TRIAGE})
# Every status a case can show: the lifecycle's, then the one before it.
SHOWN_STATUSES: tuple[str, ...] = (*STATUSES, TRIAGE)
# Owed an answer or a fix, a report nobody has classified yet included: what the dashboard and
# Open311 call open (a voice report awaiting triage counted as reported but not as open).
OWED_STATUSES = UNFINISHED_STATUSES | PRE_LIFECYCLE_STATUSES
# Somebody still handles it (a department, the reporter's word awaited, a secretary to classify it):
# what the reporter or a follower says about it is passed on (bot.services.answers), and /cases open lists it.
HANDLED_STATUSES = OPEN_STATUSES | PRE_LIFECYCLE_STATUSES
# The lists `/cases` shows, and the words a secretary types for them, in the 12345 hotline's terms
# (办结 = the case is done with; 未办结 = it is not). The one mapping: the handler asks `case_filter`.
# "all" is every status, newest first, as "mine" is for a rider.
# "open" is OPEN_STATUSES (a resolved case waits for the reporter's word, so it is still open) and a
# voice report awaiting triage (it was in no list: neither the secretary who must classify it nor
# the rider who sent it saw it in /cases), "closed" the FINAL_STATUSES, "overdue" the unfinished
# ones past a deadline.
CASE_FILTERS: dict[str, frozenset[str]] = {
    "open": HANDLED_STATUSES, "closed": FINAL_STATUSES, "overdue": UNFINISHED_STATUSES,
    "mine": frozenset(SHOWN_STATUSES), "all": frozenset(SHOWN_STATUSES)}
CASE_FILTER_WORDS: dict[str, tuple[str, ...]] = {
    "open": ("open", "unfinished", "pending", "ongoing", "active", "in progress", "in-progress", "todo", "to do",
             "未办结", "未完成", "未结", "未结案", "未处理", "办理中", "处理中", "在办", "待办", "待处理", "待办理",
             "进行中", "开放", "打开", "未关闭"),
    "closed": ("closed", "done", "finished", "completed", "complete", "concluded", "final",
               "已办结", "已完成", "办结", "已结", "已结案", "结案", "已关闭", "关闭", "完成", "已结束", "结束"),
    "overdue": ("overdue", "late", "past due", "expired", "超期", "逾期", "超时", "已超期", "已逾期", "已超时", "过期"),
    "mine": ("mine", "my", "my cases", "我的", "我上报的", "我报的", "本人"),
    "all": ("all", "everything", "全部", "所有", "全都", "全"),  # "/cases 全部" was an unknown filter
}
_FILTER_BY_WORD = {w: which for which, words in CASE_FILTER_WORDS.items() for w in words}


def case_filter(word: str | None) -> str | None:
    """The `/cases` list a typed word names (`未办结` -> "open"); none given is "open"; None for a
    word that names none (the caller answers with the words it knows)."""
    text = typed_key(word or "").strip("。.!！?？,，、;；:：")  # `未辦結` too; `closed,` as the thumb typed it
    if not text:
        return "open"
    return _FILTER_BY_WORD.get(text) or _FILTER_BY_WORD.get(text.removesuffix("工单").removesuffix("的")) \
        or _FILTER_BY_WORD.get(text.removesuffix(" cases"))


# --- roles (relative to one case; see module docstring) ---------------------
RIDER = "rider"
REPORTER = "reporter"
DEPARTMENT_MEMBER = "department_member"
TARGET_DEPARTMENT_MEMBER = "target_department_member"
SECRETARY = "secretary"
SUPERADMIN = "superadmin"
SYSTEM = "system"
ROLES = frozenset({RIDER, REPORTER, DEPARTMENT_MEMBER, TARGET_DEPARTMENT_MEMBER,
                   SECRETARY, SUPERADMIN, SYSTEM})

_ADMIN = frozenset({SECRETARY, SUPERADMIN})
_STAFF = _ADMIN | {DEPARTMENT_MEMBER}
_TARGET = _ADMIN | {TARGET_DEPARTMENT_MEMBER}
_REPORTER = frozenset({REPORTER})
_SYSTEM = frozenset({SYSTEM})

MAX_TRANSFERS = 2
AUTO_CLOSE_AFTER = timedelta(hours=72)

# --- actions, in button order -----------------------------------------------
ACTIONS: tuple[str, ...] = (
    "accept", "assign", "start", "note", "resolve", "confirm", "reopen",
    "auto_close", "transfer_request", "transfer_accept", "transfer_decline",
    "mark_duplicate", "reject", "cannot_fix",
)

# what each action is called in the event log (fits CaseEvent.kind, 32 chars)
EVENT_KINDS: dict[str, str] = {
    "accept": "accepted", "assign": "assigned", "start": "started",
    "note": "noted", "resolve": "resolved", "confirm": "confirmed",
    "reopen": "reopened", "auto_close": "auto_closed",
    "transfer_request": "transfer_requested",
    "transfer_accept": "transfer_accepted",
    "transfer_decline": "transfer_declined",
    "mark_duplicate": "marked_duplicate", "reject": "rejected",
    "cannot_fix": "closed_not_fixed",
}

# timeline events whose note is the case's place (given where it was missing, or corrected by the
# reporter): shown outside the reporter's chat as the place itself is (bot.privacy.shareable_place)
PLACE_ADDED = "location"
PLACE_CORRECTED = "location_corrected"
PLACE_EVENTS = frozenset({PLACE_ADDED, PLACE_CORRECTED})


# --- message keys (rendered by the Fluent catalogue; bot/locales/*/cases.ftl)
ERR_ILLEGAL = "case-err-illegal"
# ... and the step the actor may take now, as the command to type (bot.services.cases)
ERR_ILLEGAL_NEXT = "case-err-illegal-next"
ERR_NOT_PERMITTED = "case-err-not-permitted"
# staff acting on a case they may know of that is not in their scope (bot.services.cases.acting)
ERR_NOT_YOURS = "case-err-not-yours"
ERR_REASON_REQUIRED = "case-err-reason-required"
ERR_NOTE_REQUIRED = "case-err-note-required"
ERR_DEPARTMENT_REQUIRED = "case-err-department-required"
ERR_MASTER_REQUIRED = "case-err-master-required"
ERR_MASTER_INVALID = "case-err-master-invalid"
ERR_MASTER_SELF = "case-err-master-self"  # a valid number: the case itself
ERR_TRANSFER_LIMIT = "case-err-transfer-limit"
ERR_TRANSFER_SAME = "case-err-transfer-same-department"
ERR_NO_OWNER = "case-err-no-owner"
ERR_ALREADY_ASSIGNED = "case-err-already-assigned"
ERR_STAFF_ONLY = "case-err-staff-only"
# confirm / reopen by anyone but the case's reporter: whose word it is, and what they may do instead
ERR_REPORTER_ONLY = "case-err-reporter-only"


def event_key(event_kind: str) -> str:
    """Message key announcing an event, e.g. "case-ev-transfer-requested"."""
    return "case-ev-" + event_kind.replace("_", "-")


# --- errors -------------------------------------------------------------------
class CaseError(Refused):
    """A refused action. `key` is a stable message key; `params` feed the message (a `Refused`
    whose status and action codes the renderer names in words)."""

    default_key = "case-err"

    def __init__(self, key: str | None = None, *, status: str | None = None,
                 action: str | None = None, **params: Any) -> None:
        self.key = key or self.default_key
        self.status = status
        self.action = action
        self.params: dict[str, Any] = {
            k: v for k, v in {"status": status, "action": action, **params}.items()
            if v is not None
        }
        Exception.__init__(self, f"{self.key} {self.params}")


class IllegalTransition(CaseError):
    """The action does not exist for the case's status (or at all)."""
    default_key = ERR_ILLEGAL


class NotPermitted(CaseError):
    """The action exists for this status, but not for this actor."""
    default_key = ERR_NOT_PERMITTED


class MissingInput(CaseError):
    """A mandatory reason, note, department or master case is missing."""
    default_key = ERR_REASON_REQUIRED


class InvalidInput(CaseError):
    """An input is present but unusable (bad master number, same department)."""
    default_key = ERR_MASTER_INVALID


class TransferLimitReached(CaseError):
    """`MAX_TRANSFERS` requests used up: the secretary must decide."""
    default_key = ERR_TRANSFER_LIMIT


# --- values ---------------------------------------------------------------------
@dataclass(frozen=True)
class CaseSnapshot:
    """The part of a case the rules look at."""

    status: str
    department: str | None
    pending_department: str | None
    transfers: int
    reopens: int
    reporter_id: int
    branch_id: int | None = None
    # The status the case had when its pending transfer was requested (from the event log):
    # where a decline returns it. None when unknown or no transfer is pending.
    before_transfer: str | None = None


@dataclass(frozen=True)
class Actor:
    """Who acts, with roles already computed relative to the case."""

    user_id: int | None
    roles: frozenset[str]

    @classmethod
    def system(cls) -> "Actor":
        return cls(None, frozenset({SYSTEM}))


@dataclass(frozen=True)
class Transition:
    """What `decide` allows: write `changes` to the case, log the event, maybe announce.

    `changes` holds only CaseSnapshot fields that change (``status`` included
    when it changes), so `apply` and an UPDATE can use it directly. `payload`
    carries the event's content (note, photo, master, departments) for the
    event log and the announcement.
    """

    action: str
    from_status: str
    to_status: str
    changes: dict[str, Any]
    payload: dict[str, Any]
    event_kind: str
    announce: bool
    announce_key: str

    @property
    def status_changed(self) -> bool:
        return self.from_status != self.to_status


@dataclass(frozen=True)
class Rule:
    """One row of the table. `to_status` None means "unchanged"."""

    to_status: str | None
    roles: frozenset[str]
    requires: tuple[str, ...] = ()   # of: "reason", "note", "department", "master"


# --- the table -------------------------------------------------------------------
# Where a transfer may be requested from, hence where a decline may return the case to.
TRANSFERABLE_STATUSES = frozenset({NEW, ACCEPTED, IN_PROGRESS})
_ACTIVE = (ACCEPTED, IN_PROGRESS)
_UNFINISHED = sorted(UNFINISHED_STATUSES)


def _rows(statuses: Iterable[str], action: str, rule: Rule) -> dict[tuple[str, str], Rule]:
    return {(s, action): rule for s in statuses}


TABLE: dict[tuple[str, str], Rule] = {
    **_rows([NEW], "accept", Rule(ACCEPTED, _STAFF)),
    **_rows([NEW], "assign", Rule(None, _ADMIN, ("department",))),
    **_rows([ACCEPTED, IN_PROGRESS, TRANSFERRED], "assign",
            Rule(ACCEPTED, _ADMIN, ("department",))),
    **_rows([ACCEPTED], "start", Rule(IN_PROGRESS, _STAFF)),
    **_rows(sorted(OPEN_STATUSES), "note", Rule(None, _STAFF, ("note",))),
    **_rows(_ACTIVE, "resolve", Rule(RESOLVED, _STAFF, ("note",))),
    **_rows([RESOLVED], "confirm", Rule(CLOSED, _REPORTER)),
    **_rows([RESOLVED], "reopen", Rule(IN_PROGRESS, _REPORTER)),
    **_rows([RESOLVED], "auto_close", Rule(CLOSED, _SYSTEM)),
    **_rows(sorted(TRANSFERABLE_STATUSES), "transfer_request",
            Rule(TRANSFERRED, _STAFF, ("department",))),
    **_rows([TRANSFERRED], "transfer_accept", Rule(ACCEPTED, _TARGET)),
    **_rows([TRANSFERRED], "transfer_decline", Rule(ACCEPTED, _TARGET, ("reason",))),
    **_rows(_UNFINISHED, "mark_duplicate", Rule(DUPLICATE, _STAFF, ("master",))),
    **_rows(_UNFINISHED, "reject", Rule(REJECTED, _ADMIN, ("reason",))),
    **_rows(_ACTIVE, "cannot_fix", Rule(CLOSED_NOT_FIXED, _STAFF, ("reason",))),
}

# What a case's reporter may do (confirm, reopen); every other action of a person is staff's: a
# user with no staff role at all is told so before any case is looked up (the answer then says
# nothing of whether the case exists).
REPORTER_ACTIONS = frozenset(action for (_, action), rule in TABLE.items() if REPORTER in rule.roles)
STAFF_ACTIONS = frozenset(action for (_, action), rule in TABLE.items() if rule.roles & _STAFF) - REPORTER_ACTIONS

# Nobody has taken the case yet (its response clock runs): the statuses a department accepts from.
WAITING_STATUSES = frozenset(s for (s, action) in TABLE if action in ("accept", "transfer_accept"))

_MISSING_KEYS = {
    "reason": ERR_REASON_REQUIRED, "note": ERR_NOTE_REQUIRED,
    "department": ERR_DEPARTMENT_REQUIRED, "master": ERR_MASTER_REQUIRED,
}


# --- helpers ---------------------------------------------------------------------
def is_open(status: str) -> bool:
    """True until the case is final (closed, rejected, duplicate, closed_not_fixed)."""
    return status in OPEN_STATUSES


def auto_close_due(resolved_at: datetime, now: datetime) -> bool:
    """Whether a resolved case has waited long enough for `auto_close`."""
    return now - resolved_at >= AUTO_CLOSE_AFTER


def actor_for(case: CaseSnapshot, user_id: int | None, *, departments: Iterable[str] = (),
              is_rider: bool = False, is_secretary: bool = False,
              is_superadmin: bool = False) -> Actor:
    """Roles of a user relative to `case`, from facts the caller knows.

    `departments`: codes the user is a member of (RoutingTable.departments_of).
    `is_secretary`: the caller has already checked it is *this case's* branch.
    """
    deps = set(departments)
    roles: set[str] = set()
    if is_rider:
        roles.add(RIDER)
    if user_id is not None and user_id == case.reporter_id:
        roles.add(REPORTER)
    if case.department is not None and case.department in deps:
        roles.add(DEPARTMENT_MEMBER)
    if case.pending_department is not None and case.pending_department in deps:
        roles.add(TARGET_DEPARTMENT_MEMBER)
    if is_secretary:
        roles.add(SECRETARY)
    if is_superadmin:
        roles.add(SUPERADMIN)
    return Actor(user_id, frozenset(roles))


def _roles(case: CaseSnapshot, actor: Actor) -> frozenset[str]:
    """Actor roles, minus "reporter" when the actor is not this case's reporter."""
    if REPORTER in actor.roles and (actor.user_id is None or actor.user_id != case.reporter_id):
        return actor.roles - {REPORTER}
    return actor.roles


# Who hears "only the reporter" as staff: told how the reporter's word comes, not to report it again.
_CASE_STAFF = frozenset({SECRETARY, SUPERADMIN, DEPARTMENT_MEMBER, TARGET_DEPARTMENT_MEMBER})


def reporter_only(action: str, actor: Actor | None = None, where: str | None = None) -> NotPermitted:
    """The refusal of the reporter's word (confirm, reopen) said by somebody else: a rider is told to
    report it again if it is theirs too; the case's staff (its secretary, a superadmin, its department)
    how the reporter's word comes ("如果你也遇到了这个问题，直接在群里再报一次" was said to a secretary).
    `where`: where the case's steps are seen, from where the rider asks (CaseService.told_where)."""
    who = "staff" if actor is not None and actor.roles & _CASE_STAFF else "rider"
    return NotPermitted(ERR_REPORTER_ONLY, action=action, verb=action, who=who, **({"where": where} if where else {}))


def _rule(case: CaseSnapshot, action: str, actor: Actor) -> Rule:
    """The applicable rule, or the error saying why there is none (state first; but the reporter's
    word, confirm or reopen, said by anyone else is theirs in any status: "工单当前状态为“待受理”，
    不能执行“确认已解决”" told a secretary it might be hers later)."""
    rule = TABLE.get((case.status, action))
    if rule is None and action in REPORTER_ACTIONS and REPORTER not in _roles(case, actor):
        raise reporter_only(action, actor)
    if rule is None:
        raise IllegalTransition(status=case.status, action=action)
    if not (_roles(case, actor) & rule.roles):
        if rule.roles == _REPORTER:  # the reporter's word (confirm, reopen): say whose it is
            raise reporter_only(action, actor)
        raise NotPermitted(status=case.status, action=action)
    if action == "transfer_request":
        if case.department is None:
            raise IllegalTransition(ERR_NO_OWNER, status=case.status, action=action)
        if case.transfers >= MAX_TRANSFERS:
            raise TransferLimitReached(status=case.status, action=action,
                                       transfers=case.transfers, limit=MAX_TRANSFERS)
    return rule


def check(case: CaseSnapshot, action: str, actor: Actor) -> None:
    """Raises what `decide` would say of `action` by `actor` before it reads the action's inputs:
    the status first ("工单当前状态为“待确认”，不能执行…"), then the permission. Asking for an input
    (a reply prompt, department buttons) is refused with the same words as the action itself."""
    _rule(case, action, actor)


def roles_settle(case: CaseSnapshot, action: str, actor: Actor) -> bool:
    """True when no further role could change what `decide` says of `action` by `actor`: the
    action does not exist in this status (refused whatever the roles), or the roles `actor` has
    already permit it. `decide` looks at roles only for the permission and, for an accept, at
    "secretary"/"superadmin", which a department membership never adds; so a caller may leave
    the actor's department memberships unread (a query) when this holds without them."""
    rule = TABLE.get((case.status, action))
    return rule is None or bool(_roles(case, actor) & rule.roles)


def allowed_actions(case: CaseSnapshot, actor: Actor) -> list[str]:
    """Actions `actor` may try now, in button order (inputs are asked for later)."""
    allowed = []
    for action in ACTIONS:
        try:
            _rule(case, action, actor)
        except CaseError:
            continue
        allowed.append(action)
    return allowed


def _clean(text: str | None) -> str | None:
    text = text.strip() if text else None
    return text or None


def _said(text: str | None) -> str | None:
    """A note or reason that says something, else None: "。", "？？？", "…" or "👍" alone is no
    reason to tell a reporter (it would read "已处理完毕：。"), so it is asked for as a missing one."""
    text = _clean(text)
    return text if text is not None and any(ch.isalnum() for ch in text) else None


# --- effects: snapshot changes beyond `status`, per action -----------------------
Effect = Callable[[CaseSnapshot, dict[str, Any]], dict[str, Any]]


def _set_department(case: CaseSnapshot, p: dict[str, Any]) -> dict[str, Any]:
    return {"department": p["department"], "pending_department": None}


def _transfer_request(case: CaseSnapshot, p: dict[str, Any]) -> dict[str, Any]:
    return {"pending_department": p["department"], "transfers": case.transfers + 1}


def _transfer_accept(case: CaseSnapshot, p: dict[str, Any]) -> dict[str, Any]:
    return {"department": case.pending_department, "pending_department": None}


def _reopen(case: CaseSnapshot, p: dict[str, Any]) -> dict[str, Any]:
    return {"reopens": case.reopens + 1}


def _drop_pending(case: CaseSnapshot, p: dict[str, Any]) -> dict[str, Any]:
    return {"pending_department": None}


_EFFECTS: dict[str, Effect] = {
    "accept": _set_department,
    "assign": _set_department,
    "transfer_request": _transfer_request,
    "transfer_accept": _transfer_accept,
    "transfer_decline": _drop_pending,
    "reject": _drop_pending,          # a pending transfer dies with the case
    "mark_duplicate": _drop_pending,
    "reopen": _reopen,
}


def decide(case: CaseSnapshot, action: str, actor: Actor, *, note: str | None = None,
           department: str | None = None, master: str | None = None,
           photo: str | None = None) -> Transition:
    """Check `action` on `case` by `actor` and return what it changes.

    Raises (all `CaseError`, each with a stable `key`), in this order:
    IllegalTransition (no such action in this status, or no owner to transfer
    from), NotPermitted, TransferLimitReached, MissingInput, InvalidInput.
    `note` is the reason for reject / cannot_fix / transfer_decline, the
    resolution note for resolve, the text for note, optional elsewhere.
    `photo` (a file id) is kept for resolve. `department` is a department code;
    whether it exists is the caller's (routing table's) business.
    """
    rule = _rule(case, action, actor)
    roles = _roles(case, actor)
    note = _said(note)
    department = _clean(department)

    if action == "accept":
        if department is not None and department != case.department and not (roles & _ADMIN):
            # a department accepts for itself; only the secretary routes elsewhere
            raise NotPermitted(status=case.status, action=action, department=department)
        department = department or case.department

    given = {"reason": note, "note": note, "department": department, "master": master}
    required = rule.requires + (("department",) if action == "accept" else ())
    for need in required:
        if not given[need]:
            raise MissingInput(_MISSING_KEYS[need], status=case.status, action=action)

    payload: dict[str, Any] = {}
    if action == "mark_duplicate":
        master_no = parse_case_no(master)
        if master_no is None:
            raise InvalidInput(ERR_MASTER_INVALID, status=case.status, action=action,
                               master=master)
        payload["master"] = format_case_no(master_no)
    if action == "transfer_request":
        if department == case.department:
            raise InvalidInput(ERR_TRANSFER_SAME, status=case.status, action=action,
                               department=department)
        payload.update(from_department=case.department, to_department=department)
    if action == "transfer_accept":
        payload.update(from_department=case.department, to_department=case.pending_department)
    if action == "transfer_decline":
        payload.update(from_department=case.department,
                       declined_by=case.pending_department)
    if action == "assign" and department == case.department and case.pending_department is None:
        # nothing would change but a line in the timeline, and an "announced" nobody hears (issue 17);
        # with a transfer pending it is the secretary keeping the case where it is: that one goes through
        raise InvalidInput(ERR_ALREADY_ASSIGNED, status=case.status, action=action, department=department)
    if action in ("accept", "assign"):
        payload.update(from_department=case.department, to_department=department)
    if action == "reopen":
        payload["department"] = case.department   # counted against this department
    if note is not None:
        payload["note"] = note
    if action == "resolve" and photo:
        payload["photo"] = photo

    to_status = rule.to_status or case.status
    if action == "transfer_decline" and case.before_transfer in TRANSFERABLE_STATUSES:
        to_status = case.before_transfer  # back to where it was: nobody accepted anything
    proposed: dict[str, Any] = {"status": to_status}
    effect = _EFFECTS.get(action)
    if effect is not None:
        proposed.update(effect(case, {"department": department}))
    changes = {k: v for k, v in proposed.items() if getattr(case, k) != v}

    kind = EVENT_KINDS[action]
    return Transition(
        action=action,
        from_status=case.status,
        to_status=to_status,
        changes=changes,
        payload=payload,
        event_kind=kind,
        announce=bool(changes) or action == "note",
        announce_key=event_key(kind),
    )


def apply(case: CaseSnapshot, transition: Transition) -> CaseSnapshot:
    """The snapshot after `transition` (what the caller will have stored)."""
    return replace(case, **transition.changes)
