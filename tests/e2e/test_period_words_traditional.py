"""Period words typed in traditional characters, through the real bot on SQLite and PostgreSQL: a rider on
a Hong Kong or Taiwan keyboard typing '/top 本週' (or '上個月', '這個禮拜') got the usage ('用法：/top …'),
and a secretary's '/export cases 上週 csv' was told '没看懂“上週”'. Now every period word reads in either
script, through one table (bot.periods.period_named): /top shows that board, /export starts there."""
from __future__ import annotations

import pytest

from tests.conftest import GROUP, LI, SEC, private, said, two_branches, with_boss
from tests.factories import new_message


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_top_and_export_read_traditional_period_words(bot, tg, db) -> None:
    await two_branches(tg, LI)
    for typed, heading in (("/top 本週", "本周积分排行"), ("/top 上個月", "上个月积分排行"),
                           ("/top 這個禮拜", "本周积分排行"), ("/top 上週", "上周积分排行"), ("/top 今年", "今年积分排行")):
        got = (await said(tg, GROUP, LI, typed))["text"]
        assert heading in got, (typed, got)
    before = len(await tg.messages(SEC["id"]))
    await tg.send(private(SEC), SEC, "/export cases 上週 csv")
    doc = await new_message(tg, SEC["id"], before, lambda m: m.get("document") or "没看懂" in m.get("text", ""))
    assert doc.get("document"), doc.get("text")
