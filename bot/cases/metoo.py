"""Telling "me too" from a report: "+1", "我也遇到了", "同上", "me too" said in reply to another rider's
report says the rider met the same problem, and nothing more. Pure.

Why a list and not the classifier: a "me too" carries no category nor place of its own (it means the
replied report's), and it must not be read as more than it is. A reply that says anything besides
("我也遇到了，光华路那边也是") is left to the report path, which reads it as what it says."""
from __future__ import annotations

import re
import unicodedata

# Each alone, or several in a row ("+1 我也遇到了", "same here, +1"), with fillers and punctuation.
PHRASES = ("+1", "同上", "同", "我也是", "我也一样", "一样", "同样", "同感", "附议", "顶",
           "我也遇到了", "我也遇到过", "我也遇到", "我也碰到了", "我也碰到过", "我也碰到", "我也看到了", "我也看到",
           "我也见到了", "我这也是", "我这边也是", "这边也是", "我们这也是", "确实", "属实",
           "me too", "me 2", "same", "same here", "same for me", "same problem", "same issue", "ditto",
           "i saw it too", "i see it too", "i had it too", "agreed")
_FILLERS = ("啊", "呀", "哈", "了", "哦", "呢", "嗯", "吧", "啦", "兄弟", "师傅", "大家", "also", "too", "here")
_NOISE = re.compile(r"[\s!！.。,，、~～?？:：;；👍🙋‍♂️🙋‍♀️🙋✋]+")
_ORDERED = sorted(PHRASES + _FILLERS, key=len, reverse=True)  # longest first: "我也遇到了" before "我也遇到"


# what a rider says to a proposal to support it, besides a "me too" ("附议", "+1", "顶")
SUPPORT_PHRASES = ("支持", "同意", "赞成", "赞同", "我支持", "我同意", "我赞成", "支持一下", "support", "i support",
                   "agree", "i agree", "yes")
_ORDERED_SUPPORT = sorted(PHRASES + SUPPORT_PHRASES + _FILLERS, key=len, reverse=True)


def says_me_too(text: str, *, support: bool = False) -> bool:
    """Whether `text` says "me too" and nothing else (at least one phrase, otherwise fillers);
    `support`: or, said to a proposal, that the rider supports it ("支持", "同意！", "agree")."""
    rest = _NOISE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()
    if not rest or len(rest) > 30:
        return support and not rest and "👍" in text  # a thumb alone: the support button's own sign
    ordered, phrases = (_ORDERED_SUPPORT, PHRASES + SUPPORT_PHRASES) if support else (_ORDERED, PHRASES)
    said = False
    while rest:
        rest = rest.lstrip()
        word = next((w for w in ordered if rest.startswith(w)), None)
        if word is None:
            return False
        said = said or word in phrases
        rest = rest[len(word):]
    return said
