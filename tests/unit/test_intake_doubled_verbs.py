"""A verb said twice asks someone to deal with a place ("有没有人管管玉兰花园", "谁来看看…门口", "快来修修建国路"):
the doubled verb is no part of the place, which the rules read as 管管玉兰花园, 看看玉兰花园门口, 修修建国路. A name
that opens with one of those characters once keeps it (管庄路口), and 问 opens a name where it cannot be the verb
"to ask" (问天路口 at the start, after 在), while 想问下翠竹中路 still leaves the asking out."""
from __future__ import annotations

import pytest

from bot.intake.location import extract_location
from bot.intake.places import locate


@pytest.mark.parametrize(("text", "want"), [
    ("有没有人管管玉兰花园，垃圾堆了一周", "玉兰花园"),
    ("家人们谁懂啊 有没有人管管金沙湾街94号的路灯啊 黑了一个礼拜了", "金沙湾街94号"),
    ("谁来看看玉兰花园门口的井盖", "玉兰花园门口"),
    ("谁来看看建国路的井盖", "建国路"),
    ("快来修修建国路的路灯", "建国路"),
    ("麻烦城管查查望京西路那段的占道", "望京西路"),
])
def test_a_doubled_verb_is_no_part_of_the_place(text: str, want: str) -> None:
    assert extract_location(text) == want
    assert locate(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("管庄路口积水严重", "管庄路口"),
    ("问天路口红绿灯坏了", "问天路口"),
    ("在问天路口红绿灯坏了", "问天路口"),
    ("想问下翠竹中路是不是封了", "翠竹中路"),
    ("请问天通苑北二区的井盖谁管", "天通苑北二区"),
])
def test_a_name_keeps_its_first_character(text: str, want: str) -> None:
    assert locate(text) == want
