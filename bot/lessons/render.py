"""Turn a lesson's Markdown-lite body into Telegram HTML.

Kept here (not in the chat layer) so the escaping rules live next to the
content rules: bodies are plain text plus ``**bold**``, ``### heading`` and
``- `` bullets, and everything else is escaped.
"""

from __future__ import annotations

import html
import re

from bot.lessons.library import Lesson

_BOLD = re.compile(r"\*\*(.+?)\*\*")


def body_html(text: str) -> str:
    out = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("### "):
            out.append(f"<b>{html.escape(stripped[4:].strip(), quote=False)}</b>")
            continue
        if stripped.startswith(("- ", "* ")):
            stripped = "• " + stripped[2:]
        out.append(_BOLD.sub(r"<b>\1</b>", html.escape(stripped, quote=False)))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip()


def lesson_html(lesson: Lesson, lang: str) -> str:
    """Title, estimated minutes and body, ready for ``parse_mode=HTML``."""
    minutes = f"{lesson.minutes} 分钟" if lang.startswith("zh") else f"{lesson.minutes} min"
    title = html.escape(lesson.title(lang), quote=False)
    parts = [f"<b>{title}</b> · {minutes}", body_html(lesson.body(lang))]
    if lesson.link:
        parts.append(html.escape(lesson.link, quote=False))
    return "\n\n".join(parts)
