"""Places (issue 14): the CRF over labelled spans, and how it combines with the rules."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.intake import places, span_crf
from bot.intake.places import locate

pytestmark = pytest.mark.skipif(not span_crf.available(), reason="python-crfsuite / jieba not installed")

TOY = [
    {"text": "长虹路的路灯坏了", "is_report": True, "location": "长虹路"},
    {"text": "翠湖花园北门有个大坑", "is_report": True, "location": "翠湖花园北门"},
    {"text": "Pothole on Binhe Rd", "is_report": True, "location": "Binhe Rd"},
    {"text": "这边的垃圾没人收", "is_report": True, "location": None},
    {"text": "谁在长虹路 帮我带一单", "is_report": False, "location": None},
] * 3


def test_bio_tags_follow_the_gold_span() -> None:
    text = "翠湖花园北门有个大坑"
    toks = span_crf.tokenize(text)
    tags = span_crf.bio(text, toks, span_crf.gold_span({"text": text, "location": "翠湖花园北门"}))
    assert tags == ["B-LOC"] + ["I-LOC"] * 5 + ["O"] * 4
    en = "Pothole on Binhe Rd"
    assert span_crf.bio(en, span_crf.tokenize(en), (11, 19)) == ["O", "O", "B-LOC", "I-LOC"]


def test_gold_span_uses_the_generators_offset() -> None:
    row = {"text": "长虹路 我家在长虹路", "location": "长虹路", "loc_start": 0}
    assert span_crf.gold_span(row) == (0, 3)
    assert span_crf.gold_span({"text": "x", "location": None}) is None


def test_training_is_deterministic(tmp_path: Path) -> None:
    a = span_crf.train(TOY, tmp_path / "a.crfsuite", max_iterations=30)
    b = span_crf.train(TOY, tmp_path / "b.crfsuite", max_iterations=30)
    assert a.read_bytes() == b.read_bytes()
    tagger = span_crf.SpanTagger(a)
    spans = tagger.spans("长虹路的路灯坏了")
    assert spans and spans[0][:2] == (0, 3)


def test_the_shipped_model_marks_a_place_the_rules_have_no_pattern_for() -> None:
    # "城中村" has no name before its suffix and "lotus road" is lower case: the CRF's contexts
    t = places.default_tagger()
    assert t is not None
    assert locate("the street light on lotus road is out") == "lotus road"


def test_home_is_not_the_incidents_place() -> None:
    # the home is the place only when the words after it put the problem there (test_words_places.py)
    assert locate("我住望京花园5号楼 楼下那个坑一直没人补") == "望京花园5号楼"
    assert locate("我住望京花园5号楼1203室，平时送单比较辛苦") is None
    assert locate("我家在桃园新村 今天在文化路口看到红绿灯坏了") == "文化路口"


def test_a_glued_verb_is_trimmed_to_whole_words() -> None:
    assert locate("今天下午骑过来北辰西路有个坑") == "北辰西路"


def test_a_bare_suffix_word_is_not_a_place() -> None:
    assert locate("Road caved in at Lotus Mall, a hole half a metre deep") == "Lotus Mall"


def test_rules_alone_when_the_crf_is_off() -> None:
    assert locate("长虹路的路灯坏了", tagger=False) == "长虹路"


def test_missing_model_degrades_with_a_log_line(monkeypatch: pytest.MonkeyPatch,
                                                caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(span_crf, "MODEL_FILE", Path("/nonexistent/location.crfsuite"))
    monkeypatch.setattr(places, "_LOADED", False)
    monkeypatch.setattr(places, "_TAGGER", None)
    monkeypatch.setattr(span_crf.load, "__defaults__", (Path("/nonexistent/location.crfsuite"),))
    with caplog.at_level(logging.INFO, logger="bot.intake.places"):
        assert places.default_tagger() is None
    assert "rules only" in caplog.text
    assert locate("长虹路的路灯坏了") == "长虹路"


def test_an_english_home_is_not_the_incidents_place() -> None:
    assert locate("I live in Xili Garden, but the street light on Keji Rd is out") == "Keji Rd"
