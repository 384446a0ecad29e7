"""Issue 14, third round: every miss kind of the issue, with fresh lines written for this test.

None of these lines is in the training corpus (test_lines_are_unseen) and none comes from
the evaluation set. Short plain English reports get their own group: they used to be
asked about ("是，上报 / 不是") instead of filed.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from bot.intake import ASK_THRESHOLD, CATEGORIES, URGENCIES, classify
from bot.intake.places import locate

ROOT = Path(__file__).resolve().parents[2]

SHORT_EN_REPORTS: list[tuple[str, str]] = [
    ("Street lamp out on Gaoxin Rd", "lighting"),
    ("pothole outside the Sunny Bakery", "road"),
    ("Drain overflowing by the north gate", "waterlogging"),
    ("Cars parked in the bike lane on Keji Rd", "bike_lane"),
    ("traffic lights not working at the Tianbei junction", "traffic"),
    ("Overflowing bins behind the food court", "sanitation"),
    ("Broken bench at the Xianhu bus stop", "public_facility"),
]
SHORT_EN_NOT: list[str] = [
    "lamp on my desk broke lol",
    "see you at the station",
    "road trip this weekend anyone?",
    "thx for the water bottle bro",
]
QUESTION_SARCASM_STORY: list[tuple[str, str]] = [
    ("枫叶路那几盏路灯是准备留着过年再修吗 黑了一个礼拜了", "lighting"),
    ("真要谢谢物业 垃圾房五天没清了 整栋楼都是那股味", "sanitation"),
    ("is anybody ever going to do something about the flooded crossing on Lotus Rd?", "waterlogging"),
    ("今天本来挺顺的 跑了二十多单 结果傍晚在菜场后面那条巷子 看到地上一根电线断了还在冒火花 "
     "我赶紧绕开了 然后又去送了两单 累死", "fire_safety"),
]
TYPO_SLANG_MIXED: list[tuple[str, str]] = [
    ("井该又被偷了 路中间一个大洞 晚上肯定有人掉", "road"),
    ("这条路的路等全黑了 骑车靠感觉", "lighting"),
    ("bike lane 又被 car 占满了 我们只能走大路", "bike_lane"),
    ("the light of road is broken since two day, very dark for rider", "lighting"),
]
CONFUSIONS: list[tuple[str, str, str | None]] = [
    ("一辆面包车把骑三轮的大叔撞了 大叔腿上都是血", "traffic", "urgent"),
    ("路口的让行标志牌被撞倒在地上了", "traffic", None),
    ("天太热了 希望附近能有个地方让骑手歇会儿喝口水", "rider_service", "low"),
    ("商场门口一个路过的小伙子突然倒地抽搐", "person_in_need", "urgent"),
]
TWO_TOPICS: list[tuple[str, str]] = [
    ("驿站的水又没了 另外桥下面有个人掉河里了 在喊救命", "person_in_need"),
    ("路边垃圾好几天没清了 还有 电动车充电的插座在冒烟 快着了", "fire_safety"),
]
URGENT_CASUAL: list[str] = [
    "嗯 路口那个没盖的井还是没人管 刚才又有辆电动车差点掉进去",
    "fyi there's a wire hanging down on the bike path, sparks when it touches the rail",
    # water up to the calf where riders ride, a shelter about to fall (written in session 37)
    "天桥下面积水到小腿了，电瓶车都熄火了",
    "公交站的顶棚被风刮歪了，随时可能掉下来",
]
LOUD_NOT_URGENT: list[str] = [
    "救命啊！！！驿站的充电桩又全坏了！！！",
    "SERIOUSLY the shared bikes at the metro exit AGAIN!!!",
    "小区门口积水到脚踝了 烦死了",
]
NOT_REPORTS: list[str] = [
    "上次说的路口塌陷 市政前天已经铺平了 放心骑",
    "要是遇到有人被困电梯 咱们先打119还是物业电话",
    "我同学说他们城市昨晚大暴雨 地铁站都淹了",
    "the fire alarm at the mall was a drill, nothing happened",
]
PLACES: list[tuple[str, str]] = [
    ("我家在桃园新村 今天在文化路口看到红绿灯坏了", "文化路口"),
    ("建议枫林菜市场门口加个减速带 车太快了", "枫林菜市场门口"),
    ("Road caved in at Lotus Mall, a hole half a metre deep", "Lotus Mall"),
    # a metro exit named by its station alone, and a Latin-named tower's garage exit (session 37:
    # both gave no place, so the bot asked for one the rider had named)
    ("双井地铁口的共享单车堆成山了", "双井地铁口"),
    ("银河SOHO地下车库出口一直往外冒黑烟", "银河SOHO地下车库出口"),
]


@pytest.mark.parametrize("text,cat", SHORT_EN_REPORTS)
def test_short_plain_english_reports_are_filed(text: str, cat: str) -> None:
    r = classify(text)
    assert r.is_report and r.category == cat, (text, r)


@pytest.mark.parametrize("text", SHORT_EN_NOT)
def test_short_english_chat_with_report_words_is_not_filed(text: str) -> None:
    r = classify(text)
    assert not r.is_report or r.confidence < ASK_THRESHOLD, (text, r)


@pytest.mark.parametrize("text,cat", QUESTION_SARCASM_STORY)
def test_questions_sarcasm_mock_thanks_and_buried_reports(text: str, cat: str) -> None:
    r = classify(text)
    assert r.is_report and r.category == cat, (text, r)


@pytest.mark.parametrize("text,cat", TYPO_SLANG_MIXED)
def test_typos_slang_mixed_and_esl(text: str, cat: str) -> None:
    r = classify(text)
    assert r.is_report and r.category == cat, (text, r)


@pytest.mark.parametrize("text,cat,urg", CONFUSIONS)
def test_category_confusions_follow_the_taxonomy(text: str, cat: str, urg: str | None) -> None:
    r = classify(text)
    assert r.is_report and r.category == cat, (text, r)
    assert urg is None or r.urgency == urg, (text, r)


@pytest.mark.parametrize("text,cat", TWO_TOPICS)
def test_two_topics_the_urgent_one_wins(text: str, cat: str) -> None:
    r = classify(text)
    assert r.is_report and r.urgency == "urgent" and r.category == cat, (text, r)


@pytest.mark.parametrize("text", URGENT_CASUAL)
def test_danger_said_casually_is_urgent(text: str) -> None:
    r = classify(text)
    assert r.is_report and r.urgency == "urgent", (text, r)


@pytest.mark.parametrize("text", LOUD_NOT_URGENT)
def test_loud_inconvenience_is_not_urgent(text: str) -> None:
    r = classify(text)
    assert r.is_report and r.urgency != "urgent", (text, r)


@pytest.mark.parametrize("text", NOT_REPORTS)
def test_past_hypothetical_second_hand_and_drills_are_not_filed(text: str) -> None:
    r = classify(text)
    assert not r.is_report or r.confidence < ASK_THRESHOLD, (text, r)


@pytest.mark.parametrize("text,place", PLACES)
def test_the_incidents_place_whole(text: str, place: str) -> None:
    r = classify(text)
    assert r.location == place or not r.is_report, (text, r)
    assert locate(text) == place, text


def test_a_report_opening_with_the_home_address_is_filed() -> None:
    """Was a miss (p(report) 0.46) until the corpus got home-first reports (make_intake_data, src "home")."""
    r = classify(PLACES[0][0])
    assert r.is_report and r.location == PLACES[0][1], r


def _all_lines() -> list[str]:
    return ([t for t, _ in SHORT_EN_REPORTS] + SHORT_EN_NOT + [t for t, _ in QUESTION_SARCASM_STORY]
            + [t for t, _ in TYPO_SLANG_MIXED] + [t for t, _, _ in CONFUSIONS] + [t for t, _ in TWO_TOPICS]
            + URGENT_CASUAL + LOUD_NOT_URGENT + NOT_REPORTS + [t for t, _ in PLACES])


def test_lines_are_unseen() -> None:
    """Every line above is new to the corpus, so these tests measure generalisation."""
    corpus = {json.loads(line)["text"] for line in (ROOT / "data/intake/train.jsonl").open(encoding="utf-8")}
    assert not corpus & set(_all_lines())


def test_third_round_seeds_are_valid() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import intake_seeds_hand3 as h3
    rows = h3.rows()
    assert len(rows) >= 200
    short_en = 0
    for line in rows:
        cat, urg, loc, text = line.split("|", 3)
        assert cat == "-" and urg == "-" or cat in CATEGORIES and urg in URGENCIES, line
        assert loc == "-" or loc in text, line
        short_en += text.isascii() and len(text) <= 60
    assert short_en >= 100  # the issue: short English reports and chat were weak


def test_corpus_is_mostly_chinese_and_large() -> None:
    rows = [json.loads(line) for line in (ROOT / "data/intake/train.jsonl").open(encoding="utf-8")]
    assert len(rows) >= 5000
    assert sum(r["lang"] == "zh" for r in rows) / len(rows) >= 0.7
