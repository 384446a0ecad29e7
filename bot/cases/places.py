"""Is this message an answer to "where is it?": pure rules for the place question.

A rider asked for the place of their report answers in many ways: a reply to the
bot's message, or just the next message in the group ("在光华路和东三环路口"), which
the classifier alone would take for a new report because it names a road. The test
here is what is *left* once the place and the filler words around it are removed:
if nothing that reads as a report remains, the message is the place, not a report.
"""
from __future__ import annotations

import re
from collections.abc import Callable

MAX_PLACE = 100  # characters kept from a direct answer
_TAIL_MAX = 4  # characters after the extracted place that still belong to it
_TAIL_OK = re.compile(r"^(?:口|门|号|\s?[0-9A-Za-z]{1,3})$")

# what riders put around a place when they answer: "就在…", "地点是…", "it's at …"
_ZH_LEAD = re.compile(r"^(?:(?:就|是|在|位置|地点|地址|具体|大概|应该|我说的|刚才那个|那个|这个|的)[是在：:，, ]*)+")
_ZH_TAIL = re.compile(r"(?:这里|那里|这儿|那儿|这边|那边|附近|旁边|一带|上|里|边|呢|啊|呀|吧|哈|哦|的)+$")
_EN_LEAD = re.compile(r"^(?:(?:it'?s|it is|its|this is|that is|location|place|address|right|just|"
                      r"at|on|in|near|by|the)\b[\s:,]*)+", re.I)
_EN_TAIL = re.compile(r"(?:\s*\b(?:please|thanks|thank you|here|there)\b)+$", re.I)
_PUNCT = re.compile(r"^[\s\W_]+|[\s\W_]+$")
_FILLER_ONLY = re.compile(r"^(?:[\s\W_\d]|[在就是的了口号门边上里这那儿呢啊呀吧哈哦]|我们|我|人(?=\s*在)|\b(?:at|on|in|near|by|the|it'?s|it|is|"
                          r"gate|exit|please|here|there)\b)*$", re.I)

# a text that reads as a place even when the extractor finds no proper name in it (路 of 路灯, 路面 and
# 路障 is the problem's, not a place's: "路灯不亮，好几天了" is no place)
_PLACE_WORDS = re.compile(
    r"路(?!灯|面|障)|[街道巷弄桥]|路口|小区|花园|家园|新村|公寓|大厦|广场|商场|超市|医院|学校|公园|地铁|车站|站|号门|门口|[东西南北]门|"
    r"出口|入口|栋|号楼|单元|\b(?:road|rd|street|st|avenue|ave|lane|ln|bridge|gate|exit|station|"
    r"junction|crossing|mall|park|plaza|block|building|compound|entrance)\b", re.I)
# words that mean the rider talks about the problem, not its place
_NOT_PLACE = re.compile(r"[!！?？]|还没|没修|没有修|not fixed|still|again|又|还是|修好|坏|thanks?\b|谢谢", re.I)


def clean_place(text: str) -> str:
    """The place as the rider wrote it, without the words around it ("就在…这里")."""
    s = _PUNCT.sub("", text.strip())
    s = _ZH_LEAD.sub("", s)
    s = _EN_LEAD.sub("", s)
    s = _ZH_TAIL.sub("", s)
    s = _EN_TAIL.sub("", s)
    return _PUNCT.sub("", s)[:MAX_PLACE]


def remainder(text: str, place: str) -> str:
    """What the message says besides `place`."""
    return text.replace(place, " ", 1) if place and place in text else text


# where a clause ends: Chinese and Latin punctuation (a full stop only before a space or the end:
# "Keyuan Rd. gate 2" is one clause)
_CLAUSE_END = re.compile(r"[，。！？；、,!?;\n]|\.(?=\s|$)")


def place_clause(text: str, place: str | None) -> str | None:
    """The clause of `text` that holds `place` ("光华路和东三环路口的红绿灯坏了" in "今天好累，光华路和东三环路口的
    红绿灯坏了"): what the message says about the place itself, without the chit-chat around it.
    None when the place is not in the text, or is in its only clause."""
    at = text.find(place) if place else -1
    if at < 0 or not place:
        return None
    start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, at)), default=0)
    after = _CLAUSE_END.search(text, at + len(place))
    clause = text[start:after.start() if after else len(text)]
    return clause if clause.strip() != text.strip() else None


# words that say the place given before was wrong ("地点不对，是…", "wrong place, it's …")
_CORRECTION = re.compile(r"不对|错了|有误|更正|纠正|搞错|说错|写错|应该是|\bwrong\b|\bcorrection\b|\bactually\b", re.I)


def says_correction(text: str) -> bool:
    """Whether the rider says a place given before was wrong (a correction without Reply)."""
    return _CORRECTION.search(text) is not None


# words that say the message is about another problem like the first, elsewhere ("光华路路灯也坏了",
# "另外建国路那边也不亮", "another light is out on Keyuan Rd"): a second report, not the first one's place.
# "也就是" ("that is"), "还有点" ("a bit") and "又黑又滑" ("both dark and slippery") say no such thing,
# nor does 又 alone: "光华路路灯又坏了" is the same light broken again; "又坏了一个" counts one more.
_ANOTHER = re.compile(r"也(?!就)|又[^。，,.!！?？]*?[一两][个盏处根块只]|还有(?!点|些)|另外|另一|另有|别的|其他|其它|同样|"
                      r"\b(?:another|also|as well|one more|(?:an)?other one)\b|\btoo\b(?=\W*$)", re.I)
_BOTH = re.compile(r"又[^又\s\W]{1,4}又")


def says_another(text: str) -> bool:
    """Whether `text` (what a message says besides its place) tells of another problem of the
    same kind: "也", "又…一个", "还有", "另外", "another", "also", "… too"."""
    return _ANOTHER.search(_BOTH.sub(" ", text)) is not None


def is_place_answer(text: str, place: str | None, is_report: Callable[[str], bool]) -> bool:
    """Whether `text` (in which `place` was found) answers a place question rather than
    reporting something new. `is_report` classifies what remains once the place is removed."""
    if not place or text.lstrip().startswith("/"):
        return False
    return bare_place(text, place) is not None or not is_report(remainder(text, place))


def bare_place(text: str, place: str | None) -> str | None:
    """`place` (found in `text`) when the text says nothing else ("在角门", "光华路和东三环路口"):
    it reports no problem, whatever the classifier leans to (a bare place scored as a report,
    just under or over its threshold, was asked about in the group, or filed); else None."""
    if not place or text.lstrip().startswith("/"):
        return None
    return place if _FILLER_ONLY.match(remainder(text, place)) else None


def looks_like_place(text: str) -> bool:
    """A direct reply to the place question that the extractor did not recognise, but that is
    short and reads as a place ("3号楼东门", "gate 2 of the mall") rather than as a comment
    ("still there, not fixed!")."""
    s = text.strip()
    return (0 < len(s) <= 40 and not s.startswith("/") and _PLACE_WORDS.search(s) is not None
            and _NOT_PLACE.search(s) is None)


def answer_place(text: str, found: str | None) -> str:
    """The place to store for an answer: what was found, completed by the few characters the
    extractor may cut off its end ("光华路和东三环路" + "口", "Keyuan Rd gate" + " 2")."""
    whole = clean_place(text)
    if found is None:
        return whole
    at = whole.find(found)
    tail = whole[at + len(found):] if at >= 0 else ""
    if at >= 0 and 0 < len(tail) <= _TAIL_MAX and not _NOT_PLACE.search(tail) and _TAIL_OK.match(tail):
        return whole[at:]
    return found
