"""A WeCom rider whose group report lacks a place sends the place in his private chat with the app,
through the WeCom driver on SQLite and PostgreSQL. Before: the group's question said '📍 还缺地点：请把具体
位置…发给我（在群里请 @我），也可以在私聊里发一个位置', and '光华路和东三环路口' sent privately was answered
'📍 地点是「光华路和东三环路口」。那里出了什么问题？' as if it began a new report; the case stayed without a
place. Now a place named alone in the private chat answers his own case awaiting one, as a pin there did."""
from __future__ import annotations

from typing import Any

import pytest

from bot.config import Settings
from tests.conftest import GROUP, WANG, said, two_branches, until, with_boss
from tests.e2e.contract.conftest import RunningWeCom
from tests.e2e.contract.wecom_driver import WeComDriver
from tests.factories import read_case, read_cases_at_least


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return with_boss(settings)


async def test_a_place_sent_privately_answers_the_group_cases_question(
        wecom: tuple[WeComDriver, RunningWeCom], db: Any) -> None:
    tg, _ = wecom
    await two_branches(tg, WANG)
    asked = (await said(tg, GROUP, WANG, "路上有个大坑 电动车差点摔了"))["plain_text"]
    assert "C-000001" in asked and "还缺地点" in asked, asked
    assert (await read_cases_at_least(db, 1))[0].awaiting_location
    told = (await said(tg, WANG["id"], WANG, "光华路和东三环路口"))["plain_text"]
    assert "C-000001" in told and "光华路和东三环路口" in told and "出了什么问题" not in told, told

    async def placed() -> bool:
        case = await read_case(db, 1)
        return not case.awaiting_location and "光华路" in (case.location or "")
    await until(placed)
    # a report of another matter sent privately is still a report of its own
    other = (await said(tg, WANG["id"], WANG, "建国路88号门口的井盖丢了 很危险"))["plain_text"]
    assert "C-000002" in other, other
