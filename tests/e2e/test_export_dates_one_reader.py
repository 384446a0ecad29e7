# ruff: noqa: F811  (the fixtures imported from test_dashboard are parameters here)
"""A start date typed as people type it, read the same in the chat's /export and the web dashboard's
date fields, through the real bot on SQLite and PostgreSQL. Sec B's '/export cases Nov 1, 2026' was
answered 'I didn't understand “Nov”…' (the comma after the day kept 'Nov' and '1,' apart), and the
dashboard's '?since=Nov 1' (a field typed without its year) was refused as no date, though the chat
reads 'Nov 1'. Now the commas between an export's parts set words apart as a space does, and the
dashboard reads a date without its year as the chat does (bot.timeparse.read_day, given today)."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

import aiohttp
import pytest

from bot.config import Settings, WebSettings
from emulator.client import EmulatorClient
from tests.conftest import SEC, SEC_B, said, with_boss
from tests.e2e.test_dashboard import _free_port, bound, link_for, web  # noqa: F401


@pytest.fixture
def settings(settings: Settings) -> Settings:
    port = _free_port()
    return with_boss(settings, web=WebSettings(port=port, public_url=f"http://127.0.0.1:{port}"))


def _last_nov1(today: date) -> str:
    return date(today.year if (today.month, today.day) >= (11, 1) else today.year - 1, 11, 1).isoformat()


async def test_commas_between_an_exports_parts(bot, tg: EmulatorClient, db: Any) -> None:
    await bound(tg, db)
    for typed, day in (("/export cases Nov 1, 2025", "2025-11-01"), ("/export cases 1 Nov, 2025, csv", "2025-11-01"),
                       ("/export cases since Nov 1，2025", "2025-11-01")):
        got = (await said(tg, SEC_B["id"], SEC_B, typed))["plain_text"]
        assert got.startswith("📎") and day in got, (typed, got)
    got = (await said(tg, SEC["id"], SEC, "/export cases 2025年11月1日，csv"))["plain_text"]
    assert got.startswith("📎 工单导出（2025-11-01 起"), got


async def test_the_dashboard_reads_a_day_without_its_year(web: str, bot, tg: EmulatorClient, db: Any,
                                                          http: aiohttp.ClientSession) -> None:
    await bound(tg, db)
    token = (await link_for(tg, SEC)).split("t=", 1)[1]
    async with http.post(f"{web}/dash/login", data={"t": token}, allow_redirects=False) as r:
        assert r.status == 303, await r.text()
    nov1 = _last_nov1(datetime.now(bot.settings.tz).date())
    for typed in ("Nov 1", "1 November", "Nov 1, 2025"):
        async with http.get(f"{web}/dash/cases", params={"since": typed}) as r:
            page = await r.text()
            assert r.status == 200, (typed, r.status, page[:300])
            want = "2025-11-01" if "2025" in typed else nov1
            assert f'name="since" value="{want}"' in page, (typed, page[:300])
        async with http.get(f"{web}/dash/api/overview.json", params={"until": typed}) as r:
            assert r.status == 200, (typed, await r.text())
        async with http.get(f"{web}/dash/exports/cases.csv", params={"since": typed}) as r:
            assert r.status == 200, (typed, await r.text())
    async with http.get(f"{web}/dash/cases", params={"since": "Nov 31"}) as r:
        assert r.status == 400
