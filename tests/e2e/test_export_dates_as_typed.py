"""/export's start date and format as a secretary types them, through the real bot on SQLite and
PostgreSQL. 张书记's '/export cases 2026年11月1日' was answered '没看懂“2026年11月1日”…' and
'/export cases 7天 excel' '没看懂“excel”…'; now a date with 年月日 or slashes is read as the
dashboard reads one (bot.timeparse.read_day), and excel (xls, 表格) names the xlsx format."""
from __future__ import annotations

import pytest

from tests.conftest import SEC, said, two_branches, with_boss


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_date_and_a_format_as_typed(bot, tg, db) -> None:
    await two_branches(tg)
    for typed in ("/export cases 2026年11月1日", "/export cases 2026/11/1 excel"):
        got = (await said(tg, SEC["id"], SEC, typed))["plain_text"]
        assert got.startswith("📎 工单导出（2026-11-01 起"), (typed, got)
