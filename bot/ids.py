"""Numeric ids typed or pressed by users, checked at the edge.

Our own row ids (cases, redemptions, report-ins, hours entries, surveys ...) are
32-bit integers in the database. A number a rider types, or a forged button
carries, must never reach a query unchecked: "C-99999999999" overflows the
column on PostgreSQL and the int on SQLite, and that is an error no retry can
fix. So every user-supplied id goes through `parse_id`, and every callback
filter accepts at most `ID_DIGITS` digits via `ID`.
"""
from __future__ import annotations

import re
import unicodedata

MAX_ID = 2**31 - 1  # PostgreSQL INTEGER, the id column of every table we number
ID_DIGITS = 10      # len(str(MAX_ID)); a longer run of digits cannot be an id
ID = r"\d{1,9}"  # the id part of every callback filter's regexp: nine digits are always below MAX_ID
_ID = re.compile(r"^#?\s*(\d{1,%d})$" % ID_DIGITS)
_ENDING = re.compile(r"[\s。.,，、!?！？]+$")  # what a phone's input method types after a number (NFKC'd)


def in_range(n: int) -> bool:
    """True when `n` can be one of our row ids."""
    return 1 <= n <= MAX_ID


def parse_id(text: str | None, prefix: str = "") -> int | None:
    """The id in `text` ("12", "#12", full-width "１２", with an optional letter `prefix` such as
    "R" or "C-"), or None when it is not a number from 1 to MAX_ID."""
    if not text:
        return None
    s = _ENDING.sub("", unicodedata.normalize("NFKC", text).strip())  # `1。`, `#3.`: a sentence's end typed after
    if prefix and s.upper().startswith(prefix.upper()):
        s = s[len(prefix):].lstrip("-#").strip()
    m = _ID.match(s)
    if not m:
        return None
    n = int(m.group(1))
    return n if in_range(n) else None


def bounded_int(text: str | None, low: int, high: int) -> int | None:
    """A signed whole number from low to high (amounts, days, counts), or None."""
    if not text:
        return None
    s = unicodedata.normalize("NFKC", text).strip()
    if not re.fullmatch(r"[+-]?\d{1,12}", s):
        return None
    n = int(s)
    return n if low <= n <= high else None
