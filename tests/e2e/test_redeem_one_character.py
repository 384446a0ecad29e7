"""An item asked for by one character of its name, through the real bot on SQLite and PostgreSQL: '/redeem 餐'
(驿站爱心餐券 is the only item with 餐) was told '没有编号或名称为「餐」的兑换项目', and '/redeem 券' the same,
though two items' names have it. Now one Chinese character is a part of a name as two are: the one item
whose name has it is redeemed, several are listed to choose from. A single Latin letter still names nothing."""
from __future__ import annotations

import pytest

from tests.conftest import AMY, LI, said, two_branches, with_boss
from tests.e2e.test_words_riders_type import _granted


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_one_character_names_the_item_whose_name_has_it(bot, tg, db) -> None:
    await two_branches(tg, LI, AMY)
    await _granted(tg, db, LI, 200)
    got = (await said(tg, LI["id"], LI, "/redeem 餐"))["plain_text"]
    assert "驿站爱心餐券" in got and "没有编号" not in got, got
    got = (await said(tg, LI["id"], LI, "/redeem 包"))["plain_text"]
    assert "流量包 10GB" in got and "没有编号" not in got, got
    got = (await said(tg, LI["id"], LI, "/redeem 券"))["plain_text"]
    assert got.startswith("「券」对应不止一个兑换项目：") and "meal（驿站爱心餐券）" in got and "charging（充电优惠券 20元）" in got, got
    got = (await said(tg, AMY["id"], AMY, "/redeem 券"))["plain_text"]
    assert got.startswith("“券” fits more than one item:") and "meal (Station meal voucher)" in got, got
    got = (await said(tg, AMY["id"], AMY, "/redeem e"))["plain_text"]
    assert got == "There is nothing called “e” in the catalogue. Send /shop to see it.", got


async def test_an_item_named_in_traditional_characters(bot, tg, db) -> None:
    """'/redeem 愛心餐' and '/redeem 技能培訓' were told '没有编号或名称为「愛心餐」的兑换项目': the names were
    compared as typed. Now through the word tables' key (bot.typed.typed_key), as every command word is."""
    await two_branches(tg, LI)
    await _granted(tg, db, LI, 200)
    got = (await said(tg, LI["id"], LI, "/redeem 愛心餐"))["plain_text"]
    assert "驿站爱心餐券" in got and "没有编号" not in got, got
    got = (await said(tg, LI["id"], LI, "/redeem 技能培訓"))["plain_text"]
    assert "技能培训名额" in got and "没有编号" not in got, got
