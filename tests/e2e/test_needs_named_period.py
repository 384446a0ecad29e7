"""/needs reads a named period as /top and /export read one, through the real bot on SQLite and
PostgreSQL. 张书记's '/needs 本周' and '/needs 上个月' and Sec B's '/needs this week' were answered
'在你的范围内没有代码为“本周”的支部。' / 'There is no branch “week” in your scope.' (/needs read only a
number of days); now the one reader of a period (bot.periods.period_named, span) names the span,
a past period with its end (a case reported today is not last month's)."""
from __future__ import annotations

import pytest

from tests.conftest import SEC, SEC_B, said, two_branches, with_boss
from tests.factories import report


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_named_period(bot, tg, db) -> None:
    await two_branches(tg)
    await report(tg)
    got = (await said(tg, SEC["id"], SEC, "/needs 本周"))["plain_text"]
    assert got.startswith("📈 需求概览 · 朝阳支部 · 本周\n共上报 1 件"), got
    got = (await said(tg, SEC["id"], SEC, "/needs 上个月"))["plain_text"]
    assert got.startswith("📈 需求概览 · 朝阳支部 · 上个月\n共上报 0 件"), got
    for typed in ("/needs week", "/needs this week", "/needs this week hd"):
        got = (await said(tg, SEC_B["id"], SEC_B, typed))["plain_text"]
        assert got.startswith("📈 Needs overview · Haidian · this week"), (typed, got)
    got = (await said(tg, SEC["id"], SEC, "/needs 7"))["plain_text"]
    assert got.startswith("📈 需求概览 · 朝阳支部 · 近 7 天"), got
