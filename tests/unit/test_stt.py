"""The speech-to-text engine interface (bot.voice.stt): off by default, real engines named by a
spec with one-line errors when their library, model or ffmpeg is missing, and pluggable."""
from __future__ import annotations

import importlib.util

import pytest

from bot.config import load_settings
from bot.voice.stt import SttError, load_engine, register_engine, transcribe_safely


class Upper:
    name = "upper"

    def __init__(self, arg: str) -> None:
        self.arg = arg

    def transcribe(self, audio: bytes, lang: str | None = None) -> str:
        return f"{self.arg}:{audio.decode().upper()}"


class Broken(Upper):
    def transcribe(self, audio: bytes, lang: str | None = None) -> str:
        raise RuntimeError("decoder crashed")


def test_off_by_default():
    assert load_settings(_env_file=None).stt == ""
    assert load_engine("") is None and load_engine(None) is None and load_engine("  ") is None


def test_a_registered_engine_is_loaded_by_its_spec_and_transcribes():
    register_engine("upper", Upper)
    engine = load_engine("upper:zh")
    assert engine is not None and transcribe_safely(engine, b"abc", "zh") == "zh:ABC"
    assert transcribe_safely(engine, b"", "zh") is None and transcribe_safely(None, b"abc", None) is None


def test_a_failing_engine_loses_the_transcript_not_the_report():
    register_engine("broken", Broken)
    assert transcribe_safely(load_engine("broken:x"), b"abc", None) is None


@pytest.mark.parametrize("spec, words", [
    ("nope:x", "known engines"),
    ("vosk", "vosk:/path/to/model"),
    ("vosk:/no/such/model", "no Vosk model folder"),
    ("whisper:", "name a model"),
])
def test_bad_specs_are_one_line_errors(spec, words):
    with pytest.raises(SttError, match=words) as e:
        load_engine(spec)
    assert "\n" not in str(e.value)


@pytest.mark.skipif(importlib.util.find_spec("faster_whisper") is not None, reason="faster-whisper installed")
def test_whisper_without_its_library_says_what_to_install():
    with pytest.raises(SttError, match="pip install faster-whisper"):
        load_engine("whisper:tiny")


@pytest.mark.skipif(importlib.util.find_spec("vosk") is not None, reason="vosk installed")
def test_vosk_without_its_library_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr("bot.voice.stt.shutil.which", lambda name: "/usr/bin/" + name)
    with pytest.raises(SttError, match="pip install vosk"):
        load_engine(f"vosk:{tmp_path}")
