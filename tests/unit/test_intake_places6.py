"""Places, the place6 kinds (lines written for these kinds, with names of their own, not the evaluation
set): a verb of arriving or passing before a station's name (incl. 途经, a noun to jieba) stays out of it
and takes none of the name; a landmark with no place suffix before a side word (世贸天阶斜对面); an
English place with its building, block, gate or exit across a comma ("Building 3, Jianwai SOHO"); 在 + an
area named by a direction and a number (西四, 东四: time words to jieba), also as a report's first clause;
and 在 + a noun naming a kind of spot or person (车库, 后台, 前台, 门卫) is no place."""
from __future__ import annotations

import pytest

from bot.intake import classify, span_crf
from bot.intake.location import extract_location
from bot.intake.places import locate

pytestmark = pytest.mark.skipif(not span_crf.available(), reason="jieba / python-crfsuite not installed")


@pytest.mark.parametrize(("text", "want"), [
    ("到达官营地铁站B口，扶梯坏了", "官营地铁站B口"),
    ("刚到达官营地铁站B口就发现扶梯坏了", "官营地铁站B口"),
    ("途经官营地铁站B口时看到扶梯坏了", "官营地铁站B口"),  # read 途经官营地铁站B口
    ("途经营口路发现井盖没了", "营口路"),
    ("经过达官营地铁站A口扶梯坏了", "达官营地铁站A口"),  # 达官营 keeps its 达
    ("抵达达官营地铁站B口发现扶梯停了", "达官营地铁站B口"),
    ("驶入官园桥下积水很深", "官园桥下"),
])
def test_a_verb_of_passing_takes_none_of_the_name(text: str, want: str) -> None:
    assert locate(text) == want
    assert classify(text).location == want


@pytest.mark.parametrize(("text", "want"), [
    ("世贸天阶斜对面井盖丢了", "世贸天阶斜对面"),
    ("金源时代对面路灯坏了", "金源时代对面"),
    ("西西弗斜对面积水很深", "西西弗斜对面"),
    ("在世贸天阶斜对面，井盖丢了", "世贸天阶斜对面"),
    # after a verb of passing or arriving: the whole verb stays out (not 过世|贸, 到|达世贸)
    ("刚才路过世贸天阶对面有人摔倒", "世贸天阶对面"),
    ("到达世贸天阶斜对面发现积水", "世贸天阶斜对面"),
    ("抵达金源时代对面发现路灯坏了", "金源时代对面"),
])
def test_a_landmark_without_suffix_before_a_side_word(text: str, want: str) -> None:
    assert extract_location(text) == want
    assert locate(text) == want


@pytest.mark.parametrize("text", ["共享单车旁边有人摔倒了", "垃圾桶旁边有人晕倒", "红绿灯对面有人摔倒",
                                  "快递柜旁边着火了", "大货车旁边有人摔倒", "我家对面井盖丢了",
                                  "经过垃圾桶旁边有人晕倒"])
def test_a_thing_or_home_before_a_side_word_is_no_landmark(text: str) -> None:
    assert extract_location(text) is None


@pytest.mark.parametrize(("text", "want"), [
    ("Building 3, Jianwai SOHO: the lift is broken", "Building 3, Jianwai SOHO"),
    ("Tower B, Guomao Center: lift stuck with people inside", "Tower B, Guomao Center"),
    ("Jianwai SOHO, Building 3: the lift is broken", "Jianwai SOHO, Building 3"),
    ("Gate 3, Chaoyang Park: manhole cover missing", "Gate 3, Chaoyang Park"),
    ("Exit A, Guomao Station: the escalator stopped", "Exit A, Guomao Station"),
    ("Xili Garden Block 5 street light is out", "Xili Garden Block 5"),
    ("The lift at Wangjing SOHO is broken", "Wangjing SOHO"),
])
def test_english_place_keeps_its_building_across_a_comma(text: str, want: str) -> None:
    assert extract_location(text) == want
    assert locate(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("在西四", "西四"), ("我在东四这边", "东四"),
    ("我在西四，路口红绿灯坏了", "西四"), ("在东四，井盖丢了", "东四"),
    ("我在西单，有人摔倒了", "西单"), ("我在国贸这边，井盖没了", "国贸"),
])
def test_zai_and_an_area_also_as_a_reports_first_clause(text: str, want: str) -> None:
    assert extract_location(text) == want
    assert locate(text) == want


@pytest.mark.parametrize("text", ["在东汉", "在北宋", "我在公司，电梯坏了", "我在后台看到订单了",
                                  "我在后台，看到订单了", "在西单，吃饭呢", "我在国贸，休息一下", "在劲松，等单中"])
def test_zai_and_a_time_word_or_chat_is_no_place(text: str) -> None:
    assert extract_location(text) is None
    assert locate(text) is None


@pytest.mark.parametrize("text", ["在车库", "在后台", "在前台", "在楼道", "在机房", "在门卫", "在物业",
                                  "在客服", "在一楼", "在车位", "在站点", "我在楼顶呢", "在休息室", "在交警队"])
def test_zai_and_a_kind_of_spot_or_person_is_no_place(text: str) -> None:
    assert extract_location(text) is None
    assert locate(text) is None


@pytest.mark.parametrize(("text", "want"), [
    ("另外建国路那边路灯也不亮", "建国路"),
    ("而且团结湖路路灯也坏了", "团结湖路"),
    ("此外幸福小区门口井盖丢了", "幸福小区门口"),
    ("并且望京SOHO门口积水很深", "望京SOHO门口"),
    ("以及朝阳北路也有个坑", "朝阳北路"),
])
def test_a_connective_before_a_second_report_is_no_part_of_its_place(text: str, want: str) -> None:
    """A rider adding another report ("另外…", "而且…") after the first: the connective is chat, not the
    place's first characters (read 另外建国路, 而且…)."""
    assert extract_location(text) == want
