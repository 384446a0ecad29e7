"""Build step for wheels: the project's metadata is in pyproject.toml; this only makes a wheel carry
what the code reads at run time from outside its packages (see bot/resources.py):

* content/lessons/*.md and data/intake/*.jsonl are copied to bot/_data/ inside the wheel (the trained
  intake heads are package data already: bot/intake/heads/).

The shared evaluation set (dev.jsonl) lives outside the repository and is never copied.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
RUNTIME_DATA = {  # repository folder -> file patterns the code reads at run time
    "content/lessons": ("*.md",),
    "data/intake": ("train.jsonl", "corrections.jsonl"),
}


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        for folder, patterns in RUNTIME_DATA.items():
            target = Path(self.build_lib) / "bot" / "_data" / folder
            shutil.rmtree(target, ignore_errors=True)  # a file removed from the repository leaves the wheel too
            target.mkdir(parents=True)
            for pattern in patterns:
                for src in sorted((ROOT / folder).glob(pattern)):
                    shutil.copy2(src, target / src.name)


setup(cmdclass={"build_py": BuildWithData})
