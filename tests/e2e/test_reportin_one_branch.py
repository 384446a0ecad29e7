"""A report-in to a second branch while one waits in another, through the real bot on SQLite and
PostgreSQL. 李师傅's '/reportin …' in 朝阳's group, then in Haidian's, left both pending: two
secretaries each one tap from registering him, the later approval quietly marking the first
'moved'. A party member reports in to the one branch where he works: now the second withdraws the
first, his receipt says so, 张书记's card loses its buttons and says he withdrew it, and a press
that still arrives is told so."""
from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import select

from storage.models.checkins import ReportIn
from tests.conftest import GROUP, GROUP_B, LI, SEC, SEC_B, answer_for, buttons, said, two_branches, until, with_boss


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _card(tg, chat_id: int, title: str) -> dict[str, Any]:
    async def there() -> dict[str, Any] | None:
        return next((m for m in await tg.messages(chat_id) if title in m["plain_text"]), None)
    return await until(there)


async def test_a_second_report_in_withdraws_the_one_waiting_elsewhere(bot, tg, db) -> None:
    await two_branches(tg, LI)
    await said(tg, GROUP, LI, "/reportin 河南省周口市某村党支部")
    card = await _card(tg, SEC["id"], "党员报到 #1")
    assert buttons(card), card

    got = (await said(tg, GROUP_B, LI, "/reportin 河南省周口市某村党支部"))["plain_text"]
    assert got == ("📮 已向「Haidian」提交报到（组织关系：河南省周口市某村党支部），支部书记确认后会通知你。"
                   "党员只向工作所在的一个支部报到：你之前向「朝阳支部」提交、还在等待确认的报到已撤回，那边的书记也会看到。"), got
    assert buttons(await _card(tg, SEC_B["id"], "Party member report-in #2"))

    async def settled() -> dict[str, Any] | None:
        now = await _card(tg, SEC["id"], "党员报到 #1")
        return None if buttons(now) else now
    now = await until(settled)
    assert now["plain_text"].endswith("↩️ 李师傅已撤回这条报到，改向其他支部报到，不用再处理。"), now["plain_text"]

    got = await answer_for(tg, await tg.press(SEC["id"], card["message_id"], SEC, buttons(card)[0]))
    assert "本人已撤回，改向其他支部报到" in got["text"], got
    listed = (await said(tg, SEC["id"], SEC, "/reportins"))["plain_text"]
    assert "没有待确认的报到" in listed, listed
    async with db() as s:
        rows = [(r.id, r.status) for r in (await s.exec(select(ReportIn).order_by(ReportIn.id))).all()]
    assert rows == [(1, "withdrawn"), (2, "pending")], rows
