"""A normalised view of a text that remembers where each character came from.

Riders type with Chinese input methods: full-width digits (１３８), full-width ＠ and ．,
ideographic spaces, every kind of dash, and now and then an invisible zero-width
character copied from another app. The negative list must see through all of
them, yet what is sent on must be the rider's own text with only the personal
data masked. So detection runs on this view (NFKC per character, one dash, one
space, no invisible characters) and every match is mapped back onto the span of
the original text it came from.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from bot.plaintext import INVISIBLE as INVISIBLE_FORMAT

# Characters that split a number without changing how it reads: every invisible format character
# (bot.plaintext: zero-width, direction marks and isolates, word joiner, BOM, soft hyphen …; a direction
# mark between the digits showed "138\u200e1234\u200e5678" in full), and the emoji presentation selectors
# and the keycap (1\ufe0f\u20e3 is the digit 1 drawn on a key: 1️⃣3️⃣8️⃣… was shown in full).
INVISIBLE = frozenset(INVISIBLE_FORMAT + "\ufe0e\ufe0f\u20e3")
# Dashes that NFKC leaves alone (or maps to something other than "-").
DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d\u30fc")
# Characters read as a dot inside numbers and e-mail addresses (the ideographic full stop too:
# "qq。com" is a common way of writing an address).
DOTS = frozenset("\u3002\uff61\u00b7\u30fb\u2022")


@dataclass(frozen=True, slots=True)
class View:
    """`text` normalised; `origin[i]` is the index in the original of the view's character i."""

    text: str
    origin: tuple[int, ...]
    original: str

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the view's span [start, end) (end > start), with the invisible characters
        that follow its last character (a keycap's selector and frame: they are that character's)."""
        last = self.origin[end - 1] + 1
        while last < len(self.original) and self.original[last] in INVISIBLE:
            last += 1
        return self.origin[start], last


def _one(ch: str) -> str:
    if ch in INVISIBLE:
        return ""
    if ch in DASHES:
        return "-"
    if ch in DOTS:
        return "."
    out = unicodedata.normalize("NFKC", ch)
    if out.isspace():
        return " " if ch != "\n" else "\n"
    return out


def normalise(text: str) -> View:
    """The detection view of `text` (see the module docstring)."""
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        for c in _one(ch):
            chars.append(c)
            origin.append(i)
    return View("".join(chars), tuple(origin), text)


def plain(text: str) -> str:
    """Just the normalised text (for comparisons)."""
    return normalise(text).text
