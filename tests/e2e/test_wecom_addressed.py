"""A WeCom group's message is addressed to the bot: the AI bot is only given the lines that @-mention
it, so each is answered as a Telegram line naming the bot is (tests/e2e/test_outsider6_addressed.py).

Before: the WeCom adapter never marked a group's line as addressed, so "@骑手哨兵 你好", "@骑手哨兵"
alone, "@bot what can you do?" or "@bot /frob" met silence there, the rider who called the bot by name
hearing nothing, where Telegram answers each."""
from __future__ import annotations

from typing import Any

import pytest

from bot.config import Settings
from tests.conftest import AMY, GROUP, GROUP_B, LI, said, two_branches, with_boss
from tests.e2e.contract.conftest import RunningWeCom
from tests.e2e.contract.wecom_driver import WeComDriver


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return with_boss(settings)


async def test_chit_chat_addressed_to_the_bot_in_a_wecom_group_is_answered(
        wecom: tuple[WeComDriver, RunningWeCom], db: Any) -> None:
    tg, _ = wecom
    await two_branches(tg, LI, AMY)
    hello = (await said(tg, GROUP, LI, "你好"))["plain_text"]
    assert hello.startswith("你好！") and "@我" in hello, hello  # WeCom: said to the bot, pins privately
    alone = (await said(tg, GROUP, LI, ""))["plain_text"]
    assert "骑手哨兵" in alone and "登记工单" in alone, alone
    what = (await said(tg, GROUP_B, AMY, "what can you do?"))["plain_text"]
    assert "Rider Sentinel" in what and "register a case" in what, what
    unknown = (await said(tg, GROUP_B, AMY, "/frob"))["plain_text"]
    assert "Unknown command: /frob." in unknown, unknown
    # a report is still a report, answered once
    before = len(await tg.messages(GROUP["id"]))
    registered = (await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的"))["plain_text"]
    assert "C-000001" in registered, registered
    assert len(await tg.wait(GROUP["id"], before + 2, timeout=1.0)) == before + 1, "a report answered twice"
