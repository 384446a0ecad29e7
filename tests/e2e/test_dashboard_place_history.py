# ruff: noqa: F811  (the fixtures imported from test_dashboard are parameters here)
"""The dashboard's timeline of a case whose place the reporter corrected says so ("更正地点"), as the
chat's /case card does: it said "补充地点" (place added), as for a place given where it was missing.
In a real browser (Debian's Chromium, Playwright) against the real `sentinel web` and the real bot."""
from __future__ import annotations

from typing import Any

import pytest

from bot.config import Settings, WebSettings
from bot.i18n import t
from emulator.client import EmulatorClient
from tests.conftest import GROUP, LI, SEC, said, until, with_boss
from tests.e2e.test_dashboard import _free_port, bound, browser, logged_in, web  # noqa: F401
from tests.factories import read_case


@pytest.fixture
def settings(settings: Settings) -> Settings:
    port = _free_port()
    return with_boss(settings, web=WebSettings(port=port, public_url=f"http://127.0.0.1:{port}"))


async def test_a_corrected_place_reads_corrected_in_the_dashboards_timeline(
        web: str, tg: EmulatorClient, db: Any, browser: Any) -> None:
    await bound(tg, db)
    created = await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    await tg.send(GROUP, LI, "不对，是幸福小区5号门", reply_to_message_id=created["message_id"])

    async def corrected() -> bool:
        return (await read_case(db)).location == "幸福小区5号门"
    await until(corrected)
    number = f"C-{(await read_case(db)).id:06d}"
    page = await logged_in(browser, tg, SEC)
    await page.goto(f"{web}/dash/cases/{number}")
    timeline = await page.inner_text("#timeline")
    assert t("zh", "ev-location_corrected") in timeline and "幸福小区5号门" in timeline, timeline
    assert t("zh", "ev-location") not in timeline, timeline
