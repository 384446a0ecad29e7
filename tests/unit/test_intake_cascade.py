"""Intake cascade: lexical-only fallback, the semantic stage when installed, the report CLI, the ask band."""
from __future__ import annotations

import argparse
import json
import logging

import pytest

import bot.intake as intake
from bot.intake import ASK_THRESHOLD, classify, reload_model
from bot.intake import semantic


@pytest.fixture
def lexical_only(monkeypatch):
    monkeypatch.setenv("SENTINEL_INTAKE_SEMANTIC", "0")
    reload_model()
    yield
    monkeypatch.delenv("SENTINEL_INTAKE_SEMANTIC")
    reload_model()


def test_without_the_encoder_the_lexical_stage_runs_alone_and_says_so(lexical_only, caplog):
    with caplog.at_level(logging.INFO, logger="bot.intake"):
        r = classify("团结路的路灯坏了 一到晚上黑乎乎的")
    assert r.is_report and r.category == "lighting"
    assert intake.get_model().semantic is None
    assert any("lexical stage only" in rec.getMessage() for rec in caplog.records)


@pytest.mark.skipif(not semantic.available(), reason="semantic extra not installed")
def test_unsure_messages_reach_the_semantic_stage():
    reload_model()
    m = intake.get_model()
    assert m.semantic is not None
    m.routed = m.total = 0
    classify("早上好兄弟们")                        # obvious chit-chat: lexical decides
    classify("嗯 那边那个东西好像有点不对劲 谁去看看")   # vague: goes on
    assert m.total == 2 and m.routed >= 1


def test_confidence_is_a_plain_float_in_the_unit_range():
    for text in ["早上好", "团结路的路灯坏了", "那边好像有点问题"]:
        r = classify(text)
        assert type(r.confidence) is float and 0.0 <= r.confidence <= 1.0


def test_vague_messages_are_asked_about_not_guessed():
    """Calibrated: some vague lines fall in the band where the bot asks "是，上报 / 不是"."""
    vague = ["那边好像有点问题 不知道要不要说", "这个是不是该反映一下 我也说不清",
             "刚才路过看到点情况 算了", "怎么感觉那块有点不对", "有个事不知道算不算"]
    asked = sum(1 for t in vague if classify(t).confidence < ASK_THRESHOLD)
    assert asked >= 1


def test_report_cli_prints_figures_and_confusion(tmp_path, capsys):
    from bot.intake import cli
    data = tmp_path / "set.jsonl"
    rows = [
        {"text": "团结路的路灯坏了 黑乎乎的", "is_report": True, "category": "lighting", "urgency": "normal",
         "location": "团结路"},
        {"text": "早上好兄弟们", "is_report": False, "category": None, "urgency": None, "location": None},
    ]
    data.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    ap = argparse.ArgumentParser()
    cli.register(ap.add_subparsers(dest="cmd", required=True))
    args = ap.parse_args(["intake", "report", "--data", str(data)])
    assert args.func(args) == 0
    out = capsys.readouterr().out
    assert "is_report F1      1.000" in out and "confusion" in out and "lighting" in out
    args = ap.parse_args(["intake", "report", "--data", str(tmp_path / "missing.jsonl")])
    assert args.func(args) == 2
