"""Probable duplicates: several riders pass the same pothole.

A new report is a probable duplicate of an existing case when both have the
same category, are at the same place (pins within `RADIUS_M`, or place texts
alike *and specific*: a bare road name such as "建国路" is a kilometre long, so
two reports on it are not at the same place), say similar things (a pothole is
not a missing manhole cover, though both are "road"), and the existing case is
recent (`WINDOW`) and still open. Place texts are normalised before comparing
("幸福小区三号门口" and "幸福小区3号门" are the same place).

Urgency: an urgent report is never folded into a case that is not urgent
(`may_follow`). It opens its own case, with its own one-hour clock and alert, and
both cases note the other ("linked"), so the secretary can merge them knowingly.
Raising the older case's urgency instead would restart a clock someone is already
working to, and hide that a second, more serious report came in.
"""
from __future__ import annotations

import math
import re
import unicodedata
from datetime import datetime, timedelta
from difflib import SequenceMatcher
from functools import lru_cache
from typing import NamedTuple

from bot.numerals import chinese_int

from .lifecycle import is_open

RADIUS_M = 150.0
WINDOW = timedelta(hours=48)
THRESHOLD = 0.8
CONTENT_THRESHOLD = 0.3
DIFFERENT_NUMBERS_CAP = 0.6
_EARTH_RADIUS_M = 6_371_008.8

LatLon = tuple[float, float]


class ReportRef(NamedTuple):
    """What duplicate detection needs to know about a report or case. A named tuple: one is made
    for every recent open case a new report is compared with, and a frozen dataclass's
    `__init__` (a `object.__setattr__` per field) cost more than the comparison that follows."""

    category: str | None
    reported_at: datetime
    place: str | None = None
    pin: LatLon | None = None
    status: str = "new"
    text: str | None = None  # the description, for `content_similarity` (None: unknown, not compared)


def haversine_m(a: LatLon, b: LatLon) -> float:
    """Great-circle distance in metres between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * _EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


# --- place normalisation -----------------------------------------------------------
_CN_NUMBER = re.compile(r"[零〇一二两三四五六七八九十百]+")
# words that say "around there" rather than where: dropped before comparing
_ZH_VAGUE = re.compile(r"附近|旁边|边上|周边|周围|一带|那边|这边|这里|那里|对面|跟前|前面|后面|里面|外面")
_ZH_SAME = (("十字路口", "路口"), ("门口", "门"), ("交叉口", "路口"), ("交汇处", "路口"), ("大门", "门"),
            ("号楼", "栋"), ("幢", "栋"))
_EN_VAGUE = {"near", "nearby", "the", "a", "at", "by", "next", "to", "outside", "opposite",
             "in", "front", "of", "on", "around", "close", "beside", "behind", "entrance"}
_EN_SAME = {"rd": "road", "st": "street", "ave": "avenue", "av": "avenue", "blvd": "boulevard",
            "hwy": "highway", "ln": "lane", "no": "", "bldg": "building", "intersection": "junction",
            "crossing": "junction", "xing": "junction"}
# a junction "A路与B路" is the same as "B路和A路"
_ZH_JOIN = re.compile(r"(?<=[路街道巷桥])[与和跟同及](?=\S)")
_NUMBER = re.compile(r"\d+")
_EN_JOIN = re.compile(r"\s*(?:\band\b|&|/|\+)\s*")


@lru_cache(maxsize=8192)
def normalize_place(text: str) -> str:
    """Comparable form of a place string (zh or en). Cached: a new report is compared with
    every recent open case of its category, whose places would be normalised again each time."""
    s = unicodedata.normalize("NFKC", text).lower()
    for a, b in _ZH_SAME:                     # before numerals: 十字路口, 一带
        s = s.replace(a, b)
    s = _ZH_VAGUE.sub("", s)
    s = _CN_NUMBER.sub(lambda m: str(chinese_int(m.group())), s)  # 十二号楼 = 12号楼, 三零一 = 301
    s = re.sub(r"[^\w\s&/+]", " ", s)          # punctuation to spaces
    words = [_EN_SAME.get(w, w) for w in s.split()]
    words = [w for w in words if w and w not in _EN_VAGUE]
    s = " ".join(words)
    parts = _EN_JOIN.split(s) if _EN_JOIN.search(s) else _ZH_JOIN.split(s)
    parts = [p.strip() for p in parts if p.strip()]
    if len(parts) > 1:
        tail = ""
        last = parts[-1]
        for suffix in ("路口", " junction"):  # keep "crossroads" marker out of the sort
            if last.endswith(suffix):
                parts[-1], tail = last[: -len(suffix)].strip(), suffix.strip()
        parts = sorted(p for p in parts if p) + ([tail] if tail else [])
    s = " ".join(parts)
    # Chinese needs no spaces; keep them only between latin/digit words
    return re.sub(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])", "", s).strip()


def place_similarity(a: str, b: str, at_least: float = 0.0) -> float:
    """0..1 likeness of two place strings after normalisation.

    With `at_least`, a pair that cannot reach it scores 0.0 without the full comparison:
    difflib's cheap upper bounds (`real_quick_ratio`, `quick_ratio`, as `get_close_matches`
    uses them) or different house numbers (capped below it) rule it out first. A report is
    compared with every recent open case of its category, and most are elsewhere."""
    na, nb = normalize_place(a or ""), normalize_place(b or "")
    if not na or not nb:
        return 0.0
    if na == nb:
        return 1.0
    nums_a, nums_b = _NUMBER.findall(na), _NUMBER.findall(nb)
    other_numbers = bool(nums_a and nums_b and sorted(nums_a) != sorted(nums_b))  # gate 3 is not gate 5
    if other_numbers and DIFFERENT_NUMBERS_CAP < at_least:
        return 0.0
    score = 0.0
    for x, y in ((na, nb), (" ".join(sorted(na.split())), " ".join(sorted(nb.split())))):
        m = SequenceMatcher(None, x, y, autojunk=False)
        if m.real_quick_ratio() >= at_least and m.quick_ratio() >= at_least:
            score = max(score, m.ratio())
    return min(score, DIFFERENT_NUMBERS_CAP) if other_numbers else score


# a place that is only a road's name: not specific enough to say two reports are at one spot
_BARE_ROAD = re.compile(r"^[^\d]{1,12}?(?:路|街|大道|大街|公路|环路|胡同|巷)$|^[a-z ]+ (?:road|street|avenue|lane|boulevard|highway)$")
# characters and words that carry no content when comparing two descriptions
_ZH_STOP = set("的了是在有个这那里儿边上下我你他她们也又还都就很太好啊吧呢吗呀哦哈嘛啦一了着过给把被"
               "和与及或不没要会能到去来说看大家兄弟师傅今天刚才现在晚上快请")
_EN_STOP = {"the", "a", "an", "is", "are", "was", "it", "its", "it's", "there", "here", "this", "that", "on",
            "at", "in", "near", "by", "of", "to", "and", "or", "very", "so", "again", "please", "someone",
            "some", "has", "have", "been", "be", "just", "now", "today", "still", "really", "out", "up",
            "for", "with", "from", "guys", "hey", "we", "i", "you", "my", "our",
            # place words: where, not what
            "road", "rd", "street", "st", "avenue", "ave", "lane", "exit", "gate", "junction", "crossing",
            "metro", "station", "bridge", "north", "south", "east", "west", "entrance", "corner"}
_EN_SYNONYMS = {"lamp": "light", "streetlight": "light", "streetlamp": "light", "lamppost": "light",
                "flooded": "flood", "flooding": "flood", "water": "flood"}
_ZH_PLACE = set("路街道巷口门号楼栋区园村站桥东西南北环")
_LATIN = re.compile(r"[a-z0-9']+")
_HAN = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=8192)
def is_specific(place: str | None) -> bool:
    """Whether a place names a spot (a gate, a number, a junction, a compound), not just a road.
    Cached, as `normalize_place`: asked of the new report's place once per candidate."""
    norm = normalize_place(place or "")
    return bool(norm) and not _BARE_ROAD.match(norm)


