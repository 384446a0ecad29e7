"""The negative list: personal data that never leaves the reporter's own chat.

Cases are read by departments, dashboards and hotline systems, and notes are
announced in group chats, so `mask` runs over any text before it is shared, and
`shareable_place` over any place. It masks what identifies a person or a household
(mobile and landline numbers, ID-card and bank-card numbers, e-mail addresses,
licence plates, flat/room numbers, homes, the name and address of a customer's record
a rider passes on) and keeps what locates a problem (road names,
"3号门", "3栋", "建国路88号", case numbers such as C-000123).

Detection runs on a normalised view of the text (full-width digits, every dash,
invisible characters: bot.privacy.normalize) using the table of kinds in
bot.privacy.kinds; the masks are written back onto the original text, so what is
not personal reaches the reader exactly as the rider wrote it.
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from bot.privacy.kinds import KINDS, STAR, Kind
from bot.privacy.normalize import View, normalise
from bot.privacy.places import is_residence, shareable_place, shareable_point

__all__ = ["STAR", "Hit", "clip", "find", "is_residence", "mask", "shareable_place", "shareable_point"]


@dataclass(frozen=True, slots=True)
class Hit:
    """One piece of personal data: its kind, its span in the original text and its masked form."""

    kind: str
    start: int
    end: int
    masked: str


def _hits(kind: Kind, view: View) -> list[Hit]:
    found: list[Hit] = []
    pos = 0
    while pos <= len(view.text):
        m = kind.pattern.search(view.text, pos)
        if m is None:
            break
        s, e = m.span("secret")
        secret = m.group("secret")
        if kind.valid(secret) and e > s:
            start, end = view.span(s, e)
            found.append(Hit(kind.name, start, end, kind.render(secret)))
            pos = m.end()
        else:  # not this one: a valid one may start a character later
            pos = m.start() + 1
    return found


def find(text: str) -> list[Hit]:
    """Every piece of personal data in `text`, in text order, without overlaps (the row
    order of the table decides when two kinds claim the same characters; a row that is not
    personal, such as an order number, claims its characters and is left out)."""
    if not text:
        return []
    view = normalise(text)
    taken: list[Hit] = []
    for kind in KINDS:
        for hit in _hits(kind, view):
            if all(hit.end <= t.start or hit.start >= t.end for t in taken):
                taken.append(hit)
    personal = {kind.name for kind in KINDS if kind.personal}
    return sorted((hit for hit in taken if hit.kind in personal), key=lambda h: h.start)


def mask(text: str, kinds: Collection[str] | None = None) -> str:
    """`text` with personal data masked (only hits of `kinds`, when given); everything else unchanged."""
    if not text:
        return text
    out, last = [], 0
    for hit in find(text):
        if kinds is not None and hit.kind not in kinds:
            continue
        out += [text[last:hit.start], hit.masked]
        last = hit.end
    out.append(text[last:])
    return "".join(out)


def clip(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, never inside a piece of personal data: that piece
    goes whole. Text is cut before it is stored and masked when it is shown, and a piece cut in two
    is no longer recognised (`身份证11010119900307` shows a birth date, a mobile number without
    its cue its first digits), so a cut through one showed what the whole would have hidden."""
    if len(text) <= limit:
        return text
    end = limit
    for hit in find(text):  # a piece that starts before the cut and runs past it
        if hit.start < end < hit.end:
            end = hit.start
    return text[:end]
