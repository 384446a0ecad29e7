"""A secretary's /activity new with its times in words, through the real bot on SQLite and PostgreSQL:
'/activity new 社区清洁 周六 9点-11点' (a time range as said, as '09:00-11:00' is typed) answered '请写开始时间…';
'/activity new 社区清洁 昨天 9:00 2h' made an activity titled '社区清洁 昨天' for today, open for check-in.
Now a range in words is the activity's time ('下午2点到4点' ends at 16:00), and yesterday is a day gone by,
refused as one."""
from __future__ import annotations

import pytest

from tests.conftest import SEC, SEC_B, said, two_branches, with_boss
from tests.e2e.test_checkins import activities


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_time_range_in_words_and_a_day_gone_by(bot, tg, db, clock) -> None:
    await two_branches(tg)
    got = (await said(tg, SEC["id"], SEC, "/activity new 社区清洁 周六 9点-11点"))["plain_text"]
    assert "已创建活动「社区清洁」\n时间：12-05 09:00–11:00" in got, got
    got = (await said(tg, SEC["id"], SEC, "/activity new 社区清洁 明天 下午2点到4点"))["plain_text"]
    assert "已创建活动「社区清洁」\n时间：12-02 14:00–16:00" in got, got
    got = (await said(tg, SEC_B["id"], SEC_B, "/activity new Cleanup saturday 9am - 11am"))["plain_text"]
    assert "Activity “Cleanup” created\nWhen: 12-05 09:00–11:00" in got, got
    got = (await said(tg, SEC["id"], SEC, "/activity new 社区清洁 昨天 9:00 2h"))["plain_text"]
    assert got == "这个时间已经过去了（结束于 11-30 11:00），请检查日期。", got
    assert [a.title for a in await activities(db)] == ["社区清洁", "社区清洁", "Cleanup"]
