"""`/export cases [since] [xlsx|csv]`: a secretary gets the cases table as a document in their
private chat, ready for Chinese superiors: headers and labels in the reader's language (codes
in extra columns for machines), the incident's coordinates, and a summary per department.

The table leaves the bot, so free text passes the negative list (bot.privacy.mask) and no
reporter is named. A secretary gets their own branch; a superadmin every branch.

Summary per department (the case's current owner):
* received — cases routed to it in the period;
* accepted on time — accepted (or first taken up) before the case's deadline;
* overdue — the deadline passed before the case was resolved (or it is still open past it);
* median hours to accept, and from report to fix.
"""
from __future__ import annotations

import base64
import io
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from statistics import median
from typing import TYPE_CHECKING, Any

from bot.cases import format_case_no
from bot.cases.lifecycle import NOT_OWED_STATUSES
from bot.i18n import t
from bot.periods import period_named, span, split_days
from bot.refusals import Refused
from bot.privacy import mask, shareable_place, shareable_point
from bot.tabular import write_table, xlsx_cell
from bot.timeparse import clamp_day, read_day
from bot.typed import typed_key

if TYPE_CHECKING:
    from bot.services.cases import CaseService, Scope
    from storage.models import Case, User
    from storage.uow import UnitOfWork

FORMATS = ("xlsx", "csv")
FORMAT_WORDS = {"excel": "xlsx", "xls": "xlsx", "表格": "xlsx"}  # as people name the format
MAX_BYTES = 8 * 1024 * 1024  # a document the outbox carries; bigger ones: `sentinel export cases`
DEFAULT_DAYS = 30
ACCEPTED = ("accepted", "started", "assigned")  # the first of these answers the report
CLOSED_UNFIXED = NOT_OWED_STATUSES  # bot.cases.lifecycle: never late, never owed
COLUMNS = ("case", "reported_at", "category", "urgency", "status", "branch", "department", "location", "lat",
           "lon", "text", "due_at", "fix_due_at", "accepted_at", "resolved_at", "closed_at", "hours_to_accept",
           "hours_to_resolve", "transfers", "reopens", "duplicate_of",
           "category_code", "urgency_code", "status_code", "department_code")
SUMMARY = ("department", "received", "accepted_on_time", "overdue", "median_hours_to_accept",
           "median_hours_to_fix", "department_code")


ExportError = Refused  # the one refusal type (bot/refusals.py); this name is kept for one step


@dataclass(frozen=True, slots=True)
class ExportFile:
    name: str
    content: bytes
    rows: int


SINCE_WORDS = frozenset({"since", "from"})
_APART = re.compile(r"[,，、;；]+")
_SINCE_SAID = re.compile(r"^(?:从|自)|(?:起|开始|以来|以后|之后)$")  # since, said in Chinese around the day
MAX_DAYS = 999  # "/export 2026" is no number of days


def _days(word: str) -> int | None:
    """The number of days a whole phrase says (7天, 近7天, 2周, last 7 days: bot.periods.split_days)."""
    days, rest = split_days(word)
    return days if days is not None and not rest and days <= MAX_DAYS else None


def _phrases(words: list[str], today: date) -> list[str]:
    """`words` with the two-word periods ("last week", "this month": bot.periods) and a number of
    days in words ("7 days", "last 7 days") as one."""
    out: list[str] = []
    for word in words:
        joined = f"{out[-1]} {word}" if out else ""
        if joined and (period_named(joined) is not None or _days(joined) is not None
                       or read_day(joined, today) is not None):  # Nov 1, 1 November, Nov 1 2026
            out[-1] = joined
        else:
            out.append(word)
    return out


