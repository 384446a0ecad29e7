"""How the audit of role changes is written (registered with handlers.render by kind)."""
from __future__ import annotations

from typing import Any

from bot.i18n import t
from bot.wording import listed
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
                       before=esc(_state(lang, e["before"], e.get("departments") or {}), 100),
                       after=esc(_state(lang, e["after"], e.get("departments") or {}), 100)))
    return "\n".join(lines)


def _state(lang: str, state: dict[str, Any] | str, departments: dict[str, dict[str, str]]) -> str:
    """`角色：支部书记 · 支部：cy`: each field and value as labels (roles and departments by name);
    a state stored before labels (a plain string) as it is."""
    if isinstance(state, str):
        return state
    parts = []
    for field, value in state.items():
        if field == "role":
            shown = t(lang, "audit-role", role=str(value))
        elif field == "department":
            shown = (departments.get(str(value)) or {}).get(lang) or str(value)
        elif isinstance(value, list):
            shown = listed((t(lang, "audit-all-branches") if v == "*" else str(v) for v in value), lang) if value else "—"
        else:
            shown = "—" if value is None else str(value)
        parts.append(t(lang, "audit-field", field=field, value=shown))
    return " · ".join(parts) or "—"
