"""zh / en language detection (script based; the bot only sees these two)."""
from __future__ import annotations

import re

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def detect_language(text: str) -> str:
    """'zh' when CJK characters make up a real part of the message, else 'en'.

    A single place name in Chinese inside an English sentence stays 'en'; a
    Chinese sentence with an English brand name stays 'zh'.
    """
    if not text:
        return "en"
    cjk = len(_CJK.findall(text))
    if cjk == 0:
        return "en"
    words = len(_LATIN_WORD.findall(text))
    # one Chinese character ~ one English word of content
    return "zh" if cjk >= words else "en"


def written_language(text: str) -> str | None:
    """The language `text` is written in, or None when it says none: no Chinese character and no
    Latin word (emoji, digits, punctuation, a sticker's empty text). Such a message must not
    decide a person's language: "😀😀😀" is not English."""
    if not _CJK.search(text) and not _LATIN_WORD.search(text):
        return None
    return detect_language(text)
