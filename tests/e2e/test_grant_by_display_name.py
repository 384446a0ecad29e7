"""A member named by their display name, through the real bot on SQLite and PostgreSQL. 张书记's
'/points grant 李师傅 10 帮忙搬物资' was answered '我认不出“李师傅”是谁：请写 TA 的 @用户名 或用户 ID。'
(riders seldom have a username, and their id is nowhere to be seen), '/grant 李师傅 部门 市政道路'
'找不到用户“李师傅”…', and '/grant 李师傅 10 理由' (points where the role goes) got the roles' usage.
Now a display name that exactly one member of the secretary's OWN branch goes by names them
(bot.services.people.person_typed, for /points and /grant alike); several of hers by that name are
said so, asking for the @username or a reply; one who goes by it only in another branch is answered
as a name nobody has (never revealed); and points typed after /grant point to /points grant."""
from __future__ import annotations

import pytest

from tests.conftest import GROUP, GROUP_B, LI, SEC, SEC_B, said, two_branches, with_boss
from tests.factories import report

LI_B = {"id": 503, "first_name": "李师傅", "language_code": "zh"}  # a namesake in Haidian
ZHAO_B = {"id": 504, "first_name": "赵师傅", "language_code": "zh"}  # Haidian's only
LI_2 = {"id": 505, "first_name": "李师傅", "language_code": "zh"}  # a second 李师傅 in 朝阳


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_display_name_of_ones_own_branch(bot, tg, db) -> None:
    await two_branches(tg, LI)
    await report(tg, GROUP, LI, "建国路88号路灯坏了")
    await report(tg, GROUP_B, LI_B, "中关村大街有个大坑")
    await report(tg, GROUP_B, ZHAO_B, "中关村南路井盖松了")

    got = (await said(tg, SEC["id"], SEC, "/points grant 李师傅 10 帮忙搬物资"))["plain_text"]
    assert got.startswith("✅ 已给李师傅发放 10 分"), got
    got = (await said(tg, SEC["id"], SEC, "/points ledger 李师傅"))["plain_text"]
    assert "帮忙搬物资" in got, got
    got = (await said(tg, SEC_B["id"], SEC_B, "/points grant 李师傅 5 helped out"))["plain_text"]
    assert got.startswith("✅") and "李师傅" in got, got
    # only in another branch: as a name nobody has, nothing said of Haidian's 赵师傅
    for name in ("赵师傅", "钱师傅"):
        got = (await said(tg, SEC["id"], SEC, f"/points grant {name} 10 帮忙"))["plain_text"]
        assert got == f"我认不出“{name}”是谁：请写 TA 的 @用户名 或用户 ID。", got
        got = (await said(tg, SEC["id"], SEC, f"/grant {name} 部门 市政道路"))["plain_text"]
        assert got.startswith(f"找不到用户“{name}”"), got

    got = (await said(tg, SEC["id"], SEC, "/grant 李师傅 部门 市政道路"))["plain_text"]
    assert got.startswith("✅ 已授予李师傅") and "市政道路" in got, got
    got = (await said(tg, SEC["id"], SEC, "/grant 李师傅 10 理由"))["plain_text"]
    assert "/points grant 李师傅 10 原因" in got, got

    await report(tg, GROUP, LI_2, "光华路红绿灯不亮")
    got = (await said(tg, SEC["id"], SEC, "/points grant 李师傅 10 帮忙"))["plain_text"]
    assert got.startswith("本支部有 2 位成员叫“李师傅”") and "回复" in got, got
    got = (await said(tg, SEC["id"], SEC, "/grant 李师傅 部门 市政道路"))["plain_text"]
    assert got.startswith("本支部有 2 位成员叫“李师傅”"), got
