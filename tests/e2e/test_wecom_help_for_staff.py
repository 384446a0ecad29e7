"""A secretary's /help in a WeCom group, through the WeCom driver. Before: 张书记's '/help' there (and
a department member's) answered the Telegram help — '📸 上报：在群里直接描述问题（可带照片或位置）',
'回复地点文字或发位置即可' — where a WeCom group hears only what @-mentions the bot and takes no photo
nor pin, while a rider's /help in the same group read the WeCom wording; the staff line was added to the
wrong one. Now the staff read the riders' WeCom help and the line sending them to the private chat."""
from __future__ import annotations

from typing import Any

import pytest

from bot.config import Settings
from tests.conftest import AMY, GROUP, GROUP_B, LI, SEC, SEC_B, said, two_branches, with_boss
from tests.e2e.contract.conftest import RunningWeCom
from tests.e2e.contract.wecom_driver import WeComDriver


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return with_boss(settings)


async def test_a_secretarys_help_in_a_wecom_group_is_the_wecom_help(
        wecom: tuple[WeComDriver, RunningWeCom], db: Any) -> None:
    tg, _ = wecom
    await two_branches(tg, LI, AMY)
    rider = (await said(tg, GROUP, LI, "/help"))["plain_text"]
    staff = (await said(tg, GROUP, SEC, "/help"))["plain_text"]
    assert "@我" in rider and "@我" in staff and "可带照片或位置" not in staff, staff
    assert staff.startswith(rider) and "书记和部门的命令不在群里列出" in staff, staff
    for who in (SEC_B, AMY):  # (WeCom tells no language: each says theirs)
        await said(tg, who["id"], who, "/lang en")
    english = (await said(tg, GROUP_B, SEC_B, "/help"))["plain_text"]
    assert english.startswith((await said(tg, GROUP_B, AMY, "/help"))["plain_text"]), english
    assert "Secretary and department commands are not listed" in english and "@" in english, english
