"""Case numbers: "C-000123" on screen, a plain int in storage.

Riders type case numbers by hand on phone keyboards, so parsing accepts what
they actually type: "c123", "C-123", "C000123", "#123", full-width
"Ｃ－１２３", "C一123" (the input method's 一 for the dash), or a bare "123"; in brackets or quotes ("【C-123】", "「C-123」", "(C-123)") or followed
by the punctuation that ends a sentence ("C-123。", "C-123！", "C-123,") too.
"""
from __future__ import annotations

import re
import unicodedata

from bot.commandtext import typed_word
from bot.ids import MAX_ID

PREFIX = "C-"
_WIDTH = 6
# The mark between C and the digits: a dash as typed (a Chinese input method's 一 "one" looks like one,
# and its ～ is next to it), or none.
_MARK = r"c\s*[-_#:.~一]?\s*"
# Around it, as said in Chinese: "1号工单", "工单1", "第1号", "1號單" (traditional characters too).
_CASE_NO = re.compile(rf"^(?:工单|工單|单号|單號)?\s*第?\s*#?\s*(?:{_MARK})?#?\s*(\d{{1,12}})\s*[号號]?\s*(?:工单|工單|单|單)?$")
# A case number inside a sentence ("c1 怎么样了", "how is C-000001 going?", after NFKC): C or # before the
# digits, with the same marks; a bare number in a sentence is nobody's case.
CASE_NO_IN_TEXT = re.compile(rf"(?<![0-9a-z])(?:{_MARK}#?|#)\s*(\d{{1,12}})(?![0-9])", re.I)
# A case number as the bot writes it (format_case_no), in a message it sent: "C-000123".
SHOWN_CASE_NO = re.compile(rf"\b{PREFIX}(\d{{{_WIDTH},12}})\b")
_DASHES = str.maketrans({"–": "-", "—": "-", "−": "-", "‐": "-", "‑": "-"})


def format_case_no(n: int) -> str:
    """1 -> "C-000001"; numbers beyond six digits simply grow wider."""
    if n < 1:
        raise ValueError(f"case numbers start at 1, got {n}")
    return f"{PREFIX}{n:0{_WIDTH}d}"


def parse_case_no(s: str | None) -> int | None:
    """The case id in `s`, or None when `s` is not a case number."""
    if not s:
        return None
    text = unicodedata.normalize("NFKC", typed_word(s)).translate(_DASHES).lower()
    m = _CASE_NO.match(text)
    if not m:
        return None
    n = int(m.group(1))
    return n if 1 <= n <= MAX_ID else None  # beyond: no such case (and no query that overflows)


def shown_case_no(s: str | None) -> str:
    """How a number the user typed is shown back: canonical ("99", "c99", "Ｃ－９９" -> "C-000099")
    when it parses as one, else as typed (clipped to 32 characters)."""
    n = parse_case_no(s)
    return format_case_no(n) if n is not None else (s or "")[:32]
