"""A WeCom member is named by their name, as on Telegram: the callbacks carry only a userid, and the
bot showed it where Telegram shows a name. Wang followed Li's report with "同上" and the group read
"同样反映过的：u502" when it was accepted; /top ranked "1. u501 — 5 分". Now the directory's name
(user/get, asked once per member) is the member's name: "王哥", "李师傅"."""
from __future__ import annotations

from typing import Any

import pytest

from bot.config import Settings
from storage.models import User
from tests.conftest import GROUP, LI, SEC, WANG, last, said, two_branches, until, with_boss
from tests.e2e.contract.conftest import RunningWeCom
from tests.e2e.contract.wecom_driver import WeComDriver

REPORT = "幸福小区3号门的路灯坏了 晚上黑乎乎的"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return with_boss(settings)


async def test_members_are_named_by_their_names_not_their_userids(wecom: tuple[WeComDriver, RunningWeCom]) -> None:
    tg, _running = wecom
    await two_branches(tg, LI, WANG)
    assert "C-000001" in (await said(tg, GROUP, LI, REPORT))["plain_text"]
    assert "C-000001" in (await said(tg, GROUP, WANG, "同上", quote=REPORT))["plain_text"]
    before = len(await tg.messages(GROUP["id"]))
    await said(tg, SEC["id"], SEC, "/accept C-000001")
    accepted = await last(tg, GROUP["id"], before + 1)
    assert "已受理" in accepted["plain_text"] and "王哥" in accepted["plain_text"], accepted["plain_text"]
    assert "u502" not in accepted["plain_text"]
    top = (await said(tg, LI["id"], LI, "/top"))["plain_text"]
    assert "李师傅" in top and "u501" not in top, top


async def test_a_busy_directory_is_asked_again(wecom: tuple[WeComDriver, RunningWeCom], db: Any) -> None:
    """user/get over its quota (45009) when Li first wrote: his next message asks again, rather than
    naming him by his userid until the process restarts."""
    tg, _running = wecom
    await two_branches(tg)
    await tg.fault("user/get", 45009)
    await said(tg, LI["id"], LI, "/start")
    await said(tg, LI["id"], LI, "/me")

    async def named() -> bool:
        async with db() as s:
            user = await s.get(User, LI["id"])
        return user is not None and user.first_name == LI["first_name"]
    await until(named)
