"""Places shown outside the reporter's own chat.

A case's place is meant to be where the problem is, but a rider often says where
they live in the same breath ("望京SOHO T3 楼下有人摔倒…我住望京花园5号楼1203室"), and a
place taken from that clause is their home. A home is on the negative list: on the
board, in /needs, in exports and in group announcements it is not shown at all (a
masked home would still name the building). Any other place passes `mask` (a room
number inside it goes). A pin follows its place (`shareable_point`).
"""
from __future__ import annotations

import re

from bot.privacy.normalize import plain

# What introduces where someone lives. A bare 住 only counts at the start of a place (the
# intake took the clause from "我住…"), never in 住建局, 住房, 住宅, 住院, 住户.
_MARK_ZH = r"(?:我家住|我家在|我家|家住在|家住|家在|本人住|我住在|我住|住在|住址(?:是|为|:)?|现住|居住在|居住于|租住在|租住)"
_MARK_EN = r"(?:i\s+live|i'm\s+living|i\s+am\s+living|my\s+(?:home|flat|apartment|house|place|address)(?:\s+is)?)"
_START = re.compile(r"^\s*(?:" + _MARK_ZH + r"|住(?![宅建房院户])|" + _MARK_EN + r")\s*(?:in|at|on)?\s*",
                    re.IGNORECASE)
_CLAUSE = re.compile(r"(?:" + _MARK_ZH + r"|" + _MARK_EN + r")\s*(?:in|at|on)?\s*(?P<clause>[^，。,;；！!？?\n]{1,60})",
                     re.IGNORECASE)


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", plain(s)).lower()


def is_residence(place: str | None, text: str = "") -> bool:
    """Whether `place` names where the reporter lives (by itself, or by the report `text`)."""
    if not place or not place.strip():
        return False
    if _START.match(plain(place)):
        return True
    core = _squash(place)
    if len(core) < 2:
        return False
    for m in _CLAUSE.finditer(plain(text or "")):
        clause = _squash(m.group("clause"))
        if core in clause or (len(clause) >= 4 and clause in core):
            return True
    return False


def shareable_place(place: str | None, text: str = "") -> str:
    """The place as it may be shown outside the reporter's own chat: "" when it is the
    reporter's home, else masked."""
    from bot.privacy import mask  # the package imports this module

    if not place or is_residence(place, text):
        return ""
    return mask(place)


# Three decimals of a degree: about 110 m north-south, 85 m east-west at Beijing's latitude
# (cos 40° × 111 km / 1,000): a block, not a building.
COARSE_DECIMALS = 3


def says_home(text: str) -> bool:
    """Whether the report `text` says where the reporter lives ("我住…", "I live at …")."""
    return bool(text) and _CLAUSE.search(plain(text)) is not None


def shareable_point(lat: float | None, lon: float | None, place: str | None,
                    text: str = "") -> tuple[float, float] | None:
    """The pin (WGS-84 degrees) as it may be shown outside the reporter's own chat: none when
    the place is the reporter's home; rounded to COARSE_DECIMALS when the report says where
    they live and the pin is its only place ("我住光明里3单元502，楼下路灯坏了" answered with a
    pin: the pin is that home, give or take a street light); else as given."""
    if lat is None or lon is None or is_residence(place, text):
        return None
    if not (place and place.strip()) and says_home(text):
        return round(lat, COARSE_DECIMALS), round(lon, COARSE_DECIMALS)
    return lat, lon