def may_have_duplicates(new: ReportRef) -> bool:
    """Whether any case could be a probable duplicate of `new`: `is_probable_duplicate` needs a
    pin or a specific place on both sides, so a report with neither (a bare road name, no place)
    is compared with nothing, and its category's open cases need not be read."""
    return new.category is not None and (new.pin is not None or is_specific(new.place))


def _content_tokens(text: str, place: str | None) -> set[str]:
    s = unicodedata.normalize("NFKC", text).lower()
    if place:
        s = s.replace(unicodedata.normalize("NFKC", place).lower(), " ")
    words = {w.rstrip("s") if len(w) > 3 else w for w in _LATIN.findall(s)
             if len(w) > 1 and not w.isdigit()} - _EN_STOP
    words = {_EN_SYNONYMS.get(w, w) for w in words}
    return words | {c for c in _HAN.findall(s) if c not in _ZH_STOP and c not in _ZH_PLACE}


def content_similarity(a: str, b: str, place_a: str | None = None, place_b: str | None = None) -> float:
    """0..1: how much two descriptions share once their places are removed (overlap of
    content characters and words). 1.0 when either says nothing beyond its place."""
    ta, tb = _content_tokens(a, place_a), _content_tokens(b, place_b)
    if not ta or not tb:
        return 1.0
    return len(ta & tb) / min(len(ta), len(tb))


def may_follow(new_urgency: str | None, existing_urgency: str | None) -> bool:
    """Whether a report of `new_urgency` may simply follow a case of `existing_urgency`: never
    an urgent report into a case that is not urgent (see the module docstring)."""
    return new_urgency != "urgent" or existing_urgency == "urgent"


def is_probable_duplicate(new: ReportRef, existing: ReportRef, now: datetime, *,
                          radius_m: float = RADIUS_M, threshold: float = THRESHOLD,
                          window: timedelta = WINDOW) -> bool:
    """Whether `new` likely reports the same thing as the open case `existing`: same category,
    the same spot (pins within `radius_m`, or alike specific places) and similar content."""
    if new.category is None or new.category != existing.category:
        return False
    if not is_open(existing.status) or now - existing.reported_at > window:
        return False
    near = new.pin is not None and existing.pin is not None \
        and haversine_m(new.pin, existing.pin) <= radius_m
    if not near and new.place and existing.place:
        near = (is_specific(new.place) and is_specific(existing.place)
                and place_similarity(new.place, existing.place, at_least=threshold) >= threshold)
    if not near:
        return False
    if new.text is None or existing.text is None:
        return True
    return content_similarity(new.text, existing.text, new.place, existing.place) >= CONTENT_THRESHOLD
