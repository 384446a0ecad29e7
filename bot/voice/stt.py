"""Speech-to-text for voice reports: a pluggable engine, off by default.

A rider on a scooter reports by voice. Without an engine the audio alone goes to the
secretary, who listens and classifies it; with one (`SENTINEL_STT`), the transcript is
classified like a text report and shown with the case. Engines are named by a spec:

    vosk:/path/to/model        Vosk (offline, Kaldi); `pip install vosk`, and ffmpeg on PATH
    whisper:small              faster-whisper (CTranslate2), model name or local folder;
                               `pip install faster-whisper`
    whisper:small@cpu/int8     … on a device with a compute type

The heavy libraries are imported only when an engine is configured, and a missing library,
model or ffmpeg is a one-line configuration error at start, not a traceback at the first
voice note. Tests (and operators with their own engine) add one with `register_engine`.
"""
from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

log = logging.getLogger(__name__)
SAMPLE_RATE = 16_000


class SttError(Exception):
    """The engine cannot be loaded (one line for the operator), or cannot transcribe."""


class SpeechToText(Protocol):
    """What the voice service needs from an engine. Blocking: called in a worker thread."""

    name: str

    def transcribe(self, audio: bytes, lang: str | None = None) -> str:
        """The text spoken in `audio` (an OGG/Opus voice note as Telegram sends it)."""
        ...


def pcm16k(audio: bytes) -> bytes:
    """Voice notes are OGG/Opus; Vosk wants 16 kHz mono 16-bit PCM: ffmpeg converts."""
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        raise SttError("ffmpeg is not on PATH (needed to decode voice notes)")
    run = subprocess.run([ffmpeg, "-loglevel", "error", "-i", "pipe:0", "-ar", str(SAMPLE_RATE), "-ac", "1",
                          "-f", "s16le", "pipe:1"], input=audio, capture_output=True, timeout=120, check=False)
    if run.returncode != 0:
        raise SttError(f"ffmpeg could not decode the audio: {run.stderr.decode(errors='replace')[:200]}")
    return run.stdout


class VoskEngine:
    """Vosk with a model folder (e.g. vosk-model-small-cn-0.22)."""

    name = "vosk"

    def __init__(self, arg: str) -> None:
        path = Path(arg).expanduser()
        if not arg or not path.is_dir():
            raise SttError(f"SENTINEL_STT=vosk:{arg}: no Vosk model folder there")
        if shutil.which("ffmpeg") is None:
            raise SttError("SENTINEL_STT=vosk needs ffmpeg on PATH to decode voice notes")
        try:
            import vosk
        except ImportError:
            raise SttError("SENTINEL_STT=vosk needs the vosk package: pip install vosk") from None
        vosk.SetLogLevel(-1)
        self._vosk = vosk
        self.model = vosk.Model(str(path))

    def transcribe(self, audio: bytes, lang: str | None = None) -> str:
        import json

        recognizer = self._vosk.KaldiRecognizer(self.model, SAMPLE_RATE)
        pcm = pcm16k(audio)
        for i in range(0, len(pcm), 8000):
            recognizer.AcceptWaveform(pcm[i:i + 8000])
        return str(json.loads(recognizer.FinalResult()).get("text", "")).strip()


class WhisperEngine:
    """faster-whisper: `small`, `medium`, a local CTranslate2 folder; optional `@device/compute`."""

    name = "whisper"

    def __init__(self, arg: str) -> None:
        model, _, where = arg.partition("@")
        if not model:
            raise SttError("SENTINEL_STT=whisper:<model>: name a model (tiny, base, small …) or a folder")
        device, _, compute = (where or "auto").partition("/")
        try:
            from faster_whisper import WhisperModel
        except ImportError:
            raise SttError("SENTINEL_STT=whisper needs faster-whisper: pip install faster-whisper") from None
        try:
            self.model = WhisperModel(model, device=device, compute_type=compute or "default")
        except Exception as e:  # a wrong name, no network for a download, a bad folder
            raise SttError(f"SENTINEL_STT=whisper:{arg}: cannot load the model: {e}") from None

    def transcribe(self, audio: bytes, lang: str | None = None) -> str:
        with tempfile.NamedTemporaryFile(suffix=".oga") as f:  # it decodes with PyAV from a file
            f.write(audio)
            f.flush()
            segments, _ = self.model.transcribe(f.name, language=lang or None, vad_filter=True)
            return "".join(s.text for s in segments).strip()


_ENGINES: dict[str, Callable[[str], SpeechToText]] = {"vosk": VoskEngine, "whisper": WhisperEngine}


def register_engine(name: str, factory: Callable[[str], SpeechToText]) -> None:
    """Make `name:<arg>` a valid SENTINEL_STT spec (a test engine, a cloud service …)."""
    _ENGINES[name] = factory


def load_engine(spec: str | None) -> SpeechToText | None:
    """The engine a spec names; None when speech-to-text is off (no spec). Raises SttError."""
    if not spec or not spec.strip():
        return None
    name, sep, arg = spec.strip().partition(":")
    factory = _ENGINES.get(name.lower())
    if factory is None or not sep:
        raise SttError(f"SENTINEL_STT={spec}: use vosk:/path/to/model or whisper:<model> "
                       f"(known engines: {', '.join(sorted(_ENGINES))})")
    engine = factory(arg)
    log.info("speech-to-text: %s engine loaded", name)
    return engine


def transcribe_safely(engine: SpeechToText | None, audio: bytes, lang: str | None) -> str | None:
    """The transcript, or None (no engine, or it failed: the audio still reaches the secretary)."""
    if engine is None or not audio:
        return None
    try:
        return engine.transcribe(audio, lang).strip() or None
    except Exception:  # a broken note must not lose the report
        log.exception("speech-to-text failed; the voice report goes on without a transcript")
        return None
