"""Revoking the points of approved volunteer hours, through the real bot on SQLite and PostgreSQL.
张书记's '/points revoke #1 时长记错了' on the 20 points 李师傅's 2 approved hours earned took the points
back and left the hours in his time bank: /hours still read '时间银行：2 小时 · ✅ 已认可', recognised
hours without their reward, and no other command takes an approval back. Now the revoke withdraws
the approval with its points: the hours leave the time bank, the rider hears both (zh, en) and the
secretary's receipt says so; claimed again and approved, the hours are paid again."""
from __future__ import annotations

import pytest
from sqlmodel import select

from storage.models.checkins import VolunteerHours
from tests.conftest import AMY, LI, SEC, SEC_B, ledger, said, two_branches, with_boss
from tests.e2e.test_checkins import activities
from tests.factories import message_to


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_revoking_the_points_of_approved_hours_takes_the_hours_back(bot, tg, db, clock) -> None:
    await two_branches(tg, LI, AMY)
    await said(tg, SEC["id"], SEC, '/activity new "社区清洁" 今天 9:00 2h')
    code = (await activities(db))[-1].code
    await said(tg, LI["id"], LI, f"/hours {code} 2")
    await message_to(tg, SEC, "志愿时长 #1")  # the card, before the command's receipt
    await said(tg, SEC["id"], SEC, "/hours approve 1")
    await message_to(tg, SEC, "已认可李师傅")
    line = (await ledger(db, LI["id"], at_least=1))[0]
    assert line.source_key == "hours:1" and line.points == 20, line

    got = (await said(tg, SEC["id"], SEC, f"/points revoke #{line.id} 时长记错了"))["plain_text"]
    assert got == (f"↩️ 已撤回李师傅的记录 #{line.id}，扣回 20 分（时长记错了）。这是「社区清洁」2 小时志愿时长的积分，"
                   "这些时长的认可也随之撤回，不再计入 TA 的时间银行。"), got
    told = await message_to(tg, LI, "撤回了对你")
    assert told == ("↩️ 书记撤回了对你在「社区清洁」2 小时志愿时长的认可（时长记错了），这些时长不再计入时间银行，现余额 0 小时。"
                    "这笔时长的 20 分积分也已扣回，现有 0 分，发 /points 查看记录。"), told
    mine = (await said(tg, LI["id"], LI, "/hours"))["plain_text"]
    assert "我的时间银行：0 小时" in mine and "❌ 未认可" in mine, mine
    async with db() as s:
        entry = (await s.exec(select(VolunteerHours))).one()
    assert (entry.status, entry.decided_by, entry.reason) == ("rejected", SEC["id"], "时长记错了"), entry

    got = (await said(tg, LI["id"], LI, f"/hours {code} 1"))["plain_text"]  # claimed again, as after a rejection
    assert got.startswith("📝 已登记「社区清洁」志愿时长 1 小时"), got
    await said(tg, SEC["id"], SEC, "/hours approve 1")
    lines = await ledger(db, LI["id"], at_least=3)  # and paid again: the first line's key is spent
    assert lines[-1].source_key.startswith("hours:1:") and lines[-1].points == 10, lines[-1]
    told = await message_to(tg, LI, "1 小时志愿时长已认可")
    assert "时间银行余额 1 小时" in told and "+10" in told, told

    await said(tg, SEC_B["id"], SEC_B, '/activity new "Park cleanup" today 9:00 2h')  # English, both sides
    code = (await activities(db))[-1].code
    await said(tg, AMY["id"], AMY, f"/hours {code} 1.5")
    await message_to(tg, SEC_B, "Volunteer hours #2")
    await said(tg, SEC_B["id"], SEC_B, "/hours approve 2")
    await message_to(tg, SEC_B, "Approved Amy")
    line = (await ledger(db, AMY["id"], at_least=1))[0]
    got = (await said(tg, SEC_B["id"], SEC_B, f"/points revoke #{line.id} wrong day"))["plain_text"]
    assert got.endswith("They were the points of 1.5 h of volunteering at “Park cleanup”: that approval is "
                        "withdrawn too, and the hours no longer count in their time bank."), got
    told = await message_to(tg, AMY, "withdrew")
    assert told.startswith("↩️ Your secretary withdrew the approval of your 1.5 h at “Park cleanup” (wrong day): "
                           "they no longer count in your time bank, now 0 h. The 10 points they earned"), told
