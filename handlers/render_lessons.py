"""Lesson notices → Telegram HTML: the lesson itself, a group's plan, the groups list, the figures;
and the texts of the callback answers a presser sees."""
from __future__ import annotations

import html
import re
from typing import Any

from bot.i18n import t
from bot.lessons.catalog import load_catalog
from bot.lessons.library import Lesson
from bot.lessons.shifts import Span, fmt_minute, format_weekdays
from bot.wording import listed
from handlers.render import composer, esc


def _escape(text: str) -> str:
    """Escaped whole: a lesson's lines are content, never cut as a message argument is (esc)."""
    return html.escape(text, quote=False)


_BOLD = re.compile(r"\*\*(.+?)\*\*")


def body_html(text: str) -> str:
    """A lesson body (plain text plus `**bold**`, `### heading` and `- ` bullets: the content format of
    bot/lessons/library.py) as Telegram HTML; everything else is escaped."""
    out = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("### "):
            out.append(f"<b>{_escape(stripped[4:].strip())}</b>")
            continue
        if stripped.startswith(("- ", "* ")):
            stripped = "• " + stripped[2:]
        out.append(_BOLD.sub(r"<b>\1</b>", _escape(stripped)))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip()


def lesson_html(lesson: Lesson, lang: str) -> str:
    """Title, estimated minutes (Fluent `lesson-minutes`, plural-aware) and body, for parse_mode=HTML."""
    parts = [t(lang, "lesson-heading", title=_escape(lesson.title(lang)), minutes=lesson.minutes),
             body_html(lesson.body(lang))]
    if lesson.link:
        parts.append(_escape(lesson.link))
    return "\n\n".join(parts)


@composer("lesson")
def _lesson(lang: str, p: dict[str, Any]) -> str:
    lesson = load_catalog().get(p["lesson"])
    if lesson is None:
        return t(lang, "lesson-gone")
    parts = [lesson_html(lesson, lang)]
    if lesson.quiz is not None:
        lines = [t(lang, "lesson-quiz", question=esc(lesson.quiz.question(lang)))]
        lines += [f"{t(lang, f'lesson-opt-{i}')}. {esc(o)}" for i, o in enumerate(lesson.quiz.options(lang))]
        parts.append("\n".join(lines))
    footer = "lesson-footer-done" if p.get("done") else "lesson-footer-quiz" if lesson.quiz else "lesson-footer"
    parts.append(t(lang, footer))
    return "\n\n".join(parts)


def _spans(lang: str, spans: list[list[int]]) -> str:
    return listed((str(Span(*s)) for s in spans), lang) if spans else t(lang, "lessons-none")


@composer("lessons-plan")
def _plan(lang: str, p: dict[str, Any]) -> str:
    lines = [t(lang, "lessons-plan-title", title=esc(p["title"]))]
    if p["weekdays"]:
        lines.append(t(lang, "lessons-plan-days", days=format_weekdays(p["weekdays"], lang)))
        times = [f"{format_weekdays([int(d)], lang)} {fmt_minute(m)}" for d, m in sorted(p["slots"].items())]
        lines.append(t(lang, "lessons-plan-times", times=" · ".join(times) or t(lang, "lessons-none")))
    else:
        lines.append(t(lang, "lessons-plan-off"))
    lines.append(t(lang, "lessons-plan-windows", windows=_spans(lang, p["windows"])))
    lines.append(t(lang, "lessons-plan-busy", peak=_spans(lang, p["peak"]), quiet=_spans(lang, p["quiet"])))
    upcoming = load_catalog().get(p["next"]) if p.get("next") else None
    if upcoming is not None:
        lines.append(t(lang, "lessons-plan-next", lesson=esc(upcoming.title(lang))))
    return "\n".join(lines)


@composer("lessons-groups")
def _groups(lang: str, p: dict[str, Any]) -> str:
    groups = p.get("groups") or []
    if not groups:
        return t(lang, "lessons-groups-empty")
    lines = [t(lang, "lessons-groups-title")]
    lines += [t(lang, "lessons-groups-item", n=g["n"], title=esc(g["title"]),
                days=format_weekdays(g["weekdays"], lang) if g["weekdays"] else t(lang, "lessons-none"))
              for g in groups]
    return "\n".join(lines) + "\n\n" + t(lang, "lessons-usage")


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "—"


@composer("lessons-stats")
def _stats(lang: str, p: dict[str, Any]) -> str:
    groups = p.get("groups") or []
    if not groups:
        return t(lang, "lessons-stats-empty")
    lines = [t(lang, "lessons-stats-title", days=p["days"])]
    for g in groups:
        lines.append(t(lang, "lessons-stats-row", title=esc(g["title"]), sent=g["sent"],
                       completions=g["completions"], completers=g["completers"], known=g["known"],
                       rate=_percent(g["completions"], g["sent"] * g["known"]),
                       accuracy=_percent(g["quiz_correct"], g["quiz_answers"]),
                       correct=g["quiz_correct"], answers=g["quiz_answers"]))
    lines.append(t(lang, "lessons-stats-note"))
    return "\n".join(lines)


def feedback(lang: str, key: str, args: dict[str, Any]) -> str:
    """A press's callback answer (plain text): the right quiz option spelled out in `lang`."""
    if "answer" in args:
        lesson = load_catalog().get(args["lesson"])
        option = lesson.quiz.options(lang)[args["answer"]] if lesson and lesson.quiz else ""
        args = {**args, "answer": f"{t(lang, 'lesson-opt-' + str(args['answer']))}. {option}"}
    return t(lang, key, **{k: v for k, v in args.items() if k != "lesson"})
