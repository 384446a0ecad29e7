"""Moving cases through their lifecycle, and telling everyone concerned, every time.

The rules (who may do what, from which status) live in bot.cases.lifecycle; this
service loads the case, works out the actor's roles *relative to this case*
(branch scope included), applies the transition, audits it and queues the
announcements: a reply to the original report in its chat, a private message to
the reporter, and the same to everyone who reported the same problem.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo

from bot.buttons import CaseAction, CaseConfirm, ProposeFromCase, encode
from bot.cases import (CaseError, CaseSnapshot, InvalidInput, RoutingTable, actor_for,
                       allowed_actions, decide, format_case_no, parse_case_no)
from bot.cases.numbers import shown_case_no
from bot.cases.departments import resolve_department
from bot.cases.lifecycle import (CASE_FILTERS, ERR_ALREADY_ASSIGNED, ERR_ILLEGAL, ERR_ILLEGAL_NEXT, ERR_NOT_YOURS, ERR_MASTER_SELF, ERR_STAFF_ONLY,
                                 FINAL_STATUSES, PLACE_EVENTS, REPORTER_ACTIONS, STAFF_ACTIONS, UNFINISHED_STATUSES, Actor, IllegalTransition, NotPermitted, Transition,
                                 TransferLimitReached, reporter_only, roles_settle)
from bot.commands import Who, command_for
from bot.domain import PRIORITY_CONVERSATION, Awarder, IncomingMessage, Notice
from bot.i18n import normalize_lang
from bot.services.people import known_branches, own_lang
from bot.services.privately import reachable
from bot.outbox import enqueue
from bot.privacy import mask, shareable_place, shareable_point
from bot.services import case_awards, case_clocks as clocks, case_handovers as handovers, case_transfers as transfers
from bot.services.case_labels import category_named, labels_of, urgency_named
from bot.services.case_dialogs import CHOICE_KIND, STAMP_FIELDS, settle_dialogs, state_stamp
from storage.models import Case, Correction, User, as_utc, utcnow
from storage.repositories.cases import Followers
from storage.uow import UnitOfWork

SUPERADMIN, SECRETARY = "superadmin", "secretary"


# events the reporter caused: their own private chat tells them in the second person
OWN_EVENT_KEYS = frozenset({"case-ev-confirmed", "case-ev-reopened"})


class CaseNotFound(CaseError):
    default_key = "case-err-not-found"


@dataclass(frozen=True, slots=True)
class Scope:
    """What a user may see: everything, one branch, some departments, or their own reports.

    A department membership holds in every branch (`departments`: the routing config's members,
    or a superadmin's grant) or in one (`branch_departments`: (department, branch) pairs, a
    secretary's grant). Ask `departments_in(case.branch_id)` which apply to a case."""

    user_id: int
    superadmin: bool
    branch_id: int | None
    departments: frozenset[str]
    branch_departments: frozenset[tuple[str, int]] = frozenset()

    def departments_in(self, branch_id: int | None) -> frozenset[str]:
        """The departments this user acts for on a case of `branch_id`."""
        if branch_id is None or not self.branch_departments:
            return self.departments
        return self.departments | {d for d, b in self.branch_departments if b == branch_id}

    @property
    def staff(self) -> bool:
        """A superadmin, a secretary or a department member (of any scope)."""
        return self.superadmin or self.branch_id is not None or bool(self.departments or self.branch_departments)


@dataclass(frozen=True, slots=True)
class GroupView:
    """The cases a group may be told of: those reported in it, and those of the branch it is bound to.
    An unbound group (or a chat the bot has no record of) belongs to no branch and holds only what was
    reported in it: a case of no branch reported elsewhere (a rider's private report, another unbound
    group's) is a stranger's there, and its card, place and words must not reach that group. Every
    answer given in a group holds to it, whoever asks (a card, a list, an action and its receipt, a
    rider's "whose word this is"): staff whose scope spans branches (a department, a superadmin)
    included, so another branch's case reads there as a number nobody reported.
    `CaseService.asked_in_group` makes one."""

    chat_id: int
    branch_id: int | None

    def holds(self, case: Case) -> bool:
        return case.chat_id == self.chat_id or (self.branch_id is not None and case.branch_id == self.branch_id)


RECATEGORIZE = "recategorize"  # /recat: a secretary's fix of the classifier's labels, no lifecycle action


class CaseService:
    def __init__(self, routing: RoutingTable, superadmins: frozenset[int], tz: tzinfo,
                 clock: Callable[[], datetime] = utcnow, points: Awarder | None = None,
                 default_lang: str = "zh") -> None:
        self.routing = routing
        self.default_lang = default_lang  # a staff alert's language when the staff member's is unknown
        self.superadmins = superadmins
        self.tz = tz
        self.clock = clock
        self.points = points  # the points bank: what a transition earns the reporter (case_awards)

    def local(self, when: datetime | None) -> str:
        return when.astimezone(self.tz).strftime("%m-%d %H:%M") if when else ""

    # --- who ------------------------------------------------------------------------
    def is_superadmin(self, user: User) -> bool:
        return user.id in self.superadmins or user.role == SUPERADMIN

    async def may_use(self, uow: UnitOfWork, user: User, who: Who) -> bool:
        """Whether `user` is among `who` (bot.commands.Who: a command's users): a superadmin may use
        every command; a branch's commands (broadcasts, surveys, needs) are a secretary's, not a
        department member's, as the services that run them decide (broadcasts.staff_scope)."""
        if who is Who.ANYONE or self.is_superadmin(user):
            return True
        if who is Who.SUPERADMIN:
            return False
        if who is Who.SECRETARY:
            return self.is_secretary(user)
        return (await self.scope(uow, user)).staff

    @staticmethod
    def is_secretary(user: User) -> bool:
        """A branch's secretary (their role and branch as granted)."""
        return user.role == SECRETARY and user.branch_id is not None

    async def scope(self, uow: UnitOfWork, user: User) -> Scope:
        """`known_scope` with the department grants made in the bot added."""
        known = self.known_scope(user)
        everywhere = set(known.departments)
        per_branch: set[tuple[str, int]] = set()
        for dept, branch_id in await uow.users.department_grants(user.id):
            if branch_id is None:
                everywhere.add(dept)
            else:
                per_branch.add((dept, branch_id))
        return replace(known, departments=frozenset(everywhere), branch_departments=frozenset(per_branch))

    def known_scope(self, user: User) -> Scope:
        """The scope from what is known without a query: the user's row and the routing file (no
        department grants made in the bot). Never wider than `scope`, which adds to it."""
        branch = user.branch_id if user.role == SECRETARY else None
        return Scope(user.id, self.is_superadmin(user), branch, frozenset(self.routing.departments_of(user.id)))

    async def actor(self, uow: UnitOfWork, user: User, case: Case) -> Actor:
        return self.actor_in(await self.scope(uow, user), case)

    def actor_in(self, scope: Scope, case: Case) -> Actor:
        return actor_for(snapshot(case), scope.user_id, departments=scope.departments_in(case.branch_id),
                         is_rider=True, is_secretary=scope.branch_id is not None and scope.branch_id == case.branch_id,
                         is_superadmin=scope.superadmin)

    @staticmethod
    async def asked_in_group(uow: UnitOfWork, user: User, chat_id: int | None) -> GroupView | None:
        """The group a command, a button or a question about a case came from (`GroupView`: which cases
        it holds), or None when it came privately (the user's own chat) or from nowhere (a web page,
        the bot itself): there the user's scope alone decides."""
        if chat_id is None or chat_id == user.id:
            return None
        chat = await uow.chats.get(chat_id)
        return GroupView(chat_id, chat.branch_id if chat is not None else None)

    async def held_where_asked(self, uow: UnitOfWork, user: User, case: Case, chat_id: int | None) -> bool:
        """Whether `case` may be named where `user` asks (`chat_id`): privately (or from nowhere)
        always; in a group, when the group holds it (`asked_in_group`)."""
        group = await self.asked_in_group(uow, user, chat_id)
        return group is None or group.holds(case)

    async def require_in_group(self, uow: UnitOfWork, user: User, case: Case, chat_id: int | None,
                               named: str | None = None) -> None:
        """Refuses `case`, named in a group (`chat_id`) that does not hold it (`held_where_asked`), as
        a number nobody reported (CaseNotFound; `named`: the number as typed)."""
        if not await self.held_where_asked(uow, user, case, chat_id):
            raise CaseNotFound(number=shown_case_no(named) if named is not None else number(case))

    async def acting(self, uow: UnitOfWork, user: User, case: Case, action: str,
                     asked_in: int | None = None) -> Actor:
        """`user`'s roles on `case` for `action`, once they may see it (CaseNotFound otherwise: scope
        before state). Their department grants are read only when the answer can depend on them:
        the case's reporter confirming, the branch's secretary or a superadmin moving it, or an
        action this status does not have, are decided by the user's row alone (a grant only ever
        adds to what a user may see and do). The reporter's word (confirm, reopen) said by another
        rider who knows of the case (`known_to`: asked in its group or its branch's, or privately by
        one of its branch or who follows it) is told whose word it is (ERR_REPORTER_ONLY), whatever
        its status; any other case reads as none. Asked in a group (`asked_in`), a case the group does
        not hold (`GroupView`: another branch's) reads as none to everyone, first."""
        await self.require_in_group(uow, user, case, asked_in)
        known = self.known_scope(user)
        if self.can_view(known, case):
            actor = self.actor_in(known, case)
            if roles_settle(snapshot(case), action, actor):
                return actor
        scope = await self.scope(uow, user)
        if not self.can_view(scope, case):
            if action in REPORTER_ACTIONS and await self.known_to(uow, user, case, asked_in):
                # where this case's steps are seen, as seen from where asked
                raise reporter_only(action, where=self.told_where(case, asked_in))
            if (action not in REPORTER_ACTIONS and scope.departments_in(case.branch_id)
                    and await self.known_to(uow, user, case, asked_in)):
                # a member of another department of the case's branch, on a case they may know of (its
                # group's): not theirs, whose it is untold ('找不到工单' answered one the group had just
                # been shown); another branch's staff still hear of no case
                raise NotPermitted(ERR_NOT_YOURS, action=action, number=number(case))
            raise CaseNotFound(number=number(case))  # nothing of it is told
        return self.actor_in(scope, case)

    async def known_to(self, uow: UnitOfWork, user: User, case: Case, asked_in: int | None) -> bool:
        """Whether a rider outside `case`'s scope may learn that it exists: asked in a group
        (`asked_in`), when the group holds it (`GroupView`: reported there, or of that group's branch;
        the group heard it, or may see its branch's board); asked privately (or nowhere known), when it belongs to a branch the
        bot knows them in (people.known_branches) or they follow it ("+1"). Another branch's case
        never: a refusal tells nothing of other branches."""
        group = await self.asked_in_group(uow, user, asked_in)
        if group is not None:
            return group.holds(case)
        if case.branch_id is not None and case.branch_id in await known_branches(uow, user):
            return True
        return any(w.user_id == user.id for w in await uow.cases.watchers(case.id or 0))

    async def require_staff(self, uow: UnitOfWork, user: User, action: str) -> None:
        """Refuses a staff action (`STAFF_ACTIONS`: all but the reporter's confirm and reopen; and
        `/recat`, RECATEGORIZE, which a rider's "找不到工单" answered for a case in his own group) to a
        user with no staff role anywhere (NotPermitted, ERR_STAFF_ONLY), before any case is looked
        up: a rider typing `/accept C-000123` learns what the command is for, and the same answer
        for every number (nothing of whether that case exists). Staff go on to `acting`, which
        decides per case."""
        if (action in STAFF_ACTIONS or action == RECATEGORIZE) and not await self.is_staff(uow, user):
            raise NotPermitted(ERR_STAFF_ONLY, action=action)

    async def is_staff(self, uow: UnitOfWork, user: User) -> bool:
        """Whether `user` is a superadmin, a secretary or a department member anywhere (`Scope.staff`);
        the department grants are read only when the user's row names no role."""
        return self.known_scope(user).staff or (await self.scope(uow, user)).staff

    def can_view(self, scope: Scope, case: Case) -> bool:
        return (scope.superadmin or case.reporter_id == scope.user_id
                or (scope.branch_id is not None and scope.branch_id == case.branch_id)
                or bool({case.department, case.pending_department} & scope.departments_in(case.branch_id)))

    async def find_in_scope(self, uow: UnitOfWork, user: User, number: str | None,
                            asked_in: int | None = None) -> Case:
        """The case numbered `number` if `user` may see it (and, named in a group, `asked_in`, if that
        group holds it: `GroupView`). Any other case raises the very same CaseNotFound as a number
        nobody reported: a refusal reveals nothing of it."""
        case = await self.find(uow, number)
        await self.require_in_group(uow, user, case, asked_in, number)
        if not self.can_view(await self.scope(uow, user), case):
            raise CaseNotFound(number=shown_case_no(number))
        return case

    @staticmethod
    def told_in(case: Case, chat_id: int, is_private: bool) -> bool:
        """Whether `chat_id` is the group where `case` was reported: that group heard its every
        change, so anyone in it may see its public card there (masked, as the group saw it)."""
        return not is_private and case.chat_id == chat_id

    @staticmethod
    def told_where(case: Case, asked_in: int | None) -> str:
        """Where `case`'s every step is posted for all to see, as said to someone asking in `asked_in`:
        "here" (the group where it was reported), "group" (another group: the one where it was
        reported), or "private" (reported in the reporter's own chat: only they hear it)."""
        if case.chat_id == case.reporter_id:
            return "private"
        return "here" if asked_in == case.chat_id else "group"

    async def find_to_show(self, uow: UnitOfWork, user: User, number: str | None, chat_id: int,
                           is_private: bool) -> Case:
        """/case: the case numbered `number` if `user` may see it (find_in_scope), or if it was
        reported in the group where they ask (told_in). Any other case raises the very same
        CaseNotFound as a number nobody reported. Asked in a group, a case the group does not hold
        (`GroupView`: another branch's) is such a case even to staff who may see it (a department or a
        superadmin spanning branches): its card, place and words were posted to another branch's group."""
        case = await self.find(uow, number)
        await self.require_in_group(uow, user, case, None if is_private else chat_id, number)
        if self.told_in(case, chat_id, is_private) or self.can_view(await self.scope(uow, user), case):
            return case
        raise CaseNotFound(number=shown_case_no(number))

    # --- what -----------------------------------------------------------------------
    async def find(self, uow: UnitOfWork, number: str | None) -> Case:
        case_id = parse_case_no(number)
        case = await uow.cases.get(case_id) if case_id else None
        if case is None:
            raise CaseNotFound(number=shown_case_no(number))
        return case

    @staticmethod
    async def replied_to(uow: UnitOfWork, msg: IncomingMessage) -> Case | None:
        """The case of the group message `msg` replies to: the bot's message about it, or the rider's
        message that reported it (or was folded into it); None in private, or for any other message.
        The case is this group's own (its messages are here): a command naming it so is held to the
        group as one naming its number."""
        if msg.is_private or msg.reply_to_id is None:
            return None
        if msg.reply_to_bot:
            return await uow.cases.of_bot_message(msg.chat_id, msg.reply_to_id)
        return await uow.cases.of_report(msg.chat_id, msg.reply_to_id)

    async def act(self, uow: UnitOfWork, user: User | None, case: Case, action: str, *,
                  note: str | None = None, department: str | None = None, master: str | None = None,
                  photo: str | None = None, pressed: tuple[int, int] | None = None,
                  asked_in: int | None = None) -> Transition:
        """Apply `action` (raises CaseError with a message key when refused) and announce it.
        `pressed`: (chat id, message id) of the dialog whose button made this choice; its own press
        settles it, the other open dialogs of the case are settled here. `asked_in`: the chat the
        command or button came from (what a refusal may tell: `acting`)."""
        actor = Actor.system() if user is None else await self.acting(uow, user, case, action, asked_in)  # scope first
        if department is not None:  # a display name, its head or a prefix, or the code
            department = resolve_department(self.routing, department, action=action, number=number(case))
        master_case = None
        if action == "mark_duplicate":
            master_case = await self.find(uow, master) if user is None else \
                await self.find_in_scope(uow, user, master, asked_in)
            if master_case.id == case.id:  # a real number, so not "not a case number"
                raise InvalidInput(ERR_MASTER_SELF, action=action, number=shown_case_no(master))
        seen = snapshot(case)
        if action == "transfer_decline":  # a decline returns the case to where the request found it
            seen = replace(seen, before_transfer=await self.before_transfer(uow, case))
        try:
            t = decide(seen, action, actor, note=note, department=department,
                       master=master, photo=photo)
        except TransferLimitReached:
            await transfers.limit_hit(self, uow, case)  # the refusal commits with this note
            raise
        except IllegalTransition as e:
            if e.key == ERR_ILLEGAL:  # not possible in this status: the step the actor may take now
                _with_next_step(e, seen, actor, number(case))
            raise
        except InvalidInput as e:
            if e.key == ERR_ALREADY_ASSIGNED:  # named as the reader calls it, in their language
                e.params["department"] = {lang: self.department_name(department, lang) for lang in ("zh", "en")}
            raise
        now = self.clock()
        stamp = state_stamp(case)
        changes = dict(t.changes)
        if action == "resolve":
            changes.update(resolved_at=now, resolution_photo=photo)
        if t.to_status in FINAL_STATUSES and t.status_changed:
            changes["closed_at"] = now
        if master_case is not None:
            changes["master_id"] = master_case.id
        changes.update(clocks.on_transition(case, t, now, self.routing), updated_at=now)
        # one UPDATE now (the first thing the transaction writes), which also says whether a department
        # dialog of the case was sent, when the dialogs may go out of date (settle_dialogs below), and
        # (where the database can) reads whom the announcement goes to
        pending = case.pending_department  # a transfer request this transition may end
        moved = await uow.cases.update(case, changes, sent_kind=CHOICE_KIND if STAMP_FIELDS & changes.keys() else None,
                                       followers=t.announce)
        # an assign's line names the department it went to (the timeline said only "指派 → 待受理")
        logged = t.payload.get("note") or (t.payload.get("to_department") if action == "assign" else None)
        uow.cases.log(case, t.event_kind, actor.user_id, logged, from_status=t.from_status)
        if t.announce:
            await self.announce(uow, case, t.announce_key, t.payload, resolved=action == "resolve",
                                heard=moved.followers)
        if master_case is not None:
            uow.cases.watch(master_case, case.reporter_id, case.chat_id, case.message_id, case.lang,
                            case.thread_id)
        if self.points is not None:  # in this transaction: the awards commit with the transition, or neither
            await case_awards.on_transition(self.points, uow, case, t, actor)
        await transfers.on_transition(self, uow, case, t, user, actor, pending)
        await handovers.on_transition(self, uow, case, t, user, actor)
        if state_stamp(case) != stamp:  # open department dialogs were for the old state
            await settle_dialogs(uow, case, (user.first_name or str(user.id)) if user else "—",
                                 f"case-status-{case.status}", skip=pressed, any_sent=moved.sent)
        return t

    async def before_transfer(self, uow: UnitOfWork, case: Case) -> str | None:
        """The status the pending transfer request found the case in (its event's `from_status`)."""
        requests = [e for e in await uow.cases.events(case.id or 0) if e.kind == "transfer_requested"]
        return requests[-1].from_status if requests else None

    async def card(self, uow: UnitOfWork, case: Case, chat_id: int, lang: str, actor: Actor, *,
                   reply_to: int | None, thread_id: int | None) -> None:
        """The case card: facts, timeline, and the buttons this user may press. An answer to who asked:
        in their forum topic (`thread_id`; None: the General one), not the case's."""
        own = chat_id == case.reporter_id  # the reporter's own private chat: their words as written
        shown: Callable[[str], str] = (lambda s: s) if own else mask
        events = [{"kind": e.kind, "at": self.local(e.created_at),
                   "note": self.event_note(case, e.kind, e.note, lang, own=own)}
                  for e in await uow.cases.events(case.id or 0)]
        payload = {"status": case.status, "category": case.category, "urgency": case.urgency,
                   "location": case.location if own else shareable_place(case.location, case.text),
                   "place_hidden": bool(case.location),
                   **pin_payload(case.lat, case.lon, case.location, case.text, own=own),
                   "text": shown(case.text), "department": self.department_name(case.department, lang),
                   "due": self.local(case.due_at), "overdue": _overdue(case, self.clock()),
                   "fix_due": self.local(case.fix_due_at),
                   "events": events[-12:], "buttons": self.buttons_for(case, actor), "thread_id": thread_id}
        enqueue(uow, Notice(chat_id, "case-card", lang, payload=payload, reply_to=reply_to,
                            priority=PRIORITY_CONVERSATION, case=case))

    async def send_list(self, uow: UnitOfWork, user: User, which: str, chat_id: int, lang: str, *,
                        reply_to: int | None, group: int | None = None) -> None:
        """/cases open|closed|overdue|mine|all (lifecycle.CASE_FILTERS) within the user's scope (a rider
        sees their own: open, closed, or all of them). Asked in a `group`, only the cases it holds
        (`GroupView`: that group's branch's): the group's riders read the list, and a department or superadmin's scope spans branches
        (a lighting member's '/cases 我的' in 朝阳's group listed Haidian's cases there)."""
        scope = await self.scope(uow, user)
        statuses = tuple(sorted(CASE_FILTERS[which]))
        if which == "mine" and (scope.departments or scope.branch_departments):
            # a department member's own cases are what their department holds (or is offered), open first
            which, found = "dept", await self._department_cases(uow, scope)
        elif which == "mine" or not scope.staff:
            mine = {"mine": (), "all": (), "closed": statuses}.get(which, tuple(sorted(CASE_FILTERS["open"])))
            found = await uow.cases.listing(reporter_id=user.id, statuses=mine)
        else:
            found = await uow.cases.listing(
                branch_id=scope.branch_id, departments=scope.departments or None,
                branch_departments=scope.branch_departments or None,
                statuses=statuses,
                overdue_at=self.clock() if which == "overdue" else None,
                everything=scope.superadmin)
        here = await self.asked_in_group(uow, user, group)
        if here is not None:
            found = [c for c in found if here.holds(c)]
        items = [{"number": number(c), "category": c.category, "status": c.status, "urgency": c.urgency,
                  "due": self.local(running_due(c)), "overdue": _overdue(c, self.clock()),
                  "incoming": c.pending_department is not None
                  and c.pending_department in scope.departments_in(c.branch_id)}
                 for c in found]
        enqueue(uow, Notice(chat_id, "case-list", lang, payload={"which": which, "cases": items},
                            reply_to=reply_to, priority=PRIORITY_CONVERSATION))

    async def _department_cases(self, uow: UnitOfWork, scope: Scope, limit: int = 20) -> list[Case]:
        """The cases the departments of `scope` hold or are offered (in the branches they act in):
        the open ones (newest first), then the closed ones, `limit` in all."""
        found: list[Case] = []
        for statuses in (CASE_FILTERS["open"], FINAL_STATUSES):
            if len(found) < limit:
                found += await uow.cases.listing(departments=scope.departments or None,
                                                 branch_departments=scope.branch_departments or None,
                                                 statuses=tuple(sorted(statuses)), limit=limit - len(found))
        return found

    async def recategorize(self, uow: UnitOfWork, user: User, case: Case, category: str,
                           urgency: str | None, asked_in: int | None = None) -> None:
        """A secretary fixes the classifier's labels; the fix becomes a training example. Asked in a
        group that does not hold the case (`GroupView`), it reads as none."""
        await self.require_in_group(uow, user, case, asked_in)
        scope = await self.scope(uow, user)
        if not self.can_view(scope, case):
            raise CaseNotFound(number=number(case))
        if not (scope.superadmin or (scope.branch_id is not None and scope.branch_id == case.branch_id)):
            raise NotPermitted(action=RECATEGORIZE)
        # as typed: a code or the label the bot shows (`积水内涝 紧急`), bot/services/case_labels
        code, level = category_named(category), urgency_named(urgency) if urgency is not None else None
        if code is None:
            raise InvalidInput("case-err-bad-category", label=category[:40])
        if urgency is not None and level is None:
            raise InvalidInput("case-err-bad-urgency", label=urgency[:40])
        category = code
        case.category, case.urgency = category, level or case.urgency
        if case.status == "new":  # not yet owned: route it afresh, the clock still from the report
            self.route_new(case)
        uow.cases.log(case, "recategorized", user.id, f"{category} {case.urgency}")
        uow.cases.add_correction(Correction(case_id=case.id, text=case.text, category=category,
                                            urgency=case.urgency, actor_id=user.id))

    def buttons_for(self, case: Case, actor: Actor) -> list[list[tuple[str, str]]]:
        """Inline buttons (label key, callback data): short ids only, well under 64 bytes."""
        actions = [a for a in allowed_actions(snapshot(case), actor) if a != "auto_close"]
        row = [(f"case-action-{a}", encode(CaseAction(case.id or 0, a))) for a in actions]
        rows = [row[i:i + 3] for i in range(0, len(row), 3)]
        if case.category == "suggestion" and actor.roles & {SECRETARY, SUPERADMIN}:  # 小哥议事会
            rows.append([("dl-btn-from-case", encode(ProposeFromCase(case.id or 0)))])
        return rows

    # --- telling --------------------------------------------------------------------
    async def announce(self, uow: UnitOfWork, case: Case, key: str, payload: dict[str, object], *,
                       resolved: bool = False, heard: Followers | None = None) -> None:
        """The reporter's thread, the reporter privately, and every watcher, in their language.
        `heard`: the case's followers as already read in this unit of work (else they are read)."""
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
        confirm = [[("case-action-confirm", encode(CaseConfirm(case.id or 0, True))),
                    ("case-action-reopen", encode(CaseConfirm(case.id or 0, False)))]]
        # the reporter (unless this unit of work has them already) comes with the watchers: one read
        reporter = uow.users.held(case.reporter_id)
        if heard is None and reporter is None and case.id is not None:
            heard = await uow.cases.watchers_and(case.id, case.reporter_id)
        if heard is not None and reporter is None:
            reporter = heard.reporter
            if reporter is not None:
                uow.users.hold(reporter, reporter.id)
        elif heard is None:
            reporter = reporter or await uow.users.get(case.reporter_id)
        watchers = heard.watchers if heard is not None else None
        # a reporter the bot cannot write to privately (never started it, or blocked it) answers
        # the resolution in the group: its message carries the confirm buttons there. Other news goes
        # to a started reporter's private chat even if they blocked the bot: refused, it is sent again
        # when they are back (people.set_reachable), and no step but this one pays for the chat's read
        private_ok = reporter is not None and (await reachable(uow, reporter) if resolved else reporter.started)
        # (chat, forum topic, reply to, language, confirm buttons, followers to mention): one message
        # per group topic and change, in reply to the first report there, naming the followers (not
        # one per follower); a follower whose report is in another topic hears it in that topic
        targets: list[tuple[int, int | None, int | None, str, bool, list[int]]] = [
            (case.chat_id, case.thread_id, case.message_id, case.lang,
             resolved and (not private_ok or case.chat_id == case.reporter_id), [])]
        if private_ok and reporter is not None and case.chat_id != case.reporter_id:
            targets.append((case.reporter_id, None, None, reporter.lang or normalize_lang(reporter.language_code)
                            or case.lang, resolved, []))
        privates = {case.reporter_id}  # private chats: no thread to reply to, so the case is named
        by_topic = {(chat_id, thread): i for i, (chat_id, thread, *_rest) in enumerate(targets)}
        for w in watchers if watchers is not None else await uow.cases.watchers(case.id or 0):
            if w.user_id == case.reporter_id:
                continue
            topic = (w.chat_id, None if w.chat_id == w.user_id else w.thread_id)
            if topic in by_topic:
                if w.chat_id != w.user_id:  # a group topic already hearing it: mention the follower there
                    targets[by_topic[topic]][5].append(w.user_id)
                continue
            by_topic[topic] = len(targets)
            targets.append((w.chat_id, topic[1], w.message_id, w.lang, False,
                            [] if w.chat_id == w.user_id else [w.user_id]))
            if w.chat_id == w.user_id:
                privates.add(w.chat_id)
        names = {u.id: u.first_name for u in await uow.users.many({i for *_x, ids in targets for i in ids})}
        for chat_id, thread, reply_to, lang, with_buttons, followers in targets:
            body = dict(args(lang, chat_id), photo=photo, buttons=confirm if with_buttons else None,
                        mentions=[[i, names.get(i) or str(i)] for i in followers] or None, thread_id=thread)
            if chat_id in privates:
                body.update(context(case, own=chat_id == case.reporter_id))
            if chat_id == case.reporter_id and key in OWN_EVENT_KEYS:  # the rider's own act: "you", not "the reporter"
                body["key"] = f"{key}-own"
            enqueue(uow, Notice(chat_id, "case-event", lang, payload=body, reply_to=reply_to,
                                priority=PRIORITY_CONVERSATION, case=case))

    async def alert(self, uow: UnitOfWork, case: Case, key: str, *, departments: bool = False,
                    staff: bool = False, department: str | None = None, dedupe: str | None = "",
                    extra: dict[str, object] | None = None, skip: int | None = None,
                    fallback: bool = True) -> None:
        """A private note about `case` to its department's members (or those of `department`)
        and/or the branch secretaries and superadmins (those who have started the bot), each
        once per key. A department nobody can be reached in falls back to the branch secretary
        (the superadmins when the case has no branch), so no reminder goes to nobody; `fallback`
        False: a note only the department's own members need (a case it no longer has) goes to
        nobody instead. `skip`: who made the change, not told what they just did. `dedupe`: what
        tells this note from the key's earlier ones (a reminder's round); None for a note a
        transition causes, which its one commit queues once: no key, so a case moved A → B → A
        within a second tells A twice, as it happened."""
        ids: set[int] = set()
        dept_code = department or case.department
        unstaffed = False
        if (departments or department) and dept_code:
            members = await self.members(uow, dept_code, case.branch_id)
            unstaffed = not await uow.users.reachable(members)
            ids |= members
            if unstaffed and fallback:
                ids |= await self.fallback(uow, case)
        if staff:
            ids |= set(self.superadmins) | set(await uow.users.staff_ids(case.branch_id))
        ids -= {skip}
        for user in await uow.users.reachable(ids):
            lang = own_lang(user, self.default_lang)  # staff read their own language, not the case's
            more = dict(extra or {})
            for code, name in (("from_code", "from"), ("to_code", "to")):  # departments by name, in `lang`
                if code in more:
                    more[name] = self.department_name(more.pop(code), lang)
            enqueue(uow, Notice(user.id, "case-alert", lang, case=case, priority=PRIORITY_CONVERSATION,
                                dedupe_key=(f"case:{case.id}:{key}{dedupe}:{user.id}"
                                            if case.id and dedupe is not None else None),
                                payload={"key": key, "category": case.category, "urgency": case.urgency,
                                         "location": shareable_place(case.location, case.text),
                                         "place_hidden": bool(case.location), "text": mask(case.text),
                                         "due": self.local(case.due_at), "fix_due": self.local(case.fix_due_at),
                                         "department": self.department_name(dept_code, lang),
                                         "unstaffed": unstaffed, **self.clocks(case.urgency), **more}))

    async def hear_from(self, uow: UnitOfWork, case: Case, user: User, text: str, dedupe: str) -> None:
        """Words the reporter (or a rider who follows the case) said about an open `case` in reply to
        the bot's message about it ("是靠近垃圾桶那根" to the department's "哪根灯杆？", "还是不亮"):
        its timeline keeps them and whoever handles it hears them, masked (its department's members,
        else the branch secretary). They used to be heard by nobody."""
        own = user.id == case.reporter_id
        uow.cases.touch(case)
        uow.cases.log(case, "reporter_added" if own else "follower_added", user.id, text[:500])
        await self.alert(uow, case, "case-reporter-added" if own else "case-follower-added",
                         departments=True, staff=case.department is None, dedupe=dedupe,
                         extra={"note": mask(text)})

    async def members(self, uow: UnitOfWork, department: str, branch_id: int | None) -> set[int]:
        """Who acts for `department` in `branch_id`: members in the routing file and those
        granted in the bot for that branch (or for every branch)."""
        dept = self.routing.departments.get(department)
        return set(dept.members if dept else ()) | set(await uow.cases.members_of(department, branch_id))

    async def fallback(self, uow: UnitOfWork, case: Case) -> set[int]:
        """Who hears what an unstaffed department would: the branch's secretaries, or the
        superadmins for a case outside any branch."""
        ids = set(await uow.users.staff_ids(case.branch_id)) if case.branch_id is not None else set()
        return ids or set(self.superadmins) | set(await uow.users.staff_ids(None))

    def clocks(self, urgency: str) -> dict[str, int]:
        """The configured times, in seconds, for texts to quote: to respond and to fix."""
        return {"respond_s": int(self.routing.deadline(urgency).total_seconds()),
                "fix_s": int(self.routing.resolve_deadline(urgency).total_seconds())}

    def event_note(self, case: Case, kind: str, note: str | None, lang: str, *, own: bool = False) -> str:
        """A timeline event's note as shown: an assign's department by its name, a recategorisation's
        category and urgency by theirs; in the reporter's
        own chat (`own`) the words as written; elsewhere a place event's note as the place itself is
        shown (shareable_place), any other note masked (bot.privacy: the negative list)."""
        if kind == "assigned" and note and note in self.routing.departments:
            return self.department_name(note, lang)
        if kind == "recategorized" and note:  # stored as codes ("lighting urgent"): shown in words
            return labels_of(note, lang)
        if not note or own:
            return note or ""
        return shareable_place(note, case.text) if kind in PLACE_EVENTS else mask(note)

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
        case.fix_due_at = case.created_at + self.routing.resolve_deadline(case.urgency)


ABOUT_CHARS = 30


def context(case: Case, *, own: bool) -> dict[str, object]:
    """What a private update needs to say which case it is about: a short description and
    the place (as written for the reporter; masked, and no home, for anyone else)."""
    text = case.text if own else mask(case.text)
    text = " ".join(text.split())
    about = text if len(text) <= ABOUT_CHARS else text[:ABOUT_CHARS - 1] + "…"
    place = (case.location or "") if own else shareable_place(case.location, case.text)
    return {"about": about, "place": place, **pin_payload(case.lat, case.lon, case.location, case.text, own=own)}


def pin_payload(lat: float | None, lon: float | None, place: str | None, text: str, *,
                own: bool) -> dict[str, float | None]:
    """A pin for a notice's payload ({"lat", "lon"}, None when not shown): as given in the
    reporter's own chat, else as any shared pin is (bot.privacy.shareable_point)."""
    point = (lat, lon) if own and lat is not None and lon is not None else shareable_point(lat, lon, place, text)
    return {"lat": point[0], "lon": point[1]} if point else {"lat": None, "lon": None}


def running_due(case: Case) -> datetime | None:
    """The deadline of the clock that runs now: the response deadline until somebody answered the
    report, then the resolution deadline (issue 13 B3b: an accepted case listed by its stopped
    response clock looked overdue an hour after an urgent report). Falls back to the response
    deadline when no resolution clock was set."""
    if case.responded_at is not None and case.fix_due_at is not None:
        return case.fix_due_at
    return case.due_at


def _overdue(case: Case, now: datetime) -> bool:
    """Past either clock: nobody accepted in time, or it is not fixed in time."""
    return case.status in UNFINISHED_STATUSES and (
        (case.responded_at is None and case.due_at is not None and as_utc(case.due_at) < now)
        or (case.fix_due_at is not None and as_utc(case.fix_due_at) < now))


# The steps that move a case forward, in the order a department takes them: the first the actor may
# take now is named when what they tried does not fit the case's status.
_FORWARD_STEPS = ("accept", "transfer_accept", "start", "resolve")


def _with_next_step(error: CaseError, seen: CaseSnapshot, actor: Actor, shown: str) -> None:
    """`error` (an action the status does not allow) says the forward step `actor` may take now,
    as the command to type: '/resolve C-1' on a case nobody accepted yet gets '请先受理：/accept C-1'
    (it said only '工单当前状态为“待受理”，不能执行“处理完毕”。')."""
    allowed = allowed_actions(seen, actor)
    step = next((a for a in _FORWARD_STEPS if a in allowed and a != error.action), None)
    name = command_for(step) if step else None
    if step and name:
        error.key = ERR_ILLEGAL_NEXT
        error.params.update(step=step, next=f"/{name} {shown}")


def snapshot(case: Case) -> CaseSnapshot:
    return CaseSnapshot(status=case.status, department=case.department,
                        pending_department=case.pending_department, transfers=case.transfers,
                        reopens=case.reopens, reporter_id=case.reporter_id, branch_id=case.branch_id)


def number(case: Case) -> str:
    return format_case_no(case.id or 0)
