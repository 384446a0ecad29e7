"""The intake model's first build shows a progress bar; a quick load shows nothing."""
from __future__ import annotations

import time

import pytest
from rich.console import Console

import bot.intake
from bot.ops import model as ops_model


def _console() -> Console:
    return Console(record=True, force_terminal=True, width=100, color_system=None)


def test_a_slow_build_shows_a_bar_a_quick_load_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bot.intake, "get_model", lambda: time.sleep(1.2) or "built")
    console = _console()
    assert ops_model.ensure_model(console) == "built"
    shown = console.export_text()
    assert "loading the intake model" in shown and "intake model ready" in shown

    monkeypatch.setattr(bot.intake, "get_model", lambda: "cached")
    console = _console()
    assert ops_model.ensure_model(console) == "cached"
    assert console.export_text() == ""


def test_a_failed_build_raises_in_the_caller(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> None:
        raise FileNotFoundError("no intake training data at x")
    monkeypatch.setattr(bot.intake, "get_model", broken)
    with pytest.raises(FileNotFoundError):
        ops_model.ensure_model(_console())


def test_no_bar_when_stderr_is_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """A slow load under CI or a service manager writes nothing (doctor's stderr stays empty)."""
    monkeypatch.setattr(bot.intake, "get_model", lambda: time.sleep(1.2) or "built")
    console = Console(record=True, force_terminal=False, width=100, color_system=None)
    assert ops_model.ensure_model(console) == "built"
    assert console.export_text() == ""
