"""A reply to a survey naming an option it has not, through the real bot on SQLite and PostgreSQL: 王哥's
'选４' (or '4') replying to a three-option survey was silence, as chit-chat is, where '2' had been
answered; now it is answered with the options, as /vote answers a number naming none. A closed survey, or
words naming nothing, stay as before."""
from __future__ import annotations

import pytest

from tests.conftest import AMY, GROUP, LI, SEC, WANG, said, two_branches, until, with_boss


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_number_naming_no_option_is_answered_with_the_options(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG, AMY)
    await tg.send(GROUP, LI, "幸福小区3号门的路灯坏了")
    await said(tg, SEC["id"], SEC, "/survey new 午休点选哪里？| 驿站 | 公园 | 商场")
    async def posted() -> dict | None:
        return next((m for m in await tg.messages(GROUP["id"]) if "问卷 #1" in m["plain_text"]), None)
    survey = await until(posted)
    got = (await said(tg, GROUP, WANG, "选４", reply_to_message_id=survey["message_id"]))["plain_text"]
    assert got == "问卷 #1 没有这个选项，请选 1–3：1 驿站；2 公园；3 商场。", got
    got = (await said(tg, GROUP, AMY, "5", reply_to_message_id=survey["message_id"]))["plain_text"]
    assert got == "Survey #1 has no such option; choose 1–3: 1 驿站; 2 公园; 3 商场.", got
    got = (await said(tg, GROUP, WANG, "2", reply_to_message_id=survey["message_id"]))["plain_text"]
    assert got.startswith("✅ 已记录：公园"), got
