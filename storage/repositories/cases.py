from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any, NamedTuple, cast

from sqlalchemy import ColumnElement, Select, bindparam, exists, func, inspect, or_, update
from sqlalchemy import select as core_select  # more columns than sqlmodel's select() types
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import (Case, CaseEvent, CaseWatcher, Correction, DepartmentMember, OutboxMessage, PendingReport,
                            User, utcnow)
from storage.deferred import DeferredInserts
from storage.models.core import as_utc
from storage.repositories.base import Repository
from storage.repositories.outbox import sent_about
from storage.tables import table_of


class CaseRef(NamedTuple):
    """Enough of a case to compare places; `case` is set when it is already loaded. A named tuple:
    every report reads its category's recent open cases as these (up to 2,000), and a frozen
    dataclass's `__init__` cost more than reading the row."""

    id: int | None
    created_at: datetime
    location: str | None
    lat: float | None
    lon: float | None
    status: str
    text: str | None
    branch_id: int | None
    case: Case | None

    async def load(self, repo: CaseRepository) -> Case | None:
        """The case itself; None only if it was deleted since it was listed."""
        return self.case or await repo.get(self.id or 0)


class Moved(NamedTuple):
    """What `CaseRepository.update` learnt in its round trip besides writing."""

    sent: bool | None  # a message of the kind asked was sent about the case (None: not asked)
    followers: Followers | None  # its followers, when asked and read in the same statement (PostgreSQL)


@dataclass(frozen=True, slots=True)
class Watcher:
    """A follower of a case, as read: where they hear its news."""

    user_id: int
    chat_id: int
    message_id: int | None
    thread_id: int | None
    lang: str


class Followers(NamedTuple):
    """Who hears a case's news, as stored: its reporter's row (an ORM object; None when there is
    no such user) and its other followers."""

    reporter: User | None
    watchers: list[Watcher]


_CASES, _EVENTS, _WATCHING = table_of(Case), table_of(CaseEvent), table_of(CaseWatcher)
# A follower's row, as `Watcher` takes it
_FOLLOWER = (_WATCHING.c.user_id, _WATCHING.c.chat_id, _WATCHING.c.message_id, _WATCHING.c.thread_id, _WATCHING.c.lang)
_WATCHERS = core_select(*_FOLLOWER).where(_WATCHING.c.case_id == bindparam("p_case_id"))
# Whether a user follows a case: a primary-key read
_FOLLOWS = (core_select(_WATCHING.c.user_id)
            .where(_WATCHING.c.case_id == bindparam("p_case_id"), _WATCHING.c.user_id == bindparam("p_user_id")))
# The case a follower's own report (a duplicate folded into it) follows
_FOLLOWED_FROM = (core_select(_WATCHING.c.case_id)
                  .where(_WATCHING.c.chat_id == bindparam("p_chat_id"),
                         _WATCHING.c.message_id == bindparam("p_message_id"))
                  .order_by(_WATCHING.c.case_id).limit(1))
# The same, and a user (the reporter, an ORM object): the case's row anchors the one row when it has none
_WATCHERS_AND_USER = (core_select(User, *_FOLLOWER)
                      .select_from(_CASES)
                      .outerjoin(User, col(User.id) == bindparam("p_user_id"))
                      .outerjoin(_WATCHING, _WATCHING.c.case_id == _CASES.c.id)
                      .where(_CASES.c.id == bindparam("p_case_id")))
# Built once: the SET columns come from the parameters given (any of the case's columns).
_UPDATE_CASE = update(_CASES).where(_CASES.c.id == bindparam("p_case_id"))
# Whether a message of a kind about the case was sent (as OutboxRepository.sent_of_kind would find one)
_SENT = exists().where(*sent_about(bindparam("p_sent_kind"), bindparam("p_case_id"))).label("sent")
# The UPDATE saying so too: one statement where a transition wrote and read.
_UPDATE_CASE_SENT = _UPDATE_CASE.returning(_SENT)


