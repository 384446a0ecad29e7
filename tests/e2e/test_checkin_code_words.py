"""A rider's /checkin with words around the code, through the real bot on SQLite and PostgreSQL:
'/checkin K7MPQ 到了' got '没有签到码为“K7MPQ到了”的活动' (the words were joined into one code), as did
'/checkin 签到 K7MPQ' and '/checkin K7MPQ thanks'. Now the code among the words checks in; words with
no code are still told the code is unknown."""
from __future__ import annotations

import pytest

from tests.conftest import AMY, LI, SEC, WANG, said, two_branches, with_boss
from tests.e2e.test_checkins import activities


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_the_code_among_a_riders_words_checks_in(bot, tg, db, clock) -> None:
    await two_branches(tg, LI, WANG, AMY)
    await said(tg, SEC["id"], SEC, '/activity new "今天清洁" 今天 10:00 2h')
    code = (await activities(db))[-1].code
    got = (await said(tg, LI["id"], LI, f"/checkin {code} 到了"))["plain_text"]
    assert "签到成功" in got, got
    got = (await said(tg, WANG["id"], WANG, f"/checkin 签到{code.lower()}"))["plain_text"]
    assert "签到成功" in got, got
    got = (await said(tg, AMY["id"], AMY, f"/checkin {code} thanks"))["plain_text"]
    assert "Checked in" in got, got
    got = (await said(tg, LI["id"], LI, "/checkin 签到了"))["plain_text"]
    assert "没有签到码为“签到了”的活动" in got, got
