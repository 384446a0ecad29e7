"""How the notices of Telegram's own ways are written (registered with handlers.render by kind)."""
from __future__ import annotations

from typing import Any

from bot.i18n import t
from handlers.render import _clock_args, _place, composer, esc


@composer("case-edited")
def _case_edited(lang: str, p: dict[str, Any]) -> str:
    """The rider's edit changed their case: its number, what it is now, where."""
    text = t(lang, "case-edited", number=esc(p["number"]), category=t(lang, f"cat-{p['category']}"),
             location=_place(lang, p))
    if p.get("now_urgent"):  # the edit made it urgent: the rider hears the new, shorter clock
        text += "\n" + t(lang, "case-edited-urgent", **_clock_args(lang, {**p, "urgency": "urgent"}))
    return text
