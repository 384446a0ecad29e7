"""弄 is a lane only with its number (Shanghai's lanes off a road: 长乐路325弄); otherwise it is the verb "to
fix, to do" (社区昨天来弄好了, 自己弄不了, 能不能在地铁口附近弄个充电的地方), and the words before it are no place.
The rules read "区昨天来弄", "自己弄", "铁口附近弄" as lanes."""
from __future__ import annotations

import pytest

from bot.intake.location import extract_location
from bot.intake.places import locate


@pytest.mark.parametrize("text", [
    "这个事已经解决了 社区昨天来弄好了", "物业说明天来弄干净", "城管说会来弄清楚", "社区说下午来弄完",
    "居委会来弄过一次", "他们上周来弄了一下", "家里水管坏了自己弄不了 想找社区帮忙",
    "能不能在地铁口附近弄个充电的地方", "能不能在小区楼栋号牌上弄个夜光的",
])
def test_the_verb_is_no_lane(text: str) -> None:
    assert extract_location(text) is None, extract_location(text)


@pytest.mark.parametrize(("text", "want"), [
    ("长乐路325弄门口井盖丢了", "长乐路325弄门口"), ("长乐路325弄的路灯坏了", "长乐路325弄"),
    ("富民路88弄里垃圾堆着", "富民路88弄"), ("富民路八十八弄的路灯坏了", "富民路八十八弄"),
])
def test_a_numbered_lane_is_a_place(text: str, want: str) -> None:
    assert extract_location(text) == want
    assert locate(text) == want
