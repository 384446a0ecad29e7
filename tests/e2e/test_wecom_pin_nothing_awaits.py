"""A location pin nothing waits for, and a greeting, on WeCom, through the real bot on its WeCom
emulator, SQLite and PostgreSQL. Amy's pin in her private chat was told 'to give or correct a case's
place, send it as a reply to my message about the case' and 'or reply to this location with /checkin
CODE' (a secretary: 'reply to this location with /activity new …'), and '@bot hello' in the group
'send me a description (with the place or a pin)': WeCom has no replies, and a group delivers no
pins. Now WeCom's wording: the place corrected in words, /checkin (/activity place) then the pin,
and a pin in the private chat; in English for English, Chinese first otherwise."""
from __future__ import annotations

from typing import Any

import pytest

from bot.config import Settings
from tests.conftest import AMY, GROUP, LI, SEC, said, two_branches, with_boss
from tests.e2e.contract.conftest import RunningWeCom
from tests.e2e.contract.wecom_driver import WeComDriver

PIN = {"latitude": 39.91, "longitude": 116.40}


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return with_boss(settings)


async def test_a_pin_nothing_awaits_says_what_a_pin_does_on_wecom(wecom: tuple[WeComDriver, RunningWeCom],
                                                                  db: Any) -> None:
    tg, _ = wecom
    await two_branches(tg, AMY, LI)
    await said(tg, AMY["id"], AMY, "/lang en")
    told = (await said(tg, AMY["id"], AMY, location=PIN))["plain_text"]
    assert told.startswith("📍 Location received, but nothing is waiting for one."), told
    assert "reply" not in told.lower() and "wrong place, it is" in told and "/checkin CODE, then" in told, told
    zh = (await said(tg, LI["id"], LI, location=PIN))["plain_text"]
    assert zh.startswith("📍 收到位置") and "回复" not in zh and "地点不对" in zh, zh
    staff = (await said(tg, SEC["id"], SEC, location=PIN))["plain_text"]
    assert "回复" not in staff and "/activity place" in staff, staff


async def test_a_greeting_in_a_wecom_group_asks_for_no_pin_there(wecom: tuple[WeComDriver, RunningWeCom],
                                                                 db: Any) -> None:
    tg, _ = wecom
    await two_branches(tg, AMY, LI)
    hello = (await said(tg, GROUP, AMY, "hello"))["plain_text"]
    assert hello.startswith("Hello!") and "private chat" in hello, hello
    zh = (await said(tg, GROUP, LI, "你好"))["plain_text"]
    assert zh.startswith("你好！") and "私聊" in zh, zh
