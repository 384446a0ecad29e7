"""Notices → Telegram HTML. The one place that knows Telegram's markup and length rules."""
from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.cases.numbers import format_case_no
from bot.i18n import t
from bot.outbox import Outgoing

MAX_TEXT = 4096
MAX_ARG = 300  # user text quoted back is clipped so a message never outgrows Telegram's limit


@dataclass(frozen=True, slots=True)
class Rendered:
    text: str
    buttons: list[list[tuple[str, str]]] | None = None  # rows of (label, callback_data)
    photo: str | None = None


def esc(value: Any, limit: int = MAX_ARG) -> str:
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return html.escape(text, quote=False)


def _place(lang: str, p: dict[str, Any]) -> str:
    if p.get("location"):
        return esc(p["location"])
    if p.get("lat") is not None:
        return t(lang, "location-pin", lat=f"{p['lat']:.5f}", lon=f"{p['lon']:.5f}")
    return t(lang, "location-unknown")


def _case_created(lang: str, p: dict[str, Any]) -> str:
    return t(lang, "case-created", number=esc(p["number"]), category=t(lang, f"cat-{p['category']}"),
             urgency=t(lang, f"urg-{p['urgency']}"), location=_place(lang, p),
             next=t(lang, "case-next", urgency=p["urgency"]))


def _location_attached(lang: str, p: dict[str, Any]) -> str:
    return t(lang, "location-attached", number=esc(p["number"]), location=_place(lang, p))


def _mycases(lang: str, p: dict[str, Any]) -> str:
    cases = p.get("cases") or []
    if not cases:
        return t(lang, "mycases-empty")
    lines = [t(lang, "mycases-header", count=len(cases))]
    lines += [t(lang, "mycases-item", number=esc(c["number"]), category=t(lang, f"cat-{c['category']}"),
                status=t(lang, f"status-{c['status']}"), date=esc(c["date"])) for c in cases]
    return "\n".join(lines)


_COMPOSED: dict[str, Callable[[str, dict[str, Any]], str]] = {
    "case-created": _case_created,
    "location-attached": _location_attached,
    "mycases": _mycases,
}


def render(msg: Outgoing) -> Rendered:
    payload = msg.payload if msg.case_id is None else {**msg.payload, "number": format_case_no(msg.case_id)}
    compose = _COMPOSED.get(msg.kind)
    if compose is not None:
        text = compose(msg.lang, payload)
    else:
        text = t(msg.lang, msg.kind, **{k: esc(v) for k, v in payload.items()})
    return Rendered(text=text[:MAX_TEXT])
