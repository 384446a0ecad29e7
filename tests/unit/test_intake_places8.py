"""Places, the place8 kinds (lines written for these kinds, not the evaluation set): Beijing's compounds
named by their side (团结湖北里, 水碓子东里, 安贞西里, 团结湖中里) are whole places, with or without a building
number, where the rules cut their four-character heads ("东里8号楼") or found none, and the CRF's retrained
model lost "十里堡北里3号楼"; and a building's 楼下 is no part of the place when it begins 下水道 ("5号楼下水道
堵了": the drain, not the building's foot)."""
from __future__ import annotations

import pytest

from bot.intake import classify, span_crf
from bot.intake.location import extract_location
from bot.intake.places import locate

pytestmark = pytest.mark.skipif(not span_crf.available(), reason="jieba / python-crfsuite not installed")


@pytest.mark.parametrize(("text", "want"), [
    ("水碓子东里8号楼门口的路灯坏了", "水碓子东里8号楼门口"),
    ("十里堡北里3号楼楼道里给电瓶充电", "十里堡北里3号楼"),
    ("我们在十里堡北里3号楼楼道里给电瓶充电 太危险了", "十里堡北里3号楼"),
    ("团结湖中里3号楼停电了", "团结湖中里3号楼"),
    ("芍药居北里小区门口积水", "芍药居北里小区门口"),
    ("劲松西里那边井盖没了", "劲松西里"),
    ("安贞西里的路灯坏了", "安贞西里"),
    ("左家庄北里有人摔倒了", "左家庄北里"),
])
def test_a_compound_named_by_its_side_is_whole(text: str, want: str) -> None:
    assert extract_location(text) == want
    assert locate(text) == want


@pytest.mark.parametrize("text", ["一直往东里走有个坑", "心里很难受", "往西里面走就是", "他家里有事"])
def test_a_side_and_li_in_talk_are_no_place(text: str) -> None:
    assert extract_location(text) is None


@pytest.mark.parametrize(("text", "want"), [
    ("幸福小区5号楼下水道堵了", "幸福小区5号楼"),
    ("团结湖北里5号楼下水道堵了", "团结湖北里5号楼"),
    ("幸福小区楼下水道堵了", "幸福小区"),
    ("幸福小区5号楼下有个坑", "幸福小区5号楼下"),
])
def test_a_drain_is_no_part_of_the_building(text: str, want: str) -> None:
    assert locate(text) == want


def test_a_report_in_a_compound_named_by_its_side_is_routed_with_its_place() -> None:
    got = classify("水碓子东里8号楼楼道里有人给电瓶充电，太危险了")
    assert got.is_report
    assert got.location == "水碓子东里8号楼"


# ---- an area named with "around there", no place suffix
@pytest.mark.parametrize(("text", "want"), [
    ("国贸这边井盖丢了", "国贸"), ("三里屯那边井盖丢了", "三里屯"), ("双井这边路灯坏了", "双井"),
    ("在望京这边有人摔倒了", "望京"), ("在国贸这边有个井盖丢了", "国贸"), ("三里屯附近有人晕倒了", "三里屯"),
    ("西单那边积水了", "西单"), ("天通苑附近井盖没了", "天通苑"), ("到亦庄那边路灯全黑", "亦庄"),
    ("早上出门下雨 一路骑过来 石佛营那边路灯全黑", "石佛营"),
])
def test_an_area_said_with_around_there_is_the_place(text: str, want: str) -> None:
    assert locate(text) == want


@pytest.mark.parametrize("text", ["平台那边罚款太狠了", "站长那边拖工资", "老家那边路灯坏了", "公司那边出事了",
                                  "城管那边不管 垃圾堆着", "商家那边着火了", "对方那边着火了", "朋友那边有人摔倒了",
                                  "我们这边路灯坏了", "他那边井盖丢了", "客服那边不管", "国贸这边吃饭呢"])
def test_a_party_or_chat_over_there_is_no_place(text: str) -> None:
    assert locate(text) is None


# ---- English: a preposition opening the sentence is the place's cue, not a part of its name
@pytest.mark.parametrize(("text", "want"), [
    ("Outside Hujialou station someone fell", "Hujialou station"),
    ("Near Sanlitun the manhole is missing", "Sanlitun"),
    ("On Jintai Rd the light is out", "Jintai Rd"),
    ("At Guomao, the light is out", "Guomao"),
    ("Beside Wanda Plaza a tree fell", "Wanda Plaza"),
    ("Next to Guomao station, pothole", "Guomao station"),
    ("streetlight out around Guomao", "Guomao"),
])
def test_an_english_place_after_its_preposition(text: str, want: str) -> None:
    assert locate(text, "en") == want


def test_by_the_way_is_no_place() -> None:
    assert locate("By the way the light is out", "en") is None


@pytest.mark.parametrize(("text", "want"), [
    ("bins overflowing at Sanlitun mall", "Sanlitun mall"),
    ("flooding by Shuangjing bridge, deep water", "Shuangjing bridge"),
    ("light out on Jintai road", "Jintai road"),
    ("the lights at Xingfu community are out", "Xingfu community"),
])
def test_a_place_kind_in_lower_case_after_its_name_is_kept(text: str, want: str) -> None:
    assert locate(text, "en") == want


def test_a_building_keeps_its_number_in_lower_case() -> None:
    """"… in the stairwell of building 3" named "stairwell of building": which building was lost."""
    assert locate("Somebody is charging an e-bike in the stairwell of building 3", "en") == "stairwell of building 3"
    assert locate("light out in the lobby of tower 2", "en") == "lobby of tower 2"


@pytest.mark.parametrize(("text", "want"), [
    ("解放碑步行街的垃圾桶满了", "解放碑步行街"), ("王府井步行街有人晕倒了", "王府井步行街"),
    ("南锣鼓巷小吃街有人摔倒", "南锣鼓巷小吃街"), ("这条步行街路灯坏了", "步行街"), ("工业街路灯坏了", "工业街"),
])
def test_a_kind_of_street_is_one_suffix(text: str, want: str) -> None:
    """步行街, 商业街, 美食街, 小吃街: the kind is the suffix, so the name before it is whole ("解放碑步行街"
    read "放碑步行街", its head cut as a five-character name before 街; "这条步行街" read "条步行街")."""
    assert locate(text) == want
