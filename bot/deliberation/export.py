"""`sentinel export proposals`: riders' deliberation for superiors — one row per proposal, from
support to outcome: supporters, comments, the vote (turnout, quorum, result) and the commitment.

No comment texts and no voters' names leave the bot: counts only, and the latest progress note
(already masked per bot.privacy when it was written), like the cases export.
"""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.exports import branch_scope, local_midnight, until_filter
from bot.tabular import write_table

HEADERS = ("id", "branch", "created", "title", "status", "supporters", "comments", "vote_opened", "vote_closed",
           "anonymous", "options", "turnout", "quorum", "quorum_met", "adopted", "adopted_option", "owner", "due",
           "notes", "latest_note", "done", "decline_reason")


async def export_proposals(database_url: str, out: Path, fmt: str, tz: ZoneInfo, *, since: date | None = None,
                           branch_code: str | None = None, until: date | None = None) -> int:
    """Proposals created from `since` (local midnight) to `until` (that day included), of one branch
    or every one, oldest first, times in `tz`. Returns the rows written."""
    start, keep = local_midnight(since, tz), until_filter(until, tz)

    def local(when: datetime | None) -> str:
        return when.astimezone(tz).strftime("%Y-%m-%d %H:%M") if when else ""

    rows = []
    async with branch_scope(database_url, branch_code) as (uow, branch_id):
        codes = {b.id: b.code for b in await uow.branches.all()}
        for p in await uow.deliberation.all_of(branch_id):
            if (start is not None and p.created_at < start) or not keep(p.created_at):
                continue
            pid = p.id or 0
            tally = p.tally or {}
            winner = tally.get("winner")
            adopted_option = (p.options[winner] if not p.yes_no and isinstance(winner, int)
                              and 0 <= winner < len(p.options) and tally.get("adopted") else "")
            notes = await uow.deliberation.latest_comments(pid, "note", limit=1)
            rows.append((pid, codes.get(p.branch_id, ""), local(p.created_at), p.title, p.status,
                         await uow.deliberation.support_count(pid), await uow.deliberation.comment_count(pid),
                         local(p.vote_opened_at), local(p.vote_closed_at),
                         "yes" if p.anonymous else ("no" if p.vote_opened_at else ""),
                         " | ".join(("for", "against", "abstain") if p.yes_no else p.options) if p.options else "",
                         tally.get("turnout", ""), p.quorum or "", _yes(tally.get("quorum_met")),
                         _yes(tally.get("adopted")), adopted_option, p.owner or "", local(p.due)[:10],
                         await uow.deliberation.comment_count(pid, "note"), notes[0][0].text if notes else "",
                         local(p.done_at), p.decline_reason or ""))
    out.parent.mkdir(parents=True, exist_ok=True)
    return write_table(out, HEADERS, rows, fmt, sheet="proposals")


def _yes(value: object) -> str:
    return "" if value is None else ("yes" if value else "no")
