"""A branch renamed by `/bind CODE new name`, through the real bot on SQLite and PostgreSQL. Before:
the usage said `/bind 支部代码 [支部名称]`, yet on a branch that existed the name was dropped without a
word ("本群已经归属支部“朝阳支部”…没有做任何更改"): a misspelt branch name could never be mended. Now
its own secretary or a superadmin renames it so, the receipt says from what to what, and the audit
keeps it; another branch's secretary still learns nothing of that branch."""
from __future__ import annotations

import pytest
from sqlmodel import select

from storage.models import Branch
from tests.conftest import BOSS, GROUP, GROUP_B, SEC, SEC_B, two_branches, with_boss
from tests.factories import answer_text

ANNEX = {"id": -100300, "type": "supergroup", "title": "朝阳骑手二群"}


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _names(db) -> dict[str, str]:
    async with db() as s:
        return {b.code: b.name for b in (await s.exec(select(Branch))).all()}


async def test_bind_with_a_new_name_renames_the_branch(bot, tg, db) -> None:
    await two_branches(tg)
    renamed = await answer_text(tg, GROUP, SEC, "/bind cy 朝阳区骑手支部")
    assert renamed == "✅ 支部已改名：“朝阳支部”→“朝阳区骑手支部”。本群仍归属该支部。", renamed
    again = await answer_text(tg, GROUP, SEC, "/bind cy 朝阳区骑手支部")
    assert "已经归属支部“朝阳区骑手支部”" in again and "没有做任何更改" in again, again

    other = await answer_text(tg, GROUP_B, SEC, "/bind hd 海淀")  # not hers: the same answer as a code unknown
    assert "没有你能绑定的支部“hd”" in other and "Haidian" not in other, other
    en = await answer_text(tg, GROUP_B, SEC_B, "/bind hd Haidian North")
    assert en == "✅ The branch is renamed: “Haidian” → “Haidian North”. This group still belongs to it.", en

    await tg.chat(ANNEX)
    bound = await answer_text(tg, ANNEX, BOSS, "/bind cy 朝阳支部")  # a superadmin binds and renames back
    assert bound == "✅ 本群已归属支部：朝阳支部（支部原名“朝阳区骑手支部”，已改为现名）", bound
    assert await _names(db) == {"cy": "朝阳支部", "hd": "Haidian North"}

    audit = await answer_text(tg, BOSS["id"], BOSS, "/audit 3")
    assert "改名 · branch:cy：名称：朝阳区骑手支部 → 名称：朝阳支部" in audit, audit
