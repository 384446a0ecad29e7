"""Taking back approved volunteer hours that earned no points, through the real bot on SQLite and
PostgreSQL. 李师傅's approved half hour at 「社区清洁」 earned 0 points (points are per whole hour), so no
ledger line was written, and the one way to withdraw an approval, '/points revoke #N', had no line to
name: the half hour stayed in his time bank for good. Now '/hours revoke ID 原因' takes back any
approval: hours that earned points as '/points revoke' of their line does (the points and the approval
together), hours that earned none by withdrawing the approval alone; the rider is told either way (zh,
en), and hours not approved are refused by name (bot.services.points_corrections.revoke_hours)."""
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


async def test_an_approved_half_hour_with_no_points_can_be_taken_back(bot, tg, db, clock) -> None:
    await two_branches(tg, LI, AMY)
    await said(tg, SEC["id"], SEC, '/activity new "社区清洁" 今天 9:00 2h')
    code = (await activities(db))[-1].code
    await said(tg, LI["id"], LI, f"/hours {code} 0.5")
    await message_to(tg, SEC, "志愿时长 #1")  # the card, before the command's receipt
    await said(tg, SEC["id"], SEC, "/hours approve 1")
    await message_to(tg, SEC, "已认可李师傅")
    assert not await ledger(db, LI["id"], at_least=0)  # half an hour: no points, no line to revoke by

    got = (await said(tg, SEC["id"], SEC, "/hours revoke 1"))["plain_text"]
    assert got.startswith("用法：/hours revoke 编号 原因"), got
    got = (await said(tg, SEC["id"], SEC, "/hours revoke 1 时长记错了"))["plain_text"]
    assert got == ("↩️ 已撤回对李师傅在「社区清洁」0.5 小时志愿时长的认可（时长记错了），这些时长不再计入 TA 的时间银行"
                   "（现余额 0 小时）。这笔时长没有积分，无需扣回。"), got
    told = await message_to(tg, LI, "撤回了对你")
    assert told == "↩️ 书记撤回了对你在「社区清洁」0.5 小时志愿时长的认可（时长记错了），这些时长不再计入时间银行，现余额 0 小时。", told
    async with db() as s:
        entry = (await s.exec(select(VolunteerHours))).one()
    assert (entry.status, entry.decided_by, entry.reason) == ("rejected", SEC["id"], "时长记错了"), entry
    got = (await said(tg, SEC["id"], SEC, "/hours revoke 1 再撤一次"))["plain_text"]
    assert got == "志愿时长 #1 没有被认可，无需撤回。", got

    # hours that earned points: the points and the approval together, as /points revoke of their line
    await said(tg, SEC_B["id"], SEC_B, '/activity new "Park cleanup" today 9:00 2h')
    code = (await activities(db))[-1].code
    await said(tg, AMY["id"], AMY, f"/hours {code} 1.5")
    await message_to(tg, SEC_B, "Volunteer hours #2")
    await said(tg, SEC_B["id"], SEC_B, "/hours approve 2")
    await message_to(tg, SEC_B, "Approved Amy")
    got = (await said(tg, SEC_B["id"], SEC_B, "/hours revoke 2 wrong day"))["plain_text"]
    assert got.endswith("They were the points of 1.5 h of volunteering at “Park cleanup”: that approval is "
                        "withdrawn too, and the hours no longer count in their time bank."), got
    told = await message_to(tg, AMY, "withdrew")
    assert told.startswith("↩️ Your secretary withdrew the approval of your 1.5 h at “Park cleanup” (wrong day)"), told
    got = (await said(tg, SEC["id"], SEC, "/hours revoke 2 不是我们的"))["plain_text"]
    assert got == "在你的范围内找不到编号 2 的志愿时长。", got  # another branch's reads as none
