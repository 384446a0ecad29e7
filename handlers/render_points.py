"""How the points bank's notices are written (registered with handlers.render by kind)."""
from __future__ import annotations

from typing import Any

from bot.i18n import has, t
from bot.services.top import shown_name
from handlers.render import composer, esc


def _tier(lang: str, code: str) -> str:
    return t(lang, f"points-tier-{code}")


def _signed(points: int) -> str:
    return f"+{points}" if points > 0 else str(points)


def _line(lang: str, e: dict[str, Any]) -> str:
    what = t(lang, f"points-rule-{e['rule']}")
    if e.get("reversal"):
        what = f"{t(lang, 'points-reversal')} · {what}"
    note = f" — {esc(e['note'], 80)}" if e.get("note") and e["rule"] in ("manual", "refund") else ""
    return "· " + t(lang, "points-line", date=esc(e["date"]), what=what, points=_signed(int(e["points"]))) + note


def _extra(lang: str, item: Any) -> str:
    """A line another feature adds to /me: a catalogue key, {"key": …, **args}, or plain text."""
    if isinstance(item, dict) and "key" in item:
        return t(lang, str(item["key"]), **{k: v if isinstance(v, (int, float)) else esc(v)
                                             for k, v in item.items() if k != "key"})
    if isinstance(item, str) and has(lang, item):
        return t(lang, item)
    return esc(item, 500)


@composer("points-me")
def _me(lang: str, p: dict[str, Any]) -> str:
    lines = [t(lang, "points-me-title"), t(lang, "points-me-balance", balance=p["balance"]),
             t(lang, "points-me-tier", tier=_tier(lang, p["tier"]), earned=p["earned"], reports=p["reports"])]
    nxt = p.get("next") or {}
    lines.append(t(lang, "points-me-next", tier=_tier(lang, nxt["tier"]), points=nxt["points"],
                   reports=nxt["reports"]) if nxt else t(lang, "points-me-top"))
    if p.get("hidden"):
        lines.append(t(lang, "points-me-hidden"))
    # Other features' lines (the check-in summary: attendance, volunteer hours …) go here.
    lines += [_extra(lang, item) for item in p.get("extra") or []]
    recent = p.get("recent") or []
    if recent:
        lines += ["", t(lang, "points-me-recent")] + [_line(lang, e) for e in recent]
    else:
        lines += ["", t(lang, "points-me-empty")]
    lines.append(t(lang, "points-me-more"))
    return "\n".join(lines)


@composer("points-history")
def _history(lang: str, p: dict[str, Any]) -> str:
    entries = p.get("entries") or []
    if not entries:
        return t(lang, "points-history-empty")
    return "\n".join([t(lang, "points-history-title", balance=p["balance"])] + [_line(lang, e) for e in entries])


@composer("points-shop")
def _shop(lang: str, p: dict[str, Any]) -> str:
    items = p.get("items") or []
    if not items:
        return t(lang, "points-shop-empty")
    lines = [t(lang, "points-shop-title")]
    for i in items:
        limit = t(lang, "points-shop-limit", count=i["per_user"], days=i["per_days"]) if i.get("per_user") else ""
        lines.append(t(lang, "points-shop-item", code=esc(i["code"]), name=esc(i["name"]), cost=i["cost"],
                       stock=i["stock"], limit=limit))
    return "\n".join(lines)


@composer("points-pending")
def _pending(lang: str, p: dict[str, Any]) -> str:
    items = p.get("items") or []
    if not items:
        return t(lang, "points-pending-empty")
    return "\n".join([t(lang, "points-pending-title", count=len(items))] + [
        t(lang, "points-pending-item", number=esc(i["number"]), who=esc(i["who"]), item=esc(i["item"]),
          cost=i["cost"], date=esc(i["date"])) for i in items])


@composer("points-promoted")
def _promoted(lang: str, p: dict[str, Any]) -> str:
    return t(lang, "points-promoted", tier=_tier(lang, p["tier"]), points=p["points"])


@composer("points-fulfilled")
def _fulfilled(lang: str, p: dict[str, Any]) -> str:
    note = esc(p["note"]) if p.get("note") else t(lang, "points-fulfilled-default")
    return t(lang, "points-fulfilled", number=esc(p["number"]), item=esc(p["item"]), note=note)


@composer("points-leaderboard")
def _leaderboard(lang: str, p: dict[str, Any]) -> str:
    """Hidden riders are never named: their rows carry no name at all."""
    lines = [t(lang, "points-leaderboard-title", month=esc(p["month"]))]
    for r in p.get("rows") or []:
        name = esc(shown_name(lang, r.get("name")), 64)
        lines.append(t(lang, "points-leaderboard-line", rank=r["rank"], name=name, points=r["points"]))
    lines.append(t(lang, "points-leaderboard-footer"))
    return "\n".join(lines)


@composer("points-top")
def _top(lang: str, p: dict[str, Any]) -> str:
    """/top: hidden riders are never named; the viewer's own row is marked."""
    rows = p.get("rows") or []
    label = t(lang, f"top-period-{p['period']}")
    ended = "yes" if p.get("until") else "no"
    lines = [t(lang, "points-top-title", period=label, since=esc(p.get("since") or ""),
               until=esc(p.get("until") or ""), ended=ended)]
    if not rows:
        lines.append(t(lang, "points-top-empty", period=label, ended=ended))
    for r in rows:
        name = esc(shown_name(lang, r.get("name")), 64)
        line = t(lang, "points-top-line", rank=int(r["rank"]), name=name, points=int(r["points"]))
        lines.append(line + (" " + t(lang, "points-top-you") if r.get("me") else ""))
    lines.append(t(lang, "points-top-footer"))
    return "\n".join(lines)


@composer("points-ledger")
def _ledger(lang: str, p: dict[str, Any]) -> str:
    """A secretary's view of one rider's entries, each with the number /points revoke takes."""
    entries = p.get("entries") or []
    if not entries:
        return t(lang, "points-ledger-empty", who=esc(p.get("who") or ""), id=esc(p.get("who") or ""),
                 as_id=p.get("as_id") or "no")
    return "\n".join([t(lang, "points-ledger-title", who=esc(p.get("who") or ""))]
                     + [f"{esc(e['number'])} {_line(lang, e)[2:]}" for e in entries]
                     + [t(lang, "points-ledger-footer")])
