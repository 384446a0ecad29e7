"""Where an export goes: a file in an existing folder, or `-` for standard output.

Exports never create folders: a typo in `--out` must not leave a new directory behind (it once
created one at the filesystem root).
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from bot.ops.errors import UsageError

STDOUT = "-"


def check_out(out: str) -> None:
    """UsageError unless `out` is `-` or a file path whose folder exists."""
    if out == STDOUT:
        return
    path = Path(out)
    if path.is_dir() or out.endswith(("/", "\\")):
        raise UsageError(f"--out {out}: is a folder; give a file name, e.g. {path / 'export.csv'}")
    if not path.parent.is_dir():
        raise UsageError(f"--out {out}: no folder {path.parent} (create it first, or use --out - for stdout)")


def write_to(out: str, fmt: str, write: Callable[[Path], int]) -> int:
    """Calls `write(path)`; for `-` into a temporary file whose bytes then go to standard output."""
    check_out(out)
    if out != STDOUT:
        return write(Path(out))
    with tempfile.TemporaryDirectory(prefix="sentinel-export-") as tmp:
        path = Path(tmp) / f"export.{fmt}"
        count = write(path)
        sys.stdout.flush()
        with path.open("rb") as f:
            shutil.copyfileobj(f, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    return count
