"""CLI for the lesson library: `sentinel lessons list | validate | import`.

`register(subparsers)` adds them to the main argparse CLI; every subparser sets
`func=callable(args) -> int` (0 = fine, 1 = problems found).
"""
from __future__ import annotations

import argparse
import filecmp
import shutil
from pathlib import Path
from typing import TypeVar

from bot.ops.errors import CommandError
from bot.lessons.library import (default_folder, is_lesson_name, lesson_files, load_library,
                                 validate, validate_files)


def _folder(args: argparse.Namespace) -> Path:
    return Path(args.dir) if args.dir else default_folder()


def _problems(problems: list[str]) -> int:
    for p in problems:
        print(f"  {p}")
    print(f"{len(problems)} problem(s)")
    return 1


def cmd_list(args: argparse.Namespace) -> int:
    folder = _folder(args)
    problems = validate(folder)
    if problems:
        print(f"{folder}: the library has problems (`sentinel lessons validate`)")
        return _problems(problems)
    lessons = load_library(folder)
    for n, lesson in enumerate(lessons, 1):
        quiz = "quiz" if lesson.quiz else "    "
        print(f"{n:3d}. {lesson.id:<36} {lesson.minutes} min  {quiz}  {','.join(lesson.tags):<18} "
              f"{lesson.title_zh} / {lesson.title_en}")
    print(f"{len(lessons)} lessons in {folder} (pushed in this order)")
    return 0


def _incoming(path: Path) -> list[Path]:
    """The lesson files a path names: one file, or a folder's lesson files."""
    if path.is_dir():
        return lesson_files(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file or folder")
    if not is_lesson_name(path.name):
        raise ValueError(f"{path.name}: not a lesson file name (*.md, not README.md, not starting with _ or .)")
    return [path]


def cmd_validate(args: argparse.Namespace) -> int:
    path = Path(args.path) if args.path else default_folder()
    try:
        files = _incoming(path)
    except (FileNotFoundError, ValueError) as e:  # one line on stderr, exit 1 (bot/ops/errors.py)
        raise CommandError(str(e)) from None
    problems = validate_files(files) if files else [f"{path}: no lesson files (*.md)"]
    if problems:
        return _problems(problems)
    print(f"OK: {len(files)} lesson file(s) in {path}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Copy validated lesson files into the library; nothing is copied unless all of it is clean."""
    dest = _folder(args)
    try:
        files = _incoming(Path(args.path))
    except (FileNotFoundError, ValueError) as e:  # one line on stderr, exit 1 (bot/ops/errors.py)
        raise CommandError(str(e)) from None
    if not files:
        print(f"{args.path}: no lesson files (*.md)")
        return 1
    names = [f.name for f in files]
    if len(set(names)) != len(names):
        print("two incoming files have the same name")
        return 1
    if problems := validate_files(files):
        print("not imported; the incoming files have problems:")
        return _problems(problems)
    unchanged, conflicts, copy = [], [], []
    for f in files:
        target = dest / f.name
        if target.exists() and filecmp.cmp(f, target, shallow=False):
            unchanged.append(f)
        elif target.exists() and not args.force:
            conflicts.append(f.name)
        else:
            copy.append(f)
    if conflicts:
        print(f"not imported; {', '.join(conflicts)} already in {dest} with other content (--force replaces)")
        return 1
    replaced = {f.name for f in copy}
    library = [p for p in lesson_files(dest) if p.name not in replaced] + copy
    if problems := validate_files(library):  # e.g. an id the library already uses under another name
        print(f"not imported; the library in {dest} would have problems:")
        return _problems(problems)
    if args.dry_run:
        print(f"dry run: would copy {len(copy)} file(s) into {dest}: {', '.join(f.name for f in copy) or '-'}")
        return 0
    dest.mkdir(parents=True, exist_ok=True)
    for f in copy:
        shutil.copyfile(f, dest / f.name)
        print(f"  + {f.name}")
    print(f"imported {len(copy)} lesson file(s) into {dest} ({len(unchanged)} already there); "
          f"restart the bot to push them")
    return 0


_P = TypeVar("_P", bound=argparse.ArgumentParser)  # the parser class the main command line uses


def register(subparsers: argparse._SubParsersAction[_P]) -> argparse._SubParsersAction[_P]:
    """Add `lessons list|validate|import`; returns the `lessons` sub-commands for more."""
    lessons = subparsers.add_parser("lessons", help="micro-lesson library: list, validate, import")
    sub = lessons.add_subparsers(dest="lessons_cmd", required=True)
    p = sub.add_parser("list", help="the lessons in push order")
    p.add_argument("--dir", default=None, help="library folder (default: content/lessons)")
    p.set_defaults(func=cmd_list)
    p = sub.add_parser("validate", help="check a lesson file or a folder of them (default: the library)")
    p.add_argument("path", nargs="?", default=None)
    p.set_defaults(func=cmd_validate)
    p = sub.add_parser("import", help="validate a lesson file (or folder) and copy it into the library")
    p.add_argument("path")
    p.add_argument("--dir", default=None, help="library folder (default: content/lessons)")
    p.add_argument("--force", action="store_true", help="replace files of the same name")
    p.add_argument("--dry-run", action="store_true", help="check only; copy nothing")
    p.set_defaults(func=cmd_import)
    return sub
