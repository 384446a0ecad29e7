"""How broadcasts, surveys and the needs overview are written (Telegram HTML)."""
from __future__ import annotations

import html
from typing import Any

from bot.i18n import t
from bot.wording import listed
from handlers.render import TAGS, composer, esc

EXCERPT = 60  # characters of a broadcast's text in lists
BAR = 10  # blocks of a full bar in survey results


def plain(body_html: str, limit: int = EXCERPT) -> str:
    """A broadcast body as one escaped line of plain text."""
    return esc(" ".join(html.unescape(TAGS.sub("", body_html)).split()), limit)


def when_text(lang: str, w: dict[str, Any]) -> str:
    kind = w.get("kind")
    if kind == "now":
        return t(lang, "when-now")
    if kind == "at":
        return t(lang, "when-at", at=esc(w.get("at") or ""))
    days = list(w.get("days") or [])
    if len(days) == 7:
        label = t(lang, "when-every-day")
    elif days == [0, 1, 2, 3, 4]:
        label = t(lang, "when-weekdays")
    else:
        label = t(lang, "when-every-week", days=t(lang, "when-sep").join(t(lang, f"when-dow-{d}") for d in days))
    return t(lang, "when-cron", days=label, time=esc(w.get("time") or ""))


def _audience(lang: str, p: dict[str, Any]) -> str:
    if p.get("audience") == "riders":
        return t(lang, "bc-audience-riders")
    chosen = p.get("chosen")
    if chosen:
        names = chosen if isinstance(chosen, list) else []
        count = len(names) if names else int(chosen)
        if names:  # the names in the reader's brackets: "选定的 2 个群（A和B）", "2 chosen groups (A and B)"
            return t(lang, "bc-audience-chosen-names", count=count, names=esc(listed(names, lang), 200))
        return t(lang, "bc-audience-chosen", count=count)
    return t(lang, "bc-audience-groups")


@composer("bc-message")
def _message(lang: str, p: dict[str, Any]) -> str:
    return str(p.get("body") or "")


@composer("bc-preview")
def _preview(lang: str, p: dict[str, Any]) -> str:
    w = p.get("when") or {}
    lines = [t(lang, "bc-preview-title", id=str(p["id"])),
             t(lang, "bc-preview-to", audience=_audience(lang, p), count=p.get("count", 0)),
             t(lang, "bc-preview-when", when=when_text(lang, w))]
    if p.get("blocked"):
        lines.append(t(lang, "bc-preview-blocked", blocked=p["blocked"]))
    if not p.get("count"):
        lines.append(t(lang, "bc-preview-nobody"))
    if w.get("kind") == "cron" and w.get("next"):
        lines.append(t(lang, "bc-next", next=esc(w["next"])))
    if p.get("masked"):
        lines.append(t(lang, "bc-preview-masked", count=int(p["masked"])))
    if p.get("contacts"):
        lines.append(t(lang, "bc-preview-contacts"))
    lines += ["", str(p.get("body") or "") or t(lang, "bc-preview-photo-only")]
    return "\n".join(lines)


@composer("bc-scheduled")
def _scheduled(lang: str, p: dict[str, Any]) -> str:
    w = p.get("when") or {}
    key = "bc-scheduled" if w.get("kind") == "cron" else "bc-scheduled-once"
    return t(lang, key, id=str(p["id"]), when=when_text(lang, w), next=esc(w.get("next") or ""))


def _counts(p: dict[str, Any], *names: str) -> dict[str, int]:
    """Counts as numbers: the catalogue picks wording by them (0, one, other)."""
    return {n: int(p.get(n) or 0) for n in names}


@composer("bc-started")
def _started(lang: str, p: dict[str, Any]) -> str:
    return t(lang, "bc-started", id=str(p["id"]), **_counts(p, "count", "blocked"))


@composer("bc-report")
def _report(lang: str, p: dict[str, Any]) -> str:
    text = t(lang, "bc-report", id=str(p["id"]), seconds=esc(p.get("seconds") or "0"),
             **_counts(p, "sent", "failed", "blocked"))
    return text + ("\n" + t(lang, "bc-report-recurring") if p.get("recurring") else "")


@composer("sv-created")
def _survey_created(lang: str, p: dict[str, Any]) -> str:
    return t(lang, "sv-created", id=str(p["id"]), close=esc(p.get("close") or ""), **_counts(p, "count", "blocked"))


@composer("bc-list")
def _list(lang: str, p: dict[str, Any]) -> str:
    items = p.get("items") or []
    if not items:
        return t(lang, "bc-list-empty")
    lines = [t(lang, "bc-list-title", count=len(items))]
    for it in items:
        nxt = t(lang, "bc-next", next=esc(it["next"])) if it.get("next") else t(lang, "bc-list-missed")
        excerpt = plain(it.get("body") or "") or ("🖼" if it.get("photo") else "")
        lines.append(t(lang, "bc-list-item", id=str(it["id"]), when=when_text(lang, it.get("when") or {}),
                       audience=_audience(lang, it), next=nxt, text=excerpt))
    lines.append(t(lang, "bc-list-hint"))
    return "\n".join(lines)


