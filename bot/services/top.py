"""`/top [week|month|year|last week|last month|last year]`: the branch's leaderboard on demand, in the
viewer's language.

The same ranking as the monthly "best riders" post (points earned in the branch, spending
aside), for the current week, month or year so far, or the last whole one. Riders who chose
/privacy are never named.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from bot.commandtext import typed_word
from bot.i18n import t
from bot.refusals import Refused
from bot.services.people import branch_names
from bot.services.points import PointsService

if TYPE_CHECKING:
    from storage.models import User
    from storage.uow import UnitOfWork

# The boards /top can show: a calendar week (from Monday), month or year, the current one so far or
# the last whole one. Every board is summed from the points ledger, which keeps every line, so a past
# period is as exact as the current one. One rule: a period is a unit and how many of them back.
SPANS: dict[str, tuple[str, int]] = {"week": ("week", 0), "month": ("month", 0), "year": ("year", 0),
                                     "last-week": ("week", 1), "last-month": ("month", 1), "last-year": ("year", 1)}
# the words riders type for them, as they say them ("/top 这周", "/top 上个月", "/top last week")
PERIODS = {"month": "month", "m": "month", "月": "month", "本月": "month", "月榜": "month", "这个月": "month",
           "这月": "month", "当月": "month", "this month": "month", "monthly": "month",
           "week": "week", "w": "week", "周": "week", "本周": "week", "周榜": "week", "这周": "week",
           "本星期": "week", "这星期": "week", "这个星期": "week", "本礼拜": "week", "这礼拜": "week",
           "this week": "week", "weekly": "week",
           "year": "year", "今年": "year", "本年": "year", "本年度": "year", "年榜": "year", "全年": "year",
           "this year": "year", "yearly": "year",
           "上周": "last-week", "上星期": "last-week", "上个星期": "last-week", "上礼拜": "last-week",
           "上个礼拜": "last-week", "上一周": "last-week", "last week": "last-week", "previous week": "last-week",
           "上月": "last-month", "上个月": "last-month", "上一个月": "last-month", "last month": "last-month",
           "previous month": "last-month",
           "去年": "last-year", "上一年": "last-year", "上年": "last-year", "last year": "last-year",
           "previous year": "last-year"}


def parse_period(text: str) -> str | None:
    word = " ".join(typed_word(text).lower().split())  # "/top 本周。", "/top 「本周」", "/top last  week"
    return "month" if not word else PERIODS.get(word)


def span(period: str, now: datetime) -> tuple[datetime, datetime | None]:
    """Where `period` (a SPANS key) starts, and where it ends (None: it is the current one, so far),
    for `now` in local time."""
    unit, back = SPANS[period]
    day = now.replace(hour=0, minute=0, second=0, microsecond=0)
    if unit == "week":
        start = day - timedelta(days=day.weekday())
        return (start - timedelta(weeks=1), start) if back else (start, None)
    if unit == "month":
        start = day.replace(day=1)
        return ((start - timedelta(days=1)).replace(day=1), start) if back else (start, None)
    start = day.replace(month=1, day=1)
    return (start.replace(year=start.year - 1), start) if back else (start, None)


def shown_name(lang: str, name: str | None) -> str:
    """A board row's name as every board shows it (chat /top, the monthly post, the web): a rider
    who chose /privacy has no name in the row and reads as the anonymous label."""
    return name or t(lang, "points-anonymous")


async def top(points: PointsService, uow: UnitOfWork, user: User, period: str,
              group_id: int | None) -> dict[str, Any] | None:
    """The board of the viewer's branch (the group's, else their own by the one rule,
    people.rider_branch); None when they have none; refused, naming them, when they are known in
    several and ask privately."""
    chat = await uow.chats.get(group_id) if group_id is not None else None
    choice = await points.branch_of(uow, user, chat.branch_id if chat is not None else None)
    if choice.several:
        raise Refused("top-which-branch", branches=await branch_names(uow, choice.known))
    branch = choice.branch_id
    if branch is None:
        return None
    return await branch_board(points, uow, branch, user, period, in_group=group_id is not None)


async def boards(points: PointsService, uow: UnitOfWork, user: User, period: str) -> list[dict[str, Any]]:
    """The boards a viewer of the web dashboard sees: their branch's; for a superadmin (who has no
    branch) every branch's, each named, since points are earned and ranked per branch."""
    shown: set[int] | None = None  # every branch
    if not points.is_superadmin(user):
        choice = await points.branch_of(uow, user)
        if not choice.several:
            return [] if choice.branch_id is None else [await branch_board(points, uow, choice.branch_id, user, period)]
        shown = set(choice.known)  # known in several branches: each of theirs, named, as a superadmin's
    return [{**await branch_board(points, uow, b.id, user, period), "branch": b.name or b.code}
            for b in await uow.branches.all() if b.id is not None and (shown is None or b.id in shown)]


async def branch_board(points: PointsService, uow: UnitOfWork, branch: int, user: User,
                       period: str, *, in_group: bool = False) -> dict[str, Any]:
    """One branch's board for the current month or week. The viewer's own row is marked ("← you"),
    except `in_group` when it is anonymous: there the mark, on the answer to their own message, would
    name in front of the group the rider who chose /privacy."""
    now = points.clock()
    start, end = span(period, now.astimezone(points.tz))
    rows = await points.repo(uow).board(branch, start, end or now + timedelta(seconds=1),
                                        points.config.leaderboard_size, points.config.leaderboard_min_points)
    def is_mine(row: Any) -> bool:
        return bool(row.user_id == user.id and not (in_group and row.name is None))
    mine = next((i for i, r in enumerate(rows, 1) if is_mine(r)), None)
    shown = "%Y-%m-%d" if SPANS[period][0] == "year" else "%m-%d"
    return {"period": period, "since": f"{start:{shown}}",
            "until": f"{end - timedelta(days=1):{shown}}" if end is not None else "",
            "rows": [{"rank": i, "name": r.name, "points": r.points, "me": is_mine(r)}
                     for i, r in enumerate(rows, 1)],
            "mine": mine or 0}
