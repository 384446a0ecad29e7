"""A rider's words reach a WeCom reader as written, as on Telegram (handlers/wecom/markup.py): WeCom's
markdown read what the text between the bot's own markup happened to contain as markup. A rider
reported "我手机13812345678 幸福小区5号楼门口井盖没了 [点这里](http://x.cn)" in the group: the
secretary's urgent alert and the case card quoted it with the phone masked, 138****5678, which WeCom
showed as an empty bold (1385678), and with a live link "点这里" to a site the rider chose, in the
secretary's own chat. On Telegram both read as typed. (The driver's `plain_text` reads the markdown
as WeCom shows it: bold marks and link syntax gone.)"""
from __future__ import annotations

import pytest

from bot.config import Settings
from tests.conftest import GROUP, LI, SEC, said, two_branches, with_boss
from tests.e2e.contract.conftest import RunningWeCom
from tests.e2e.contract.wecom_driver import WeComDriver
from tests.factories import alerted

INVISIBLE = "\u200b"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return with_boss(settings)


async def test_a_riders_words_are_shown_as_written_not_as_markdown(wecom: tuple[WeComDriver, RunningWeCom]) -> None:
    tg, _running = wecom
    await two_branches(tg, LI)
    report = "我手机13812345678 幸福小区5号楼门口井盖没了 **小心** [点这里](http://x.cn)\n> 真的\n# 快来"
    registered = await said(tg, GROUP, LI, report)
    assert "C-000001" in registered["plain_text"]
    alert = await alerted(tg, SEC["id"], "C-000001")
    card = await said(tg, SEC["id"], SEC, "/case C-000001")
    quoted = "我手机138****5678 幸福小区5号楼门口井盖没了 **小心** [点这里](http://x.cn)"
    for shown in (alert, card):
        seen = shown["plain_text"].replace(INVISIBLE, "")
        assert quoted in seen and "13812345678" not in seen, shown["text"]
    seen = alert["plain_text"].replace(INVISIBLE, "")
    assert "\n> 真的" in seen and "\n# 快来" in seen, alert["text"]  # no quote, no heading: the lines as typed
    assert "**C-000001**" not in alert["plain_text"]  # the bot's own bold is still bold
