"""A secretary's English receipt for volunteer hours reads as English, through the real bot on SQLite and
PostgreSQL: Sec B's '/hours approve 1' answered '✅ 1.5 h of Amy approved' (and a rejection '1.5 h of Amy
rejected'), where the Chinese reads '✅ 已认可李师傅的 1.5 小时'; now '✅ Approved Amy's 1.5 h', 'Rejected …'."""
from __future__ import annotations

import pytest

from tests.conftest import AMY, SEC_B, said, two_branches, with_boss
from tests.e2e.test_checkins import activities
from tests.e2e.test_points_bot import _command


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_an_english_hours_receipt(bot, tg, db, clock) -> None:
    await two_branches(tg, AMY)
    await said(tg, SEC_B["id"], SEC_B, '/activity new "Park cleanup" today 9:00 2h')
    code = (await activities(db))[-1].code
    await said(tg, AMY["id"], AMY, f"/hours {code} 1.5")
    got = (await _command(tg, SEC_B, "/hours approve 1", "Amy's"))["plain_text"]
    assert got == "✅ Approved Amy's 1.5 h", got
    await said(tg, SEC_B["id"], SEC_B, '/activity new "Night patrol" today 9:30 1h')
    code = (await activities(db))[-1].code
    await said(tg, AMY["id"], AMY, f"/hours {code} 1")
    got = (await _command(tg, SEC_B, "/hours reject 2 not there", "Amy's"))["plain_text"]
    assert got == "Rejected Amy's 1 h", got
