"""A broadcast's time said 'tomorrow at 8', through the real bot on SQLite and PostgreSQL. Sec B's
'/broadcast all tomorrow at 8 Road closed' was previewed as 'When: now' with the text 'tomorrow at 8
Road closed', one tap from every group. Now a day word then 'at' and a bare hour (morning or
evening?) is a time meant but not readable, refused as '每周八 08:30' is (bc-err-when-mistyped: nothing
drafted, put 'now' first if it is the text); 'tomorrow at 8am' is read as before."""
from __future__ import annotations

import pytest

from tests.conftest import SEC, SEC_B, said, two_branches, with_boss


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_bare_hour_after_a_day_is_asked_again(bot, tg, db) -> None:
    await two_branches(tg)
    for typed in ("/broadcast all tomorrow at 8 Road closed", "/broadcast all Monday at 9 meeting"):
        got = (await said(tg, SEC_B["id"], SEC_B, typed))["plain_text"]
        assert got.startswith("⚠️ “") and "nothing was drafted or sent" in got, (typed, got)
    got = (await said(tg, SEC["id"], SEC, "/broadcast all 明天 at 8 建国路封路"))["plain_text"]
    assert got.startswith("⚠️ 开头的“明天 at 8”像是发送时间"), got
    got = (await said(tg, SEC_B["id"], SEC_B, "/broadcast all tomorrow at 8am Road closed"))["plain_text"]
    assert got.startswith("📢 Broadcast preview #1") and "08:00" in got, got
    got = (await said(tg, SEC_B["id"], SEC_B, "/broadcast all Tomorrow the road is closed"))["plain_text"]
    assert got.startswith("📢 Broadcast preview #2") and "When: now" in got, got
