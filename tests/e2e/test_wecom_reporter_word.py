"""A rider who did not report a case types '/reopen C-000001' in a WeCom group, through the WeCom driver.
Before: he was told '…直接在群里再报一次就行；这张工单的每一步进展，群里都看得到', the Telegram wording:
a WeCom group hears only what @-mentions the bot, and a case's progress goes to its reporter privately,
not to the group; and a staff command he typed ('/accept C-000001') was told '要上报问题，直接在群里描述就行，
每一步进展都会回复你'. Now: report it (again) by @-mentioning the bot, and its progress comes privately."""
from __future__ import annotations

from typing import Any

import pytest

from bot.config import Settings
from tests.conftest import GROUP, LI, WANG, said, two_branches, with_boss
from tests.e2e.contract.conftest import RunningWeCom
from tests.e2e.contract.wecom_driver import WeComDriver
from tests.factories import read_cases_at_least


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return with_boss(settings)


async def test_a_riders_reopen_in_a_wecom_group_says_how_it_works_there(
        wecom: tuple[WeComDriver, RunningWeCom], db: Any) -> None:
    tg, _ = wecom
    await two_branches(tg, LI, WANG)
    await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    await read_cases_at_least(db, 1)
    told = (await said(tg, GROUP, WANG, "/reopen C-000001"))["plain_text"]
    assert told.startswith("只有上报人本人可以把这张工单重新打开。"), told
    assert "群里都看得到" not in told and "@我" in told and "私聊" in told, told
    # a staff command typed by a rider: '要上报问题，直接在群里描述就行，每一步进展都会回复你' was Telegram's too
    for command in ("/accept C-000001", "/recat C-000001 road"):
        staff_only = (await said(tg, GROUP, WANG, command))["plain_text"]
        assert "由支部书记和责任部门操作" in staff_only and "在群里 @我 说一句就行" in staff_only, staff_only
