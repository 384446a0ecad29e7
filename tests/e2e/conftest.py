"""Fixtures several e2e files share; a file's own fixture of the same name overrides one of these."""
from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from bot.config import Settings
from tests.e2e.contract.conftest import RunningWeCom, wecom_bot
from tests.e2e.contract.wecom_driver import WeComDriver


@pytest.fixture
async def wecom(settings: Settings, database_url: str) -> AsyncIterator[tuple[WeComDriver, RunningWeCom]]:
    """The WeCom runtime against its emulator, on this test's settings and database."""
    async with wecom_bot(settings, database_url) as pair:
        yield pair


@pytest.fixture
def clock(bot: Any) -> Any:
    """The check-in service's clock, at 2026-12-01 10:00 in Asia/Shanghai; a test moves it
    (`clock.now = local(…)`, tests/e2e/test_checkins.py)."""
    from tests.e2e.test_checkins import Clock, local
    c = Clock(local(2026, 12, 1, 10, 0))
    bot.core.checkins.clock = c
    return c


@pytest.fixture
def wecom_clock(wecom: tuple[WeComDriver, RunningWeCom]) -> Any:
    """`clock` for the bot on WeCom: its check-in service at 2026-12-01 10:00 in Asia/Shanghai, so an
    activity '今天 9:00 2h' is under way whatever the hour the suite runs at."""
    from tests.e2e.test_checkins import Clock, local
    c = Clock(local(2026, 12, 1, 10, 0))
    wecom[1].core.checkins.clock = c
    return c


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    """A web client keeping the dashboard's session cookie (127.0.0.1's: an unsafe jar)."""
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as s:
        yield s
