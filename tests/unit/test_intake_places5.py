"""Beijing places read whole (place4 kinds): a bare 在 + a well-known name with no place-like ending
(在国贸, 在四惠: jieba's dictionary tags them a place name or an abbreviation), and a name holding a
character that is also a function word (首都机场: 都, 对外经济贸易大学: 对) or ending in a terminal
building (航站楼, 候车厅). Chit-chat after 在 stays no place. Lines written for these kinds, with
names of their own (not the evaluation set)."""
from __future__ import annotations

import pytest

from bot.intake import classify, span_crf
from bot.intake.location import extract_location
from bot.intake.places import locate

pytestmark = pytest.mark.skipif(not span_crf.available(), reason="jieba / python-crfsuite not installed")


@pytest.mark.parametrize(("text", "want"), [
    ("在国贸", "国贸"),
    ("在四惠", "四惠"),
    ("我在望京这边", "望京"),
    ("就在上地呢", "上地"),
    ("人在中关村", "中关村"),
    ("在亚运村附近", "亚运村"),
    ("在大屯。", "大屯"),
])
def test_bare_at_a_dictionary_place(text: str, want: str) -> None:
    assert extract_location(text) == want
    assert locate(text) == want


@pytest.mark.parametrize("text", [
    "在吗", "在忙", "在路上了", "在等单", "在家休息", "在线", "在看海", "在上班", "在干嘛", "在摸鱼",
    "在开会", "在排队", "在师傅这", "在老王那", "在南门", "在北门", "在一起", "在休息", "在吃饭呢",
])
def test_chat_after_zai_is_still_no_place(text: str) -> None:
    assert extract_location(text) is None
    assert locate(text) is None
    assert classify(text).location is None


@pytest.mark.parametrize(("text", "want"), [
    # a function word's character inside a word of the name
    ("对外经济贸易大学东门路灯坏了", "对外经济贸易大学东门"),
    ("在对外经济贸易大学东门", "对外经济贸易大学东门"),
    ("首都机场门口有人摔倒了", "首都机场门口"),
    # a terminal building after its airport or station, with its code
    ("首都机场T3航站楼门口有人摔倒", "首都机场T3航站楼门口"),
    ("首都机场3号航站楼出口积水很深", "首都机场3号航站楼出口"),
    ("大兴机场航站楼出口有人晕倒了", "大兴机场航站楼出口"),
    ("北京南站候车厅有人晕倒了", "北京南站候车厅"),
    # a long name opening the message, made of a name's dictionary words
    ("奥林匹克森林公园南门积水很深", "奥林匹克森林公园南门"),
])
def test_names_holding_function_characters_whole(text: str, want: str) -> None:
    assert extract_location(text) == want
    assert locate(text) == want


@pytest.mark.parametrize(("text", "want"), [
    # a verb or time word glued before a name is not taken into it
    ("现在国贸大厦门口堵死了", "国贸大厦门口"),
    ("正在建国路上堵着", "建国路"),
    ("都在建国路口等着", "建国路口"),
    ("从建国门桥下来的时候摔了", "建国门桥"),
    ("把车停在幸福小区门口被罚了", "幸福小区门口"),
])
def test_chat_before_a_name_stays_out(text: str, want: str) -> None:
    assert extract_location(text) == want


@pytest.mark.parametrize("text", ["大家骑车看路注意安全", "@机器人工农市场北门燃气味很重"])
def test_a_verb_or_mention_is_not_read_into_a_name(text: str) -> None:
    """Only a grammar word's character (对, 都 …) is kept inside a dictionary word of the name, not a
    verb's (骑 of 骑车); and a mention (@机器人) does not open a clause a long name may fill."""
    loc = extract_location(text)
    assert loc is None or not loc.startswith(("骑车", "机器人"))
