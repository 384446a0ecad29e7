"""Places shown outside the reporter's own chat.

A case's place is meant to be where the problem is, but a rider often says where
they live in the same breath ("望京SOHO T3 楼下有人摔倒…我住望京花园5号楼1203室"), and a
place taken from that clause is their home. A home is on the negative list: on the
board, in /needs, in exports and in group announcements it is not shown at all (a
masked home would still name the building). Any other place passes `mask` (a room
number inside it goes).
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
