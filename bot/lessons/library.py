"""The micro-lesson library: Markdown files with a TOML front matter.

File format (chosen so the standard library's ``tomllib`` parses it — no YAML
dependency, and nested quiz fields stay unambiguous)::

    +++
    id = "battery-fire-safety"          # slug, unique
    tags = ["safety"]                   # policy|rights|safety|community|service|party
    minutes = 3                         # 1..3, what the rider is promised
    title_zh = "..."
    title_en = "..."
    audio = "lessons/audio/x.ogg"       # optional path or URL
    link = "https://..."                # optional
    [quiz]                              # optional; becomes a one-question poll
    question_zh = "..."
    question_en = "..."
    options_zh = ["...", "..."]
    options_en = ["...", "..."]
    answer = 0                          # index into the options
    +++

    ## zh
    正文……

    ## en
    Body...

Bodies are plain text with light Markdown (``**bold**``, ``- `` bullets); the
chat layer escapes them for Telegram HTML (see :mod:`handlers.render_lessons`).
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TAGS = frozenset({"policy", "rights", "safety", "community", "service", "party"})
LANGS = ("zh", "en")
MAX_MINUTES = 3
ZH_CHARS_PER_MINUTE = 300
EN_WORDS_PER_MINUTE = 200
MAX_BODY_CHARS = 3500  # leaves room under Telegram's 4096 for title and buttons
MAX_OPTIONS, MIN_OPTIONS, MAX_OPTION_CHARS = 10, 2, 100  # Telegram poll limits
MAX_QUESTION_CHARS = 300
MAX_ID_CHARS = 48  # ids are stored (64) and quoted in pushes; keep them short

REQUIRED_FIELDS = ("id", "tags", "minutes", "title_zh", "title_en")
QUIZ_FIELDS = ("question_zh", "question_en", "options_zh", "options_en", "answer")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_LANG_HEADING = re.compile(r"^##\s+(zh|en)\s*$", re.IGNORECASE)


class LessonFormatError(ValueError):
    """A lesson file cannot be parsed or fails validation."""


@dataclass(frozen=True, slots=True)
class Quiz:
    question_zh: str
    question_en: str
    options_zh: tuple[str, ...]
    options_en: tuple[str, ...]
    answer: int

    def question(self, lang: str) -> str:
        return self.question_zh if lang.startswith("zh") else self.question_en

    def options(self, lang: str) -> tuple[str, ...]:
        return self.options_zh if lang.startswith("zh") else self.options_en


@dataclass(frozen=True, slots=True)
class Lesson:
    id: str
    tags: tuple[str, ...]
    minutes: int
    title_zh: str
    title_en: str
    body_zh: str
    body_en: str
    audio: str | None = None
    link: str | None = None
    quiz: Quiz | None = None
    source: str = ""

    def title(self, lang: str) -> str:
        return self.title_zh if lang.startswith("zh") else self.title_en

    def body(self, lang: str) -> str:
        return self.body_zh if lang.startswith("zh") else self.body_en


def reading_minutes(text: str, lang: str) -> float:
    """Estimated reading time: ~300 Chinese characters or ~200 English words a minute."""
    if lang.startswith("zh"):
        return len(re.sub(r"[\s#*>`_-]", "", text)) / ZH_CHARS_PER_MINUTE
    return len(re.findall(r"[A-Za-z0-9][\w'’.-]*", text)) / EN_WORDS_PER_MINUTE


def _split(text: str, source: str) -> tuple[dict[str, Any], dict[str, str]]:
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != "+++":
        raise LessonFormatError(f"{source}: must start with a '+++' front-matter line")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "+++")
    except StopIteration:
        raise LessonFormatError(f"{source}: front matter is not closed with '+++'") from None
    try:
        meta = tomllib.loads("\n".join(lines[1:end]))
    except tomllib.TOMLDecodeError as exc:
        raise LessonFormatError(f"{source}: front matter is not valid TOML: {exc}") from None
    bodies: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines[end + 1:]:
        m = _LANG_HEADING.match(line.strip())
        if m:
            lang = m.group(1).lower()
            if lang in bodies:
                raise LessonFormatError(f"{source}: duplicate '## {lang}' section")
            current = bodies[lang] = []
        elif current is not None:
            current.append(line)
        elif line.strip():
            raise LessonFormatError(f"{source}: text before the first '## zh' / '## en' heading")
    return meta, {lang: "\n".join(body).strip() for lang, body in bodies.items()}


def _str(meta: dict[str, Any], key: str) -> str:
    value = meta.get(key)
    return value.strip() if isinstance(value, str) else ""


def _check(meta: dict[str, Any], bodies: dict[str, str], source: str) -> list[str]:
    """Every problem in one file, so an editor can fix them in one pass."""
    problems: list[str] = []
    for key in REQUIRED_FIELDS:
        if key not in meta or meta[key] in ("", [], None):
            problems.append(f"{source}: missing field '{key}'")
    lesson_id = meta.get("id")
    if lesson_id is not None and not (isinstance(lesson_id, str) and _SLUG.match(lesson_id)):
        problems.append(f"{source}: id {lesson_id!r} is not a slug (a-z, 0-9, '-')")
    elif isinstance(lesson_id, str) and len(lesson_id) > MAX_ID_CHARS:
        problems.append(f"{source}: id {lesson_id!r} is longer than {MAX_ID_CHARS} characters")
    tags = meta.get("tags")
    if tags is not None:
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            problems.append(f"{source}: tags must be a list of strings")
        elif bad := sorted(set(tags) - TAGS):
            problems.append(f"{source}: unknown tags {bad} (allowed: {sorted(TAGS)})")
    minutes = meta.get("minutes")
    if minutes is not None and not (isinstance(minutes, int) and 1 <= minutes <= MAX_MINUTES):
        problems.append(f"{source}: minutes must be 1..{MAX_MINUTES}, got {minutes!r}")
    for key in ("title_zh", "title_en", "audio", "link"):
        if key in meta and not isinstance(meta[key], str):
            problems.append(f"{source}: {key} must be a string")
    link = meta.get("link")
    if isinstance(link, str) and not link.startswith(("https://", "http://")):
        problems.append(f"{source}: link must be an http(s) URL")
    for lang in LANGS:
        body = bodies.get(lang, "")
        if not body:
            problems.append(f"{source}: missing language '{lang}' (a '## {lang}' section with text)")
            continue
        if (est := reading_minutes(body, lang)) > MAX_MINUTES:
            problems.append(f"{source}: {lang} body too long to read in {MAX_MINUTES} minutes (~{est:.1f} min)")
        if len(body) > MAX_BODY_CHARS:
            problems.append(f"{source}: {lang} body has {len(body)} characters (max {MAX_BODY_CHARS})")
        if _HTML_TAG.search(body):
            problems.append(f"{source}: {lang} body contains HTML tags; use plain text / light Markdown")
    if "quiz" in meta:
        problems += _check_quiz(meta["quiz"], source)
    return problems


def _check_quiz(quiz: object, source: str) -> list[str]:
    if not isinstance(quiz, dict):
        return [f"{source}: quiz must be a table"]
    problems = [f"{source}: quiz missing '{k}'" for k in QUIZ_FIELDS if k not in quiz]
    for lang in LANGS:
        q = quiz.get(f"question_{lang}")
        if q is not None and (not isinstance(q, str) or not q.strip() or len(q) > MAX_QUESTION_CHARS):
            problems.append(f"{source}: quiz question_{lang} must be 1..{MAX_QUESTION_CHARS} characters")
        opts = quiz.get(f"options_{lang}")
        if opts is None:
            continue
        if not isinstance(opts, list) or not all(isinstance(o, str) and o.strip() for o in opts):
            problems.append(f"{source}: quiz options_{lang} must be a list of non-empty strings")
            continue
        if not MIN_OPTIONS <= len(opts) <= MAX_OPTIONS:
            problems.append(f"{source}: quiz options_{lang} has {len(opts)} options (need {MIN_OPTIONS}..{MAX_OPTIONS})")
        problems += [
            f"{source}: quiz option {o[:20]!r}… ({lang}) longer than {MAX_OPTION_CHARS} characters"
            for o in opts if len(o) > MAX_OPTION_CHARS
        ]
        answer = quiz.get("answer")
        if isinstance(answer, int) and not isinstance(answer, bool) and not 0 <= answer < len(opts):
            problems.append(f"{source}: quiz answer {answer} out of range for options_{lang} (0..{len(opts) - 1})")
    zh, en = quiz.get("options_zh"), quiz.get("options_en")
    if isinstance(zh, list) and isinstance(en, list) and len(zh) != len(en):
        problems.append(f"{source}: quiz options_zh and options_en differ in length ({len(zh)} vs {len(en)})")
    answer = quiz.get("answer")
    if answer is not None and (not isinstance(answer, int) or isinstance(answer, bool)):
        problems.append(f"{source}: quiz answer must be an integer index")
    return problems


def _build(meta: dict[str, Any], bodies: dict[str, str], source: str) -> Lesson:
    q = meta.get("quiz")
    quiz = None
    if q is not None:
        quiz = Quiz(
            question_zh=q["question_zh"].strip(),
            question_en=q["question_en"].strip(),
            options_zh=tuple(o.strip() for o in q["options_zh"]),
            options_en=tuple(o.strip() for o in q["options_en"]),
            answer=q["answer"],
        )
    return Lesson(
        id=meta["id"],
        tags=tuple(meta["tags"]),
        minutes=meta["minutes"],
        title_zh=_str(meta, "title_zh"),
        title_en=_str(meta, "title_en"),
        body_zh=bodies["zh"],
        body_en=bodies["en"],
        audio=_str(meta, "audio") or None,
        link=_str(meta, "link") or None,
        quiz=quiz,
        source=source,
    )


def lesson_files(folder: Path) -> list[Path]:
    """The lesson files of a folder in push order (README.md and `_`/`.` files are not lessons)."""
    return sorted(p for p in Path(folder).glob("*.md") if is_lesson_name(p.name))


def is_lesson_name(name: str) -> bool:
    return name.endswith(".md") and not name.startswith(("_", ".")) and name.lower() != "readme.md"


def validate(folder: Path) -> list[str]:
    """All problems in the library folder (empty list = clean). Never raises for content."""
    files = lesson_files(folder)
    if not files:
        return [f"{folder}: no lesson files (*.md)"]
    return validate_files(files)


def validate_files(files: list[Path]) -> list[str]:
    """All problems in these lesson files taken as one library (ids unique across them)."""
    problems: list[str] = []
    seen: dict[str, str] = {}
    for path in files:
        try:
            meta, bodies = _split(path.read_text(encoding="utf-8"), path.name)
        except (LessonFormatError, UnicodeDecodeError) as exc:
            problems.append(str(exc))
            continue
        problems += _check(meta, bodies, path.name)
        lesson_id = meta.get("id")
        if isinstance(lesson_id, str):
            if lesson_id in seen:
                problems.append(f"{path.name}: duplicate id {lesson_id!r} (also in {seen[lesson_id]})")
            else:
                seen[lesson_id] = path.name
    return problems


def load_library(folder: Path) -> list[Lesson]:
    """Load all lessons, ordered by file name (the push order). Raises on any problem,
    so a broken file is caught at start-up instead of in a rider's chat."""
    problems = validate(folder)
    if problems:
        raise LessonFormatError("lesson library has problems:\n  " + "\n  ".join(problems))
    lessons = []
    for path in lesson_files(folder):
        meta, bodies = _split(path.read_text(encoding="utf-8"), path.name)
        lessons.append(_build(meta, bodies, path.name))
    return lessons


def default_folder() -> Path:
    """``content/lessons`` at the repository root (in a wheel: its packaged copy, see bot/resources.py)."""
    from bot.resources import data_dir
    return data_dir("content", "lessons")


def estimate_minutes(lesson: Lesson) -> int:
    """Whole minutes for the slower of the two languages (what to promise the rider)."""
    return max(1, math.ceil(max(reading_minutes(lesson.body_zh, "zh"), reading_minutes(lesson.body_en, "en"))))
