"""Words riders and secretaries type for what the bot shows them, through the real bot on SQLite and
PostgreSQL: an item's name as /shop shows it (`/redeem 流量包`, not only `data_pack`), which used to get
'没有编号为「流量包」的兑换项目'."""
from __future__ import annotations

import pytest

from tests.conftest import AMY, GROUP, LI, SEC, WANG, ledger, said, two_branches, with_boss


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _granted(tg, db, who: dict, amount: int) -> None:
    """`who` speaks in GROUP and the secretary grants them `amount` points in reply."""
    spoken = await tg.send(GROUP, who, "大家好")
    await tg.send(GROUP, SEC, f"/points grant {amount} 协助处置积水", reply_to_message_id=spoken["message_id"])
    await ledger(db, who["id"], at_least=1)


async def test_an_item_is_redeemed_by_the_name_the_shop_shows(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG, AMY)
    await _granted(tg, db, LI, 200)
    await _granted(tg, db, AMY, 200)
    shop = (await said(tg, LI["id"], LI, "/shop"))["plain_text"]
    assert "/redeem 编号或名称" in shop, shop
    got = (await said(tg, LI["id"], LI, "/redeem 流量包"))["plain_text"]
    assert "流量包 10GB" in got and "没有编号" not in got, got
    got = (await said(tg, LI["id"], LI, "/redeem 「爱心餐」"))["plain_text"]
    assert "驿站爱心餐券" in got and "没有编号" not in got, got
    got = (await said(tg, LI["id"], LI, "/redeem 游艇"))["plain_text"]
    assert "没有编号或名称为「游艇」的兑换项目" in got, got
    got = (await said(tg, AMY["id"], AMY, "/redeem meal voucher"))["plain_text"]
    assert "Station meal voucher" in got and "nothing called" not in got, got
    got = (await said(tg, AMY["id"], AMY, "/redeem charging 2"))["plain_text"]  # the code, then a count
    assert "E-bike charging" in got, got
    assert "/redeem data_pack 或 /redeem 流量包" in (await said(tg, LI["id"], LI, "/redeem"))["plain_text"]
    spent = [e for e in await ledger(db, LI["id"]) if e.rule == "redeem"]
    assert sorted(-e.points for e in spent) == [20, 50]
