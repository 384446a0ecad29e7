"""A report-in its rider corrects reaches the secretary, through the real bot on SQLite and PostgreSQL:
李师傅's second '/reportin 河南省周口市某某村党支部' (his first named '…某村党支部') told him '✏️ 已更新你向「朝阳支部」
的报到…', while 张书记 heard nothing and her card still read the old organisation, one tap from approving
it. Now she gets the card as it stands; an unchanged repeat sends her nothing."""
from __future__ import annotations

import pytest

from tests.conftest import GROUP, LI, SEC, buttons, said, two_branches, until, with_boss


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_corrected_report_in_reaches_the_secretary(bot, tg, db) -> None:
    await two_branches(tg, LI)
    await said(tg, GROUP, LI, "/reportin 河南省周口市某村党支部")
    first = await until(lambda: _cards(tg))
    assert len(first) == 1 and "组织关系所在：河南省周口市某村党支部" in first[0]["text"]
    got = (await said(tg, GROUP, LI, "/reportin 河南省周口市某某村党支部"))["plain_text"]
    assert got.startswith("✏️ 已更新你向「朝阳支部」的报到"), got

    async def two() -> list[dict] | None:
        cards = await _cards(tg)
        return cards if len(cards) == 2 else None
    cards = await until(two)
    assert "组织关系所在：河南省周口市某某村党支部" in cards[1]["text"] and buttons(cards[1]) == ["ri:1:a", "ri:1:r"]
    await said(tg, GROUP, LI, "/reportin 河南省周口市某某村党支部")  # the same again: no new card
    await said(tg, SEC["id"], SEC, "/reportins approve 1")
    assert len(await _cards(tg)) == 2
    async def confirmed() -> str | None:
        return next((m["plain_text"] for m in await tg.messages(LI["id"]) if "已确认" in m["plain_text"]), None)
    told = await until(confirmed)
    assert "组织关系：河南省周口市某某村党支部" in told, told


async def _cards(tg) -> list[dict]:
    return [m for m in await tg.messages(SEC["id"]) if "党员报到 #1" in m["plain_text"]]
