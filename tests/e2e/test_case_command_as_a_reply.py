"""A case command sent as a reply to the case's message, without its number, through the real bot
on SQLite and PostgreSQL. In 朝阳's group 张书记 replied to 李师傅's report with
'/accept@rider_sentinel_bot' and was answered with the usage, to the bot's '📝 已登记工单 C-000001…'
with '/note 已派人查看' and was told '找不到工单“已派人查看”…'; Sec B's '/assign road' to the bot's
message in his group read 'No case “road” that you can see.'. Now a case command (and /case) sent in a
group as a reply to the rider's report or the bot's news of a case, with no number, acts on that case;
the case holds to that group as its number would, and another branch's secretary is refused as before."""
from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import AMY, GROUP, GROUP_B, LI, SEC, SEC_B, said, two_branches, with_boss


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _report(tg, group: dict[str, Any], who: dict[str, Any], text: str) -> tuple[dict[str, Any], dict[str, Any]]:
    before = len(await tg.messages(group["id"]))
    sent = await tg.send(group, who, text)
    msgs = await tg.wait(group["id"], before + 1)
    return sent, msgs[before]


async def test_a_case_command_as_a_reply_acts_on_that_case(bot, tg, db) -> None:
    await two_branches(tg, LI)
    report, news = await _report(tg, GROUP, LI, "幸福小区3号门的路灯坏了，晚上黑乎乎的")
    assert "C-000001" in news["plain_text"], news
    got = (await said(tg, GROUP, SEC, "/accept@rider_sentinel_bot",
                      reply_to_message_id=report["message_id"]))["plain_text"]
    assert "用法" not in got and "C-000001" in got and "已受理" in got, got
    got = (await said(tg, GROUP, SEC, "/note 已派人查看", reply_to_message_id=news["message_id"]))["plain_text"]
    assert "找不到" not in got and "已派人查看" in got, got
    got = (await said(tg, GROUP, SEC, "/case", reply_to_message_id=news["message_id"]))["plain_text"]
    assert got.startswith("📋 C-000001"), got


async def test_in_english_and_not_for_another_branch(bot, tg, db) -> None:
    await two_branches(tg, AMY, LI)
    _, news = await _report(tg, GROUP_B, AMY, "The street light is out at Keyuan Rd gate 2, totally dark")
    got = (await said(tg, GROUP_B, SEC_B, "/assign road", reply_to_message_id=news["message_id"]))["plain_text"]
    assert "No case" not in got and "Road maintenance" in got, got
    report, _ = await _report(tg, GROUP, LI, "幸福小区3号门的路灯坏了，晚上黑乎乎的")
    got = (await said(tg, GROUP, SEC_B, "/accept", reply_to_message_id=report["message_id"]))["plain_text"]
    assert got == "No case “C-000002” that you can see. Case numbers look like C-000123.", got  # as typed with it
