"""A home named beside the incident's place is not the incident's place (lines written for the kinds,
not the evaluation set):

- "住金田新村3单元的兄弟说一下，通达小区8号楼的路牌…": the people who live there are spoken to;
- "not at home (Meilong Village flat 1203), water very deep at Shiyan Tower", "My place is Meilong
  Village flat 1203. Anyway, …": an English home with no in/at/on before it;

and a name is read whole after the words that ask or go there: "想问下翠竹中路附近…" (问下 is the verb),
"到了亮马桥路看到积水" (亮 opens the name after 到了; it read 马桥路)."""
from __future__ import annotations

import pytest

from bot.intake import span_crf
from bot.intake.location import extract_location
from bot.intake.places import locate

pytestmark = pytest.mark.skipif(not span_crf.available(), reason="jieba / python-crfsuite not installed")


@pytest.mark.parametrize(("text", "want"), [
    ("住金田新村3单元的兄弟说一下 通达小区8号楼的路牌被人撞歪了", "通达小区8号楼"),
    ("住幸福里小区2栋的兄弟说一下 春晓路那段的井盖被掀开了", "春晓路"),
    ("住在东湖家园12栋的师傅们注意 北四环主路积水好几天了", "北四环主路"),
    ("not at home (Block 5, Xili Garden), bike lane on Songgang Rd full of cars", "Songgang Rd"),
    ("not at home (Meilong Village flat 1203), water very deep at Shiyan Tower", "Shiyan Tower"),
    ("My place is Meilong Village flat 1203. Anyway, water very deep at Shiyan Tower", "Shiyan Tower"),
])
def test_a_home_beside_the_place_is_not_it(text: str, want: str) -> None:
    assert locate(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("住幸福小区5号楼的兄弟说一下", None),  # nothing else: no place (the residents' compound is no incident)
    ("My place is Meilong Village flat 1203, water coming in downstairs", "Meilong Village"),  # the problem is there
    ("幸福小区的兄弟说一下 小区门口井盖丢了", "幸福小区"),  # no 住: the compound's own people, at its gate
])
def test_a_home_is_the_place_only_when_the_problem_is_there(text: str, want: str | None) -> None:
    assert locate(text) == want or (want is not None and (locate(text) or "").startswith(want)), locate(text)


@pytest.mark.parametrize(("text", "want"), [
    ("想问下翠竹中路附近有没有骑手休息点", "翠竹中路"), ("请问下望京SOHO附近有厕所吗", "望京SOHO"),
    ("兄弟们 想问下丰收东路上有没有骑手休息点", "丰收东路"),
    ("到了亮马桥路看到积水", "亮马桥路"), ("去了亮马桥路那边积水很深", "亮马桥路"), ("亮马桥路积水很深", "亮马桥路"),
])
def test_the_name_after_asking_or_arriving_is_whole(text: str, want: str) -> None:
    assert extract_location(text) == want
