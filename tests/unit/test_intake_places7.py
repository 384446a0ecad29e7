"""Places, the place7 kinds (lines written for these kinds, not the evaluation set): the rider's work spot
named by its kind alone (中转站, 配送站, 驿站, 站点) is no place, though a named one is (望京中转站); 途径, the
common misspelling of 途经 (and 路经, 进过 for 经过), is a verb of passing that stays out of the place; a
report told as arriving somewhere and seeing a problem there ("到达世贸天阶斜对面发现积水") is classified by
what was seen at the place; and an area whose name ends as a kind of spot's does (金台, 草房) stays a place
after 在 while the spots themselves (车库, 后台, 前台, 门卫, 天台) do not."""
from __future__ import annotations

import pytest

from bot.intake import _seen_at, classify, normalize, span_crf
from bot.intake.location import extract_location
from bot.intake.places import locate

pytestmark = pytest.mark.skipif(not span_crf.available(), reason="jieba / python-crfsuite not installed")


# ---- 1. a work spot by its kind alone is no place; a named one is
@pytest.mark.parametrize("text", ["我在中转站", "在配送站", "在站点", "我在驿站", "在驿站呢", "我在中转站呢",
                                  "在快递站", "我在转运站", "在集散站", "我在配送站这边"])
def test_a_work_spot_alone_is_no_place(text: str) -> None:
    assert extract_location(text) is None
    assert locate(text) is None


@pytest.mark.parametrize("text", ["我在中转站，电梯坏了", "我在驿站，电梯坏了", "在快递站，井盖丢了"])
def test_a_report_from_a_work_spot_alone_has_no_place(text: str) -> None:
    assert locate(text) is None
    assert classify(text).location is None


@pytest.mark.parametrize(("text", "want"), [
    ("望京中转站", "望京中转站"), ("我在望京中转站", "望京中转站"), ("望京配送站", "望京配送站"),
    ("望京中转站门口积水", "望京中转站门口"), ("马驹桥配送站门口积水", "马驹桥配送站门口"),
    ("朝阳门地铁站", "朝阳门地铁站"), ("将台站门口积水", "将台站门口"), ("望京驿站门口积水", "望京驿站门口"),
    ("在东站", "东站"), ("西站南广场积水", "西站南广场"),
])
def test_a_named_station_is_a_place(text: str, want: str) -> None:
    assert extract_location(text) == want
    assert locate(text) == want


# ---- 2. misspelt verbs of passing stay out of the place
@pytest.mark.parametrize(("text", "want"), [
    ("途径官营地铁站B口时看到井盖没了", "官营地铁站B口"),
    ("途径营口路发现井盖没了", "营口路"),
    ("刚才途径朝阳公园南门看到路灯不亮", "朝阳公园南门"),
    ("途径达官营地铁站B口发现井盖没了", "达官营地铁站B口"),  # 达官营 keeps its 达
    ("途径世贸天阶斜对面有人摔倒", "世贸天阶斜对面"),
    ("路经世贸天阶斜对面有人摔倒", "世贸天阶斜对面"),
    ("进过官营地铁站B口发现井盖没了", "官营地铁站B口"),  # 进过 for 经过 (jìn/jīng)
    ("刚进过官营地铁站B口发现井盖没了", "官营地铁站B口"),
])
def test_a_misspelt_verb_of_passing_takes_none_of_the_name(text: str, want: str) -> None:
    assert locate(text) == want
    assert classify(text).location == want


@pytest.mark.parametrize("text", ["通过这个途径反映问题", "途径很多"])
def test_tujing_as_a_noun_is_no_place(text: str) -> None:
    assert locate(text) is None


# ---- 3. arriving at a place and seeing a problem there: what was seen is classified
@pytest.mark.parametrize(("text", "want"), [
    ("到达世贸天阶斜对面发现积水", "世贸天阶斜对面，积水"),
    ("我到了望京SOHO，看到井盖没了", "望京SOHO，井盖没了"),
    ("刚来到朝阳公园南门的时候发现路灯不亮", "朝阳公园南门，路灯不亮"),
    ("抵达金源时代对面看见积水", "金源时代对面，积水"),
])
def test_the_clause_seen_at_the_place_is_what_is_read(text: str, want: str) -> None:
    assert _seen_at(text, normalize(text), None) == want


@pytest.mark.parametrize("text", [
    "到达商家发现还没出餐",  # no named place: the rider's errand
    "到了顾客楼下发现电话打不通",
    "路过国贸桥下发现积水",  # not a verb of arriving: read whole, as the corpus has it
    "世贸天阶斜对面发现积水",
    "到达世贸天阶斜对面",
])
def test_other_messages_are_read_whole(text: str) -> None:
    assert _seen_at(text, normalize(text), None) is None


@pytest.mark.parametrize(("text", "place"), [
    ("到达世贸天阶斜对面发现积水", "世贸天阶斜对面"),
    ("到达金源时代对面发现有积水", "金源时代对面"),
    ("刚到达三元桥下发现积水", "三元桥下"),
    ("抵达金源时代对面发现积水", "金源时代对面"),
])
def test_arriving_and_seeing_a_problem_is_a_report(text: str, place: str) -> None:
    got = classify(text)
    assert got.is_report and got.category == "waterlogging"
    assert got.location == place


@pytest.mark.parametrize("text", ["到达商家发现还没出餐", "到达国贸看到好多人排队买奶茶",
                                  "到达望京SOHO发现顾客不在家", "来到朝阳大悦城看到在搞活动"])
def test_arriving_and_seeing_no_problem_is_no_report(text: str) -> None:
    assert not classify(text).is_report


# ---- 4. an area whose name ends as a spot's does stays a place; the spots do not
@pytest.mark.parametrize(("text", "want"), [
    ("在金台", "金台"), ("我在草房这边", "草房"), ("在南磨房", "南磨房"), ("在将台", "将台"),
    ("我在金台，井盖丢了", "金台"), ("在草房，路灯坏了", "草房"),
])
def test_an_area_named_like_a_spot_is_a_place(text: str, want: str) -> None:
    assert extract_location(text) == want
    assert locate(text) == want


@pytest.mark.parametrize("text", ["在车库", "在后台", "在前台", "在门卫", "在天台", "在阳台", "我在楼道呢",
                                  "在金台，等单中", "我在后台，看到订单了"])
def test_a_spot_is_still_no_place(text: str) -> None:
    assert extract_location(text) is None
    assert locate(text) is None
