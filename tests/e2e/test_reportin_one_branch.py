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
from tests.conftest import (AMY, GROUP, GROUP_B, LI, SEC, SEC_B, WANG, answer_for, buttons, last, said, two_branches,
                            until, with_boss)


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

    before = len(await tg.messages(LI["id"]))
    got = (await said(tg, GROUP_B, LI, "/reportin 河南省周口市某村党支部"))["plain_text"]
    # the group reads nothing of another branch: the withdrawal is told to 李师傅 privately
    assert got == "📮 已向「Haidian」提交报到（组织关系：河南省周口市某村党支部），支部书记确认后会通知你。", got
    note = (await last(tg, LI["id"], before + 1))["plain_text"]
    assert note == ("↩️ 党员只向工作所在的一个支部报到：你刚在群里提交了新的报到，之前向「朝阳支部」提交、"
                    "还在等待确认的报到已撤回，那边的书记也会看到。"), note
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


async def test_a_rider_the_bot_cannot_write_to_reads_the_withdrawal_unnamed_in_the_group(bot, tg, db) -> None:
    """王哥 never started the bot: the group's receipt says his earlier report-in was withdrawn,
    without naming the branch (nothing of another branch is read in a group)."""
    await two_branches(tg)
    await said(tg, GROUP, WANG, "/reportin 河南省周口市某村党支部")
    got = (await said(tg, GROUP_B, WANG, "/reportin 河南省周口市某村党支部"))["plain_text"]
    assert got == ("📮 已向「Haidian」提交报到（组织关系：河南省周口市某村党支部），支部书记确认后会通知你。"
                   "党员只向工作所在的一个支部报到：你之前向其他支部提交、还在等待确认的报到已撤回。"), got
    assert "朝阳" not in got


async def test_in_private_the_receipt_names_the_branch_withdrawn(bot, tg, db) -> None:
    """Amy (English), known in Haidian from its group, reports in to 朝阳 in 朝阳's group, then
    privately (to Haidian, the one branch she is known in): her private receipt names the branch
    withdrawn."""
    await two_branches(tg, AMY)
    await said(tg, GROUP_B, AMY, "/propose Shade at the depot | a canopy by the charging point")
    await said(tg, GROUP, AMY, "/reportin Party branch of Zhoukou village")
    got = (await said(tg, AMY["id"], AMY, "/reportin Party branch of Zhoukou village"))["plain_text"]
    assert got == ("📮 Your report-in to “Haidian” is submitted (home organisation: Party branch of Zhoukou village). "
                   "You'll hear once the secretary confirms it. A party member reports in to the one branch where "
                   "they work: your report-in to “朝阳支部”, still awaiting confirmation, is withdrawn, and its "
                   "secretary sees that."), got
