"""The same /grant or /bind again, through the real bot on SQLite and PostgreSQL. Before: a
superadmin's second `/grant 801 secretary cy`, a secretary's second `/grant 703 dept 住建局…` and a
second `/bind cy` in the group already bound to cy answered "✅ 已授予…" / "✅ 本群已归属支部" as if
something had just happened. Now each says it already was so and that nothing changed; the roles,
the memberships and the binding stay as they were and the audit gets no second row."""
from __future__ import annotations

import pytest
from sqlalchemy import func
from sqlmodel import select

from storage.models import Chat, DepartmentMember
from storage.models.audit import AuditEntry
from tests.conftest import AMY, BOSS, GROUP, LI, SEC, SEC_B, two_branches, with_boss
from tests.factories import answer_text

LIGHT = {"id": 703, "first_name": "照明小陈", "language_code": "zh"}


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _rows(db) -> tuple[int, int]:
    async with db() as s:
        audit = (await s.exec(select(func.count()).select_from(AuditEntry))).one()
        members = (await s.exec(select(func.count()).select_from(DepartmentMember))).one()
    return int(audit), int(members)


async def test_a_repeated_grant_or_bind_says_it_already_was_so(bot, tg, db) -> None:
    await two_branches(tg, LI, AMY, LIGHT)
    first = await answer_text(tg, SEC["id"], SEC, f"/grant {LIGHT['id']} dept urban_lighting")
    assert first.startswith("✅"), first
    first_en = await answer_text(tg, SEC_B["id"], SEC_B, f"/grant {AMY['id']} dept urban_lighting")
    assert first_en.startswith("✅"), first_en
    before = await _rows(db)

    again = await answer_text(tg, SEC["id"], SEC, f"/grant {LIGHT['id']} dept urban_lighting")
    assert "已经是" in again and "没有做任何更改" in again and not again.startswith("✅"), again
    assert "ℹ️ 用户 703 已经是「部门成员」" in again, again  # an id spaced from the Chinese after it, as digits are
    again_en = await answer_text(tg, SEC_B["id"], SEC_B, f"/grant {AMY['id']} dept urban_lighting")
    assert "is already" in again_en and "nothing was changed" in again_en, again_en
    secretary = await answer_text(tg, BOSS["id"], BOSS, f"/grant {SEC['id']} secretary cy")
    assert "已经是" in secretary and "张书记" in secretary and "朝阳支部" in secretary, secretary
    for who in (BOSS, SEC):
        bound = await answer_text(tg, GROUP, who, "/bind cy")
        assert "已经归属支部“朝阳支部”" in bound and "没有做任何更改" in bound, bound

    assert await _rows(db) == before  # no membership twice, no audit row for what did not change
    async with db() as s:
        cy = (await s.exec(select(Chat.branch_id).where(Chat.id == GROUP["id"]))).one()
    assert cy is not None
    revoked = await answer_text(tg, SEC["id"], SEC, f"/revoke {LIGHT['id']} dept urban_lighting")
    assert revoked.startswith("✅"), revoked  # a real change is still a receipt, and audited
    assert "已撤销用户 703 的「部门成员」" in revoked, revoked
    none = await answer_text(tg, SEC["id"], SEC, f"/revoke {LIGHT['id']} dept urban_lighting")
    assert "在你的范围内，用户 703 没有这个角色" in none, none
    assert (await _rows(db))[0] == before[0] + 1
