"""A revoke of points the rider already spent, through the real bot on SQLite and PostgreSQL. With
李师傅's 20 granted points spent on a meal voucher, '/points revoke #1 发错了' told him '↩️ 书记更正了你的
积分：扣回 0 分（发错了）', showed '撤回 · 书记奖励 0 — 发错了' in his /points, and told the secretary
'…扣回 0 分（发错了）。另有 20 分已被使用，无法扣回。'. Now he hears nothing and reads no such line (nothing of
his changed), and the secretary is told in one sentence that nothing was taken back; a revoke that
takes points reads as before."""
from __future__ import annotations

import pytest

from tests.conftest import AMY, GROUP, GROUP_B, LI, SEC, SEC_B, said, two_branches, with_boss
from tests.e2e.test_points_bot import _command


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_revoking_spent_points_says_nothing_was_taken(bot, tg, db) -> None:
    await two_branches(tg, LI, AMY)
    sent = await tg.send(GROUP, LI, "大家注意安全")
    await _command(tg, SEC, "/points grant 20 帮忙", "已给", chat=GROUP, reply_to_message_id=sent["message_id"])
    await _command(tg, LI, "/redeem meal", "剩余 0 分")
    before = len(await tg.messages(LI["id"]))
    got = (await said(tg, SEC["id"], SEC, "/points revoke #1 发错了"))["plain_text"]
    assert got == "↩️ 已撤回李师傅的记录 #1（发错了），但这 20 分已被使用，没有扣回；TA 的积分没有变化。", got
    history = (await said(tg, LI["id"], LI, "/points"))["plain_text"]
    assert "撤回" not in history and "书记奖励 +20" in history, history
    assert not any("更正" in m["plain_text"] for m in (await tg.messages(LI["id"]))[before:])

    sent = await tg.send(GROUP_B, AMY, "stay safe")
    await _command(tg, SEC_B, "/points grant 25 help", "", chat=GROUP_B, reply_to_message_id=sent["message_id"])
    await _command(tg, AMY, "/redeem meal", "R2")
    got = (await said(tg, SEC_B["id"], SEC_B, "/points revoke #4 mistake"))["plain_text"]
    assert got == "↩️ Entry #4 of Amy revoked: 5 points taken back (mistake). 20 points were already spent and cannot be taken back.", got
    await _command(tg, AMY, "/points", "-5")  # her line of it, as ever