def parse_args(words: list[str], today: date) -> tuple[date, str]:
    """[since] [format]: since as 2026-11-01, 11-01, a number of days (30, 30d, 30天, 近7天, 2周, last 7 days), or the start of a named period
    (bot.periods: 本周, 本月, 上周, 上个月, 今年, last week …). A word it cannot read is named in the
    refusal (a date that is none, 2026-13-01, too), with the forms it knows."""
    since, fmt = today - timedelta(days=DEFAULT_DAYS), "xlsx"
    # the commas typed between the parts (`Nov 1, 2026`, `上个月，csv`) set words apart as a space does
    words = [part for word in words for part in _APART.split(word) if part]
    for word in _phrases(words, today):
        w = typed_key(word)  # full width, traditional characters (上個月, 11月1號), as every typed word
        if w in SINCE_WORDS:  # since Nov 1, from 2026-11-01
            continue
        w = _SINCE_SAID.sub("", w) or w  # 从11月1日起, 2026年11月1日以来, 自上个月开始: the day it says
        if w in FORMATS or w in FORMAT_WORDS:
            fmt = FORMAT_WORDS.get(w, w)
        elif m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", w):
            since = _date(int(m[1]), int(m[2]), int(m[3]), word)
        elif (typed := read_day(w, today)) is not None:  # 2026年11月1日, 11/1, Nov 1, as the dashboard reads a date
            since = typed
        elif (days := _days(w)) is not None:  # 30d, 30天, 7 days, 近7天, 2周 (bot.periods)
            since = today - timedelta(days=days)
        elif (period := period_named(w)) is not None:  # 本周, 上个月, last week … (bot.periods): where it starts
            since = span(period, datetime.combine(today, time()))[0].date()
        else:
            raise ExportError("export-bad-word", word=word[:40])
    return since, fmt


def _date(y: int, m: int, d: int, word: str) -> date:
    try:
        return date(y, m, d)
    except ValueError:
        raise ExportError("export-bad-word", word=word[:40]) from None


def may_export(scope: Scope) -> bool:
    """Who may export cases (chat /export, the web's Exports): a branch's secretary (their branch)
    and a superadmin (all). A department member's scope is their cases, which the dashboard lists;
    the export, with its per-department summary, is the branch's."""
    return scope.superadmin or scope.branch_id is not None


async def build(cases: CaseService, uow: UnitOfWork, user: User, since: date, fmt: str,
                lang: str) -> list[ExportFile]:
    """The documents for `user` (xlsx: one workbook with two sheets; csv: two files)."""
    since = clamp_day(since)  # every export's way in (chat, web, command line): no date overflows
    scope = await cases.scope(uow, user)
    if not may_export(scope):
        raise ExportError("export-not-permitted")
    start = datetime.combine(since, datetime.min.time(), cases.tz)
    found = await uow.cases.since(start, None if scope.superadmin else scope.branch_id)
    branches = {b.id: b.name or b.code for b in await uow.branches.all()}
    now = cases.clock()
    accepted: dict[int, datetime | None] = {}
    for c in found:
        accepted[c.id or 0] = next((e.created_at for e in await uow.cases.events(c.id or 0)
                                    if e.kind in ACCEPTED), None)

    def local(when: datetime | None) -> str:
        return when.astimezone(cases.tz).strftime("%Y-%m-%d %H:%M") if when else ""

    def hours(a: datetime | None, b: datetime | None) -> float | str:
        return round((b - a).total_seconds() / 3600, 1) if a and b else ""

    rows = [(format_case_no(c.id or 0), local(c.created_at), t(lang, f"cat-{c.category}"), t(lang, f"urg-{c.urgency}"),
             t(lang, f"case-status-{c.status}"), branches.get(c.branch_id, "") if c.branch_id else "",
             cases.department_name(c.department, lang), shareable_place(c.location, c.text),
             *(shareable_point(c.lat, c.lon, c.location, c.text) or ("", "")), mask(c.text),
             local(c.due_at), local(c.fix_due_at), local(accepted[c.id or 0]), local(c.resolved_at), local(c.closed_at),
             hours(c.created_at, accepted[c.id or 0]), hours(c.created_at, c.resolved_at), c.transfers, c.reopens,
             format_case_no(c.master_id) if c.master_id else "", c.category, c.urgency, c.status, c.department or "")
            for c in found]
    summary = _summary(cases, found, accepted, now, lang)
    headers = [t(lang, f"export-col-{c}") for c in COLUMNS]
    sum_headers = [t(lang, f"export-sum-{c}") for c in SUMMARY]
    stem = f"cases-{since:%Y%m%d}-{now.astimezone(cases.tz):%Y%m%d}"
    if fmt == "xlsx":
        content = _xlsx([(t(lang, "export-sheet-cases"), headers, rows),
                         (t(lang, "export-sheet-summary"), sum_headers, summary)])
        files = [ExportFile(f"{stem}.xlsx", content, len(rows))]
    else:
        files = [ExportFile(f"{stem}.csv", _csv(headers, rows), len(rows)),
                 ExportFile(f"{stem}-summary.csv", _csv(sum_headers, summary), len(summary))]
    if any(len(f.content) > MAX_BYTES for f in files):
        raise ExportError("export-too-big")
    return files


