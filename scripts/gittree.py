"""A git ref's tree on disk, for benches that measure another revision beside this one (`--compare`)."""
from __future__ import annotations

import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def export(ref: str, into: Path) -> Path:
    """The tree of git `ref`, extracted into `into` read-only from the repository (no worktree is
    registered, nothing in the repository changes). Raises CalledProcessError for an unknown ref."""
    archive = subprocess.run(["git", "-C", str(REPO), "archive", ref], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into
