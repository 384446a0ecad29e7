"""`/top [week|month|year|last week|last month|last year]`: the branch's leaderboard on demand, in the
viewer's language.

The same ranking as the monthly "best riders" post (points earned in the branch, spending
aside), for the current week, month or year so far, or the last whole one. Riders who chose
/privacy are never named.
"""
from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from bot.commandtext import typed_word
from bot.i18n import t
from bot.periods import SPANS, period_named, span
from bot.privacy import mask
from bot.refusals import Refused
from bot.services.people import branch_names
from bot.services.points import PointsService

if TYPE_CHECKING:
    from storage.models import User
    from storage.uow import UnitOfWork

# The boards /top can show (bot.periods). Every board is summed from the points ledger, which keeps every
# line, so a past period is as exact as the current one.
def parse_period(text: str) -> str | None:
    word = typed_word(text).strip()  # "/top 本周。", "/top 「本周」", "/top last  week", "/top 本週"
    return "month" if not word else period_named(word)


def shown_name(lang: str, name: str | None) -> str:
    """A board row's name as every board shows it (chat /top, the monthly post, the web): a rider
    who chose /privacy has no name in the row and reads as the anonymous label. The name passes the
    negative list (bot.privacy.mask): riders often put their phone number in it ('李师傅13812345678'),
    and the dashboard's board showed it in full to the secretary and the superadmin."""
    return mask(name) if name else t(lang, "points-anonymous")


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
