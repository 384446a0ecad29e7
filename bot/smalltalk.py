"""Telling courtesy from a question in a private chat: "谢谢", "你好", "hello" deserve a short,
friendly answer, not the whole usage text. Pure."""
from __future__ import annotations

import re
import unicodedata

THANKS = ("谢谢", "多谢", "感谢", "谢了", "辛苦了", "辛苦", "thanks", "thank you", "thx", "ty", "好的谢谢",
          "ok", "okay", "好的", "收到", "嗯", "好")
HELLO = ("你好", "您好", "hi", "hello", "hey", "在吗", "在不在", "早", "早上好", "晚上好", "下午好", "哈喽",
         "good morning", "good evening")
_NOISE = re.compile(r"[\s!！.。,，~～?？👍🙏😊🙂❤️]+")


def _clean(text: str) -> str:
    return _NOISE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


FILLERS = {"", "啊", "呀", "哈", "你", "您", "啦", "了", "哦", "你了", "您了", "大家", "bot", "there", "alot",
           "somuch", "much", "everyone", "all"}


def smalltalk(text: str) -> str | None:
    """'thanks', 'hello', or None when the text is more than a courtesy."""
    words = _clean(text)
    if not words or len(words) > 24:
        return None
    for kind, phrases in (("thanks", THANKS), ("hello", HELLO)):
        for phrase in sorted(phrases, key=len, reverse=True):
            if words.startswith(phrase) and words[len(phrase):].replace(" ", "") in FILLERS:
                return kind
    return None
