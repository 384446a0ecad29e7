"""A "+1" in a WeCom group, tried from outside. WeCom has no replies for a bot: a rider who means "me
too" about a report quotes it (引用) and @-mentions the bot, and the AI bot's callback carries the quoted
message's words only (`quote`: its content; no message id, no sender). The words are enough: the bot's
every message about a case names its number, and a report quoted is found by its words in the group.

Before: the WeCom adapter dropped the quote, so "@骑手哨兵 +1" quoting 李师傅's report (or the bot's
"已登记 C-000001") followed nothing; the rider got the bot's general "what I do" answer."""
from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import select

from bot.config import Settings
from storage.models import CaseWatcher
from tests.conftest import AMY, GROUP, GROUP_B, LI, SEC, WANG, said, two_branches, until, with_boss
from tests.e2e.contract.conftest import RunningWeCom
from tests.e2e.contract.wecom_driver import WeComDriver

ZHAO = {"id": 604, "first_name": "赵师傅", "language_code": "zh"}
LAMP = "幸福小区3号门的路灯坏了 晚上黑乎乎的"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return with_boss(settings)


async def _watchers(db: Any) -> set[tuple[int, int]]:
    async with db() as s:
        return {(w.case_id, w.user_id) for w in (await s.exec(select(CaseWatcher))).all()}


async def test_a_plus_one_quoting_a_report_or_its_case_message_follows_the_case(
        wecom: tuple[WeComDriver, RunningWeCom], db: Any) -> None:
    tg, _ = wecom
    await two_branches(tg, LI, WANG, ZHAO, AMY)
    registered = (await said(tg, GROUP, LI, LAMP))["plain_text"]
    assert "C-000001" in registered, registered
    # quoting 李师傅's report: its words, with the @-mention WeCom shows
    told = (await said(tg, GROUP, WANG, "+1", quote=f"@骑手哨兵 {LAMP}"))["plain_text"]
    assert "C-000001" in told and "关注" in told and "李师傅" not in told, told
    # quoting the bot's answer: the case number it names
    told = (await said(tg, GROUP, ZHAO, "同上", quote=registered))["plain_text"]
    assert "C-000001" in told and "关注" in told, told
    assert await until(lambda: _expect(db, {(1, WANG["id"]), (1, ZHAO["id"])}))
    # another branch's case, named in a quote, is nobody's to follow from here
    other = (await said(tg, GROUP_B, AMY, "The street light is out on Keyuan Rd gate 2, completely dark at night"))
    assert "C-000002" in other["plain_text"], other
    answer = (await said(tg, GROUP, WANG, "+1", quote=other["plain_text"]))["plain_text"]
    assert "C-000002" not in answer, answer
    assert await _watchers(db) == {(1, WANG["id"]), (1, ZHAO["id"])}
    # a closed case: told so, briefly, in the group
    await said(tg, SEC["id"], SEC, "/reject C-000001 不属于本辖区")
    closed = (await said(tg, GROUP, ZHAO, "+1", quote=registered))["plain_text"]
    assert "C-000001" in closed and "已经结束" in closed and "重新上报" in closed, closed


async def _expect(db: Any, rows: set[tuple[int, int]]) -> bool:
    return await _watchers(db) == rows