@composer("bc-err-group-unknown")
def _group_unknown(lang: str, p: dict[str, Any]) -> str:
    """The secretary's groups as the reader writes a list: 朝阳骑手一群（-100100）、… or Riders East (-100200), …"""
    groups = [t(lang, "bc-group-item", title=esc(str(title), 64), id=str(chat_id))
              for title, chat_id in p.get("groups") or []]
    return t(lang, "bc-err-group-unknown", group=esc(str(p.get("group") or ""), 64),
             groups=listed(groups, lang))


SAYS_WHAT_TO_WRITE = {"when-err-past-today", "bc-err-past-today"}  # no list of examples after these


@composer("when-error")
def _when_error(lang: str, p: dict[str, Any]) -> str:
    key = str(p.get("key") or "when-err-unknown")
    params = {k: esc(v, 64) if isinstance(v, str) else v for k, v in (p.get("params") or {}).items()}
    text = t(lang, key, **params)
    return text if key in SAYS_WHAT_TO_WRITE else text + "\n" + t(lang, "when-examples")


@composer("sv-question")
def _question(lang: str, p: dict[str, Any]) -> str:
    return "\n".join([t(lang, "sv-question-title", id=str(p["id"])), f"<b>{esc(p['question'])}</b>",
                      t(lang, "sv-question-close", close=esc(p.get("close") or ""),
                        mode=t(lang, "sv-anon" if p.get("anonymous") else "sv-named")),
                      t(lang, "sv-question-hint")])


def _tally(lang: str, p: dict[str, Any], title_key: str) -> str:
    total = int(p.get("total") or 0)
    lines = [t(lang, title_key, id=str(p["id"]), status=t(lang, f"sv-status-{p.get('status', 'open')}")),
             f"<b>{esc(p['question'])}</b>"]
    for n, o in enumerate(p.get("options") or [], 1):
        count = int(o.get("count") or 0)
        pct = round(100 * count / total) if total else 0
        bar = "▇" * round(BAR * count / total) if total else ""
        lines.append(t(lang, "sv-option-line", n=n, text=esc(o["text"], 100), count=count, pct=pct, bar=bar))
        names = o.get("names") or []
        if names:
            # en "A, B and 3 more" counts those left out; zh "A、B等 33 人" counts everyone ("等 N 人"
            # after a list is its total: "等 3 人" after thirty names read as three voters)
            more = t(lang, "sv-more", more=o["more"], total=len(names) + int(o["more"])) if o.get("more") else ""
            lines.append("    " + esc(listed(names, lang, more=bool(more)), 600) + more)
    lines.append(t(lang, "sv-total", total=total, close=esc(p.get("close") or ""), status=p.get("status", "open")))
    if p.get("anonymous") and title_key == "sv-results-title":
        lines.append(t(lang, "sv-anon-note"))
    return "\n".join(lines)


@composer("sv-results")
def _results(lang: str, p: dict[str, Any]) -> str:
    return _tally(lang, p, "sv-results-title")


@composer("sv-summary")
def _summary(lang: str, p: dict[str, Any]) -> str:
    return _tally(lang, p, "sv-summary-title")


@composer("sv-list")
def _survey_list(lang: str, p: dict[str, Any]) -> str:
    items = p.get("items") or []
    if not items:
        return t(lang, "sv-list-empty")
    lines = [t(lang, "sv-list-title")]
    lines += [t(lang, "sv-list-item", id=str(it["id"]), question=esc(it["question"], 60), total=it["total"],
                status=t(lang, f"sv-status-{it['status']}"), close=esc(it["close"])) for it in items]
    return "\n".join(lines)


@composer("needs-overview")
def _needs(lang: str, p: dict[str, Any]) -> str:
    days = p.get("days", 30)
    if p.get("period"):  # /needs 本周, /needs last month: the period by its name, as /top names it
        name = t(lang, f"top-period-{p['period']}")
        title = (t(lang, "needs-title-period", period=name, branch=esc(p["branch"])) if p.get("branch")
                 else t(lang, "needs-title-period-all", period=name))
    else:
        title = (t(lang, "needs-title", days=days, branch=esc(p["branch"])) if p.get("branch")
                 else t(lang, "needs-title-all", days=days))
    lines = [title, t(lang, "needs-total", total=p.get("total", 0))]
    if p.get("categories"):
        lines.append(t(lang, "needs-categories"))
        lines += [f"· {t(lang, f'cat-{c}')} — {n}" for c, n in p["categories"]]
    if p.get("places"):
        lines.append(t(lang, "needs-places"))
        lines += [f"· {esc(place, 60)} — {n}" for place, n in p["places"]]
    urgent = p.get("urgent") or []
    lines.append(t(lang, "needs-urgent-title", count=len(urgent)))
    if not urgent:
        lines.append(t(lang, "needs-urgent-none"))
    for c in urgent:
        flag = " " + t(lang, "card-overdue") if c.get("overdue") else ""
        lines.append(t(lang, "needs-urgent-item", number=esc(c["number"]), category=t(lang, f"cat-{c['category']}"),
                       location=esc(c.get("location") or "") or t(lang, "location-unknown"),
                       hours=c.get("hours", 0), status=t(lang, f"case-status-{c['status']}")) + flag)
    return "\n".join(lines)
