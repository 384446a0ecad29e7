"""Input files for `classify` and `intake train`, checked before the work starts, so a mistake is one line
naming the file (and the line), not a traceback from deep inside the reader."""
from __future__ import annotations

import json
from pathlib import Path

from bot.ops.errors import CommandError


def read_text(name: str, what: str = "input") -> str:
    """The whole file as UTF-8 text; CommandError naming the file (and the line, if not UTF-8)."""
    path = Path(name)
    if not path.exists():
        raise CommandError(f"{name}: no such {what} file")
    if path.is_dir():
        raise CommandError(f"{name}: is a folder; give a file")
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        raise CommandError(f"{name}:{line}: not UTF-8 text (save the file as UTF-8)") from None


def check_training_file(name: str, *, required: bool = True) -> int:
    """Each non-blank line a JSON object with `text` and `is_report`; the number of lines.
    CommandError naming the file and the first wrong line."""
    if not required and not Path(name).exists():
        return 0
    count = 0
    for number, line in enumerate(read_text(name, "training data").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise CommandError(f"{name}:{number}: not valid JSON ({e.msg} at column {e.colno})") from None
        if not isinstance(row, dict) or not isinstance(row.get("text"), str) or "is_report" not in row:
            raise CommandError(f"{name}:{number}: expected a JSON object with \"text\" and \"is_report\"")
        count += 1
    if required and count == 0:
        raise CommandError(f"{name}: no training lines (one JSON object per line)")
    return count