@lru_cache(maxsize=64)
def _update_with_followers(columns: tuple[str, ...], sent: bool) -> Select[Any]:
    """PostgreSQL: `_UPDATE_CASE` (or `_UPDATE_CASE_SENT`) setting `columns` (bound as `v_<column>`),
    as a data-modifying CTE whose statement reads `_WATCHERS_AND_USER` of the case it updated: the
    write and the read an announcement needs in one round trip. The read sees the followers stored
    before this statement (as a separate read would: a unit of work's new followers wait for its
    commit). Built once per set of columns."""
    moved = (update(_CASES).where(_CASES.c.id == bindparam("p_case_id"))
             .values({c: bindparam(f"v_{c}", type_=_CASES.c[c].type) for c in columns}))
    written = moved.returning(_CASES.c.id.label("case_id"), *([_SENT] if sent else [])).cte("moved")
    return (core_select(written.c.sent if sent else written.c.case_id, User, *_FOLLOWER)
            .select_from(written)
            .outerjoin(User, col(User.id) == bindparam("p_user_id"))
            .outerjoin(_WATCHING, _WATCHING.c.case_id == written.c.case_id))


def _followers(rows: Sequence[Any], first: int) -> Followers:
    """`Followers` from the rows of `_WATCHERS_AND_USER` (or a statement ending as it does), whose
    user is the column `first`: the reporter's row once, a follower per row (none: a NULL)."""
    return Followers(rows[0][first], [Watcher(*row[first + 1:]) for row in rows if row[first + 1] is not None])


# A reporter's latest cases still waiting for their place, as stored: asked of every message
# that names a place (all within the wait, newest first: one may have been given its place earlier in the batch),
# in any chat (a pin sent privately answers a question asked in a group) or in one
_AWAITING_ANYWHERE = (core_select(_CASES.c.id)
                      .where(_CASES.c.reporter_id == bindparam("p_reporter_id"),
                             _CASES.c.awaiting_location.is_(True), _CASES.c.created_at >= bindparam("p_since"))
                      .order_by(_CASES.c.id.desc()))
_AWAITING_LOCATION = _AWAITING_ANYWHERE.where(_CASES.c.chat_id == bindparam("p_chat_id"))
# The same for a batch's senders at once (by the reporter_id of ix_cases_awaiting)
_AWAITING_OF = (core_select(_CASES.c.reporter_id, _CASES.c.chat_id, _CASES.c.id)
                .where(_CASES.c.reporter_id.in_(bindparam("p_reporter_ids", expanding=True)),
                       _CASES.c.awaiting_location.is_(True), _CASES.c.created_at >= bindparam("p_since"))
                .order_by(_CASES.c.id.desc()))
# Light rows of a category's open cases since a time, newest first: for every report's duplicate check
_RECENT_OPEN = (core_select(_CASES.c.id, _CASES.c.created_at, _CASES.c.location, _CASES.c.lat, _CASES.c.lon,
                            _CASES.c.status, _CASES.c.text, _CASES.c.branch_id)
                .where(_CASES.c.category == bindparam("p_category"), _CASES.c.created_at >= bindparam("p_since"),
                       _CASES.c.status.in_(bindparam("p_statuses", expanding=True)))
                .order_by(_CASES.c.id.desc()).limit(bindparam("p_limit")))
_LAST_ACTOR = (core_select(_EVENTS.c.actor_id)
               .where(_EVENTS.c.case_id == bindparam("p_case_id"), _EVENTS.c.kind == bindparam("p_kind"))
               .order_by(_EVENTS.c.id.desc()).limit(1))


