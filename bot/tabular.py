"""Tables for people outside the chat (a secretary's superiors): CSV or XLSX, one writer for every export.

CSV is written with a BOM so that Excel opens Chinese text correctly. Text that a
spreadsheet would take for a formula (=, +, -, @ first) is quoted: exported cells hold
what riders typed.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from bot.plaintext import xml_value

FORMATS = ("csv", "xlsx")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def write_table(path: Path | str, headers: Sequence[str], rows: Iterable[Sequence[Any]], fmt: str = "csv",
                sheet: str = "export") -> int:
    """Writes `rows` under `headers`; returns the number of rows written."""
    path = Path(path)
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    count = 0
    if fmt == "csv":
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(headers)
            for row in rows:
                writer.writerow(["" if v is None else _safe(v) for v in row])
                count += 1
        return count
    from openpyxl import Workbook  # only exports need it

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet[:31])
    ws.append([xlsx_cell(h) for h in headers])
    for row in rows:
        ws.append([xlsx_cell(v) for v in row])
        count += 1
    wb.save(path)
    return count


def xlsx_cell(value: Any) -> Any:
    """A value as every XLSX writer stores it: no time zone, no characters XML 1.0 forbids (openpyxl
    refuses them, and the whole export failed), no formula."""
    return _safe(xml_value(_cell(value)))


def _cell(value: Any) -> Any:
    """openpyxl refuses aware datetimes; exports state their time zone in the header instead."""
    tz = getattr(value, "tzinfo", None)
    return value.replace(tzinfo=None) if tz is not None else value


def _safe(value: Any) -> Any:
    """Text a spreadsheet would take for a formula, quoted."""
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA) else value
