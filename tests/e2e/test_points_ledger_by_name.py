"""A secretary's '/points 李师傅', through the real bot on SQLite and PostgreSQL. 张书记 asked for 李师傅's
points as '/points 李师傅' (as '/points 501' asks for his ledger) and was answered '还没有积分记录。' —
her own history, as if she had asked for nothing. Now a display name a member of her own branch goes
by asks for that member's ledger (points_corrections.names_a_member, people.person_typed); a word no
member of hers goes by (another branch's 赵师傅 included) leaves '/points' as it was, and a rider's
'/points 李师傅' is their own points as before."""
from __future__ import annotations

import pytest

from tests.conftest import GROUP, GROUP_B, LI, SEC, said, two_branches, with_boss
from tests.factories import report

ZHAO_B = {"id": 504, "first_name": "赵师傅", "language_code": "zh"}


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_points_and_a_members_name(bot, tg, db) -> None:
    await two_branches(tg, LI)
    await report(tg, GROUP, LI, "建国路88号路灯坏了")
    await report(tg, GROUP_B, ZHAO_B, "中关村南路井盖松了")
    await said(tg, SEC["id"], SEC, "/points grant 李师傅 10 帮忙搬物资")
    got = (await said(tg, SEC["id"], SEC, "/points 李师傅"))["plain_text"]
    assert got.startswith("李师傅的积分记录（本支部）") and "帮忙搬物资" in got, got
    got = (await said(tg, SEC["id"], SEC, "/points 赵师傅"))["plain_text"]
    assert "赵师傅" not in got, got
    got = (await said(tg, LI["id"], LI, "/points 李师傅"))["plain_text"]
    assert "积分记录（本支部）" not in got, got
