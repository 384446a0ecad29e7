"""Words riders and secretaries type for what the bot shows them, through the real bot on SQLite and
PostgreSQL: an item's name as /shop shows it (`/redeem 流量包`, not only `data_pack`), and a number of
days with its unit (`/needs 7天`, `/stats lessons 7天`, `last 7 days`). Each used to get a refusal or
the usage: '没有编号为「流量包」的兑换项目', '在你的范围内没有代码为“7天”的支部', the /stats usage."""
from __future__ import annotations

import pytest

from tests.conftest import AMY, GROUP, LI, SEC, WANG, ledger, said, two_branches, with_boss
from tests.factories import answer_text, message_to


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _granted(tg, db, who: dict, amount: int) -> None:
    """`who` speaks in GROUP and the secretary grants them `amount` points in reply; returns once the
    rider's private notice of it has arrived, so the next private answer a test waits for is its own."""
    spoken = await tg.send(GROUP, who, "大家好")
    await tg.send(GROUP, SEC, f"/points grant {amount} 协助处置积水", reply_to_message_id=spoken["message_id"])
    await ledger(db, who["id"], at_least=1)
    await message_to(tg, who, "协助处置积水")


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


async def test_a_number_of_days_is_read_with_its_unit(bot, tg, db) -> None:
    await two_branches(tg, LI)
    for typed in ("/needs 7天", "/needs 近7天", "/needs 7 days", "/needs ７天"):
        got = (await said(tg, SEC["id"], SEC, typed))["plain_text"]
        assert "近 7 天" in got and "支部" in got and "没有代码" not in got, (typed, got)
    assert "近 14 天" in (await said(tg, SEC["id"], SEC, "/needs 2周"))["plain_text"]
    assert "范围内没有" in (await said(tg, SEC["id"], SEC, "/needs 7天 hd"))["plain_text"]  # another's: none
    assert "用法" in (await said(tg, SEC["id"], SEC, "/needs 0天"))["plain_text"]
    for typed in ("/stats lessons 7天", "/stats lessons last 7 days"):
        got = (await said(tg, SEC["id"], SEC, typed))["plain_text"]
        assert "近 7 天" in got and "用法" not in got, (typed, got)
    got = await answer_text(tg, SEC["id"], SEC, "/stats lessons 七天")
    assert "近 7 天" in got and "用法" not in got, got  # a Chinese numeral before its unit reads too
    got = await answer_text(tg, SEC["id"], SEC, "/stats lessons 好几天")
    assert "/stats lessons 7天" in got, got  # what it cannot read: the usage, with the unit
