"""A home said, then the problem after a space, as riders write clauses ("我住望京花园5号楼1203室 楼下井盖没了"):
the mask took the space and 楼下 for more of the address (a space may come before a building's unit, "幸福小区
5 号楼") and hid the whole report, "我住***", wherever the message was shown. Now a space before 楼下, 楼道, 楼上 …
ends the address; "5 号楼 1203室" is still one. And an English flat given by its number ("My flat is 1203, Block
5 Xili Garden, the lift is broken") was shown in full: "my flat is" and a number is a home cue, as "my flat is
in …" was. A building, unit and room written with dashes after a bare 住 ("住3-2-501 楼下灯坏了") were shown as
written; days are not a home ("住3-5天")."""
from __future__ import annotations

import pytest

from bot.privacy import mask


@pytest.mark.parametrize("text, expected", [
    ("我住望京花园5号楼1203室 楼下井盖没了", "我住*** 楼下井盖没了"),
    ("我家在幸福小区 3号楼 2单元501 楼道灯坏了", "我家在*** 楼道灯坏了"),
    ("我住幸福小区 楼下积水", "我住*** 楼下积水"),
    ("我住望京花园 5 号楼 1203室", "我住***"),
    ("My flat is 1203, Block 5 Xili Garden, the lift is broken", "My flat is *** Xili Garden, the lift is broken"),
    ("My flat is 12B, Xili Garden. Lift broken", "My flat is ***, Xili Garden. Lift broken"),
    ("住3-2-501 楼下灯坏了", "住*** 楼下灯坏了"),
    ("他住在12-3-402", "他住在***"),
])
def test_a_home_then_the_problem(text: str, expected: str) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize("text", ["my flat is 5 minutes from the station", "my flat is flooded", "在医院住3-5天",
                                  "挡住3-4个车位"])
def test_a_flat_spoken_of_without_its_address(text: str) -> None:
    assert mask(text) == text
