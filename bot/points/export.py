"""`sentinel export points`: the ledger (or each rider's balance) as a table.

It leaves the bot, so riders who hide their name (/privacy) are not identified: no name,
no username, no Telegram id, only "匿名骑手 #n", numbered for this file alone so their
lines can still be added up. Notes pass the negative list (bot.privacy.mask).
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.points import load_points_config
from bot.privacy import mask
from bot.tabular import write_table
from bot.exports import branch_scope, local_midnight, until_filter
from storage.repositories.points import PointsRepository

LEDGER_HEADERS = ("entry", "time", "rider", "rider_id", "username", "rule", "points", "source", "branch",
                  "actor_id", "note")
BALANCE_HEADERS = ("rider", "rider_id", "username", "balance", "tier", "earned_12m", "reports_12m")
ANONYMOUS = "匿名骑手"


async def export_points(database_url: str, out: Path, fmt: str, tz: ZoneInfo, *, since: date | None = None,
                        branch_code: str | None = None, balances: bool = False,
                        points_file: Path | None = None, until: date | None = None) -> int:
    """Writes the table (entries up to the end of `until`, if given); returns the rows written."""
    keep = until_filter(until, tz)
    anon: dict[int, str] = {}

    def who(user_id: int, name: str | None, username: str | None, hidden: bool) -> tuple[str, Any, str]:
        if hidden:
            label = anon.setdefault(user_id, f"{ANONYMOUS} #{len(anon) + 1}")
            return label, "", ""
        return name or "", user_id, username or ""

    async with branch_scope(database_url, branch_code) as (uow, branch_id):
        repo = PointsRepository(uow.session, uow.deferred)
        codes = {b.id: b.code for b in await uow.branches.all()}
        entries = [e for e in await repo.export_rows(branch_id, local_midnight(since, tz)) if keep(e.created_at)]
        if balances:
            config = load_points_config(points_file)
            window = datetime.now(tz) - timedelta(days=config.window_days)
            users: dict[int, Any] = {}
            for e in entries:
                users.setdefault(e.user_id, e)
            table = []
            for user_id, e in sorted(users.items()):
                account = await repo.account(user_id)
                earned, reports = await repo.earned(user_id, window)
                table.append((*who(user_id, e.first_name, e.username, bool(e.hide_name)),
                              account.balance if account else 0, config.tier_for(earned, reports),
                              earned, reports))
    if balances:
        return write_table(out, BALANCE_HEADERS, table, fmt, sheet="balances")
    rows = ((e.id, e.created_at.astimezone(tz).strftime("%Y-%m-%d %H:%M"),
             *who(e.user_id, e.first_name, e.username, bool(e.hide_name)), e.rule, e.points,
             e.source_key.replace(str(e.user_id), "*") if e.hide_name else e.source_key,
             codes.get(e.branch_id, "") if e.branch_id else "", e.actor_id or "", mask(e.note) if e.note else "")
            for e in entries)
    return write_table(out, LEDGER_HEADERS, rows, fmt, sheet="points")
