"""How the audit of role changes is written (registered with handlers.render by kind)."""
from __future__ import annotations

from typing import Any

from bot.i18n import t
from handlers.render import composer, esc


@composer("admin-audit")
def _audit(lang: str, p: dict[str, Any]) -> str:
    items = p.get("items") or []
    if not items:
        return t(lang, "admin-audit-empty")
    lines = [t(lang, "admin-audit-header", shown=p["shown"], total=p["total"], page=p["page"], pages=p["pages"])]
    for e in items:
        label = f" {esc(e['label'], 40)}" if e.get("label") else ""
        lines.append(t(lang, "admin-audit-line", id=e["id"], at=esc(e["at"]), actor=esc(e["actor"], 40),
                       action=t(lang, "admin-audit-action", action=e["action"]),
                       target=esc(e["target"], 40) + label,
                       before=esc(e["before"], 100), after=esc(e["after"], 100)))
    return "\n".join(lines)
