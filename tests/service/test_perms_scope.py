"""Department memberships scoped to a branch, in the services and the migration (issue 12 §2)."""
from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from zoneinfo import ZoneInfo

import asyncpg
import pytest
from sqlalchemy import text

from bot.cases import load_routing
from bot.services.cases import CaseService
from storage.db import create_engine
from storage.migrate import upgrade
from storage.models import Branch, Case, DepartmentMember, User
from tests.service.conftest import Factory
from tests.conftest import BACKENDS, PG_ADMIN_URL, _pg



async def _world(uows: Factory) -> tuple[int, int]:
    async with uows() as uow:
        cy, hd = Branch(code="cy", name="朝阳"), Branch(code="hd", name="海淀")
        uow.session.add_all([cy, hd])
        await uow.session.flush()
        uow.session.add_all([User(id=1, first_name="a"), User(id=2, first_name="b"), User(id=3, first_name="c")])
        uow.session.add_all([
            DepartmentMember(department="urban_lighting", user_id=1, branch_id=cy.id),
            DepartmentMember(department="urban_lighting", user_id=2, branch_id=hd.id),
            DepartmentMember(department="urban_lighting", user_id=3, branch_id=None)])
        uow.session.add_all([Case(id=10, category="lighting", urgency="normal", text="x", reporter_id=9, chat_id=-1,
                                  branch_id=cy.id, department="urban_lighting"),
                             Case(id=11, category="lighting", urgency="normal", text="y", reporter_id=9, chat_id=-2,
                                  branch_id=hd.id, department="urban_lighting")])
        await uow.commit()
        return cy.id or 0, hd.id or 0


async def test_a_membership_acts_in_its_branch_and_alerts_go_there_only(uows) -> None:
    cy, hd = await _world(uows)
    service = CaseService(load_routing(), frozenset(), ZoneInfo("Asia/Shanghai"))
    async with uows() as uow:
        a, everywhere = await uow.users.get(1), await uow.users.get(3)
        mine, theirs = await uow.cases.get(10), await uow.cases.get(11)
        scope_a = await service.scope(uow, a)
        assert scope_a.departments == frozenset() and scope_a.branch_departments == {("urban_lighting", cy)}
        assert service.can_view(scope_a, mine) and not service.can_view(scope_a, theirs)
        assert "department_member" in (await service.actor(uow, a, mine)).roles
        assert "department_member" not in (await service.actor(uow, a, theirs)).roles
        scope_all = await service.scope(uow, everywhere)
        assert service.can_view(scope_all, mine) and service.can_view(scope_all, theirs)
        # reminders and escalations reach the members for the case's branch (and the global ones)
        assert sorted(await uow.cases.members_of("urban_lighting", cy)) == [1, 3]
        assert sorted(await uow.cases.members_of("urban_lighting", hd)) == [2, 3]
        assert sorted(await uow.cases.members_of("urban_lighting", None)) == [3]
        listed = await uow.cases.listing(branch_departments=scope_a.branch_departments)
        assert [c.id for c in listed] == [10]


@pytest.fixture(params=BACKENDS)
async def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """An empty database (no migration applied), SQLite or PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'old.db'}"
        return
    name = f"sentinel_perms_{uuid.uuid4().hex[:8]}"
    admin = _pg(PG_ADMIN_URL)
    conn = await asyncpg.connect(admin)
    await conn.execute(f'CREATE DATABASE "{name}"')
    await conn.close()
    yield _pg(PG_ADMIN_URL, name).replace("postgresql://", "postgresql+asyncpg://")
    conn = await asyncpg.connect(admin)
    await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await conn.close()


async def test_memberships_granted_before_the_migration_are_kept_as_every_branchs(empty_url: str) -> None:
    url = empty_url
    await asyncio.to_thread(upgrade, url, "0008")
    engine = create_engine(url)
    async with engine.begin() as conn:
        await conn.execute(text("INSERT INTO department_member (department, user_id) VALUES ('urban_lighting', 7)"))
    await asyncio.to_thread(upgrade, url)
    async with engine.connect() as conn:
        rows = (await conn.execute(text("SELECT department, user_id, branch_id FROM department_member"))).all()
    await engine.dispose()
    assert [tuple(r) for r in rows] == [("urban_lighting", 7, None)]


async def test_sentinel_export_audit_command(uows, database_url: str, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys
    async with uows() as uow:
        uow.audit.record(900, "grant", "user:801", branch_id=None, before={"role": "rider"},
                         after={"role": "secretary", "branch": "cy"})
        await uow.commit()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SENTINEL_")}
    env.update(SENTINEL_DATABASE_URL=database_url, PYTHONPATH=str(Path(__file__).resolve().parents[2]))

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "bot.cli", "export", "audit", *args], env=env, cwd=tmp_path,
                              capture_output=True, text=True, timeout=120, check=False)
    ok = await asyncio.to_thread(run, "--format", "csv", "--out", str(tmp_path / "a.csv"))
    assert ok.returncode == 0 and "1 rows written" in ok.stdout, ok.stderr
    import csv
    rows = list(csv.reader((tmp_path / "a.csv").open(encoding="utf-8-sig")))
    assert rows[1][2:6] == ["900", "", "grant", "user:801"] and '"role": "secretary"' in rows[1][8]
    bad = await asyncio.to_thread(run, "--branch", "nope")
    assert bad.returncode != 0 and len(bad.stderr.strip().splitlines()) == 1 and "nope" in bad.stderr
