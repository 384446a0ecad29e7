"""Report intake: decide whether a rider's message is a report, and of what.

`classify` is the one interface the rest of the bot uses. Behind it:

* normalize.py - Traditional->Simplified, full->half width, lower case (length kept)
* model.py     - pure-Python logistic regression over character / word n-grams,
                 trained from data/intake/train.jsonl (+ corrections.jsonl),
                 cached in bot/intake/_model.pkl
* rules.py     - life-safety cues forcing `urgent`, de-escalation cues
* location.py  - rule-based extractor of the shortest place span
* lang.py      - zh / en detection

Codes follow the labelling contract in shared/intake/taxonomy.md.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass

CATEGORIES: tuple[str, ...] = (
    "lighting", "road", "waterlogging", "bike_lane", "parking", "traffic",
    "fire_safety", "sanitation", "public_facility", "person_in_need",
    "rider_rights", "rider_service", "suggestion", "other",
)
URGENCIES: tuple[str, ...] = ("urgent", "normal", "low")
# below this confidence in the is_report decision the bot asks "是，上报 / 不是"
ASK_THRESHOLD: float = 0.6


@dataclass(frozen=True, slots=True)
class Intake:
    is_report: bool
    category: str | None = None
    urgency: str | None = None
    location: str | None = None
    confidence: float = 1.0


from .lang import detect_language  # noqa: E402
from .location import extract_location  # noqa: E402
from .normalize import normalize  # noqa: E402
from . import rules as _rules  # noqa: E402

_MODEL = None
_SUGGEST = re.compile(r"^\W*(?:我)?(?:建议|提个?建议|提议|suggestion|idea|proposal)")
_LOCK = threading.Lock()
_MAX_CHARS = 2000  # a report is never longer; bounds the cost of huge pastes


def get_model():
    global _MODEL
    if _MODEL is None:
        with _LOCK:
            if _MODEL is None:
                from . import model as _m
                _MODEL = _m.load()
    return _MODEL


def reload_model() -> None:
    """Drop the in-memory model (after `sentinel intake train`)."""
    global _MODEL
    _MODEL = None
_SUGGEST = re.compile(r"^\W*(?:我)?(?:建议|提个?建议|提议|suggestion|idea|proposal)")


def classify(text: str, lang: str | None = None) -> Intake:
    if not text or not text.strip():
        return Intake(is_report=False, confidence=1.0)
    text = text[:_MAX_CHARS]
    n = normalize(text)
    if not any(ch.isalnum() for ch in n):  # only emoji / punctuation
        return Intake(is_report=False, confidence=0.99)
    from .model import features
    m = get_model()
    feats = features(n)
    p = m.p_report(feats)
    if p < 0.75 and _rules.urgent_cue(n) and "kw:past" not in feats and "kw:neg" not in feats:
        p = 0.75  # a present life-safety cue is always worth a report
    if p < 0.5:
        return Intake(is_report=False, confidence=round(1.0 - p, 4))
    category, _pc = m.predict_category(feats)
    if _SUGGEST.match(n):
        category = "suggestion"  # an explicit "建议 / suggestion:" opener
    urgency, _pu = m.predict_urgency(feats, category)
    urgency = _rules.adjust_urgency(n, category, urgency)
    location = extract_location(text, lang, n)
    return Intake(True, category, urgency, location, round(p, 4))


__all__ = ["CATEGORIES", "URGENCIES", "ASK_THRESHOLD", "Intake", "classify", "detect_language",
           "extract_location", "normalize", "reload_model"]
