"""Commands as Chinese input methods type them: `／mycases`, `/report，建国路井盖丢了`,
`/mycases` followed by a zero-width space, `/accept Ｃ－１`.

One normaliser for every command, applied where messages enter (before any command
filter): the command word is made ASCII and lower case, a punctuation mark right after
it becomes a space, invisible characters go, and full-width letters and digits in the
arguments become ASCII. Chinese punctuation inside the arguments is kept as typed: it
is part of what the rider wrote (a report's text).
"""
from __future__ import annotations

import re
import unicodedata

# Zero-width and direction marks, soft hyphen, word joiner, BOM, Mongolian vowel separator.
INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
SLASHES = "/／⁄∕"
# What an input method may put between the command and its arguments.
SEPARATORS = " \t\n\u3000,，、:：;；.。!！?？"
_COMMAND = re.compile(rf"^[{SLASHES}]([^\s{re.escape(SEPARATORS)}]+)(.*)$", re.S)
# Full-width ASCII letters, digits and code punctuation (－＿＠＃) → ASCII; CJK punctuation stays.
_WIDE = {c: chr(c - 0xFEE0) for c in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B),
                                        0xFF0D, 0xFF3F, 0xFF20, 0xFF03]}
_WIDE[0x3000] = " "


def normalize_command(text: str | None) -> str | None:
    """The command in `text` as the command parser expects it, or None if it is no command."""
    if not text:
        return None
    clean = INVISIBLE.sub("", text).lstrip()
    match = _COMMAND.match(clean)
    if match is None:
        return None
    word = unicodedata.normalize("NFKC", match.group(1)).lower()
    if not word or not (word[0].isascii() and word[0].isalnum()):
        return None  # "/ 你好", "/。" or a path-like "//": not a command
    args = match.group(2).translate(_WIDE).lstrip(SEPARATORS).rstrip()
    return f"/{word} {args}" if args else f"/{word}"


def command_args(text: str | None) -> str:
    """The arguments of a command as typed (invisible characters removed): a report's own words."""
    clean = INVISIBLE.sub("", text or "").lstrip()
    match = _COMMAND.match(clean)
    return match.group(2).lstrip(SEPARATORS).strip() if match else ""
