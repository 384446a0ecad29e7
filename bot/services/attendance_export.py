"""`sentinel export attendance`: who attended what, for a secretary's superiors.

One row per activity check-in (with the hours approved for that activity) and per lesson
completion (✅ or quiz; its branch is that of the group the lesson was pushed to). The table leaves
the bot, so free text (activity and lesson titles, names) passes the negative list
(bot.privacy.mask), and a cell that a spreadsheet would take for a formula is quoted. Riders
who chose /privacy are not identified, as in the points export: no name, no Telegram id, only
"匿名骑手 #n", numbered for this file alone.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.points.export import ANONYMOUS
from bot.privacy import mask
from bot.lessons.library import default_folder, load_library
from bot.tabular import write_table
from bot.exports import branch_scope, local_midnight, until_filter
from storage.uow import UnitOfWork

HEADERS = ("kind", "date", "time", "branch", "ref", "title", "user_id", "name", "distance_m", "hours")


@dataclass(frozen=True, slots=True)
class Attendance:
    """One attendance for the export: an activity check-in or a lesson completion."""

    kind: str  # activity | lesson
    at: datetime  # aware
    branch: str  # branch code, "" if none
    ref: str  # activity code or lesson id
    title: str
    user_id: int
    name: str
    distance_m: int | None = None
    hours: float | None = None
    hidden: bool = False  # the rider chose /privacy


def _text(value: str) -> str:
    return mask(value or "")


@lru_cache(maxsize=4)
def _lesson_titles(lang: str) -> dict[str, str]:
    try:
        return {lesson.id: lesson.title(lang) for lesson in load_library(default_folder())}
    except (OSError, ValueError):  # a broken library must not stop an export: ids are enough
        return {}


async def attendance(uow: UnitOfWork, since: datetime | None, branch_id: int | None,
                     lang: str = "zh") -> list[Attendance]:
    rows = [Attendance("activity", r.at, r.branch, r.code, r.title, r.user_id, r.name, r.distance_m,
                       r.hours_halves / 2 if r.hours_halves is not None else None, r.hidden)
            for r in await uow.checkins.attendance(since, branch_id)]
    titles = _lesson_titles(lang)
    rows += [Attendance("lesson", r.at, r.branch, r.lesson_id, titles.get(r.lesson_id, ""), r.user_id, r.name,
                        hidden=r.hidden)
             for r in await uow.checkins.lesson_attendance(since, branch_id)]
    rows.sort(key=lambda a: (a.at, a.kind, a.user_id))
    return rows


def table_rows(rows: list[Attendance], tz: ZoneInfo) -> list[tuple[Any, ...]]:
    out = []
    anon: dict[int, str] = {}
    for a in rows:
        at = a.at.astimezone(tz)
        if a.hidden:
            who: tuple[Any, str] = ("", anon.setdefault(a.user_id, f"{ANONYMOUS} #{len(anon) + 1}"))
        else:
            who = (a.user_id, _text(a.name))
        out.append((a.kind, at.strftime("%Y-%m-%d"), at.strftime("%H:%M"), a.branch, a.ref, _text(a.title),
                    *who, a.distance_m, a.hours))
    return out


async def export_attendance(database_url: str, out: Path, fmt: str, tz: ZoneInfo, since: date | None = None,
                            branch_code: str | None = None, lang: str = "zh", until: date | None = None) -> int:
    """Attendance since `since` (local midnight; everything if None) up to the end of `until`, optionally
    of one branch. Returns the number of rows written."""
    keep = until_filter(until, tz)
    async with branch_scope(database_url, branch_code) as (uow, branch_id):
        rows = [a for a in await attendance(uow, local_midnight(since, tz), branch_id, lang) if keep(a.at)]
    return write_table(out, HEADERS, table_rows(rows, tz), fmt, sheet="attendance")
