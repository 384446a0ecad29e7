"""`sentinel export audit`: every role change (grant, revoke, bind, unbind, move) as a table for
the superadmin's records: when, who, what, on whom, and the state before and after (JSON)."""
from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.exports import branch_scope, local_midnight
from bot.tabular import write_table

HEADERS = ("id", "at", "actor_id", "actor", "action", "target", "branch", "before", "after")


async def export_audit(database_url: str, out: Path, fmt: str, tz: ZoneInfo, *, since: date | None = None,
                       branch_code: str | None = None) -> int:
    """The audit since `since` (local midnight; None: all of it), of one branch or every one,
    oldest first, times in `tz`. Returns the rows written."""
    async with branch_scope(database_url, branch_code) as (uow, branch_id):
        entries = await uow.audit.since(local_midnight(since, tz), branch_id)
        codes = {b.id: b.code for b in await uow.branches.all()}
        names: dict[int, str] = {}
        for e in entries:
            if e.actor_id is not None and e.actor_id not in names:
                user = await uow.users.get(e.actor_id)
                names[e.actor_id] = user.first_name if user else ""

    def local(when: datetime) -> str:
        return when.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S")

    rows = ((e.id, local(e.at), e.actor_id or "", names.get(e.actor_id or 0, ""), e.action, e.target,
             codes.get(e.branch_id, "") if e.branch_id is not None else "",
             json.dumps(e.before, ensure_ascii=False, sort_keys=True),
             json.dumps(e.after, ensure_ascii=False, sort_keys=True)) for e in entries)
    out.parent.mkdir(parents=True, exist_ok=True)
    return write_table(out, HEADERS, rows, fmt, sheet="audit")
