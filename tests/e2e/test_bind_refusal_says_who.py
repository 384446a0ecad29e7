"""A rider or a department member types `/bind cy` in a group, through the real bot on SQLite and
PostgreSQL. Before: "⛔ 你没有权限执行这个管理命令。" and nothing else: nobody learnt who may put a group
under a branch, nor where. Now one sentence says it: a branch secretary, sending /bind in the group to
be bound (in English too); the group stays unbound."""
from __future__ import annotations

import pytest
from sqlmodel import select

from storage.models import Chat
from tests.conftest import AMY, BOSS, GROUP, LI, SEC, said, two_branches, with_boss
from tests.factories import answer_text

GROUP_C = {"id": -100300, "type": "supergroup", "title": "望京骑手群"}
LIGHT = {"id": 703, "first_name": "照明小陈", "language_code": "zh"}   # urban_lighting


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_non_secretary_is_told_who_binds_a_group_and_where(bot, tg, db) -> None:
    await two_branches(tg, LI, AMY, LIGHT)
    await said(tg, BOSS["id"], BOSS, f"/grant {LIGHT['id']} dept urban_lighting")
    await tg.send(GROUP_C, LI, "大家好")  # the group is known to the bot, bound to nobody
    for who in (LI, LIGHT):
        told = await answer_text(tg, GROUP_C, who, "/bind cy")
        assert "只有支部书记" in told and "要绑定的群里" in told and "/bind" in told, told
        assert told.count("。") == 1, told  # one sentence
    en = await answer_text(tg, GROUP_C, AMY, "/bind cy")
    assert "only a branch secretary" in en and "in the group to be bound" in en, en
    async with db() as s:
        assert (await s.exec(select(Chat.branch_id).where(Chat.id == GROUP_C["id"]))).first() is None


async def test_the_other_admin_commands_say_whose_they_are(bot, tg, db) -> None:
    """Before: a rider's /grant and /unbind, a secretary's /grant of a secretary and her /audit were all
    answered "⛔ 你没有权限执行这个管理命令。"; now each says who may (and nothing of another branch)."""
    await two_branches(tg, LI, AMY)
    told = (await said(tg, LI["id"], LI, f"/grant {AMY['id']} dept urban_lighting"))["text"]
    assert "支部书记可以授予本支部的部门成员" in told, told
    told = (await said(tg, SEC["id"], SEC, f"/grant {LI['id']} secretary cy"))["text"]
    assert "只有超级管理员可以授予" in told, told
    assert "只有超级管理员可以查看" in (await said(tg, SEC["id"], SEC, "/audit"))["text"]
    told = await answer_text(tg, GROUP, LI, "/unbind")
    assert "只有本群所属支部的书记或超级管理员" in told, told
    en = (await said(tg, AMY["id"], AMY, "/audit 5"))["text"]
    assert "only a superadmin can" in en and "audit" in en, en
    async with db() as s:
        assert (await s.exec(select(Chat.branch_id).where(Chat.id == GROUP["id"]))).first() is not None
