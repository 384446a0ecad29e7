"""Places kept whole (TRY13 kinds): a name with a landmark part (桥下, 路口, 地铁C口, 门口, 楼下), a
building named in Latin letters and digits (SOHO T3), English roads with their exit or gate, and
the rider's home never taken for the incident's place. Lines written for these kinds, with names
of their own (not the evaluation set)."""
from __future__ import annotations

import pytest

from bot.intake.location import extract_location
from bot.intake.places import locate


@pytest.mark.parametrize(("text", "want"), [
    # a road named for a bridge, its roadside after it: the road stays whole
    ("酒仙桥路边的雨水井盖翘起来了", "酒仙桥路"),
    ("六里桥路面塌了一块", "六里桥路"),
    # metro exits with their letter / number
    ("光华路地铁C口井盖没了，很危险", "光华路地铁C口"),
    ("朝阳门地铁B口有人打架", "朝阳门地铁B口"),
    ("国贸地铁站3号口电梯坏了", "国贸地铁站3号口"),
    ("团结湖路地铁站A2口积水很深", "团结湖路地铁站A2口"),
    # a name (even 4 characters, a numbered lane) before 桥 with its underside
    ("西八条桥下路灯坏了", "西八条桥下"),
    ("太阳宫桥底下积水了", "太阳宫桥底下"),
    ("刚才太阳宫桥下两车相撞", "太阳宫桥下"),
    # buildings named in Latin letters and digits
    ("银河SOHO D座楼下有人晕倒了", "银河SOHO D座楼下"),
    ("三里屯SOHO T2 门口积水", "三里屯SOHO T2 门口"),
    ("中关村IFC 地库入口在冒烟", "中关村IFC 地库入口"),
    ("KFC门口有人摔倒", "KFC门口"),
    # a verb's tail is not the name's head
    ("顺便说下惠新西街的下水道堵了", "惠新西街"),
])
def test_zh_places_whole(text: str, want: str) -> None:
    assert extract_location(text) == want
    assert locate(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("manhole cover gone on Liangma St near exit B, careful", "Liangma St near exit B"),
    ("pipe burst on Dongsi Rd by the metro exit A2 tonight", "Dongsi Rd by the metro exit A2"),
    ("pothole on Xinyuan St exit D", "Xinyuan St exit D"),
    ("fire lane at Zhongkang Road gate C blocked", "Zhongkang Road gate C"),
    ("Huilong St near gate 2 is flooded", "Huilong St near gate 2"),
    ("gas smell at Guanlan Plaza T3 lobby", "Guanlan Plaza T3"),
    ("manhole gone on liangma st near exit b", "liangma st near exit b"),
])
def test_en_places_with_exit_or_gate(text: str, want: str) -> None:
    assert extract_location(text) == want


@pytest.mark.parametrize("text", [
    "朝阳SOHO B座楼下有人摔倒了，流了好多血，我住团结湖北里3号楼502",
    "朝阳SOHO B座楼下有人摔倒了 我家在望京花园5号楼",
])
def test_incident_place_not_home(text: str) -> None:
    assert locate(text) == "朝阳SOHO B座楼下"


@pytest.mark.parametrize("text", [
    "我住望京SOHO T3 楼下",          # only the home
    "我用app上报了",                  # a Latin word with no tower code or part
    "这个ok吧",
    "走到大马路边",                   # a common word, no name
    "在公司门口路边等单",
    "我在那条路边等单",
    "有一条路坏了",
])
def test_no_place(text: str) -> None:
    assert extract_location(text) is None


@pytest.mark.parametrize(("text", "want"), [
    ("幸福大街路边的井盖裂了", "幸福大街"),       # 路边 after a street is its roadside, not a road
    ("海滨公寓路面突然陷下去一个洞", "海滨公寓"),
    ("长虹北路天桥路边躺着一只死老鼠", "长虹北路天桥"),
])
def test_roadside_not_glued_onto_other_places(text: str, want: str) -> None:
    assert extract_location(text) == want


@pytest.mark.parametrize("text", [
    "好冷啊 团结湖路口的水都冻成冰了 很滑",
    "今天冻得要命，和平西桥路口积水结冰了特别滑",
    "freezing today, the junction at Dongzhimen Rd is iced over and slippery",
])
def test_hazard_after_small_talk_is_a_report(text: str) -> None:
    from bot.intake import classify
    r = classify(text)
    assert r.is_report is True
    assert r.location is not None


@pytest.mark.parametrize("text", ["今天好冷啊", "好冷 湖面都结冰了 好漂亮", "今天好热 买了根冰棍"])
def test_small_talk_alone_is_not_a_report(text: str) -> None:
    from bot.intake import classify
    assert classify(text).is_report is False
