"""An activity typed as a busy secretary types it, through the real bot on SQLite and PostgreSQL.
张书记's '/activity new 周六社区清洁，下周六，9:00，两小时' (her input method's commas between the
parts) was answered '格式不对…', '… 9:00 两小时' and '… 9:00 1个半小时' '请写活动时长…' though
/hours reads those very words, '… 2h 五百米' '格式不对…'; Sec B's '/activity new Clean-up saturday
9am 2 hours' 'Please give a length…'. Now an activity's parts may be set apart by commas, its length
is read as /hours reads hours (bot.checkins.parsing.hours_typed, with a unit), a number and its unit
may stand apart (`2 hours`, `500 m`), and a radius may be said in Chinese numerals."""
from __future__ import annotations

import pytest

from tests.conftest import SEC, SEC_B, said, two_branches, with_boss


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_an_activity_typed_in_a_hurry_is_created(bot, tg, db) -> None:
    await two_branches(tg)
    for typed, span in (("/activity new 周六社区清洁，下周六，9:00，两小时", "09:00–11:00"),
                        ("/activity new 周六社区清洁 下周六 9:00 1个半小时", "09:00–10:30")):
        got = (await said(tg, SEC["id"], SEC, typed))["plain_text"]
        assert got.startswith("✅ 已创建活动「周六社区清洁」") and span in got, (typed, got)
    got = (await said(tg, SEC["id"], SEC, "/activity new 社区清洁 明天 9:00 2h 五百米"))["plain_text"]
    assert got.startswith("✅ 已创建活动「社区清洁」") and "到场 500 米内才能签到" in got, got
    got = (await said(tg, SEC_B["id"], SEC_B, "/activity new Clean-up tomorrow 9am 2 hours"))["plain_text"]
    assert got.startswith("✅ Activity “Clean-up” created") and "09:00–11:00" in got, got
