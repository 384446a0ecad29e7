"""/export's start date as a secretary says it in Chinese, through the real bot on SQLite and
PostgreSQL. 张书记's '/export cases 2026年11月1日起' and '/export cases 从11月1日起' were answered
'没看懂“2026年11月1日起”…' (the 起 of 'from … on' taken for part of the date), and '/export cases 11月1號'
(her phone set to traditional characters) and '/export cases 11月1号' '没看懂…'. Now 从/自 … 起/开始/以来
around a day say since it, and a date is read through the word tables' key (bot.typed.typed_key:
full width, traditional characters), in the one day reader (bot.timeparse.read_day) too."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.conftest import SEC, said, two_branches, with_boss


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_since_said_in_chinese(bot, tg, db) -> None:
    await two_branches(tg)
    today = datetime.now(bot.settings.tz).date()
    nov1 = date(today.year if (today.month, today.day) >= (11, 1) else today.year - 1, 11, 1).isoformat()
    for typed, day in (("2025年11月1日起", "2025-11-01"), ("从2025年11月1日开始", "2025-11-01"),
                       ("2025年11月1號", "2025-11-01"), ("自2025/11/1以来", "2025-11-01"),
                       ("11月1號", nov1), ("从11月1号起", nov1), ("上個月起", None)):
        got = (await said(tg, SEC["id"], SEC, f"/export cases {typed}"))["plain_text"]
        assert got.startswith("📎 工单导出（") and (day is None or f"（{day} 起" in got), (typed, got)
    got = (await said(tg, SEC["id"], SEC, "/export cases 起"))["plain_text"]
    assert got.startswith("没看懂“起”"), got
