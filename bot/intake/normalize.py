"""Length-preserving text normalisation for intake.

Every function here maps one input character to exactly one output character, so
an index into the normalised text is also an index into the original: the
location extractor works on the normalised form and slices the original.

* Traditional -> Simplified Chinese by OpenCC's character table (bot.typed.T2S).
* full-width ASCII -> half-width, ideographic space -> space.
* ASCII / Latin lower-casing (only where it keeps the length).
"""
from __future__ import annotations

from bot.typed import T2S  # the traditional-to-simplified table every typed word is read with

_TABLE: dict[int, str] = dict(T2S)
# full-width ASCII block -> half-width
for _cp in range(0xFF01, 0xFF5F):
    _TABLE[_cp] = chr(_cp - 0xFEE0)
_TABLE[0x3000] = " "
# upper-case ASCII -> lower-case
for _cp in range(ord("A"), ord("Z") + 1):
    _TABLE[_cp] = chr(_cp + 32)
for _cp in range(0xFF21, 0xFF3B):  # full-width A-Z -> a-z
    _TABLE[_cp] = chr(_cp - 0xFEE0 + 32)
# typographic punctuation commonly pasted from phones
_TABLE.update({ord("\u2019"): "'", ord("\u2018"): "'", ord("\u201c"): '"', ord("\u201d"): '"',
               ord("\u3001"): ",", ord("\uff0c"): ",", ord("\u3002"): ".", ord("\u00a0"): " "})


def normalize(text: str) -> str:
    """Simplified, half-width, lower-cased; same length as `text`."""
    out = text.translate(_TABLE)
    if not out.isascii():
        # lower-case remaining (non-ASCII Latin) letters where that keeps length
        chars = list(out)
        changed = False
        for i, ch in enumerate(chars):
            if ch.isupper():
                lo = ch.lower()
                if len(lo) == 1:
                    chars[i] = lo
                    changed = True
        if changed:
            out = "".join(chars)
    return out
