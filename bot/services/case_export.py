"""`sentinel export cases`: the secretary's superiors get every case as a table.

The table leaves the bot, so free text passes the negative list (bot.privacy.mask)
and no reporter is named.
"""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.cases import format_case_no
from bot.privacy import mask, shareable_place
from bot.exports import branch_scope, local_midnight, until_filter
from bot.tabular import write_table

HEADERS = ("case", "reported_at", "category", "urgency", "status", "branch", "department", "location",
           "text", "due_at", "fix_due_at", "resolved_at", "closed_at", "hours_to_resolve", "transfers", "reopens",
           "duplicate_of")


async def export_cases(database_url: str, out: Path, fmt: str, since: date, tz: ZoneInfo,
                       branch_code: str | None = None, until: date | None = None) -> int:
    """Cases reported since `since` (local midnight) up to the end of `until`; times in `tz`.
    Returns the rows written."""
    keep = until_filter(until, tz)
    async with branch_scope(database_url, branch_code) as (uow, branch_id):
        cases = [c for c in await uow.cases.since(local_midnight(since, tz), branch_id) if keep(c.created_at)]
        codes = {b.id: b.code for b in await uow.branches.all()}

    def local(when: datetime | None) -> str:
        return when.astimezone(tz).strftime("%Y-%m-%d %H:%M") if when else ""

    rows = ((format_case_no(c.id or 0), local(c.created_at), c.category, c.urgency, c.status,
             codes.get(c.branch_id, "") if c.branch_id else "", c.department or "",
             shareable_place(c.location, c.text), mask(c.text), local(c.due_at), local(c.fix_due_at), local(c.resolved_at),
             local(c.closed_at),
             round((c.resolved_at - c.created_at).total_seconds() / 3600, 1) if c.resolved_at else "",
             c.transfers, c.reopens, format_case_no(c.master_id) if c.master_id else "")
            for c in cases)
    return write_table(out, HEADERS, rows, fmt, sheet="cases")
