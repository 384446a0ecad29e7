"""The shipped lesson library is clean, and broken lesson files are reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.lessons.library import (
    MAX_BODY_CHARS,
    TAGS,
    LessonFormatError,
    default_folder,
    load_library,
    reading_minutes,
    validate,
)
from handlers.render_lessons import lesson_html

LIB = default_folder()


@pytest.fixture(scope="module")
def lessons():
    return load_library(LIB)


def test_shipped_library_validates_clean():
    assert validate(LIB) == []


def test_library_size_and_quizzes(lessons):
    assert len(lessons) >= 12
    assert sum(1 for lesson in lessons if lesson.quiz) >= 8
    assert len({lesson.id for lesson in lessons}) == len(lessons)


def test_topics_covered(lessons):
    tags = {t for lesson in lessons for t in lesson.tags}
    assert tags == TAGS  # every tag is used at least once
    ids = {lesson.id for lesson in lessons}
    for needle in ("road-safety", "battery", "injury", "station", "report-a-hazard", "rights",
                   "heat", "first-aid", "report-in", "volunteer", "story", "fraud", "points"):
        assert any(needle in i for i in ids), needle


def test_each_lesson_is_bilingual_and_short(lessons):
    for lesson in lessons:
        assert lesson.title_zh and lesson.title_en, lesson.id
        for lang in ("zh", "en"):
            body = lesson.body(lang)
            assert body, (lesson.id, lang)
            assert len(body) <= MAX_BODY_CHARS
            assert reading_minutes(body, lang) <= 3, (lesson.id, lang)
        assert 250 <= reading_minutes(lesson.body_zh, "zh") * 300 <= 750, lesson.id
        assert 150 <= reading_minutes(lesson.body_en, "en") * 200 <= 400, lesson.id
        assert "## " not in lesson.body_zh + lesson.body_en  # language sections split cleanly
        assert 1 <= lesson.minutes <= 3


def test_quiz_ranges(lessons):
    for lesson in lessons:
        q = lesson.quiz
        if q is None:
            continue
        assert 2 <= len(q.options_zh) == len(q.options_en) <= 10, lesson.id
        assert 0 <= q.answer < len(q.options_zh)
        assert all(0 < len(o) <= 100 for o in q.options_zh + q.options_en)
        assert q.question("zh") == q.question_zh and q.options("en") == q.options_en


def test_render_html_escapes_and_formats(lessons):
    html = lesson_html(lessons[0], "zh")
    assert html.startswith(f"<b>{lessons[0].title_zh}</b> · {lessons[0].minutes} 分钟")
    assert "**" not in html and "<b>" in html
    assert f"· {lessons[0].minutes} min" in lesson_html(lessons[0], "en")
    from handlers.render_lessons import body_html

    assert body_html("a < b & **c**\n- item") == "a &lt; b &amp; <b>c</b>\n• item"


# --- broken fixtures ------------------------------------------------------------

GOOD = """+++
id = "{id}"
tags = ["safety"]
minutes = 2
title_zh = "标题"
title_en = "Title"

[quiz]
question_zh = "问题？"
question_en = "Question?"
options_zh = ["甲", "乙"]
options_en = ["A", "B"]
answer = 1
+++

## zh

正文内容，骑手可以很快读完。

## en

Body text a rider reads quickly.
"""


def write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def test_good_fixture_loads(tmp_path):
    write(tmp_path, "a.md", GOOD.format(id="good-one"))
    [lesson] = load_library(tmp_path)
    assert lesson.id == "good-one" and lesson.tags == ("safety",) and lesson.quiz.answer == 1
    assert lesson.body_en == "Body text a rider reads quickly."
    assert lesson.audio is None and lesson.source == "a.md"


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda t: t.replace('title_en = "Title"\n', ""), "missing field 'title_en'"),
        (lambda t: t.replace('id = "x"\n', ""), "missing field 'id'"),
        (lambda t: t.split("## en")[0], "missing language 'en'"),
        (lambda t: t.replace("## zh", "## fr"), "text before the first"),
        (lambda t: t.replace("正文内容，骑手可以很快读完。", "字" * 1000), "zh body too long"),
        (lambda t: t.replace("Body text a rider reads quickly.", "word " * 700), "en body too long"),
        (lambda t: t.replace("answer = 1", "answer = 2"), "out of range"),
        (lambda t: t.replace("answer = 1", "answer = -1"), "out of range"),
        (lambda t: t.replace('["A", "B"]', str(["o"] * 11).replace("'", '"')), "11 options"),
        (lambda t: t.replace('["甲", "乙"]', '["甲"]'), "1 options"),
        (lambda t: t.replace('["A", "B"]', '["A", "' + "x" * 101 + '"]'), "longer than 100"),
        (lambda t: t.replace('["A", "B"]', '["A", "B", "C"]'), "differ in length"),
        (lambda t: t.replace('tags = ["safety"]', 'tags = ["gossip"]'), "unknown tags"),
        (lambda t: t.replace("minutes = 2", "minutes = 5"), "minutes must be"),
        (lambda t: t.replace('id = "x"', 'id = "Not A Slug"'), "not a slug"),
        (lambda t: t.replace("Body text", "<b>Body</b> text"), "HTML tags"),
        (lambda t: t.replace("+++\n", "", 1), "must start with"),
        (lambda t: t.replace('minutes = 2', 'minutes = = 2'), "not valid TOML"),
        (lambda t: t + "\n## en\n\nagain\n", "duplicate '## en'"),
        (lambda t: t.replace('title_zh = "标题"', 'title_zh = "标题"\nlink = "ftp://x"'), "http(s) URL"),
    ],
)
def test_broken_fixture_reported(tmp_path, mutate, expected):
    write(tmp_path, "broken.md", mutate(GOOD.format(id="x")))
    problems = validate(tmp_path)
    assert any(expected in p and "broken.md" in p for p in problems), problems
    with pytest.raises(LessonFormatError):
        load_library(tmp_path)


def test_duplicate_ids_reported(tmp_path):
    write(tmp_path, "a.md", GOOD.format(id="same"))
    write(tmp_path, "b.md", GOOD.format(id="same"))
    problems = validate(tmp_path)
    assert problems == ["b.md: duplicate id 'same' (also in a.md)"]


def test_all_problems_in_one_pass(tmp_path):
    text = GOOD.format(id="x").replace('title_en = "Title"\n', "").replace("answer = 1", "answer = 9")
    write(tmp_path, "two.md", text)
    problems = validate(tmp_path)
    assert any("title_en" in p for p in problems) and any("out of range" in p for p in problems)


def test_empty_folder_reported(tmp_path):
    assert validate(tmp_path) == [f"{tmp_path}: no lesson files (*.md)"]


def test_lesson_without_quiz_ok(tmp_path):
    write(tmp_path, "a.md", GOOD.format(id="no-quiz").split("[quiz]")[0] + "+++" + GOOD.split("+++")[2])
    [lesson] = load_library(tmp_path)
    assert lesson.quiz is None
