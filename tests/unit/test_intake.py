"""Intake classifier: contract, per-category behaviour, urgency rules, robustness, CLI."""
from __future__ import annotations

import argparse
import io
import json
import random
import sys
from pathlib import Path

import pytest

from bot.intake import ASK_THRESHOLD, CATEGORIES, URGENCIES, Intake, classify, detect_language
from bot.intake.location import extract_location
from bot.intake.normalize import normalize
from bot.typed import to_simplified, typed_key

DEV = next((p for p in (Path(__file__).resolve().parents[3] / "shared" / "intake" / "dev.jsonl",) if p.exists()), None)


def _check_contract(text: str, r: Intake) -> None:
    assert isinstance(r, Intake)
    assert 0.0 <= r.confidence <= 1.0
    if r.is_report:
        assert r.category in CATEGORIES
        assert r.urgency in URGENCIES
    else:
        assert r.category is None and r.urgency is None and r.location is None
    if r.location is not None:
        assert r.location and r.location in text


# ------------------------------------------------------------- contract ----
@pytest.mark.skipif(DEV is None, reason="shared dev set not present")
def test_contract_on_every_dev_line():
    for line in DEV.read_text(encoding="utf-8").splitlines():
        if line.strip():
            text = json.loads(line)["text"]
            _check_contract(text, classify(text))


def test_contract_on_random_strings():
    rng = random.Random(1)
    alphabet = "路街小区号门栋的了灯坏井盖积水着火 abcRdSt123,.!?🙂兄弟们在和与那个口" + "".join(chr(c) for c in range(0x4e00, 0x4e40))
    for _ in range(400):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        _check_contract(text, classify(text))


def test_normalize_keeps_length():
    for s in ["路燈壞了", "ＡＢＣ１２３　全角", "İstanbul Straße", "mixed 中文 Text"]:
        assert len(normalize(s)) == len(s)


# ------------------------------------------------------------ behaviour ----
@pytest.mark.parametrize("text,category", [
    ("红星路的路灯全黑了 晚上骑车看不见", "lighting"),
    ("The street lamps on Yuehai Rd have been dark for three nights", "lighting"),
    ("光华街中间有个大坑 差点把车颠翻", "road"),
    ("地铁口那边下水道堵了 积了一大片水", "waterlogging"),
    ("Drain is blocked on Gangxia Rd, huge puddle across the lane", "waterlogging"),
    ("明德路的非机动车道被小汽车占满了 只能骑到快车道", "bike_lane"),
    ("小区门口私家车乱停 把路堵了一半", "parking"),
    ("文昌路口的红绿灯坏了 四个方向都不亮", "traffic"),
    ("楼道里十几台电动车在充电 插线板拖了一地", "fire_safety"),
    ("菜场后面的垃圾三天没人清了 臭得不行", "sanitation"),
    ("公园里的长椅断了 钉子露在外面", "public_facility"),
    ("有个老人在公交站摔倒了 起不来", "person_in_need"),
    ("平台无缘无故罚了我一百块 申诉也不理", "rider_rights"),
    ("驿站的充电柜一半都坏了 每天排长队", "rider_service"),
    ("建议在每个小区门口装一个外卖柜 方便大家", "suggestion"),
])
def test_category_examples(text, category):
    r = classify(text)
    assert r.is_report, text
    assert r.category == category, (text, r)


@pytest.mark.parametrize("text", [
    "早上好 今天也加油", "谁能帮我带一单 给红包", "机器人 怎么查积分", "哈哈哈 笑死",
    "Thanks everyone!", "Anyone free to swap shifts tomorrow?", "路灯已经修好了 谢谢", "今天好热啊",
])
def test_non_reports(text):
    r = classify(text)
    assert not r.is_report, (text, r)
    assert r.category is None and r.urgency is None and r.location is None


def test_obvious_chitchat_is_confident():
    for text in ["早上好兄弟们", "谢谢大家", "收到", "Good night all"]:
        r = classify(text)
        assert not r.is_report and r.confidence >= ASK_THRESHOLD, (text, r)


# -------------------------------------------------------------- urgency ----
@pytest.mark.parametrize("text", [
    "人民路上井盖没了 车很多",
    "小区门口有人晕倒了",
    "电线掉地上了 还在冒火花",
    "三楼有家冒烟了 好像着火了",
    "楼道里一股煤气味",
    "桥洞下水很深 淹到座垫了",
    "路口车祸 有人受伤了 躺着不动",
    "Manhole cover missing on Xinhua Rd, cars swerving",
    "Old man collapsed at the bus stop, not responding",
])
def test_life_safety_cues_force_urgent(text):
    r = classify(text)
    assert r.is_report and r.urgency == "urgent", (text, r)


def test_urgency_lowered_by_calm_cue():
    r = classify("小区里的消防栓被杂物挡住了 不算急 有空来看看")
    assert r.is_report and r.category == "fire_safety"
    assert r.urgency == "normal"


def test_low_only_for_suggestions_and_service():
    r = classify("建议在路口多放几个垃圾桶")
    assert r.is_report and r.urgency == "low"
    r = classify("长青街的路灯坏了好几盏")
    assert r.urgency == "normal"


