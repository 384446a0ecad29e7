"""Build step for wheels: the project's metadata is in pyproject.toml; this only makes a wheel carry
what the code reads at run time from outside its packages (see bot/resources.py):

* content/lessons/*.md and data/intake/*.jsonl are copied to bot/_data/ inside the wheel;
* the intake model is built from exactly that data and shipped (bot/intake/_model.pkl), so the first
  message after `pip install` is not a 10-20 s training run. If it cannot be built here (a build
  environment without the model's libraries), the wheel is still complete: the model is then built
  on first use from the shipped data.

The shared evaluation set (dev.jsonl) lives outside the repository and is never copied.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
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
        self._prebuild_model()
        super().run()
        for folder, patterns in RUNTIME_DATA.items():
            target = Path(self.build_lib) / "bot" / "_data" / folder
            shutil.rmtree(target, ignore_errors=True)  # a file removed from the repository leaves the wheel too
            target.mkdir(parents=True)
            for pattern in patterns:
                for src in sorted((ROOT / folder).glob(pattern)):
                    shutil.copy2(src, target / src.name)

    def _prebuild_model(self) -> None:
        code = "from bot.intake import get_model; get_model()"
        try:
            subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=600,
                           capture_output=True)
        except (subprocess.SubprocessError, OSError) as e:
            print(f"note: intake model not prebuilt ({e}); it is built on first use", file=sys.stderr)


setup(cmdclass={"build_py": BuildWithData})
