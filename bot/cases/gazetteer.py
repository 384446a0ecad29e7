"""The gazetteer's key: one place text, however a rider spells its width, case or punctuation."""
from __future__ import annotations

import re

from bot.intake import normalize

MIN_KEY = 3  # "路口", "门口" name no place on their own
_DROP = re.compile(r"[\s\W_]+")
_VAGUE = re.compile(r"^(这边|那边|这里|那里|附近|楼下|门口|路口|前面|here|there|nearby)$")


def place_key(place: str | None) -> str | None:
    """Normalised text of a place for lookup (Traditional->Simplified, half width, lower case,
    no spaces or punctuation), or None when it is too short or vague to stand for a spot."""
    if not place:
        return None
    key = _DROP.sub("", normalize(place))[:128]
    if len(key) < MIN_KEY or _VAGUE.match(key):
        return None
    return key
