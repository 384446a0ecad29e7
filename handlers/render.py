"""Notices → Telegram HTML. The one place that knows Telegram's markup and length rules."""
from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.cases.numbers import format_case_no
from bot.i18n import t
from bot.outbox import DIGEST, Outgoing

MAX_TEXT = 4096
MAX_ARG = 300  # user text quoted back is clipped so a message never outgrows Telegram's limit
DIGEST_ITEM = 180  # characters of each merged message in a digest (DIGEST_MAX of them fit in one)
TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True, slots=True)
class Rendered:
    text: str
    buttons: list[list[tuple[str, str]]] | None = None  # rows of (label, callback_data)
    photo: str | None = None
    voice: str | None = None  # a voice note's file id: sent as the voice message, the text its caption


def esc(value: Any, limit: int = MAX_ARG) -> str:
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return html.escape(text, quote=False)


def _place(lang: str, p: dict[str, Any]) -> str:
    if p.get("location"):
        return esc(p["location"])
    if p.get("place_hidden"):  # the reporter's home, outside their own chat (bot.privacy)
        return t(lang, "location-hidden")
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
                status=t(lang, f"case-status-{c['status']}"), date=esc(c["date"])) for c in cases]
    return "\n".join(lines)


def error_text(lang: str, key: str, params: dict[str, Any]) -> str:
    """A refused action, with status and action codes in words."""
    args = {k: esc(v) for k, v in params.items()}
    if "status" in params:
        args["status"] = t(lang, f"case-status-{params['status']}")
    if "action" in params:
        args["action"] = t(lang, f"case-action-{params['action']}")
    return t(lang, key, **args)


def _case_error(lang: str, p: dict[str, Any]) -> str:
    return error_text(lang, p["key"], p.get("params") or {})


def _case_event(lang: str, p: dict[str, Any]) -> str:
    args = {k: esc(p.get(k) or "") for k in ("note", "master", "department", "from", "to")}
    text = t(lang, p["key"], case=f"<b>{esc(p['number'])}</b>", **args)
    if p.get("about") is None:  # a reply in the report's thread: the thread says which case
        return text
    has_place = bool(p.get("place")) or p.get("lat") is not None
    where = _place(lang, {"location": p.get("place"), "lat": p.get("lat"), "lon": p.get("lon")}) \
        if has_place else ""
    return text + "\n" + t(lang, "case-ev-context", about=esc(p["about"]), place=where,
                           has_place="yes" if has_place else "no")


def _case_card(lang: str, p: dict[str, Any]) -> str:
    lines = [t(lang, "card-title", number=esc(p["number"]), status=t(lang, f"case-status-{p['status']}")),
             t(lang, "card-facts", category=t(lang, f"cat-{p['category']}"), urgency=t(lang, f"urg-{p['urgency']}"),
               location=_place(lang, p)),
             t(lang, "card-owner", department=esc(p.get("department") or "—"), due=esc(p.get("due") or "—"))
             + (" " + t(lang, "card-overdue") if p.get("overdue") else ""),
             "「" + esc(p.get("text") or "", 200) + "」"]
    for e in p.get("events") or []:
        note = f" — {esc(e['note'], 120)}" if e.get("note") else ""
        lines.append(f"· {esc(e['at'])} {t(lang, 'ev-' + e['kind'])}{note}")
    return "\n".join(lines)


def _case_list(lang: str, p: dict[str, Any]) -> str:
    cases = p.get("cases") or []
    if not cases:
        return t(lang, "cases-empty", which=p.get("which", "open"))
    lines = [t(lang, "cases-header", which=p.get("which", "open"), count=len(cases))]
    for c in cases:
        flag = " " + t(lang, "card-overdue") if c.get("overdue") else ""
        lines.append(t(lang, "cases-item", number=esc(c["number"]), category=t(lang, f"cat-{c['category']}"),
                       status=t(lang, f"case-status-{c['status']}"), due=esc(c.get("due") or "—")) + flag)
    return "\n".join(lines)


def _case_alert(lang: str, p: dict[str, Any]) -> str:
    return t(lang, p["key"], number=f"<b>{esc(p['number'])}</b>", category=t(lang, f"cat-{p['category']}"),
             urgency=t(lang, f"urg-{p['urgency']}"), location=_place(lang, p),
             department=esc(p.get("department") or "—"), due=esc(p.get("due") or "—"),
             text=esc(p.get("text") or "", 200))


def _case_followed(lang: str, p: dict[str, Any]) -> str:
    return t(lang, "case-followed", number=f"<b>{esc(p['number'])}</b>",
             status=t(lang, f"case-status-{p['status']}"))


def _case_board(lang: str, p: dict[str, Any]) -> str:
    minutes = p.get("median_minutes")
    median = (t(lang, "board-median-none") if minutes is None
              else t(lang, "board-median", hours=round(minutes / 60, 1)) if minutes >= 60
              else t(lang, "board-median-minutes", minutes=max(1, minutes)))
    lines = [t(lang, "board-title", title=esc(p.get("title") or "", 60)),
             t(lang, "board-counts", open=p["open"], solved=p["solved"], total=p["total"]), median]
    latest = p.get("latest") or []
    if latest:
        lines.append(t(lang, "board-latest"))
    for c in latest:
        place = f" · {esc(c['location'], 40)}" if c.get("location") else ""
        lines.append(f"{esc(c['number'])} · {t(lang, 'cat-' + c['category'])}{place} · "
                     f"{t(lang, 'case-status-' + c['status'])} · {esc(c['date'])}")
    return "\n".join(lines)


def _digest(lang: str, p: dict[str, Any]) -> str:
    """Each merged message as one plain line, each in its own reader's language."""
    items = p.get("items") or []
    lines = [t(lang, "digest-header", count=len(items))]
    for item in items:
        text = render(Outgoing(0, 0, item["kind"], item["lang"], item["payload"], None, item.get("case_id"))).text
        lines.append("• " + esc(" ".join(html.unescape(TAGS.sub("", text)).split()), DIGEST_ITEM))
    return "\n".join(lines)


Composer = Callable[[str, dict[str, Any]], str]

_COMPOSED: dict[str, Composer] = {
    "case-created": _case_created,
    "location-attached": _location_attached,
    "mycases": _mycases,
    "case-error": _case_error,
    "case-event": _case_event,
    "case-card": _case_card,
    "case-list": _case_list,
    "case-alert": _case_alert,
    "case-followed": _case_followed,
    "case-board": _case_board,
    DIGEST: _digest,
}


def composer(kind: str) -> Callable[[Composer], Composer]:
    """Registers how a notice kind that needs more than one catalogue message is written."""
    def register(fn: Composer) -> Composer:
        _COMPOSED[kind] = fn
        return fn
    return register


def render(msg: Outgoing) -> Rendered:
    payload = msg.payload if msg.case_id is None else {**msg.payload, "number": format_case_no(msg.case_id)}
    compose = _COMPOSED.get(msg.kind)
    if compose is not None:
        text = compose(msg.lang, payload)
    else:
        text = t(msg.lang, msg.kind, **{k: esc(v) for k, v in payload.items() if k != "buttons"})
    buttons = [[(t(msg.lang, label), data) for label, data in row] for row in payload.get("buttons") or []]
    return Rendered(text=text[:MAX_TEXT], buttons=buttons or None, photo=payload.get("photo"),
                    voice=payload.get("voice"))
