"""Notices → Telegram HTML. The one place that knows Telegram's markup and length rules."""
from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.cases.numbers import format_case_no
from bot.i18n import has, t
from bot.outbox import DIGEST, Outgoing
from bot.wording import listed, unended

MAX_TEXT = 4096
MAX_ARG = 300  # user text quoted back is clipped so a message never outgrows Telegram's limit
DIGEST_ITEM = 180  # characters of each merged message in a digest (DIGEST_MAX of them fit in one)
TAGS = re.compile(r"<[^>]+>")
# Messages that quote a typed note or reason before their own punctuation (bot.wording.unended)
QUOTED_MID_SENTENCE = frozenset({"case-ev-transfer-declined", "case-transfer-declined", "case-lost-rejected",
                                 "case-lost-cannot-fix"})


@dataclass(frozen=True, slots=True)
class Rendered:
    text: str
    buttons: list[list[tuple[str, str]]] | None = None  # rows of (label, callback_data)
    photo: str | None = None
    voice: str | None = None  # a voice note's file id: sent as the voice message, the text its caption
    force_reply: bool = False  # ask for a reply (the answer to a prompt) instead of buttons


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
        return t(lang, "location-pin", lat=_degrees(p["lat"]), lon=_degrees(p["lon"]))
    return t(lang, "location-unknown")


def _listed_place(lang: str, c: dict[str, Any]) -> str:
    """A case's place on one line of a list: short, and saying so when there is none yet."""
    if c.get("location"):
        return esc(c["location"], 30)
    return _place(lang, c) if c.get("lat") is not None else t(lang, "mycases-no-place")


def _degrees(value: float) -> str:
    """A coordinate to at most 5 decimals (a metre) and no more than it has: a pin shown to a block
    (bot.privacy.shareable_point: 39.921) must not read as one to the metre (39.92100)."""
    return f"{value:.5f}".rstrip("0").rstrip(".")


