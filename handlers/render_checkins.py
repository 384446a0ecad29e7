"""How the check-in feature's lists are written (Fluent → Telegram HTML)."""
from __future__ import annotations

from typing import Any

from bot.i18n import t
from handlers.render import composer, esc


@composer("activity-list")
def _activity_list(lang: str, p: dict[str, Any]) -> str:
    items = p.get("items") or []
    if not items:
        return t(lang, "activity-list-empty", branch=esc(p.get("branch") or ""))
    lines = [t(lang, "activity-list-header", branch=esc(p.get("branch") or ""), count=len(items))]
    for a in items:
        lines.append(t(lang, "activity-list-item", code=esc(a["code"]), title=esc(a["title"], 60),
                       when=esc(a["when"]), state=a["state"], place="yes" if a.get("place") else "no"))
    return "\n".join(lines)


@composer("stats-checkins")
def _stats(lang: str, p: dict[str, Any]) -> str:
    lines = [t(lang, "stats-checkins-header", branch=esc(p.get("branch") or ""))]
    items = p.get("items") or []
    if not items:
        lines.append(t(lang, "stats-checkins-none"))
    for a in items:
        lines.append(t(lang, "stats-checkins-item", code=esc(a["code"]), title=esc(a["title"], 40),
                       when=esc(a["when"]), checkins=a["checkins"], hours=esc(a["hours"]),
                       pending=a["pending"]))
    lines.append(t(lang, "stats-checkins-footer", hours=esc(p.get("hours_total") or "0"),
                   pending=p.get("reportins_pending", 0), approved=p.get("reportins_approved", 0)))
    return "\n".join(lines)


@composer("hours-mine")
def _hours_mine(lang: str, p: dict[str, Any]) -> str:
    lines = [t(lang, "hours-mine-header", balance=esc(p.get("balance") or "0"), pending=esc(p.get("pending") or "0"))]
    items = p.get("items") or []
    if not items:
        lines.append(t(lang, "hours-mine-empty"))
    for h in items:
        lines.append(t(lang, "hours-mine-item", title=esc(h["title"], 40), code=esc(h["code"]),
                       hours=esc(h["hours"]), status=h["status"]))
    return "\n".join(lines)
