"""A send time set apart by the comma a Chinese input method types, through the real bot on SQLite
and PostgreSQL. 张书记's '/broadcast all 每周一，08：30 周例会提醒' was refused ('开头的“每周一，08：30”
像是发送时间，但我没看懂…'), '/broadcast all 明天，8点 开会' was a broadcast to send NOW whose text was
'明天，8点 开会', and '… 明天 8:30，开会' was refused; now a '，' or '；' sets a send time's words apart
as a space does (bot.timeparse.time_words), the text starting after it; a text that only opens
with a day word and a comma ('明天，大家注意安全') is still a text sent now."""
from __future__ import annotations

import pytest

from tests.conftest import SEC, said, two_branches, with_boss


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_send_time_set_apart_by_a_comma(bot, tg, db) -> None:
    await two_branches(tg)
    for typed, when, text in (("/broadcast all 每周一，08：30 周例会提醒", "时间：每周一 08:30", "周例会提醒"),
                              ("/broadcast all 明天，8点 开会", " 08:00", "开会"),
                              ("/broadcast all 明天 8:30，开会", " 08:30", "开会"),
                              ("/broadcast all 明天，大家注意安全", "时间：立即", "明天，大家注意安全")):
        got = (await said(tg, SEC["id"], SEC, typed))["plain_text"]
        assert "推送预览" in got and when in got and got.endswith(f"\n{text}"), (typed, got)
        await said(tg, SEC["id"], SEC, "/broadcast cancel")
