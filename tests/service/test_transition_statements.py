"""What a case transition costs in SQL statements (issue 18, "make a transition cheap").

Statement counts are deterministic, unlike time: each step of a case's life (accept, start, note,
resolve, confirm), as one unit of work of its own (find the case, the actor, act, commit), runs a
pinned number of statements on SQLite and on PostgreSQL, so a change that adds one shows here.
Before issue 18 the steps ran 17, 9, 8, 9 and 17; then 11, 6, 6, 7 and 12, until a transition's
two awards were credited together (PointsService.award_each: one INSERT of both lines, one move). The cheap path keeps what the expensive one
did: a department member's grants are still read (and honoured) when the decision needs them,
a sent department dialog is still settled, points are still capped, credited and tiered."""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AbstractContextManager
from datetime import datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func
from sqlmodel import col, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.cases import load_routing
from bot.points import load_points_config
from bot.outbox import EDIT
from bot.services.case_dialogs import CHOICE_KIND
from bot.services.cases import CaseNotFound, CaseService
from bot.services.points import PointsService
from storage.db import create_engine, session_factory
from storage.models import Branch, Case, Chat, DepartmentMember, OutboxMessage, User
from storage.models.points import PointsEntry
from storage.uow import UnitOfWork
from tests.service.conftest import statements

TZ = ZoneInfo("Asia/Shanghai")
SECRETARY, REPORTER, MEMBER, STRANGER, GROUP = 7001, 20001, 7002, 7003, -100900

# (action, its inputs, statements of its unit of work on SQLite): 2 of them are the caller's (the case,
# the actor); PostgreSQL runs two fewer (ON_POSTGRESQL)
STEPS: tuple[tuple[str, dict[str, str], int], ...] = (
    ("accept", {}, 9),  # + 2 awards (report accepted, urgent confirmed): the lock, their lines, the balance
    ("start", {}, 6),
    ("note", {"note": "已派人查看"}, 6),
    ("resolve", {"note": "已修好"}, 7),  # + the reporter's private chat: blocked? (the confirm buttons go to the group)
    ("confirm", {}, 10),  # + the resolver's id, + 2 awards (fixed, fix confirmed), as accept's
)


# statements PostgreSQL saves on each step: the commit's event INSERT and outbox INSERT are one statement
# (storage.deferred), and the followers are read by the case's UPDATE (CaseRepository.update)
ON_POSTGRESQL = 2


class World:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.sessions = session_factory(engine)
        self.points = PointsService(load_points_config(), TZ)
        self.cases = CaseService(load_routing(), frozenset(), TZ, points=self.points)
        self.branch: int | None = None

    def counting(self) -> AbstractContextManager[list[str]]:
        """The statements sent while the block runs."""
        return statements(self.engine)

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.sessions)

    async def case(self, urgency: str = "urgent") -> int:
        async with self.uow() as uow:
            case = Case(category="lighting", urgency=urgency, text="朝阳路3号门口的路灯坏了", reporter_id=REPORTER,
                        chat_id=GROUP, message_id=10_000, branch_id=self.branch)
            self.cases.route_new(case)
            uow.cases.add(case, REPORTER)
            await uow.commit()
            assert case.id is not None
            return case.id

    async def step(self, case_id: int, user_id: int, action: str, **kw: Any) -> None:
        async with self.uow() as uow:
            case = await self.cases.find(uow, str(case_id))
            actor = await uow.users.get(user_id)
            await self.cases.act(uow, actor, case, action, **kw)
            await uow.commit()


@pytest.fixture
async def world(database_url: str) -> AsyncIterator[World]:
    engine = create_engine(database_url)
    w = World(engine)
    async with w.uow() as uow:
        branch = uow.branches.add(Branch(code="cy", name="朝阳"))
        await uow.session.flush()
        w.branch = branch.id
        uow.session.add(Chat(id=GROUP, type="supergroup", title="朝阳骑手", branch_id=branch.id))
        uow.session.add_all([
            User(id=SECRETARY, first_name="书记", role="secretary", branch_id=branch.id),
            User(id=REPORTER, first_name="骑手", language_code="zh", started=True),
            User(id=MEMBER, first_name="路灯所", started=True), User(id=STRANGER, first_name="路人")])
        await uow.session.flush()
        uow.session.add(DepartmentMember(department="urban_lighting", user_id=MEMBER, branch_id=branch.id))
        await uow.commit()
    yield w
    await engine.dispose()


async def test_each_step_of_a_case_runs_its_pinned_number_of_statements(world: World, database_url: str) -> None:
    ids = [await world.case() for _ in range(3)]
    for action, kw, expected in STEPS:
        expected -= 0 if database_url.startswith("sqlite") else ON_POSTGRESQL
        for case_id in ids:
            with world.counting() as log:
                await world.step(case_id, REPORTER if action == "confirm" else SECRETARY, action, **kw)
            assert len(log) == expected, f"{action}: {len(log)} statements\n" + "\n".join(log)
    async with world.uow() as uow:
        for case_id in ids:
            case = await uow.cases.get(case_id)
            assert case is not None and case.status == "closed"
        # what the steps earned the reporter: accepted 5 + urgent 10 + resolved 5 + confirmed 1, per case
        assert await world.points.balance(uow, REPORTER) == 3 * 21
        assert await world.points.check(uow) == []
        assert (await world.points.standing(uow, REPORTER))["reports"] == 3
        # the secretary's acts were never a grant lookup: their branch's case needs none
        sent = (await uow.session.exec(select(func.count()).select_from(OutboxMessage)
                                       .where(OutboxMessage.chat_id == REPORTER))).one()
        assert sent == 3 * 5  # the reporter heard each step privately


