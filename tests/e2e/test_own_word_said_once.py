"""The reporter confirms or reopens his case by a command in his private chat, through the real bot on
SQLite and PostgreSQL. Before: he was told twice, '你已确认，工单 C-000001 已办结。感谢你的上报！' (the case's
news to him) and then '✅ 已办理 C-000001：确认已解决', a clerk's receipt for his own word (likewise
'✅ 已办理 C-000001：仍未解决' after '你反馈问题仍未解决…'). Now the news alone; staff still get the receipt."""
from __future__ import annotations

import asyncio

import pytest

from tests.conftest import GROUP, LI, SEC, said, two_branches, until, with_boss
from tests.factories import read_case, read_cases_at_least


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _private_after(tg, before: int, news: str) -> list[str]:
    """LI's private chat since `before`, once the case's `news` is there and a moment more has passed."""
    async def said_since() -> list[str]:
        return [str(m.get("plain_text")) for m in (await tg.messages(LI["id"]))[before:]]

    async def arrived() -> bool:
        return any(news in m for m in await said_since())
    await until(arrived, timeout=30)
    await asyncio.sleep(2.0)  # a receipt would follow it at once
    return await said_since()


async def test_the_reporters_own_word_is_answered_once(bot, tg, db) -> None:
    await two_branches(tg, LI)
    await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    await read_cases_at_least(db, 1)
    assert "已办理" in (await said(tg, SEC["id"], SEC, "/accept C-000001"))["plain_text"]
    await said(tg, SEC["id"], SEC, "/resolve C-000001 已更换灯泡")
    await tg.wait(LI["id"], len(await tg.messages(LI["id"])))
    before = len(await tg.messages(LI["id"]))
    await tg.send({"id": LI["id"], "type": "private"}, LI, "/reopen C-000001")
    told = await _private_after(tg, before, "你反馈问题仍未解决")
    assert not any("已办理" in m for m in told), told
    assert (await read_case(db, 1)).status == "in_progress"
    await said(tg, SEC["id"], SEC, "/resolve C-000001 再次更换")
    await asyncio.sleep(1.0)
    before = len(await tg.messages(LI["id"]))
    await tg.send({"id": LI["id"], "type": "private"}, LI, "/confirm C-000001")
    told = await _private_after(tg, before, "你已确认")
    assert not any("已办理" in m for m in told), told