# ------------------------------------------------------------- location ----
@pytest.mark.parametrize("text,loc", [
    ("红星路的路灯全黑了", "红星路"),
    ("阳光花园3号门外面积水了", "阳光花园3号门"),
    ("建设路和文化路交叉口红绿灯坏了", "建设路和文化路交叉口"),
    ("翠竹小区5栋楼道里充电的电动车太多了", "翠竹小区5栋"),
    ("Flooded underpass on Beihuan Ave near Meilin Rd", "underpass on Beihuan Ave near Meilin Rd"),
    ("Pothole on Gangxia Rd outside the school", "Gangxia Rd outside the school"),
    ("路灯坏了", None),
])
def test_location_examples(text, loc):
    assert extract_location(text) == loc


# ----------------------------------------------------------- robustness ----
def test_robustness_edge_inputs():
    for text in ["", "   ", "🙂🙂🙂", "😂👍🔥", "!!!???", "a", "1"]:
        r = classify(text)
        _check_contract(text, r)
        assert not r.is_report
    long = "路灯坏了 " * 2000  # 10,000 characters
    r = classify(long)
    _check_contract(long, r)
    mixed = "Guys 华强路 street light 坏了 totally dark"
    _check_contract(mixed, classify(mixed))


@pytest.mark.parametrize("label", ["视频：", "视频:", "[视频] ", "【图片】", "（照片）", "截图： ", "Video: ", "[photo] "])
@pytest.mark.parametrize("text", ["朝阳路护栏倒了", "幸福小区门口的井盖没了 很危险", "the street light at Keyuan Rd gate 3 is out",
                                  "哈哈哈 今天单子好多", "lunch anyone?"])
def test_a_leading_media_label_changes_nothing(label: str, text: str) -> None:
    """"视频：朝阳路护栏倒了" was chit-chat while its words alone were a report: a label says what
    is attached (how chat apps and forwards mark it), not what happened."""
    assert classify(label + text) == classify(text)


@pytest.mark.parametrize("text", ["视频里看到朝阳路护栏倒了", "图书馆门口的灯坏了", "photos of the flooded underpass"])
def test_media_words_that_are_not_a_label_are_read(text: str) -> None:
    from bot.intake import _MEDIA_LABEL
    assert _MEDIA_LABEL.match(normalize(text)) is None


def test_a_label_alone_is_not_a_report() -> None:
    for text in ["[图片]", "【视频】", "照片：", "[Photo]"]:
        r = classify(text)
        assert not r.is_report and r.confidence >= 0.99


def test_traditional_chinese():
    r = classify("路燈壞了")
    assert r.is_report and r.category == "lighting"
    r = classify("東方路口的紅綠燈壞了")
    assert r.is_report and r.category == "traffic" and r.location == "東方路口"


def test_traditional_beyond_everyday_characters():
    """Every traditional character reads as its simplified one (OpenCC's table, bot.typed.T2S), not
    only the everyday ones a list of our own held (汙, 從, 鏽, 攝, 纜 were kept as typed), and a
    character already simplified is left alone (蓬萊 was read 篷莱, 檔案 挡案)."""
    typed = "汙水從井蓋裡冒出來，欄杆鏽斷了，攝像頭的電纜垂在地上。蓬萊閣的檔案"
    assert to_simplified(typed) == "污水从井盖里冒出来，栏杆锈断了，摄像头的电缆垂在地上。蓬莱阁的档案"
    assert normalize(typed) == normalize(to_simplified(typed))
    assert typed_key("攝像頭") == "摄像头"


def test_detect_language():
    assert detect_language("路灯坏了") == "zh"
    assert detect_language("street light is out") == "en"
    assert detect_language("") == "en"


# ------------------------------------------------------------------ CLI ----
def test_cli_classify_round_trip(tmp_path, monkeypatch):
    from bot.intake import cli

    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "x1", "text": "幸福路的井盖没了 很危险"}, ensure_ascii=False) + "\n"
                   + "早上好兄弟们\n", encoding="utf-8")
    ap = argparse.ArgumentParser()
    cli.register(ap.add_subparsers(dest="cmd", required=True))
    args = ap.parse_args(["classify", str(src)])
    buf = io.StringIO()
    monkeypatch.setattr(sys, "stdout", buf)
    assert args.func(args) == 0
    out = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert out[0] == {"id": "x1", "is_report": True, "category": "road", "urgency": "urgent", "location": "幸福路"}
    assert out[1]["id"] == 2 and out[1]["is_report"] is False and out[1]["category"] is None

    args = ap.parse_args(["intake", "train", "--help"][:2])
    assert callable(args.func)


def test_training_is_deterministic(tmp_path):
    from bot.intake import model

    rows = model.load_rows([model.TRAIN_FILE])[:300]
    a = model.train_lexical(rows)
    b = model.train_lexical(rows)
    assert a.vocab == b.vocab and (a.W == b.W).all() and (a.b == b.b).all()
