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


def check_training_data(data: str, corrections: str) -> None:
    """The training lines (`data`, and `corrections` if it exists) one by one, then as a whole: what the
    model's three heads need (yes and no for is_report, two categories, two urgencies), so a data set
    that cannot train is one line saying what it lacks instead of the fitting library's message."""
    from bot.intake import CATEGORIES, URGENCIES
    rows = check_training_file(data) + check_training_file(corrections, required=False)
    names = f"{data} and {corrections}" if Path(corrections).exists() else data
    report_labels = {label for _, _, row in rows
                     for label in ((True, False) if row["is_report"] is None else (row["is_report"],))}
    if report_labels != {True, False}:
        have, lack = ("true", "false (lines that are not reports)") if True in report_labels \
            else ("false", "true (reports)")
        raise CommandError(f"{names}: every line has \"is_report\": {have}; the model also needs lines with "
                           f"{lack}")
    for field, allowed in (("category", CATEGORIES), ("urgency", URGENCIES)):
        for where, number, row in rows:
            value = row.get(field)
            if value is not None and value not in allowed:
                raise CommandError(f"{where}:{number}: unknown {field} {value!r} (allowed: {', '.join(allowed)})")
        found = sorted({str(row[field]) for _, _, row in rows if row["is_report"] is True and row.get(field) in allowed})
        if len(found) < 2:
            seen = f"only {found[0]!r}" if found else "none"
            raise CommandError(f"{names}: the reports (\"is_report\": true) need at least 2 different \"{field}\" "
                               f"values to train on, found {seen} (allowed: {', '.join(allowed)})")


def check_training_file(name: str, *, required: bool = True) -> list[tuple[str, int, dict[str, object]]]:
    """Each non-blank line a JSON object with `text` and `is_report` (true, false or null);
    (file, line number, object) per line. CommandError naming the file and the first wrong line."""
    if not required and not Path(name).exists():
        return []
    rows: list[tuple[str, int, dict[str, object]]] = []
    for number, line in enumerate(read_text(name, "training data").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise CommandError(f"{name}:{number}: not valid JSON ({e.msg} at column {e.colno})") from None
        if not isinstance(row, dict) or not isinstance(row.get("text"), str) or "is_report" not in row:
            raise CommandError(f"{name}:{number}: expected a JSON object with \"text\" and \"is_report\"")
        if not (row["is_report"] is None or isinstance(row["is_report"], bool)):
            raise CommandError(f"{name}:{number}: \"is_report\" must be true, false or null (unsure), "
                               f"got {row['is_report']!r}")
        rows.append((name, number, row))
    if required and not rows:
        raise CommandError(f"{name}: no training lines (one JSON object per line)")
    return rows
