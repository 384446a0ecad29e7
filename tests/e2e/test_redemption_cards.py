"""A redemption's request cards once it is decided, through the real bot on SQLite and PostgreSQL.
Each secretary of the branch and each superadmin gets a card with ✅ 发放 / ❌ 拒绝并退分; decided by
/fulfil or /refuse, or by a press on one copy, every other copy kept its live buttons (a press on
them only answered '已经处理过了'). Now every copy loses them and says who decided what. And a
secretary of another branch pressing a card's button read 'There is no redemption “1”', not R1."""
from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import select

from storage.models.points import PointsItem
from tests.conftest import BOSS, GROUP, LI, SEC, SEC_B, answer_for, buttons, two_branches, until, with_boss
from tests.e2e.test_points_bot import _command, _said


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _grant(tg, points: int) -> None:
    """李师傅 says something in 朝阳's group; 张书记 grants him `points` in a reply to it."""
    sent = await tg.send(GROUP, LI, "大家注意安全")
    await _command(tg, SEC, f"/points grant {points} 值班", "已给", chat=GROUP, reply_to_message_id=sent["message_id"])


async def _card(tg, chat_id: int, number: str) -> dict[str, Any]:
    return await _said(tg, chat_id, f"兑换申请 {number}")


async def _settled(tg, chat_id: int, number: str) -> dict[str, Any]:
    async def bare() -> dict[str, Any] | None:
        card = next(m for m in await tg.messages(chat_id) if f"兑换申请 {number}：" in m["text"])
        return None if buttons(card) else card
    return await until(bare)


async def test_every_copy_of_a_request_card_says_who_decided(bot, tg, db) -> None:
    await two_branches(tg, LI)
    await _grant(tg, 60)
    await _command(tg, LI, "/redeem meal", "R1")
    await _command(tg, LI, "/redeem meal", "R2")
    for number in ("R1", "R2"):
        for staff in (SEC, BOSS):
            assert buttons(await _card(tg, staff["id"], number)), (staff, number)

    await _command(tg, SEC, "/fulfil R1 券码 8842", "已处理兑换 R1")  # by command: both copies settle
    for staff in (SEC, BOSS):
        card = await _settled(tg, staff["id"], "R1")
        assert "张书记" in card["text"] and "发放" in card["text"].split("\n")[-1], card["text"]

    boss_card = await _card(tg, BOSS["id"], "R2")  # by a press on the superadmin's copy: the secretary's settles
    await tg.press(BOSS["id"], boss_card["message_id"], BOSS, "pr:2:n")
    card = await _settled(tg, SEC["id"], "R2")
    assert "超管" in card["text"] and "拒绝" in card["text"].split("\n")[-1], card["text"]
    assert "超管" in (await _settled(tg, BOSS["id"], "R2"))["text"]


async def test_another_branchs_secretary_pressing_a_card_reads_its_number(bot, tg, db) -> None:
    await two_branches(tg, LI)
    await _grant(tg, 30)
    await _command(tg, LI, "/redeem meal", "R1")
    card = await _card(tg, SEC["id"], "R1")
    got = await answer_for(tg, await tg.press(SEC["id"], card["message_id"], SEC_B, "pr:1:y"))
    assert got["text"] == "There is no redemption “R1” in your scope.", got
    async with db() as s:
        assert (await s.exec(select(PointsItem).where(PointsItem.code == "meal"))).one().stock == 299
