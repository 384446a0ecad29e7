"""Telling courtesy from a question in a private chat: "谢谢", "你好", "hello" deserve a short,
friendly answer, not the whole usage text. Pure."""
from __future__ import annotations

import re

from bot.typed import typed_key

THANKS = ("谢谢", "多谢", "感谢", "谢了", "辛苦了", "辛苦", "thanks", "thank you", "thx", "ty", "好的谢谢",
          "ok", "okay", "好的", "收到", "嗯", "好")
HELLO = ("你好", "您好", "hi", "hello", "hey", "在吗", "在不在", "早", "早上好", "晚上好", "下午好", "哈喽",
         "good morning", "good evening")
_NOISE = re.compile(r"[\s!！.。,，~～?？👍🙏😊🙂❤️]+")


def _clean(text: str) -> str:
    """As the word tables read a typed word (bot.typed.typed_key: `謝謝`, full width), the noise gone."""
    return _NOISE.sub(" ", typed_key(text)).strip().casefold()


FILLERS = {"", "啊", "呀", "哈", "你", "您", "啦", "了", "哦", "你了", "您了", "大家", "bot", "there", "alot",
           "somuch", "much", "everyone", "all"}
# Whom a courtesy is said to, between its phrases ("谢谢师傅们，辛苦了", "thanks guys").
ADDRESSEES = {"你们", "师傅", "师傅们", "各位", "兄弟", "兄弟们", "老师", "同志们", "机器人", "哨兵", "guys", "mate", "bro"}


def smalltalk(text: str) -> str | None:
    """'thanks', 'hello', or None when the text is more than a courtesy."""
    words = _clean(text)
    if not words or len(words) > 24:
        return None
    for kind, phrases in (("thanks", THANKS), ("hello", HELLO)):
        if _only(words.replace(" ", ""), {p.replace(" ", "") for p in phrases}):
            return kind
    return None


def _only(said: str, phrases: set[str]) -> bool:
    """Whether `said` is one of `phrases` or several, with fillers and whom they are said to between and after
    them (`谢谢师傅们辛苦了`, `thanks a lot guys`), and begins with a phrase."""
    parts = sorted((phrases | FILLERS | ADDRESSEES) - {""}, key=len, reverse=True)
    if not any(said.startswith(p) for p in phrases):
        return False
    while said:
        part = next((p for p in parts if said.startswith(p)), None)
        if part is None:
            return False
        said = said[len(part):]
    return True
