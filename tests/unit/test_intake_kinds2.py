"""Issue 14, second round: each miss kind with fresh lines written for this test.

None of these lines is in the training corpus (see test_lines_are_unseen) and none
comes from the evaluation set: they check that the classifier reads riders' ways of
saying things, not that it remembers its own seeds.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from bot.intake import ASK_THRESHOLD, classify

ROOT = Path(__file__).resolve().parents[2]

RIGHTS = [
    "跑一天下来被扣了八十 理由是顾客说餐撒了 我打包好好的 这找谁说理去",
    "站里说好的冲单奖励到现在都没发 问就是下周 都下了三个周了",  # a known miss until the heads of the seventh round
    "那个小区的保安说骑手一律不准进 让客户下来拿 客户不下来就给我差评",
    pytest.param("thanks platform for fining me 30 for rain delay, very kind of you", marks=pytest.mark.xfail(
        reason="known miss: English mock thanks still read as thanks", strict=False)),
    "my boss keep the deposit, I quit 2 month ago, still not return",
]
SUGGEST_OR_SERVICE = [
    pytest.param("要是路口有个给骑手遮阳的棚子就好了 红灯的时候晒得头晕", {"rider_service", "suggestion"},
                 marks=pytest.mark.xfail(reason="known miss: a rest-point wish at a junction is filed as traffic",
                                         strict=False)),
    ("我寻思社区能不能出个骑手专用的通行码 刷一下就能进小区", {"suggestion", "rider_rights"}),
    ("驿站那边能不能多放几把椅子 每次去都没地坐", {"rider_service"}),
    ("maybe the community can paint building numbers bigger, old estates are a maze", {"suggestion"}),
]
URGENT_CASUAL = [
    ("哎呀前面路口有个大爷骑车摔了 躺那半天没起来", "person_in_need"),
    ("楼梯间的电瓶车烧起来了 好大的烟 楼上还有人", "fire_safety"),
    ("lol the manhole cover on the main road is gone again, big black hole", "road"),
    ("刚看到一辆三轮把个小哥撞了 头磕地上出血了", "traffic"),
    ("小区里一股很冲的煤汽味 好几层都能闻到", "fire_safety"),
]
LOUD_NOT_URGENT = [
    "我真的服了！！！这个路灯到底修不修！！！天天黑着！！！",
    "紧急紧急 驿站的微波炉又坏了 饭都热不了",
    "要命了 垃圾桶满到马路上了 熏死个人",
    "WHY is the bike lane ALWAYS full of parked cars!!! every single day!!!",
]
NOT_REPORTS = [
    "前阵子说的那个路口红绿灯 昨天修好了 大家放心走",
    "我外婆家那边以前老淹水 现在修了排水好多了",
    "问一下 要是送餐路上看到有人打架 该报警还是报给群里",
    "朋友圈看到隔壁市有个骑手被困电梯 好在没事",
    "刚才那股烟是人家在熏腊肉 不是着火 别紧张",
    "the gas smell earlier was the restaurant testing their stove, all fine now",
    "who knows a cheap place to fix a flat tyre near the station?",
    "兄弟们明天降温 多穿点 别冻着",
]
SLANG_TYPO = [
    ("路登坏了 黑乎乎一片 啥也看不见", "lighting"),
    ("路牙子碎成渣了 电驴上不去 只能扛", "road"),
    ("非机动车道被小车霸占了 我们只能跟公交车抢道 太吓人了", "bike_lane"),
    ("垃圾堆的跟山似的 味儿冲的很 好几天没人拉", "sanitation"),
]


@pytest.mark.parametrize("text", RIGHTS)
def test_rider_rights_said_casually(text):
    r = classify(text)
    assert r.is_report and r.category == "rider_rights", (text, r)


@pytest.mark.parametrize("text,cats", SUGGEST_OR_SERVICE)
def test_wishes_and_ideas_are_low_urgency_reports(text, cats):
    r = classify(text)
    assert r.is_report and r.category in cats and r.urgency != "urgent", (text, r)


@pytest.mark.parametrize("text,cat", URGENT_CASUAL)
def test_danger_said_casually_stays_urgent(text, cat):
    r = classify(text)
    assert r.is_report and r.urgency == "urgent" and r.category == cat, (text, r)


@pytest.mark.parametrize("text", LOUD_NOT_URGENT)
def test_loud_inconvenience_is_not_urgent(text):
    r = classify(text)
    assert r.is_report and r.urgency != "urgent", (text, r)


@pytest.mark.parametrize("text", NOT_REPORTS)
def test_past_resolved_hypothetical_second_hand_are_not_reports(text):
    r = classify(text)
    assert not r.is_report or r.confidence < ASK_THRESHOLD, (text, r)


@pytest.mark.parametrize("text,cat", SLANG_TYPO)
def test_typos_homophones_and_dialect(text, cat):
    r = classify(text)
    assert r.is_report and r.category == cat, (text, r)


def test_lines_are_unseen():
    """Every line above is new to the corpus, so these tests measure generalisation."""
    corpus = {json.loads(line)["text"] for line in (ROOT / "data/intake/train.jsonl").open(encoding="utf-8")}
    def text(x):
        return x.values[0] if hasattr(x, "values") else x
    mine = ([text(t) for t in RIGHTS] + [text(x)[0] if not hasattr(x, "values") else x.values[0]
                                          for x in SUGGEST_OR_SERVICE] + [t for t, _ in URGENT_CASUAL] + LOUD_NOT_URGENT
            + NOT_REPORTS + [t for t, _ in SLANG_TYPO])
    assert not corpus & set(mine)


def test_second_round_seeds_are_valid_and_mostly_chinese():
    sys.path.insert(0, str(ROOT / "scripts"))
    import intake_seeds_hand2 as h2
    from bot.intake import CATEGORIES, URGENCIES
    rows = h2.rows()
    assert len(rows) >= 300
    zh = 0
    for line in rows:
        cat, urg, loc, text = line.split("|", 3)
        assert cat in "-?" and urg == "-" or cat in CATEGORIES and urg in URGENCIES, line
        assert loc == "-" or loc in text, line
        zh += not text.isascii()
    assert zh / len(rows) >= 0.7
