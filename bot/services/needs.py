"""/needs: what riders report in a branch, measured rather than guessed — the top
categories and places of the last days, and the urgent cases still open."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta

from bot.cases.lifecycle import OWED_STATUSES
from bot.periods import period_named, span, split_days
from bot.privacy import shareable_place
from bot.services.broadcasts import BroadcastError, BroadcastService, tell
from bot.services.cases import number
from storage.models import User, utcnow
from storage.repositories.broadcasts import NeedsRepository
from storage.uow import UnitOfWork

DEFAULT_DAYS, MAX_DAYS = 30, 365
TOP = 5


class NeedsService:
    def __init__(self, broadcasts: BroadcastService, clock: Callable[[], datetime] = utcnow) -> None:
        self.broadcasts = broadcasts  # staff scope and local times
        self.clock = clock

    async def overview(self, uow: UnitOfWork, user: User, chat_id: int, lang: str, args: str) -> None:
        """`/needs [days] [branch code]`: a secretary sees their branch; a superadmin every
        branch, or the one named."""
        scope = self.broadcasts.scope(user)
        period, args = _period(args)  # 本周, 上个月, this week, last month (bot.periods, as /top and /export)
        said, words = split_days(args)  # 30, 30天, 近7天, last 7 days, 2周 (bot.periods)
        days = DEFAULT_DAYS if said is None else said
        if period is not None and said is not None:  # a period and a number of days: usage
            days = 0
        if any(w.isdigit() for w in words):  # a run of digits no span reads: out of range -> usage
            days = 0
        code = words[-1] if words else None
        if not 1 <= days <= MAX_DAYS:
            raise BroadcastError("needs-usage")
        branch_id, everything = scope.branch_id, scope.everything
        if code is not None:
            found = await uow.branches.by_code(code)
            if found is None or (not scope.everything and found.id != scope.branch_id):
                raise BroadcastError("needs-err-branch", branch=code)  # another's reads as unknown
            branch_id, everything = found.id, False
        branch = await uow.branches.get(branch_id) if not everything and branch_id is not None else None
        now = self.clock()
        since, until = now - timedelta(days=days), None
        if period is not None:
            start, end = span(period, now.astimezone(self.broadcasts.cases.tz))
            since, until = start.astimezone(now.tzinfo), end.astimezone(now.tzinfo) if end else None
        needs = uow.needs
        urgent = await needs.open_urgent(branch_id, everything, OWED_STATUSES)
        tell(uow, chat_id, "needs-overview", lang, days=days, period=period or "", branch=branch.name if branch else "",
             total=await needs.total(branch_id, everything, since, until),
             categories=[[c, n] for c, n in await needs.top_categories(branch_id, everything, since, TOP, until)],
             places=await _top_places(needs, branch_id, everything, since, until),
             urgent=[{"number": number(c), "category": c.category, "location": shareable_place(c.location, c.text),
                      "since": self.broadcasts.local(c.created_at), "hours": _hours(now, c.created_at),
                      "overdue": c.due_at is not None and c.due_at < now, "status": c.status}
                     for c in urgent])


def _period(args: str) -> tuple[str | None, str]:
    """The named period `args` says (one word or two: 本周, this week), and the rest of it."""
    words = args.split()
    for i in range(len(words)):
        for n in (2, 1):
            if i + n <= len(words) and (period := period_named(" ".join(words[i:i + n]))) is not None:
                return period, " ".join(words[:i] + words[i + n:])
    return None, args


async def _top_places(needs: NeedsRepository, branch_id: int | None, everything: bool, since: datetime,
                      until: datetime | None = None) -> list[list[object]]:
    """The most reported places, as they may be shown: a rider's home is not a place of need
    (bot.privacy.shareable_place), and places that mask alike count together."""
    counted: Counter[str] = Counter()
    for place, text in await needs.places(branch_id, everything, since, until=until):
        if shown := shareable_place(place, text):
            counted[shown] += 1
    return [[p, n] for p, n in sorted(counted.items(), key=lambda pn: (-pn[1], pn[0]))[:TOP]]


def _hours(now: datetime, then: datetime) -> int:
    return max(0, int((now - then).total_seconds() // 3600))