def duration(lang: str, seconds: Any) -> str:
    """A configured time as words: "1 小时", "3 days", "90 minutes"."""
    n = int(seconds or 0)
    if n >= 2 * 86400 and n % 86400 == 0:
        return t(lang, "dur-days", n=n // 86400)
    if n and n % 3600 == 0:
        return t(lang, "dur-hours", n=n // 3600)
    return t(lang, "dur-minutes", n=max(1, round(n / 60)))


_DEFAULT_CLOCKS = {"urgent": (3600, 86400), "normal": (259200, 604800), "low": (604800, 1296000)}


def _clock_args(lang: str, p: dict[str, Any]) -> dict[str, str]:
    """The configured respond / fix times the notice carries (older notices: the defaults)."""
    respond, fix = _DEFAULT_CLOCKS.get(str(p.get("urgency")), (259200, 604800))
    return {"respond": duration(lang, p.get("respond_s") or respond), "fix": duration(lang, p.get("fix_s") or fix)}


def _case_created(lang: str, p: dict[str, Any]) -> str:
    # no place line when the category has none, or when the question below asks for it
    key = "case-created-placeless" if p.get("no_place") or p.get("ask_place") else "case-created"
    text = t(lang, key, number=esc(p["number"]), category=t(lang, f"cat-{p['category']}"),
             urgency=t(lang, f"urg-{p['urgency']}"), location=_place(lang, p),
             next=t(lang, "case-next", urgency=p["urgency"], **_clock_args(lang, p)))
    if p.get("linked"):
        text += "\n" + t(lang, "case-linked", master=f"<b>{esc(p['linked'])}</b>")
    where = "-private" if p.get("private") else ""  # WeCom: "@ me", "a pin in private" are a group's words
    if p.get("ask_place"):  # the question in the same message: one message per report, not two
        text += "\n" + t(lang, f"ask-place-inline{where}")
    elif not p.get("no_place"):
        text += "\n" + t(lang, f"case-place-fix{where}")
    return text


def _case_created_external(lang: str, p: dict[str, Any]) -> str:
    """A case another system sent (an Open311 client: the 12345 hotline, a city portal), told to the
    branch's group in its language: where it came from, what it says (masked) and where. Nobody in
    the group reported it, so nothing is addressed to a reporter (no "reply to this message")."""
    source = f"case-source-{p.get('source')}"
    text = t(lang, "case-created-external", number=esc(p["number"]),
             source=t(lang, source) if has(lang, source) else esc(p.get("source") or ""),
             category=t(lang, f"cat-{p['category']}"), urgency=t(lang, f"urg-{p['urgency']}"),
             description=esc(p.get("description") or "", 600), location=_place(lang, p),
             next=t(lang, "case-next-external", urgency=p["urgency"], **_clock_args(lang, p)))
    if p.get("linked"):
        text += "\n" + t(lang, "case-linked", master=f"<b>{esc(p['linked'])}</b>")
    return text


def _location_attached(lang: str, p: dict[str, Any]) -> str:
    return t(lang, "location-attached", number=esc(p["number"]), location=_place(lang, p))


def _location_corrected(lang: str, p: dict[str, Any]) -> str:
    return t(lang, "location-corrected", number=esc(p["number"]), location=_place(lang, p))


def mentions(p: dict[str, Any], lang: str = "zh") -> str:
    """Followers named in a group message, as Telegram mentions (they get notified), listed as the
    language lists names (bot.wording.listed: 、 and 和 in zh, ", " and "and" in en; issue 13 B10)."""
    return listed((f'<a href="tg://user?id={int(i)}">{esc(name, 40)}</a>' for i, name in p.get("mentions") or []),
                  lang)


def _mycases(lang: str, p: dict[str, Any]) -> str:
    cases = p.get("cases") or []
    if not cases:
        return t(lang, "mycases-empty")
    lines = [t(lang, "mycases-header", count=len(cases))]
    lines += [t(lang, "mycases-item", number=esc(c["number"]), category=t(lang, f"cat-{c['category']}"),
                place=_listed_place(lang, c), status=t(lang, f"case-status-{c['status']}"), date=esc(c["date"]))
              for c in cases]
    return "\n".join(lines)


def error_text(lang: str, key: str, params: dict[str, Any]) -> str:
    """A refused action, with status and action codes in words; a parameter given per language
    ({"zh": "水务局", "en": "Water authority"}) in the reader's."""
    args = {k: esc(v.get(lang) or next(iter(v.values()), "") if isinstance(v, dict) else v)
            for k, v in params.items()}
    if "status" in params:
        args["status"] = t(lang, f"case-status-{params['status']}")
    if "action" in params:  # an action without a name (never a raw key) reads as "this action"
        name = f"case-action-{params['action']}"
        args["action"] = t(lang, name if has(lang, name) else "case-action-unnamed")
    if "step" in params:  # the step one may take instead, in words
        args["step"] = t(lang, f"case-action-{params['step']}")
    return t(lang, key, **args)


def _case_error(lang: str, p: dict[str, Any]) -> str:
    return error_text(lang, p["key"], p.get("params") or {})


def _sentence(text: str, lang: str) -> str:
    """A note quoted mid-message ends as a sentence, so the next one does not run into it."""
    if not text or text[-1] in "。！？!?.…；;~～）)」”\"":
        return text
    return text + ("。" if lang == "zh" else ".")


def _quoted(key: str, note: str, lang: str) -> str:
    """A typed note or reason as message `key` quotes it: a resolution's ends as a sentence (the
    next one follows it); one quoted mid-sentence (QUOTED_MID_SENTENCE) loses its own full stop, so
    the message's does not double it; others as typed."""
    if key == "case-ev-resolved":
        return _sentence(note, lang)
    return unended(note) if key in QUOTED_MID_SENTENCE else note


def _case_event(lang: str, p: dict[str, Any]) -> str:
    args = {k: esc(p.get(k) or "") for k in ("note", "master", "department", "from", "to")}
    args["note"] = _quoted(p["key"], args["note"], lang)
    text = t(lang, p["key"], case=f"<b>{esc(p['number'])}</b>", **args)
    if p.get("mentions"):
        text += "\n" + t(lang, "case-followers", names=mentions(p, lang), count=len(p["mentions"]))
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
             + (" " + t(lang, "card-overdue") if p.get("overdue") else "")
             + (" · " + t(lang, "card-fix-due", due=esc(p["fix_due"])) if p.get("fix_due") else ""),
             "「" + esc(p["text"], 200) + "」" if p.get("text") else t(lang, "card-no-text")]  # a voice report
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
        if c.get("incoming"):
            flag += " " + t(lang, "cases-transfer-in")
        lines.append(t(lang, "cases-item", number=esc(c["number"]), category=t(lang, f"cat-{c['category']}"),
                       status=t(lang, f"case-status-{c['status']}"), due=esc(c.get("due") or "—")) + flag)
    return "\n".join(lines)


def _case_alert(lang: str, p: dict[str, Any]) -> str:
    text = t(lang, p["key"], number=f"<b>{esc(p['number'])}</b>", category=t(lang, f"cat-{p['category']}"),
             urgency=t(lang, f"urg-{p['urgency']}"), location=_place(lang, p),
             department=esc(p.get("department") or "—"), due=esc(p.get("due") or "—"),
             fix_due=esc(p.get("fix_due") or "—"), text=esc(p.get("text") or "", 200),
             note=esc(_quoted(p["key"], p.get("note") or "—", lang)), transfers=p.get("transfers", 0), limit=p.get("limit", 0),
             **{"from": esc(p.get("from") or "—")}, to=esc(p.get("to") or "—"), master=esc(p.get("master") or "—"),
             by=t(lang, p["by"], **{"from": esc(p.get("from") or "—")}) if p.get("by") else "—",
             action=str(p.get("action") or ""),
             **_clock_args(lang, p))
    if p.get("unstaffed"):  # the department has nobody in the bot: the secretary hears it instead
        text += "\n" + t(lang, "case-alert-unstaffed", department=esc(p.get("department") or "—"))
    return text


def _case_followed(lang: str, p: dict[str, Any]) -> str:
    key = "case-followed-own" if p.get("own") else "case-followed-me-too" if p.get("me_too") else "case-followed"
    return t(lang, key, number=f"<b>{esc(p['number'])}</b>",
             status=t(lang, f"case-status-{p['status']}"))


def _case_board(lang: str, p: dict[str, Any]) -> str:
    minutes = p.get("median_minutes")
    median = (t(lang, "board-median-none") if minutes is None
              else t(lang, "board-median", hours=round(minutes / 60, 1)) if minutes >= 60
              else t(lang, "board-median-minutes", minutes=max(1, minutes)))
    title = esc(p.get("title") or "", 60)
    lines = [t(lang, "board-title", title=t(lang, "board-title-of", name=title) if title else t(lang, "board-title-all")),
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
    "case-created-external": _case_created_external,
    "location-attached": _location_attached,
    "location-corrected": _location_corrected,
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
        text = t(msg.lang, msg.kind, **{k: v if isinstance(v, int) and not isinstance(v, bool) else esc(v)
                                        for k, v in payload.items() if k != "buttons"})
    buttons = [[(t(msg.lang, label), data) for label, data in row] for row in payload.get("buttons") or []]
    return Rendered(text=text[:MAX_TEXT], buttons=buttons or None, photo=payload.get("photo"),
                    voice=payload.get("voice"), force_reply=bool(payload.get("force_reply")))
