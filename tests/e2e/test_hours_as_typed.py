"""A rider's /hours as typed in a hurry, through the real bot on SQLite and PostgreSQL. '/hours 2 K7MPQ'
(the hours first) answered '没有签到码为“2”的活动'; '/hours K7MPQ 1.25' answered '已登记…志愿时长 1.5
小时', a number the rider never wrote, as theirs; '/hours K7MPQ 10分钟' answered '“10分钟”不是有效的时长',
a length, only too short to count. Now the code after the hours logs them, a rounded amount says it
counts in half hours and what was typed, and too short a length says so."""
from __future__ import annotations

import pytest

from tests.conftest import AMY, LI, SEC, WANG, said, two_branches, with_boss
from tests.e2e.test_checkins import activities


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_hours_typed_before_the_code_are_logged(bot, tg, db, clock) -> None:
    await two_branches(tg, LI, WANG, AMY)
    await said(tg, SEC["id"], SEC, '/activity new "社区清洁" 今天 9:00 2h')
    code = (await activities(db))[-1].code
    got = (await said(tg, LI["id"], LI, f"/hours 2 {code}"))["plain_text"]
    assert got.startswith("📝 已登记「社区清洁」志愿时长 2 小时，"), got
    got = (await said(tg, WANG["id"], WANG, f"/hours 1个半小时，{code.lower()}"))["plain_text"]
    assert got.startswith("📝 已登记「社区清洁」志愿时长 1.5 小时，"), got
    got = (await said(tg, AMY["id"], AMY, f"/hours 1.5h {code}"))["plain_text"]
    assert got.startswith("📝 1.5 h logged"), got
    got = (await said(tg, LI["id"], LI, "/hours 2 ABCDE"))["plain_text"]  # no such activity: told, as before
    assert "ABCDE" in got and "没有签到码" in got, got


async def test_a_rounded_amount_says_so_and_too_short_a_one_is_told_why(bot, tg, db, clock) -> None:
    await two_branches(tg, LI, AMY)
    await said(tg, SEC["id"], SEC, '/activity new "社区清洁" 今天 9:00 2h')
    code = (await activities(db))[-1].code
    got = (await said(tg, LI["id"], LI, f"/hours {code} 1.25"))["plain_text"]
    assert "志愿时长 1.5 小时（按半小时计，你填的是“1.25”），等待支部书记审核" in got, got
    got = (await said(tg, LI["id"], LI, f"/hours {code} 20分钟"))["plain_text"]
    assert "志愿时长 0.5 小时（按半小时计，你填的是“20分钟”；代替之前登记的 1.5 小时），" in got, got
    got = (await said(tg, LI["id"], LI, f"/hours {code} 90分钟"))["plain_text"]
    assert "志愿时长 1.5 小时（代替之前登记的 0.5 小时），" in got, got  # exact: no word of rounding
    got = (await said(tg, LI["id"], LI, f"/hours {code} 10分钟"))["plain_text"]
    assert got == "“10分钟”太短了，登记不了：志愿时长按半小时计，满 15 分钟算 0.5 小时。", got
    got = (await said(tg, AMY["id"], AMY, f"/hours {code} 1.2"))["plain_text"]
    assert "1 h logged for “社区清洁” (counted in half hours; you wrote “1.2”)" in got, got
    got = (await said(tg, AMY["id"], AMY, f"/hours {code} 0"))["plain_text"]
    assert "is not a number of hours" in got, got


async def test_the_check_in_receipt_suggests_hours_the_activity_allows(bot, tg, db, clock) -> None:
    """'/checkin K7MPQ' at a one-hour activity answered '…活动结束后可以登记志愿时长：/hours K7MPQ 2', an
    example the bot then refuses ('最多登记 1 小时'); now the example is the activity's length."""
    await two_branches(tg, LI, AMY)
    await said(tg, SEC["id"], SEC, '/activity new "清洁" 今天 10:00 1h')
    code = (await activities(db))[-1].code
    got = (await said(tg, LI["id"], LI, f"/checkin {code}"))["plain_text"]
    assert got.endswith(f"活动结束后可以登记志愿时长：/hours {code} 1"), got
    await said(tg, SEC["id"], SEC, '/activity new "巡查" 今天 9:30-12:00')
    code = (await activities(db))[-1].code
    got = (await said(tg, AMY["id"], AMY, f"/checkin {code}"))["plain_text"]
    assert got.endswith(f"log your volunteer hours: /hours {code} 2.5"), got
    got = (await said(tg, AMY["id"], AMY, f"/hours {code} 2.5"))["plain_text"]
    assert got.startswith("📝 2.5 h logged"), got