class CaseRepository(Repository):
    def __init__(self, session: AsyncSession, deferred: DeferredInserts) -> None:
        super().__init__(session, deferred)
        self._recent: dict[str, list[CaseRef]] = {}  # open cases by category, read once per unit of work
        self._added: list[Case] = []  # cases opened in this unit of work, oldest first
        # the batch's preloaded senders: since when, and per sender {chat: ids of their stored cases awaiting
        # a place, newest first} (an empty dict: preloaded, none waiting)
        self._awaiting: tuple[datetime, dict[int, dict[int, list[int]]]] | None = None

    def add(self, case: Case, actor_id: int | None) -> Case:
        """Insert with its 'reported' event (at commit, with the rest of the batch)."""
        self.session.add(case)
        self._event(case, "reported", None, actor_id, None)
        self._added.append(case)
        return case

    async def chat_moved(self, old_id: int) -> None:
        """After `ChatMoveRepository.move` re-pointed chat `old_id`'s rows in SQL (a group became
        a supergroup): the cases this unit of work holds from that chat are read again, and its
        batch reads of waiting cases are dropped, so the rest of the batch sees the new chat."""
        held = [*self._added, *(v for (model, _), v in self._held.items() if model is Case)]
        for case in {id(c): c for c in held}.values():
            if case.chat_id == old_id:
                await self.session.refresh(case)
        self._awaiting = None

    async def preload_awaiting(self, reporter_ids: set[int], since: datetime) -> None:
        """Read at once which of `reporter_ids` have cases awaiting their place since `since`:
        a polling batch asks this of every message naming a place, one query instead of one each."""
        if not reporter_ids:
            return
        conn = await self.session.connection()
        found: dict[int, dict[int, list[int]]] = {reporter_id: {} for reporter_id in reporter_ids}
        rows = await conn.execute(_AWAITING_OF, {"p_reporter_ids": sorted(reporter_ids), "p_since": since})
        for reporter_id, chat_id, case_id in rows.all():
            found[reporter_id].setdefault(chat_id, []).append(case_id)
        self._awaiting = (since, found)

    async def get(self, case_id: int) -> Case | None:
        return await self.cached(Case, case_id)

    async def awaiting_location(self, reporter_id: int, chat_id: int | None, since: datetime) -> Case | None:
        """The reporter's latest case in `chat_id` (None: in any chat, as a pin sent privately answers
        a question asked in a group) since `since` whose place is still asked for: one opened
        earlier in this unit of work, else a stored one as it stands now (its place may have come
        earlier in the batch). Reads ids without flushing (or none, when the batch preloaded the
        sender: `preload_awaiting`), so the batch's new cases go in together at commit rather than
        one INSERT per message that names a place."""
        def waits(case: Case) -> bool:
            return (case.reporter_id == reporter_id and chat_id in (None, case.chat_id) and case.awaiting_location
                    and as_utc(case.created_at) >= since)
        fresh = [x for x in self._added if waits(x)]
        if fresh:
            return fresh[-1]
        if (chat_id is not None and self._awaiting is not None and self._awaiting[0] <= since
                and reporter_id in self._awaiting[1]):
            stored = self._awaiting[1][reporter_id].get(chat_id, [])
        else:
            conn = await self.session.connection()
            params: dict[str, Any] = {"p_reporter_id": reporter_id, "p_since": since}
            query = _AWAITING_ANYWHERE
            if chat_id is not None:
                query, params["p_chat_id"] = _AWAITING_LOCATION, chat_id
            stored = list((await conn.execute(query, params)).scalars().all())
        for case_id in stored:
            case = await self.get(case_id)
            if case is not None and waits(case):
                return case
        return None

    async def of_bot_message(self, chat_id: int, message_id: int) -> Case | None:
        """The case a message the bot sent in `chat_id` was about (a reply to it is in that case's
        thread), or None when it was about no case (or is not ours)."""
        stmt = (select(OutboxMessage.case_id)
                .where(OutboxMessage.chat_id == chat_id, OutboxMessage.sent_message_id == message_id,
                       col(OutboxMessage.case_id).is_not(None)).limit(1))
        case_id = (await self.session.exec(stmt)).first()
        return await self.get(case_id) if case_id else None

    async def of_report(self, chat_id: int, message_id: int) -> Case | None:
        """The case a rider's message in `chat_id` reported, or was folded into as a duplicate (its
        sender follows the case from that message): a reply to it is about that case; or None."""
        stmt = (select(Case).where(Case.chat_id == chat_id, Case.message_id == message_id)
                .order_by(col(Case.id)).limit(1))
        case = (await self.session.exec(stmt)).first()
        if case is not None:
            return case
        for values, followed in self.deferred.queued(CaseWatcher):  # folded earlier in this unit of work
            if values["chat_id"] == chat_id and values["message_id"] == message_id:
                return cast(Case, followed)
        conn = await self.session.connection()
        case_id = (await conn.execute(_FOLLOWED_FROM, {"p_chat_id": chat_id, "p_message_id": message_id})).scalar()
        return await self.get(case_id) if case_id is not None else None

    async def of_words(self, chat_id: int, text: str, since: datetime) -> Case | None:
        """The latest case reported in `chat_id` since `since` in exactly these words (what a WeCom
        quote of the report gives: its words, not its message), or None."""
        stmt = (select(Case).where(Case.chat_id == chat_id, Case.text == text, col(Case.created_at) >= since)
                .order_by(col(Case.id).desc()).limit(1))
        return (await self.session.exec(stmt)).first()

    async def by_reporter(self, reporter_id: int, limit: int = 10) -> list[Case]:
        stmt = (select(Case).where(Case.reporter_id == reporter_id)
                .order_by(col(Case.id).desc()).limit(limit))
        return list((await self.session.exec(stmt)).all())

    async def latest_lang(self, chat_id: int) -> str | None:
        """The language of the last case reported in `chat_id` (the reporter's): what the chat
        reads, for an answer to someone with no language of their own (an anonymous admin)."""
        stmt = select(Case.lang).where(Case.chat_id == chat_id).order_by(col(Case.id).desc()).limit(1)
        return (await self.session.exec(stmt)).first()

    async def update(self, case: Case, values: dict[str, Any], *, sent_kind: str | None = None,
                     followers: bool = False) -> Moved:
        """Set `values` on `case` and write them with one UPDATE of those columns, at once: no
        unit-of-work flush to find what changed. The object then holds them as stored, so they
        are not written again. A case not yet stored takes them as attributes (its INSERT
        carries them), and nothing is read.

        With `sent_kind`, the same statement says whether a message of that kind about the case
        was sent (`Moved.sent`: True or False, as `OutboxRepository.sent_of_kind` finds one or
        none); None when not asked, or nothing was written (then ask the usual way).
        With `followers`, on PostgreSQL the same round trip reads them too (`Moved.followers`, as
        `watchers_and` gives them; None elsewhere: read them so when they are needed)."""
        if case.id is None or inspect(case).persistent is False:
            for field, value in values.items():
                setattr(case, field, value)
            return Moved(None, None)
        conn = await self.session.connection()
        sent: bool | None = None
        heard: Followers | None = None
        if followers and conn.dialect.name == "postgresql":
            params = {f"v_{k}": v for k, v in values.items()}
            params.update(p_case_id=case.id, p_user_id=values.get("reporter_id", case.reporter_id), p_sent_kind=sent_kind)
            with self.session.no_autoflush:  # the read is by keys: none of the pending rows matter
                statement = _update_with_followers(tuple(sorted(values)), sent_kind is not None)
                rows = (await self.rows(statement, params)).all()
            if rows:
                sent = bool(rows[0][0]) if sent_kind is not None else None
                heard = _followers(rows, 1)
        elif sent_kind is None:
            await conn.execute(_UPDATE_CASE, {"p_case_id": case.id, **values})
        else:
            row = (await conn.execute(_UPDATE_CASE_SENT, {"p_case_id": case.id, "p_sent_kind": sent_kind,
                                                          **values})).first()
            sent = bool(row[0]) if row is not None else None
        for field, value in values.items():
            set_committed_value(case, field, value)
        return Moved(sent, heard)

    async def last_actor(self, case_id: int, kind: str) -> int | None:
        """Who caused the case's latest stored event of `kind` (None: the system, or no such event)."""
        conn = await self.session.connection()
        row = (await conn.execute(_LAST_ACTOR, {"p_case_id": case_id, "p_kind": kind})).first()
        return row[0] if row else None

    def touch(self, case: Case) -> None:
        case.updated_at = utcnow()
        self.session.add(case)

    def log(self, case: Case, kind: str, actor_id: int | None, note: str | None = None,
            from_status: str | None = None) -> None:
        """Audit one change; `from_status` defaults to the current one (no status change)."""
        self._event(case, kind, from_status or case.status, actor_id, note)

    def _event(self, case: Case, kind: str, from_status: str | None, actor_id: int | None,
               note: str | None) -> None:
        self.deferred.add(CaseEvent, {"kind": kind, "from_status": from_status, "to_status": case.status,
                                      "actor_id": actor_id, "note": note, "created_at": utcnow()}, case)

    async def events(self, case_id: int) -> list[CaseEvent]:
        stmt = select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(col(CaseEvent.id))
        return list((await self.session.exec(stmt)).all())

    def watch(self, case: Case, user_id: int, chat_id: int, message_id: int | None, lang: str,
              thread_id: int | None = None) -> None:
        """Follow `case` (its reporter and existing watchers need no row); `thread_id` is the
        forum topic of the follower's report, where they hear the case's news."""
        if user_id != case.reporter_id:  # following twice is following once
            self.deferred.add(CaseWatcher, {"user_id": user_id, "chat_id": chat_id, "message_id": message_id,
                                            "thread_id": thread_id, "lang": lang, "created_at": utcnow()},
                              case, idempotent=True)

    async def follows(self, case: Case, user_id: int) -> bool:
        """Whether `user_id` already hears `case`'s news: its reporter, or a follower stored or
        queued in this unit of work. One primary-key read, not the follower list (a broken
        light on a busy road gathers hundreds, and this runs for each new duplicate report)."""
        if case.reporter_id == user_id:
            return True
        if any(v["user_id"] == user_id and (c is case or (c.id is not None and c.id == case.id))
               for v, c in self.deferred.queued(CaseWatcher)):
            return True
        if case.id is None:
            return False
        conn = await self.session.connection()
        found = await conn.execute(_FOLLOWS, {"p_case_id": case.id, "p_user_id": user_id})
        return found.first() is not None

    async def watchers(self, case_id: int) -> list[Watcher]:
        """The case's stored followers (read at every announcement: plain rows, no ORM objects)."""
        conn = await self.session.connection()
        return [Watcher(*row) for row in (await conn.execute(_WATCHERS, {"p_case_id": case_id})).all()]

    async def watchers_and(self, case_id: int, user_id: int) -> Followers | None:
        """`watchers` and the user `user_id` (the reporter, as `UserRepository.get` would give them)
        in one read; None when the case is not stored: nothing was read then, and the caller asks
        for each the usual way."""
        with self.session.no_autoflush:  # as a primary-key read: none of the pending rows matter
            rows = (await self.session.exec(_WATCHERS_AND_USER,  # type: ignore[call-overload]
                                            params={"p_case_id": case_id, "p_user_id": user_id})).all()
        if not rows:
            return None
        return _followers(rows, 0)

    async def members_of(self, department: str, branch_id: int | None, *, any_branch: bool = False) -> list[int]:
        """Members of `department` who act for it in `branch_id` (their membership is for that
        branch or for every branch); with `any_branch`, its members in every branch."""
        in_branch: ColumnElement[bool] = col(DepartmentMember.branch_id).is_(None)
        if branch_id is not None:
            in_branch = or_(in_branch, col(DepartmentMember.branch_id) == branch_id)
        stmt = select(DepartmentMember.user_id).where(DepartmentMember.department == department)
        if not any_branch:
            stmt = stmt.where(in_branch)
        return list(set((await self.session.exec(stmt)).all()))

    async def listing(self, *, branch_id: int | None = None, departments: frozenset[str] | None = None,
                      branch_departments: frozenset[tuple[str, int]] | None = None,
                      reporter_id: int | None = None, statuses: tuple[str, ...] = (),
                      overdue_at: datetime | None = None, everything: bool = False,
                      limit: int = 20) -> list[Case]:
        """Cases in a scope (any of the given branch, departments in every branch, (department,
        branch) pairs, or reporter), newest first."""
        scope: list[ColumnElement[bool]] = []
        if branch_id is not None:
            scope.append(col(Case.branch_id) == branch_id)
        if departments:  # owned by one of them, or offered to one of them (a pending transfer)
            scope.append(col(Case.department).in_(departments))
            scope.append(col(Case.pending_department).in_(departments))
        for dept, branch in branch_departments or ():
            scope.append((col(Case.department) == dept) & (col(Case.branch_id) == branch))
            scope.append((col(Case.pending_department) == dept) & (col(Case.branch_id) == branch))
        if reporter_id is not None:
            scope.append(col(Case.reporter_id) == reporter_id)
        stmt = select(Case)
        if not everything:
            stmt = stmt.where(or_(*scope)) if scope else stmt.where(col(Case.id).is_(None))
        if statuses:
            stmt = stmt.where(col(Case.status).in_(statuses))
        if overdue_at is not None:  # either clock: nobody accepted in time, or not fixed in time
            stmt = stmt.where(or_(col(Case.responded_at).is_(None) & (col(Case.due_at) < overdue_at),
                                  col(Case.fix_due_at) < overdue_at))
        return list((await self.session.exec(stmt.order_by(col(Case.id).desc()).limit(limit))).all())

    async def board(self, *, branch_id: int | None, chat_id: int | None, latest: int,
                    ) -> tuple[dict[str, int], list[float], list[Case]]:
        """Counts by status, seconds from report to resolution, and the newest cases of a scope
        (a branch, a chat, or everything when both are None)."""
        where = ([Case.branch_id == branch_id] if branch_id is not None
                 else [Case.chat_id == chat_id] if chat_id is not None else [])
        counts = dict((await self.session.exec(
            select(Case.status, func.count()).where(*where).group_by(Case.status))).all())
        times = (await self.session.exec(
            select(Case.created_at, Case.resolved_at).where(*where, col(Case.resolved_at).is_not(None)))).all()
        seconds = [(done - made).total_seconds() for made, done in times if done is not None]
        newest = (await self.session.exec(select(Case).where(*where, col(Case.master_id).is_(None))
                                          .order_by(col(Case.id).desc()).limit(latest))).all()
        return counts, seconds, list(newest)

    async def adopt(self, chat_id: int, branch_id: int) -> None:
        """Cases a group reported before it had a branch join the branch it now belongs to."""
        await self.session.exec(
            update(Case).where(col(Case.chat_id) == chat_id, col(Case.branch_id).is_(None)).values(branch_id=branch_id))

    async def since(self, since: datetime | None, branch_id: int | None = None) -> list[Case]:
        """Every case reported since `since` (None: ever), oldest first (exports)."""
        stmt = select(Case) if since is None else select(Case).where(Case.created_at >= since)
        if branch_id is not None:
            stmt = stmt.where(Case.branch_id == branch_id)
        return list((await self.session.exec(stmt.order_by(col(Case.id)))).all())

    async def open_with_deadline(self, statuses: tuple[str, ...]) -> list[Case]:
        """Cases in `statuses` with a clock still to remind about: the response clock (until
        someone accepts) or the resolution clock."""
        respond = col(Case.responded_at).is_(None) & col(Case.due_at).is_not(None) & (Case.reminders < 3)
        fix = col(Case.fix_due_at).is_not(None) & (Case.fix_reminders < 3)
        stmt = select(Case).where(col(Case.status).in_(statuses), or_(respond, fix))
        return list((await self.session.exec(stmt)).all())

    async def resolved_before(self, before: datetime) -> list[Case]:
        stmt = select(Case).where(Case.status == "resolved", col(Case.resolved_at).is_not(None),
                                  col(Case.resolved_at) <= before)
        return list((await self.session.exec(stmt)).all())

    async def recent_open(self, category: str, since: datetime, statuses: Iterable[str],
                          limit: int = 2000) -> list[CaseRef]:
        """Light rows of cases in `statuses` (the caller's, from bot.cases.lifecycle) reported since
        `since`: those this unit of work opened (flushed or not; oldest first), then the stored ones.

        Runs for every report, so a category's stored ones are read once per unit of work (a
        whole polling batch), by the (category, created_at) index, without flushing or building
        ORM objects.
        """
        statuses = tuple(statuses)
        stored = self._recent.get(category)
        if stored is None:
            params = {"p_category": category, "p_since": since, "p_statuses": statuses, "p_limit": limit}
            with self.session.no_autoflush:
                stored = [CaseRef._make((*row, None)) for row in (await self.rows(_RECENT_OPEN, params)).all()]
            self._recent[category] = stored
        read = {ref.id for ref in stored}  # the cases this unit of work opened, flushed or not, once each
        fresh = [CaseRef(x.id, x.created_at, x.location, x.lat, x.lon, x.status, x.text, x.branch_id, case=x)
                 for x in self._added if x.category == category and x.status in statuses and x.id not in read]
        return fresh + stored

    async def add_pending(self, pending: PendingReport) -> PendingReport:
        self.session.add(pending)
        await self.session.flush()  # its id goes into the buttons
        return pending

    async def get_pending(self, pending_id: int) -> PendingReport | None:
        return await self.session.get(PendingReport, pending_id)

    def add_correction(self, correction: Correction) -> None:
        self.session.add(correction)
