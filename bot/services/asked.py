"""A case asked about in words, not by command: a rider checking on their report days later types
its number as they remember it ("C-000001", "c1 怎么样了", "【C-3】进度？", "how is C-000001 going?"),
or asks for their cases ("我的工单", "工单进度", "my cases", or how a report is getting on: "光华路那个红绿灯修好了吗") or their points ("我的积分", "my balance"). Said to the bot (in private, or naming
it in a group) that is a question, answered as /case and /mycases are: never a report to ask
"是，上报 / 不是" about, nor the manual."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bot.cases.numbers import CASE_NO_IN_TEXT
from bot.intake import ASK_THRESHOLD, classify_async
from bot.intake.lexicon import lexicon_features
from bot.intake.location import extract_location
from bot.typed import typed_key

# What names a case besides its number ("工单 C-1", "case #3"): not a question's content.
_CASE_WORDS = re.compile(r"工单号?|单号|编号|案件|\bcase\b|\bno\b|\bnumber\b", re.I)
# At most this much else: a question about the case ("怎么样了", "修好了吗", "what's the status of"),
# not a report that mentions one.
_MAX_CJK = 12
_MAX_WORDS = 8
# Asking for one's own cases, as riders say it (spaces and punctuation aside, lower case).
MY_CASES = frozenset({"我的工单", "我的上报", "我上报的工单", "查工单", "查询工单", "查看工单", "查我的工单", "工单进度",
                      "工单状态", "上报进度", "mycases", "mycase", "myreports", "mystatus", "caseprogress"})


# Asking for one's points, as riders say it (the same reading): /me's answer.
MY_POINTS = frozenset({"我的积分", "积分", "查积分", "查询积分", "积分余额", "我的积分余额", "我有多少积分", "我有几分",
                       "我的余额", "积分多少", "我的等级", "mypoints", "points", "mybalance", "balance",
                       "whatismybalance", "howmanypointsdoihave", "mypointsbalance", "mytier"})


# What a hurried rider wraps such a question in: a polite start, "一下", a particle at the end
# ("我想查一下我的积分", "帮我查下工单吧", "my points please").
_WRAPPING = re.compile(r"^(?:请|麻烦|帮我|帮忙|我想|我要|想|给我)+|一下|下|吧|吗|呢|啊|呀|谢谢|please|pls|thanks$")
_ASKING = ("查询", "查看", "看看", "查", "看")


def _asked_as(text: str, table: frozenset[str]) -> bool:
    """Whether `text` asks what `table` holds, as riders type it: the words table's key (bot.typed.typed_key:
    `我的積分`, full width, case), punctuation and spaces aside, its wrapping and a verb before it too."""
    key = _bare(typed_key(text))
    if key in table:
        return True
    key = _WRAPPING.sub("", key)
    return key in table or any(key.startswith(v) and key[len(v):] in table for v in _ASKING)


# A question about how a report is getting on, at the end of what is said ("光华路那个红绿灯修好了吗",
# "我报的井盖处理了没", "is it fixed yet?"): the rider's cases, when no number is named. A question of how
# anything is ("怎么样了", "any news") is about a report only when the words name one or its problem
# ("上次那个路灯怎么样了", "我报的那个怎么样了"; not "今天单子怎么样了").
# ("什么时候修" is not one: "光华路的坑什么时候修啊" tells of a pothole as often as it asks after a report)
_FIXED = re.compile(r"(?:(?:修|处理|解决|弄|搞|办)(?:好|完)?了?(?:没有?|吗|么|嘛)|有进展(?:了)?吗|进度(?:如何|怎样|怎么样)|"
                    r"(?:处理|解决|修|办)得?(?:怎么样|咋样|如何)了?|"
                    r"fixed yet|been fixed)[\s?？。.!！~～]*$", re.I)
# Whether anyone has taken it up ("我上次报的井盖有人管吗", "上报的事有回音吗"): asked after what the rider
# reported only (报 before it); "光华路的坑有人管吗" says of a pothole what a report says.
_TAKEN_UP = re.compile(r"有(?:人(?:管|处理|修|理|看)|回音|回复|消息|结果|下文)(?:了)?(?:吗|没有?|么|嘛)[\s?？。.!！~～]*$")
# The same asked in English: of the rider's own report ("my report", "the pothole I reported"), how it is
# going ("any update on my report?", "is the pothole I reported fixed yet?", "what happened to my case?").
_MINE_EN = re.compile(r"\b(?:my (?:report|case|complaint)s?|i (?:reported|posted|sent in)|i'?ve reported)\b")
_GOING_EN = re.compile(r"\b(?:update[sd]?|news|progress|status|fixed|happened|looked at|look at|check(?:ed)?|done|"
                       r"handled|sorted)\b")
_PROGRESS_MAX_EN = 80  # a short English question: about twice as many characters as the Chinese one
_HOW = re.compile(r"(?:怎么样了|咋样了|any (?:news|progress)|what(?:'s| is) the status)[\s?？。.!！~～]*$", re.I)
_REPORT_WORDS = re.compile(r"报|工单|\b(?:case|report|reported)\b", re.I)
_PROGRESS_MAX = 24  # characters before it: a question about a report, not a new one with a question in it


def _asks_progress(text: str) -> bool:
    """Whether `text` asks how a report is getting on (see above)."""
    key = typed_key(text)
    if key.isascii():
        return len(key) <= _PROGRESS_MAX_EN and (key.rstrip().endswith("?") or "yet" in key) \
            and ((_MINE_EN.search(key) is not None and _GOING_EN.search(key) is not None)
                 or (m := _FIXED.search(key)) is not None and m.start() <= _PROGRESS_MAX)
    if (m := _TAKEN_UP.search(key)) is not None:
        return m.start() <= _PROGRESS_MAX and "报" in key[:m.start()]
    if (m := _FIXED.search(key)) is not None:
        return m.start() <= _PROGRESS_MAX
    if (m := _HOW.search(key)) is None or m.start() > _PROGRESS_MAX:
        return False
    before = key[:m.start()]
    return _REPORT_WORDS.search(before) is not None or any(
        f.startswith("kw:") and f not in ("kw:past", "kw:neg", "kw:ask") for f in lexicon_features(before))


@dataclass(frozen=True)
class Asked:
    number: str | None  # the case number as typed; None: the rider's cases (/mycases)
    points: bool = False  # the rider's points (/me), not a case


def _bare(text: str) -> str:
    """`text` without punctuation, symbols and spaces."""
    return "".join(c for c in text if unicodedata.category(c)[0] not in "PSZC")


def named_case(text: str) -> tuple[str, str] | None:
    """(the case number as typed, what the text says besides) when `text` names one case number
    and says little else; else None."""
    plain = unicodedata.normalize("NFKC", text).strip()
    found = list(CASE_NO_IN_TEXT.finditer(plain))  # full-width "Ｃ－１" is "C-1" after NFKC
    if len(found) != 1:
        return None
    rest = _CASE_WORDS.sub(" ", plain[:found[0].start()] + " " + plain[found[0].end():])
    words = [w for w in re.split(r"\s+", rest) if _bare(w)]
    cjk = sum(1 for c in rest if unicodedata.east_asian_width(c) == "W" and _bare(c))
    if cjk > _MAX_CJK or len(words) > _MAX_WORDS:
        return None
    return found[0].group(0).strip(), rest.strip()


async def asked(text: str, *, progress: bool = True) -> Asked | None:
    """What `text` asks about (a case by its number, or one's cases), or None when it is no such
    question: a report that names a case number (the classifier is sure of it), or a place given
    with it ("C-1 在幸福小区3号门": a place's answer, read as one). `progress` False: a question of how
    a report is getting on without its number is none (a reply to the bot's message about a case asks
    about that case: bot.services.answers)."""
    if not text or text.lstrip().startswith("/"):
        return None
    if _asked_as(text, MY_CASES):
        return Asked(None)
    if _asked_as(text, MY_POINTS):
        return Asked(None, points=True)
    named = named_case(text)
    if named is None:
        return Asked(None) if progress and _asks_progress(text) else None
    number, rest = named
    if _bare(rest):
        if extract_location(rest):
            return None
        said = await classify_async(rest)
        if said.is_report and said.confidence >= ASK_THRESHOLD:
            return None
    return Asked(number)
