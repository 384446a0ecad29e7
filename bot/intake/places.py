"""The incident's place in a report: the rules (location.py) combined with the CRF (span_crf.py).

Why both: the rules are exact on the patterns riders use most (a name plus a place
suffix, whole, with its gate or junction) and already skip the rider's home; the
CRF, trained on the corpus's labelled spans, finds places the rules have no
pattern for. How they combine (`locate`):

1. The rules found a place they are sure of: the rules' span (exact on their
   patterns' boundaries). Not sure: a bare suffix word ("Road caved in at ..."), or
   a span right after a home cue ("我住…"); then step 2 decides. One trim: when the
   rules' span begins with 1-2 characters that end a word starting before it
   ("建议|枫林菜市场", "过来|北辰西路", by jieba) and the CRF's span starts right
   after them, the CRF's start is taken (a verb glued onto the name). One widening:
   when the rules stopped the name at a word-like character (五道口: 道) or cut a
   long one (奥林匹克森林公园 read 匹克森林公园) and the CRF's span, ending where the
   rules' does, starts up to 3-4 characters earlier, the CRF's start is taken.
2. The rules found nothing: the CRF's most probable span, if its mean marginal
   probability is at least `CRF_MIN_P`, is not right after a home cue ("我住",
   "I live at"), and has at least two characters; widened to whole Latin words
   and numbers (the CRF's CJK tokens already carry jieba's word boundaries as
   features), edge punctuation trimmed.
3. Otherwise None.

Cost: the CRF (jieba + features + tagging, ~0.3 ms) runs only in step 2 when the text has a
place-like word (`_maybe_place`), reading a window round it, and to confirm a glued head; the
rules alone cost ~0.03 ms. So the lexical path stays above 5,000 messages per CPU-second.

Returns an exact substring of the original text, or None. Without the CRF (the
libraries missing or no model file) places come from the rules alone, with one
log line.
"""
from __future__ import annotations

import logging
import re
import threading
from typing import Any

from bot.privacy.places import EN_UNIT_WORD, HOME_CUE_ZH, HOME_MARK_ZH

from .location import EN_HOME_BEFORE, _past_verb, extract_location, without_part

log = logging.getLogger(__name__)

CRF_MIN_P = 0.6  # mean marginal probability of a CRF span's tokens before it is used (corpus CV)
# The home cues are bot.privacy.places' (俺家在, 家就在, 我住的是 … as well as 我家在), searched with an end
# position, not on a slice: a 家 with nobody before it is a cue only where a clause starts, and a slice
# would cut 大家在 to 家在.
_HOME_BEFORE = re.compile(r"(?:" + HOME_MARK_ZH + r"|" + EN_HOME_BEFORE + r")\s*$", re.I)
_EDGE_STRIP = " ,.，。！？!?、~…:：;；'\"“”()（）"

_LOCK = threading.Lock()
_TAGGER: Any = None
_LOADED = False


def default_tagger() -> Any:
    """The shipped CRF (loaded once), or None with a log line when it cannot run."""
    global _TAGGER, _LOADED
    if not _LOADED:
        with _LOCK:
            if not _LOADED:
                from . import span_crf
                _TAGGER = span_crf.load()
                if _TAGGER is None:
                    log.info("intake: place CRF off (python-crfsuite/jieba missing or no model); rules only")
                _LOADED = True
    return _TAGGER


def _whole(text: str, s: int, e: int) -> tuple[int, int]:
    """Widen [s, e) so that no Latin word or number is cut and a CJK span starts where its
    first jieba word starts ("京花园" in "我住望京花园" -> "望京花园")."""
    while s > 0 and text[s - 1].isascii() and text[s - 1].isalnum() and text[s].isascii() and text[s].isalnum():
        s -= 1
    while e < len(text) and text[e].isascii() and text[e].isalnum() and text[e - 1].isascii() \
            and text[e - 1].isalnum():
        e += 1
    if s > 0 and "\u3400" <= text[s] <= "\u9fff" and "\u3400" <= text[s - 1] <= "\u9fff":
        from .span_crf import _word_info
        lo = max(0, s - 4)
        info = _word_info(text[lo:s + 1])
        k = s - lo
        while k > 0 and info[k][1] in ("M", "E"):  # the jieba word holding text[s] starts earlier
            k -= 1
        s = lo + k
    while s < e and text[s] in _EDGE_STRIP:
        s += 1
    while e > s and text[e - 1] in _EDGE_STRIP:
        e -= 1
    return s, e


