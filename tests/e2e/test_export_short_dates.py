# ruff: noqa: F811  (the fixtures imported from test_dashboard are parameters here)
"""A start date without its year written with a slash or a dot, through the real bot on SQLite and
PostgreSQL. 张书记's '/export cases 12/1' and '/export cases 12.1' were answered '没看懂“12/1”…' though
'12-01' and '12月1日' were read (by /export's own copy of a short date), and the dashboard's date
filter 'since=11-01' was refused as no date. Now the one day reader (bot.timeparse.read_day) reads a
day without its year (11-01, 11/1, 11.1, 11月1日), given today, as its last such day up to today, for
/export and the dashboard alike."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

import aiohttp
import pytest

from bot.config import Settings, WebSettings
from emulator.client import EmulatorClient
from tests.conftest import SEC, said, with_boss
from tests.e2e.test_dashboard import _free_port, bound, link_for, web  # noqa: F401


@pytest.fixture
def settings(settings: Settings) -> Settings:
    port = _free_port()
    return with_boss(settings, web=WebSettings(port=port, public_url=f"http://127.0.0.1:{port}"))


def _last(today: date, month: int, day: int) -> str:
    return date(today.year if (today.month, today.day) >= (month, day) else today.year - 1, month, day).isoformat()


async def test_short_dates_in_chat_and_on_the_web(web: str, bot, tg: EmulatorClient, db: Any,
                                                  http: aiohttp.ClientSession) -> None:
    await bound(tg, db)
    today = datetime.now(bot.settings.tz).date()
    for typed in ("11/1", "11.1", "11-01", "11月1日", "１１／１"):
        got = (await said(tg, SEC["id"], SEC, f"/export cases {typed}"))["plain_text"]
        assert got.startswith(f"📎 工单导出（{_last(today, 11, 1)} 起"), (typed, got)
    got = (await said(tg, SEC["id"], SEC, "/export cases 2/30"))["plain_text"]
    assert got.startswith("没看懂“2/30”"), got
    token = (await link_for(tg, SEC)).split("t=", 1)[1]
    async with http.post(f"{web}/dash/login", data={"t": token}, allow_redirects=False) as r:
        assert r.status == 303, await r.text()
    for typed in ("11-01", "11/1", "11.1"):
        async with http.get(f"{web}/dash/cases", params={"since": typed}) as r:
            page = await r.text()
            assert r.status == 200 and f'name="since" value="{_last(today, 11, 1)}"' in page, (typed, r.status)
