"""Secretaries' corrections of the classifier: stored with the case, exported as training rows.

Training rows end up in data files that are shared and committed, so their text passes the
negative list (bot.privacy.mask): a masked number classifies like the number.
"""
from __future__ import annotations

import json
from pathlib import Path

from sqlmodel import col, select

from bot.intake import detect_language
from bot.privacy import mask
from storage.db import create_engine, session_factory
from storage.models import Correction


async def export_corrections(database_url: str, out: Path) -> int:
    """Write every correction as a labelled example (the latest label of a text wins)."""
    engine = create_engine(database_url)
    try:
        async with session_factory(engine)() as s:
            rows = (await s.exec(select(Correction).order_by(col(Correction.id)))).all()
    finally:
        await engine.dispose()
    latest = {r.text: r for r in rows}
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for i, r in enumerate(latest.values(), 1):
            f.write(json.dumps({"id": f"corr{i:05d}", "text": mask(r.text), "lang": detect_language(r.text),
                                "is_report": r.is_report, "category": r.category if r.is_report else None,
                                "urgency": r.urgency if r.is_report else None, "location": None},
                               ensure_ascii=False) + "\n")
    return len(latest)
