"""A reply describing the problem is no place: "路灯不亮，好几天了" in reply to "还缺地点" was stored as the
case's place ("📍 已为 C-000001 补充地点：路灯不亮，好几天了"), the 路 of 路灯 read as a road's."""
from __future__ import annotations

import pytest

from bot.cases.places import looks_like_place


@pytest.mark.parametrize("text", ["路灯不亮，好几天了", "路灯一闪一闪的", "路面塌了一块", "路障倒在地上"])
def test_a_problem_of_the_road_is_no_place(text: str) -> None:
    assert not looks_like_place(text)


@pytest.mark.parametrize("text", ["光华路东口", "马路对面", "路口", "3号楼东门", "幸福小区东门"])
def test_places_still_read(text: str) -> None:
    assert looks_like_place(text)