def _crf_best(text: str, tagger: Any, lo: int = 0, hi: int | None = None) -> tuple[float, int, int] | None:
    """The CRF's most probable usable span: (p, start, end) in `text`, or None. With `lo`/`hi`
    the CRF reads only text[lo:hi] (its cost grows with the length it reads)."""
    best: tuple[float, int, int] | None = None
    hi = len(text) if hi is None else min(hi, len(text))
    for s, e, p in tagger.spans(text[lo:hi]):
        s, e = s + lo, e + lo
        if p < CRF_MIN_P:
            continue
        s, e = _whole(text, s, e)
        if e - s < 2 or _HOME_BEFORE.search(text, max(0, s - 16), s) or _HOME_NEAR.search(text, max(0, s - 4), s):
            continue
        if best is None or p > best[0]:
            best = (p, s, e)
    return best


def _glued_end(text: str, s: int) -> int | None:
    """Where the glued head of the rules' span text[s:] ends, or None: the jieba word holding
    text[s] starts before s and ends within 2 characters ("建议|枫林…", "过来|北辰…")."""
    if s == 0 or not ("\u3400" <= text[s - 1] <= "\u9fff" and "\u3400" <= text[s] <= "\u9fff"):
        return None
    from .span_crf import _word_info
    lo = max(0, s - 4)
    info = _word_info(text[lo:s + 3])
    k = s - lo
    if k >= len(info) or info[k][1] not in ("M", "E"):
        return None
    for j in range(k, min(len(info), k + 2)):
        if info[j][1] == "E":
            return lo + j + 1
    return None


_VERB_TAILS = set("过到")
"""The last characters of verbs of passing and arriving (路过, 经过, 走到, 来到), which open no place's
name after another Han character: "进过官营地铁站" (进过, the common misspelling of 经过: jìn/jīng, the
nasal endings many accents merge) is the verb and 官营地铁站, never 过官营地铁站."""


def _verb_tail(text: str, s: int) -> bool:
    """Whether text[s] is the last character of a verb of passing or arriving (see _VERB_TAILS)."""
    return text[s] in _VERB_TAILS and s > 0 and "\u3400" <= text[s - 1] <= "\u9fff"


# What never opens a place's name, even where the CRF would start it (a preposition, a particle, a pronoun).
_NO_HEAD = set("在到从往去把被的了是和与跟我你他她它这那有个就都也又还说看")


def _stopped_head(text: str, s: int) -> int | None:
    """Where the name of the rules' span text[s:] may really start, or None: the rules stop a name at a
    character that is mostly a word of its own (道 of 知道, 太 "too", 正 …), and some names hold one
    (五道口华联商厦 read as 口华联商厦); up to 3 Han characters back, the stopping one among them and
    none a particle or pronoun. The CRF decides (its span must start there and end where the rules' does)."""
    from .location import _STOP
    k = s
    while k > 0 and s - k < 3 and "\u3400" <= text[k - 1] <= "\u9fff" and text[k - 1] not in _NO_HEAD:
        k -= 1
    if k == s or not any(c in _STOP for c in text[k:s]):
        return None
    return k


def _cut_head(text: str, s: int) -> int | None:
    """Where the name of the rules' span text[s:] may really start, or None: the rules keep at most 4
    characters of a name before its suffix unless 在/到/从 introduces it (location._long_name), and a
    longer one opening the message is cut mid-word (奥林匹克森林公园 read 匹克森林公园, 北京昆泰嘉华酒店 read
    昆泰嘉华酒店); up to 4 characters back while the run goes on (no stop character, particle or
    pronoun). The CRF decides, as for _stopped_head."""
    from .location import _NAME_LONG, _NAME_MAX, _STOP
    k = s
    while k > 0 and s - k < _NAME_LONG - _NAME_MAX and text[k - 1] not in _STOP and text[k - 1] not in _NO_HEAD \
            and ("\u3400" <= text[k - 1] <= "\u9fff" or (text[k - 1].isascii() and text[k - 1].isalnum())):
        k -= 1
    return k if k < s else None


def locate(text: str, lang: str | None = None, norm: str | None = None, tagger: Any = None) -> str | None:
    """The incident's place in `text` (see module doc); `tagger` None means the shipped CRF,
    False the rules alone. No place but the rider's home, and the report puts its problem
    there ("我住幸福小区5号楼，楼下路灯坏了"): the home (`_home_place`)."""
    found = _locate(text, lang, norm, tagger)
    return found if found is not None else _home_place(text, lang, tagger)


# A home cue that an address follows (not a bare 我家: "我家楼下" names no place).
_HOME_CUE = re.compile(r"(?:" + HOME_CUE_ZH + r"|住在)\s*|" + EN_HOME_BEFORE + r"\s*", re.I)


# an English home that opens with its flat or block: "I live in Block 5, Xili Garden, …" (the home: Xili Garden)
_UNIT_FIRST = re.compile(EN_UNIT_WORD + r"\s*[0-9a-z]{1,5}\s*,\s*", re.I)


