"""What a rider types for a catalogue item (/redeem): the code, or the name the shop shows, or a part
of it only one item has."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from bot.points.catalogue import match_item


@dataclass(frozen=True)
class Item:
    code: str
    name_zh: str
    name_en: str


SHOP = [Item("meal", "驿站爱心餐券", "Station meal voucher"), Item("charging", "充电优惠券 20元", "E-bike charging discount ¥20"),
        Item("data_pack", "流量包 10GB", "Data package 10 GB"), Item("training", "技能培训名额", "Training place")]


@pytest.mark.parametrize("typed, code", [
    ("data_pack", "data_pack"), ("DATA_PACK", "data_pack"), ("ｄａｔａ＿ｐａｃｋ", "data_pack"),
    ("流量包", "data_pack"), ("流量包 10GB", "data_pack"), ("流量包10gb", "data_pack"), ("「流量包」", "data_pack"),
    ("驿站爱心餐券", "meal"), ("爱心餐", "meal"), ("餐券", "meal"), ("Meal voucher", "meal"),
    ("餐", "meal"), ("包", "data_pack"), ("训", "training"), ("充电", "charging"), ("培训", "training"), ("training place", "training"), ("data package", "data_pack"),
])
def test_an_item_is_named_by_its_code_its_name_or_a_part_only_it_has(typed: str, code: str) -> None:
    found = match_item(SHOP, typed).item
    assert found is not None and found.code == code, typed


@pytest.mark.parametrize("typed", ["yacht", "e", "7", "", "  ", "游艇", "船"])
def test_nothing_is_named_by_a_word_no_item_has_or_a_single_latin_letter(typed: str) -> None:
    assert match_item(SHOP, typed) == match_item(SHOP, "")
    assert match_item(SHOP, typed).item is None


def test_a_part_several_items_have_names_them_all() -> None:
    m = match_item(SHOP, "券")  # one Chinese character: a part as two are
    assert m.item is None and {i.code for i in m.several} == {"meal", "charging"}
    m = match_item(SHOP, "优惠券")
    assert m.item is not None and m.item.code == "charging"
    m = match_item(SHOP + [Item("coupon", "洗车优惠券", "Car wash coupon")], "优惠券")
    assert m.item is None and {i.code for i in m.several} == {"charging", "coupon"}