async def test_grants_are_read_when_the_decision_needs_them(world: World) -> None:
    case_id = await world.case(urgency="normal")
    with world.counting() as log:  # a department member granted in the bot: only the grant lets them
        await world.step(case_id, MEMBER, "accept")
    assert any("department_member" in s for s in log)
    with world.counting() as log:  # the branch's secretary: their row says it all
        await world.step(case_id, SECRETARY, "start")
    assert not any("department_member" in s for s in log)
    with pytest.raises(CaseNotFound):  # nobody's grant: out of scope, after reading that there is none
        await world.step(case_id, STRANGER, "note", note="x")


async def test_a_sent_dialog_is_still_settled_when_the_case_moves_on(world: World) -> None:
    case_id = await world.case(urgency="normal")
    async with world.uow() as uow:  # a department choice the sender delivered
        uow.session.add(OutboxMessage(chat_id=SECRETARY, kind=CHOICE_KIND, lang="zh", payload={"action": "assign"},
                                      status="sent", sent_message_id=555, case_id=case_id))
        await uow.commit()
    await world.step(case_id, SECRETARY, "accept")
    async with world.uow() as uow:
        edits = (await uow.session.exec(select(OutboxMessage).where(OutboxMessage.kind == "settled"))).all()
    assert [(e.chat_id, e.payload[EDIT]) for e in edits] == [(SECRETARY, 555)]  # its buttons go


async def test_a_capped_credit_counts_toward_the_tier_as_clipped(world: World) -> None:
    now = [datetime(2026, 3, 10, 4, 0, tzinfo=timezone.utc)]
    bank = PointsService(load_points_config(), TZ, clock=lambda: now[0])
    async with world.uow() as uow:
        with world.counting() as log:
            assert await bank.award(uow, REPORTER, "volunteer_hour", "vol:1", units=8, actor_id=SECRETARY) == 80
        assert len(log) == 3  # the lock, the line (capped by its insert), the balance (returning the tier's figures)
        assert await bank.award(uow, REPORTER, "volunteer_hour", "vol:2", units=5, actor_id=SECRETARY) == 20
        assert await bank.award(uow, REPORTER, "volunteer_hour", "vol:3", units=1, actor_id=SECRETARY) == 0
        assert await bank.award(uow, REPORTER, "volunteer_hour", "vol:1", units=8, actor_id=SECRETARY) == 0
        await uow.commit()
    async with world.uow() as uow:
        lines = (await uow.session.exec(select(PointsEntry.points).order_by(col(PointsEntry.id)))).all()
        assert list(lines) == [80, 20]
        assert (await bank.standing(uow, REPORTER))["earned"] == 100
    now[0] += timedelta(days=1)  # a new day: the cap is free again
    async with world.uow() as uow:
        assert await bank.award(uow, REPORTER, "volunteer_hour", "vol:4", units=1, actor_id=SECRETARY) == 10
        await uow.commit()


async def test_the_followers_read_with_the_update_hear_the_step_as_a_separate_read_would(
        world: World, database_url: str) -> None:
    """On PostgreSQL the case's UPDATE reads its followers and reporter in the same statement; on
    SQLite they are read after it. Either way each hears the step once, where they follow it: a
    follower in the group is named in the group's message, a private follower hears it privately,
    the reporter in the group and privately; and a reporter with no user row is told in the group."""
    case_id, orphan_id = await world.case(), await world.case()
    async with world.uow() as uow:
        for cid in (case_id, orphan_id):
            case = await uow.cases.get(cid)
            assert case is not None
            uow.cases.watch(case, MEMBER, GROUP, 10_001, "zh")
            uow.cases.watch(case, STRANGER, STRANGER, None, "en")
        orphan = await uow.cases.get(orphan_id)
        assert orphan is not None
        await uow.cases.update(orphan, {"reporter_id": 99_999})  # nobody the bot knows
        await uow.commit()
    for cid in (case_id, orphan_id):
        with world.counting() as log:
            await world.step(cid, SECRETARY, "accept")
        assert any("case_watcher" in s for s in log)
        folded = not database_url.startswith("sqlite")
        assert any(s.startswith("WITH moved AS (UPDATE cases") and "case_watcher" in s for s in log) is folded
    async with world.uow() as uow:
        told = (await uow.session.exec(select(OutboxMessage).where(OutboxMessage.kind == "case-event")
                                       .order_by(col(OutboxMessage.id)))).all()
    heard = [(m.case_id, m.chat_id, m.lang, m.payload.get("mentions")) for m in told]
    assert heard == [(case_id, GROUP, "zh", [[MEMBER, "路灯所"]]), (case_id, REPORTER, "zh", None),
                     (case_id, STRANGER, "en", None),
                     (orphan_id, GROUP, "zh", [[MEMBER, "路灯所"]]), (orphan_id, STRANGER, "en", None)]
