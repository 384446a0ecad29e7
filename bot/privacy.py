"""The negative list: personal data that never leaves the bot in shared text.

Cases are read by departments, dashboards and hotline systems, and notes are
announced in group chats, so `mask` runs over any text before it is shared.
It masks what identifies a person or a household (mobile and landline
numbers, ID-card numbers, e-mail addresses, flat/room numbers) and keeps
what locates a problem (road names, "3号门", "3栋", "建国路88号", case numbers
such as C-000123). Masked values keep a little for context (138****5678).
"""
from __future__ import annotations

import re

STAR = "*"

_EMAIL = re.compile(r"(?<![\w.+-])([\w.+-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")
# 18-digit resident ID: region(6) + birth date(8) + sequence(3) + check(digit or X)
_ID_CARD = re.compile(
    r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
    r"\d{3}[0-9Xx](?![0-9A-Za-z])")
_MOBILE = re.compile(
    r"(?<![\dA-Za-z-])((?:\+|00)?86[\s-]?)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?![\d])")
_LANDLINE = re.compile(
    r"(?<![\dA-Za-z-])(?:\((0\d{2,3})\)|(0\d{2,3}))[\s-]?(\d{3,4})[\s-]?(\d{4})(?:\s*(?:转|ext\.?|x)\s*\d{1,5})?(?!\d)")
# flat / room: "3栋2单元501", "3号楼2单元501室", "501室", "1203房", "2-3-501"
_ZH_ROOM = re.compile(
    r"(?P<keep>\d+\s*(?:栋|幢|号楼|座)\s*(?:\d+\s*单元\s*)?|\d+\s*单元\s*)"
    r"(?P<room>\d{2,5})(?P<suffix>\s*(?:室|号|房间?|户))?(?![\d楼层])"
    r"|(?P<room2>\d{3,5})(?P<suffix2>\s*(?:室|房间|房|户))")
_DASH_ROOM = re.compile(r"(?<![\w-])(\d{1,3}-\d{1,2}-)(\d{3,4})(?![\w-])")
_EN_ROOM = re.compile(
    r"\b(?P<keep>(?:room|rm\.?|apt\.?|apartment|flat|suite|unit)\s*(?:no\.?\s*)?#?\s*)"
    r"(?P<room>[A-Za-z]?\d{1,5}[A-Za-z]?(?:-\d{1,5})?)\b", re.IGNORECASE)


def _stars(n: int) -> str:
    return STAR * max(n, 3)


def _email(m: re.Match[str]) -> str:
    return f"{m.group(1)[0]}{_stars(3)}@{m.group(2)}"


def _id_card(m: re.Match[str]) -> str:
    s = m.group()
    return s[:3] + STAR * 11 + s[-4:]


def _mobile(m: re.Match[str]) -> str:
    prefix = (m.group(1) or "").rstrip(" -")
    masked = f"{m.group(2)}****{m.group(4)}"
    return f"{prefix} {masked}" if prefix else masked


def _landline(m: re.Match[str]) -> str:
    area = m.group(1) or m.group(2)
    return f"{area}-{_stars(len(m.group(3)))}{m.group(4)}"


def _zh_room(m: re.Match[str]) -> str:
    if m.group("room") is not None:
        return f"{m.group('keep')}{_stars(3)}{m.group('suffix') or ''}"
    return f"{_stars(3)}{m.group('suffix2')}"


def mask(text: str) -> str:
    """`text` with personal data masked; everything else unchanged."""
    if not text:
        return text
    text = _EMAIL.sub(_email, text)
    text = _ID_CARD.sub(_id_card, text)
    text = _MOBILE.sub(_mobile, text)
    text = _LANDLINE.sub(_landline, text)
    text = _ZH_ROOM.sub(_zh_room, text)
    text = _DASH_ROOM.sub(lambda m: m.group(1) + _stars(3), text)
    text = _EN_ROOM.sub(lambda m: m.group("keep") + _stars(3), text)
    return text