def _summary(cases: CaseService, found: list[Case], accepted: dict[int, datetime | None], now: datetime,
             lang: str) -> list[tuple[Any, ...]]:
    by_dept: dict[str, list[Case]] = {}
    for c in found:
        if c.master_id is None:  # a duplicate is its master's case, counted once
            by_dept.setdefault(c.department or "", []).append(c)
    out = []
    for code, group in sorted(by_dept.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        on_time = sum(1 for c in group if (at := accepted[c.id or 0]) and c.due_at and at <= c.due_at)
        overdue = sum(1 for c in group if c.due_at and c.status not in CLOSED_UNFIXED
                      and (c.resolved_at or now) > c.due_at)
        to_accept = [(at - c.created_at).total_seconds() / 3600
                     for c in group if (at := accepted[c.id or 0])]
        to_fix = [(c.resolved_at - c.created_at).total_seconds() / 3600 for c in group if c.resolved_at]
        out.append((cases.department_name(code, lang) if code else "—", len(group), on_time, overdue,
                    round(median(to_accept), 1) if to_accept else "", round(median(to_fix), 1) if to_fix else "",
                    code))
    return out


def _xlsx(sheets: list[tuple[str, list[str], list[tuple[Any, ...]]]]) -> bytes:
    from openpyxl import Workbook  # only exports need it

    wb = Workbook(write_only=True)
    for title, headers, rows in sheets:
        ws = wb.create_sheet(title[:31])
        ws.append([xlsx_cell(h) for h in headers])
        for row in rows:
            ws.append([xlsx_cell(v) for v in row])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _csv(headers: list[str], rows: list[tuple[Any, ...]]) -> bytes:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.csv"
        write_table(path, headers, rows, "csv")
        return path.read_bytes()


def as_payload(f: ExportFile, caption_args: dict[str, Any]) -> dict[str, Any]:
    """An outbox payload carrying the document (base64 in the row, so a restart loses nothing)."""
    return {"document": {"name": f.name, "data": base64.b64encode(f.content).decode("ascii")},
            **caption_args}


async def send(cases: CaseService, uow: UnitOfWork, user: User, chat_id: int, lang: str, words: list[str]) -> None:
    """Builds the export for `user` and queues it as documents to `chat_id` (their private chat)."""
    from bot.domain import PRIORITY_CONVERSATION, Notice
    from bot.outbox import enqueue

    since, fmt = parse_args(words, cases.clock().astimezone(cases.tz).date())
    for f in await build(cases, uow, user, since, fmt, lang):
        enqueue(uow, Notice(chat_id, "export-document", lang, priority=PRIORITY_CONVERSATION,
                            payload=as_payload(f, {"rows": f.rows, "since": f"{since:%Y-%m-%d}",
                                                   "part": "both" if fmt == "xlsx" else
                                                   "summary" if f.name.endswith("-summary.csv") else "cases"})))