def _home_place(text: str, lang: str | None, tagger: Any) -> str | None:
    """The rider's home as the incident's place, when the words after it put the problem there
    (bot.privacy.places.at_home: downstairs, the gate, the compound): the place the rules and
    the CRF find right after the home cue once the cue is blanked out. Shown outside the
    rider's own chat as its compound only (bot.privacy.shareable_place)."""
    from bot.privacy.places import at_home
    if not at_home(text):
        return None
    for m in _HOME_CUE.finditer(text):
        masked = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
        loc = _locate(masked, lang, None, tagger)
        s = masked.find(loc, m.end()) if loc else -1
        if loc and m.end() <= s and (s <= m.end() + 2 or _UNIT_FIRST.fullmatch(masked, m.end(), s)):
            part = without_part(loc)  # the compound, not the rider's block ("I live in Block 5, Xili Garden")
            s += loc.find(part)
            return text[s:s + len(part)]
    return None


def _locate(text: str, lang: str | None, norm: str | None, tagger: Any) -> str | None:
    loc = extract_location(text, lang, norm)
    t = tagger if tagger is not None else default_tagger()
    if not t:
        return loc
    if loc is not None:
        s = text.find(loc)
        e = s + len(loc)
        bare = loc.lower() in _BARE_WORDS  # "Road caved in at ...": a suffix word, not a name
        home = (_HOME_NEAR.search(text, max(0, s - 8), s) or _HOME_BEFORE.search(text, max(0, s - 16), s)) is not None
        if not bare and not home:
            cut = _glued_end(text, s)  # cheap (jieba on a window); the CRF only confirms it
            if cut is not None and cut < e:
                best = _crf_best(text, t, max(0, s - 6), e + 4)
                if best is not None and best[1] == cut and best[2] == e:
                    return text[cut:e]
            head = _stopped_head(text, s)
            if head is None:
                head = _cut_head(text, s)
            if head is not None:
                best = _crf_best(text, t, max(0, s - 8), e + 4)
                if best is not None and head <= best[1] < s and best[2] == e \
                        and _past_verb(text, best[1], e, 0) == best[1] and not _verb_tail(text, best[1]):
                    return text[best[1]:e]  # not back over a verb of passing (途经|官营地铁站, 进过|官营)
            return loc
    lo, hi = 0, len(text)
    if loc is None:
        anchor = _maybe_place(text)
        if anchor is None:
            return None  # nothing place-like for the CRF to mark: skip its cost
        lo, hi = max(0, anchor - 16), anchor + 10  # the CRF reads around the place-like word only
    best = _crf_best(text, t, lo, hi)
    if best is None or (loc is not None and best[1] == text.find(loc)):
        return None
    return text[best[1]:best[2]]


# Gate of the CRF when the rules found nothing (it costs ~0.3 ms; the lexical stage ~0.2 ms): a
# place-type character left once common non-place words are removed ("路灯", "门口", "小区" …), or
# an English place name. On the corpus's reports whose rules found no place, 24 % pass and 28
# of the 33 with a labelled place do.
_COMMON = re.compile(r"路灯|马路|路面|路边|路上|路口|道路|车道|通道|楼道|人行道|下水道|门口|楼下|楼上|小区|出口|入口|"
                     r"路牙|路沿|道牙|电梯|一路|路过|走路|让路|修路|绕路|这条路|那条路|这边|那边|里面|哪里|这里|"
                     r"那里|站点|站长|驿站|市场|广场|区域|地区|片区|号码|几号|单号|口罩|路子|心里|家里|头里|店家|"
                     r"商店|店里|饭店")
_ZH_PLACE_CHAR = re.compile(r"[路街道巷弄桥村园苑城区站院场楼栋座号店厦湾坊馆厂坎坡岭]")
_EN_PLACE = re.compile(r"[A-Z][a-z]+ (?:[A-Z][a-z]+ )?(?:Rd|Road|St|Street|Ave|Lane|Park|Mall|Market|Station|Gate|"
                       r"Plaza|Village|Garden|Bridge|Tunnel)\b|\b(?:rd|road|st|street|ave|avenue|lane|mall|plaza|"
                       r"village|garden)\b")


def _maybe_place(text: str) -> int | None:
    """Where the first place-like word is (see the gate above), or None: nothing for the CRF."""
    m = _EN_PLACE.search(text) or _ZH_PLACE_CHAR.search(_COMMON.sub(lambda c: " " * len(c.group()), text))
    return m.start() if m else None


_BARE_WORDS = {"road", "rd", "street", "st", "avenue", "ave", "lane", "bridge", "tunnel", "park", "market",
               "station", "gate", "plaza", "square", "mall", "building", "tower", "center", "centre"}
_HOME_NEAR = re.compile(r"(?:" + HOME_MARK_ZH + r")[^\s，。！？,.!?]{0,2}$")
