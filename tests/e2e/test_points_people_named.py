"""How a secretary's points commands name the rider, through the real bot on SQLite and PostgreSQL.
A correction with nothing left to correct answered '没有找到给501的 30 分书记奖励…' of 李师傅, whose
grants' receipts had named him, the id running into the Chinese; '/points ledger 999' read
'999在本支部还没有积分记录。' and Sec B's '501 has no points entries…'; and '/points grant 李师傅 10 好'
(a name as the secretary sees it) was refused as for another branch's rider ('只能给本支部的骑手…'),
of one who is. Now a rider known by their lines is named, an id reads '用户 501 的' / 'User 501', and a
name the bot cannot look up is told to be written as an @username or id."""
from __future__ import annotations

import pytest

from tests.conftest import GROUP, LI, SEC, SEC_B, said, two_branches, with_boss
from tests.e2e.test_points_bot import _command


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_secretarys_points_answers_name_the_rider_as_they_may(bot, tg, db) -> None:
    await two_branches(tg, LI)
    sent = await tg.send(GROUP, LI, "大家注意安全")
    await _command(tg, SEC, "/points grant 30 帮忙", "已给", chat=GROUP, reply_to_message_id=sent["message_id"])
    await _command(tg, SEC, f"/points grant {LI['id']} -30 发错了", "已撤回")
    got = (await said(tg, SEC["id"], SEC, f"/points grant {LI['id']} -30 发错了"))["plain_text"]
    assert got.startswith("没有找到给李师傅的 30 分书记奖励可以冲正。"), got
    got = (await said(tg, SEC["id"], SEC, "/points ledger 999"))["plain_text"]
    assert got == "用户 999 在本支部还没有积分记录。", got
    got = (await said(tg, SEC_B["id"], SEC_B, f"/points ledger {LI['id']}"))["plain_text"]  # not hers: as typed
    assert got == "User 501 has no points entries in your branch yet.", got
    got = (await said(tg, SEC_B["id"], SEC_B, f"/points grant {LI['id']} -5 wrong"))["plain_text"]
    assert got.startswith("No grant of 5 points to user 501 to correct."), got


async def test_a_name_typed_for_a_rider_is_asked_as_an_id(bot, tg, db) -> None:
    """A name none of the secretary's own branch goes by (李师傅 is 朝阳's; a namesake of hers is
    named: tests/e2e/test_grant_by_display_name.py)."""
    await two_branches(tg, LI)
    await tg.send(GROUP, LI, "幸福小区3号门的路灯坏了")
    for text in ("/points grant 钱师傅 10 帮忙", "/points ledger 钱师傅"):
        got = (await said(tg, SEC["id"], SEC, text))["plain_text"]
        assert got == "我认不出“钱师傅”是谁：请写 TA 的 @用户名 或用户 ID。", (text, got)
    got = (await said(tg, SEC_B["id"], SEC_B, "/points grant 李师傅 10 thanks"))["plain_text"]
    assert got == "I can't tell who “李师傅” is: write their @username or user id.", got
    got = (await said(tg, SEC["id"], SEC, "/points grant @nobody 10 帮忙"))["plain_text"]  # a username: as before
    assert got.startswith("只能给本支部的骑手发放积分"), got
