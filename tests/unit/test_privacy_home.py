"""A home the problem is at, said a few clauses before the problem (at_home read only the clause right
after the address: "我住幸福小区5号楼，今天下班回来，楼下路灯坏了" had no place and the bot asked where);
and a home said before the rider went somewhere else, or next to another compound, never taken for the
place (its compound would be shown as the incident's). Lines written for these kinds."""
from __future__ import annotations

import pytest

from bot.intake.places import locate
from bot.privacy import shareable_place
from bot.privacy.places import at_home


@pytest.mark.parametrize("text, place, shared", [
    ("我住幸福小区5号楼，今天下班回来，楼下路灯坏了", "幸福小区5号楼", "幸福小区"),
    ("我住阳光花园3单元502，昨晚十点多，小区门口有个大坑", "阳光花园3单元", "阳光花园"),
    ("我家住在光明里2号楼，刚才回家发现，楼道里堆满了杂物", "光明里2号楼", "光明里"),
    ("我住在翠微苑7栋，跟大家说一下，楼下井盖没了", "翠微苑7栋", "翠微苑"),
    ("我住幸福小区5号楼，昨天开始一直在下雨，楼下积水到膝盖了", "幸福小区5号楼", "幸福小区"),
    ("我家住幸福小区3栋2单元501，刚下班，回到小区发现单元门坏了", "幸福小区3栋2单元", "幸福小区"),
    ("I live at Sunny Garden block 5, came back late tonight, the light downstairs is out",
     "Sunny Garden", "Sunny Garden"),
    ("I live at Sunny Garden block 5, it has been dark for days, the light downstairs is out",
     "Sunny Garden", "Sunny Garden"),
])
def test_a_home_a_few_clauses_before_the_problem_is_the_place(text, place, shared) -> None:
    assert at_home(text)
    assert locate(text) == place
    assert shareable_place(place, text) == shared


@pytest.mark.parametrize("text, place", [
    ("我住幸福小区5号楼，今天去公司附近，路灯坏了", None),  # went elsewhere first
    ("我住幸福小区5号楼，隔壁小区门口有个坑", None),  # the neighbours' compound, not home
    ("我住幸福小区5号楼，今天在建国路，楼下路灯坏了", "建国路"),
    ("我住幸福小区5号楼，今天路过建国路，看到小区门口井盖没了", "建国路"),
    ("我住幸福小区5号楼，平时送单比较辛苦，有空去驿站坐坐", None),  # 驿站 alone: the riders' station, no place
    # an English address past its flat's comma is the home too, not the incident's place
    ("I live in Block 5, Xili Garden, but maybe add a shelf at Baishi Road gate 5 so riders don't go upstairs",
     "Baishi Road gate 5"),
    ("I live in Flat 12, Meilan Gardens, and the bus stop on Honghe Rd has no light", "bus stop on Honghe Rd"),
])
def test_a_home_said_before_going_elsewhere_is_not_at_home(text, place) -> None:
    assert not at_home(text)
    assert locate(text) == place
    home = text.split(", ")[1] if text.startswith("I ") else "幸福小区5号楼"
    assert shareable_place(home, text) == ""  # a home the problem is not at is not shown at all


@pytest.mark.parametrize("text, masked, place, shared", [
    # the building after the compound's comma was left in the text shown outside the rider's chat
    ("I live at Xili Garden, Block 5, the light downstairs is out", "I live at ***, the light downstairs is out",
     "Xili Garden", "Xili Garden"),
    ("我住幸福小区，5号楼1203，楼下路灯坏了", "我住***，楼下路灯坏了", "幸福小区", "幸福小区"),
    ("我住幸福小区，5号楼1203室，今天下班回来，楼下路灯坏了", "我住***，今天下班回来，楼下路灯坏了", "幸福小区", "幸福小区"),
    # the compound after the flat's comma was left in it, and the home not found as the place
    ("I live in Block 5, Xili Garden, the light downstairs is out", "I live in ***, the light downstairs is out",
     "Xili Garden", "Xili Garden"),
    ("I live at Xili Garden, flat 1203, but the light on Honghe Rd is out",
     "I live at ***, but the light on Honghe Rd is out", "Honghe Rd", "Honghe Rd"),
])
def test_an_address_past_its_comma_is_the_home_whole(text, masked, place, shared) -> None:
    from bot.privacy import mask
    assert mask(text) == masked
    assert locate(text) == place
    assert shareable_place(place, text) == shared
