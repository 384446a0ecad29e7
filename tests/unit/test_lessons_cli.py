"""`sentinel lessons list | validate | import`."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.lessons.library import default_folder, lesson_files, load_library
from tests.unit.test_lessons_library import GOOD


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A copy of the shipped library to import into."""
    folder = tmp_path / "library"
    shutil.copytree(default_folder(), folder)
    return folder


def lesson(folder: Path, name: str, lesson_id: str, **replace: str) -> Path:
    text = GOOD.format(id=lesson_id)
    for old, new in replace.items():
        text = text.replace(old, new)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def test_list_shows_the_library_in_push_order(capsys) -> None:
    assert main(["lessons", "list"]) == 0
    out = capsys.readouterr().out.splitlines()
    ids = [lesson.id for lesson in load_library(default_folder())]
    assert [line.split()[1] for line in out[:-1]] == ids
    assert out[-1].startswith(f"{len(ids)} lessons in")


def test_validate_the_library_a_file_and_a_broken_file(tmp_path, capsys) -> None:
    assert main(["lessons", "validate"]) == 0
    assert "OK: 13 lesson file(s)" in capsys.readouterr().out
    good = lesson(tmp_path / "in", "50-good.md", "good-one")
    assert main(["lessons", "validate", str(good)]) == 0
    bad = lesson(tmp_path / "in", "51-bad.md", "bad-one", **{"answer = 1": "answer = 7"})
    assert main(["lessons", "validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "51-bad.md: quiz answer 7 out of range" in out and "2 problem(s)" in out
    assert main(["lessons", "validate", str(tmp_path / "nowhere.md")]) == 1


def test_import_copies_a_validated_file_or_folder(library, tmp_path, capsys) -> None:
    before = len(lesson_files(library))
    one = lesson(tmp_path / "in", "50-new.md", "brand-new")
    assert main(["lessons", "import", str(one), "--dir", str(library)]) == 0
    assert (library / "50-new.md").read_bytes() == one.read_bytes()
    assert main(["lessons", "import", str(one), "--dir", str(library)]) == 0  # the same again: nothing to do
    assert "imported 0 lesson file(s)" in capsys.readouterr().out.splitlines()[-1]
    lesson(tmp_path / "more", "60-a.md", "more-a")
    lesson(tmp_path / "more", "61-b.md", "more-b")
    assert main(["lessons", "import", str(tmp_path / "more"), "--dir", str(library)]) == 0
    assert [lesson.id for lesson in load_library(library)][-3:] == ["brand-new", "more-a", "more-b"]
    assert len(lesson_files(library)) == before + 3


def test_import_refuses_broken_files_duplicate_ids_and_silent_replacement(library, tmp_path, capsys) -> None:
    before = sorted(p.name for p in lesson_files(library))
    broken = lesson(tmp_path / "a", "50-broken.md", "broken", **{'title_en = "Title"\n': ""})
    assert main(["lessons", "import", str(broken), "--dir", str(library)]) == 1
    assert "missing field 'title_en'" in capsys.readouterr().out
    taken = lesson(tmp_path / "b", "50-dup.md", "report-a-hazard")  # an id the library already has
    assert main(["lessons", "import", str(taken), "--dir", str(library)]) == 1
    assert "duplicate id 'report-a-hazard'" in capsys.readouterr().out
    same_name = lesson(tmp_path / "c", "01-report-a-hazard.md", "report-a-hazard")
    assert main(["lessons", "import", str(same_name), "--dir", str(library)]) == 1
    assert "--force replaces" in capsys.readouterr().out
    assert sorted(p.name for p in lesson_files(library)) == before  # nothing was copied
    assert main(["lessons", "import", str(same_name), "--dir", str(library), "--force"]) == 0
    assert load_library(library)[0].title_en == "Title"
    readme = tmp_path / "README.md"
    readme.write_text("not a lesson", encoding="utf-8")
    assert main(["lessons", "import", str(readme), "--dir", str(library)]) == 1
