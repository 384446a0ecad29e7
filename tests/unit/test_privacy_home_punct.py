"""A home cue, then a comma or colon, then the address ("我家，幸福小区3号楼2单元501", "我家：…",
"住址，…", "Home: 12 Xingfu Rd, Bldg 3, Flat 501", "We're at 幸福小区3号楼2单元501", "we live at Xingfu Garden,
Bldg 3") showed the compound and building with only the room masked: the cues ended where the punctuation
began. Now a bare 家 or an 地址/住址 and a comma or colon is a home cue when an address follows it (bot.privacy.
places._ADDRESS_AHEAD), "Home:" is one as a label, and "we're/I'm at" one when a flat is named; "我家附近",
"家门口", "我家，楼下路灯坏了" stay as written, and their places as they were."""
from __future__ import annotations

import pytest

from bot.privacy import is_residence, mask, shareable_place


@pytest.mark.parametrize("text, expected", [
    ("我家，幸福小区3号楼2单元501", "我家，***"),
    ("我家：幸福小区3号楼2单元501", "我家：***"),
    ("家：幸福小区3号楼2单元501，楼下路灯坏了", "家：***，楼下路灯坏了"),
    ("我们家，3号楼2单元501", "我们家，***"),
    ("我家地址，幸福小区3号楼501", "我家地址，***"),
    ("住址，3号楼2单元501", "住址，***"),
    ("Home: 12 Xingfu Rd, Bldg 3, Flat 501", "Home: ***"),
    ("my home: Xili Garden Block 5, Flat 12", "my home: ***"),
    ("We're at 幸福小区3号楼2单元501，楼下灯坏了", "We're at ***，楼下灯坏了"),
    ("I'm at: Xili Garden, Flat 12", "I'm at: ***"),
    ("we live at Xingfu Garden, Bldg 3", "we live at ***"),
    ("we live at: 幸福小区3号楼2单元501", "we live at: ***"),
])
def test_a_home_after_punctuation_is_masked_whole(text: str, expected: str) -> None:
    assert mask(text) == expected
    assert "幸福" not in mask(text) and "Xingfu" not in mask(text) and "Xili" not in mask(text)


@pytest.mark.parametrize("text", [
    "我家附近的路灯坏了", "我家门口的路灯坏了", "家门口有个坑", "我家，楼下路灯坏了", "我家，这个小区门口路灯坏了",
    "回家，路上有个坑", "我家的地址，我忘了", "收货地址，请看订单", "大家，幸福小区3号楼门口有个坑", "we're at the Block 3 gate, the light is out",
    "Got home: the light at gate 3 is out", "Home: back by 5",
])
def test_a_home_mentioned_without_an_address_is_left_as_written(text: str) -> None:
    assert mask(text) == text


def test_a_home_given_after_punctuation_is_the_reporters_home_place() -> None:
    text = "我家，幸福小区3号楼2单元501，楼下路灯坏了"
    assert is_residence("幸福小区3号楼2单元", text)
    assert shareable_place("幸福小区3号楼2单元", text) == "幸福小区"  # the compound only


@pytest.mark.parametrize("text, place", [
    ("我家附近的路灯坏了，建国路88号", "建国路88号"),
    ("家门口的建国路有个坑", "建国路"),
    ("回家，幸福小区3号楼门口有个坑", "幸福小区3号楼门口"),
])
def test_a_place_near_home_is_still_shared(text: str, place: str) -> None:
    assert shareable_place(place, text) == place
