"""Typed words as the bot's word tables are keyed: one key for every table a command's word is
looked up in, and the traditional-to-simplified table the intake reads messages with (OpenCC's).

Its own module, with no imports of the bot's: the command parser (bot.commandtext), the time
words (bot.timeparse) and the intake (bot.intake.normalize) all read through it.
"""
from __future__ import annotations

import unicodedata

import opencc

_IDEOGRAPHS = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
"""CJK Unified Ideographs Extension A, the Unified block and the Compatibility block (Unicode 15)."""


def _t2s_table() -> dict[int, str]:
    """OpenCC's traditional-to-simplified conversion (its `t2s` configuration, the dictionaries of
    the OpenCC project) read one character at a time, as `str.translate` takes it: every ideograph
    is converted on a line of its own, so no phrase joins two of them, and each that OpenCC turns
    into one other character is an entry (about 4,200; built in a few milliseconds at import).

    A character table rather than OpenCC's phrase conversion because the intake slices the
    original message by indices into the normalised one (bot.intake.normalize keeps the length).
    """
    chars = [chr(cp) for first, last in _IDEOGRAPHS for cp in range(first, last + 1)]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # OpenCC keeps line breaks; guard the zip all the same
        raise RuntimeError("OpenCC t2s did not keep one line per character")
    return {ord(t): s for t, s in zip(chars, converted) if s != t and len(s) == 1}


T2S: dict[int, str] = _t2s_table()
"""Traditional character code point -> its simplified character (`燈` → `灯`, `檔` → `档`)."""


def to_simplified(text: str) -> str:
    """Traditional -> Simplified only, character by character (case and width untouched)."""
    return text.translate(T2S)


def typed_key(word: str) -> str:
    """A typed word as the bot's word tables are keyed: NFKC width, lower case, single spaces,
    simplified characters (`本週` → `本周`, `未辦結` → `未办结`, `Last  Week` → `last week`). One rule for
    every table a command's word is looked up in: periods (bot.periods), /cases lists
    (bot.cases.lifecycle), /proposals lists, a command's sub-word (bot.events.CommandCall.word), the time
    words (bot.timeparse.normalize), /hours' amounts."""
    return " ".join(to_simplified(unicodedata.normalize("NFKC", word)).lower().split())
