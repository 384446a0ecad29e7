"""How voice-report notices are written (bot/voice): the rider's receipt and the secretary's triage card."""
from __future__ import annotations

from typing import Any

from bot.i18n import t
from handlers.render import composer, esc


def _extra(lang: str, p: dict[str, Any]) -> list[str]:
    lines = []
    if p.get("transcript"):
        lines.append(t(lang, "voice-transcript", text=esc(p["transcript"], 300)))
    if p.get("suggested"):
        lines.append(t(lang, "voice-suggested", category=t(lang, f"cat-{p['suggested']}")))
    return lines


@composer("voice-received")
def _received(lang: str, p: dict[str, Any]) -> str:
    lines = [t(lang, "voice-received", number=f"<b>{esc(p['number'])}</b>"), *_extra(lang, p)]
    lines.append(t(lang, "voice-place", place=esc(p["location"])) if p.get("location")
                 else t(lang, "voice-place-missing"))
    return "\n".join(lines)


@composer("voice-triage")
def _triage(lang: str, p: dict[str, Any]) -> str:
    lines = [t(lang, "voice-triage", number=f"<b>{esc(p['number'])}</b>", name=esc(p.get("name") or ""),
               seconds=int(p.get("duration") or 0)), *_extra(lang, p)]
    if p.get("location"):
        lines.append(t(lang, "voice-place", place=esc(p["location"])))
    lines.append(t(lang, "voice-triage-ask"))
    return "\n".join(lines)
