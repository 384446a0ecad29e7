"""/top [month|week]: the branch leaderboard so far (thin: parse, call bot.services.top, reply)."""
from __future__ import annotations

from bot.domain import IncomingMessage
from bot.events import CommandCall
from bot.services import top as leaderboard
from bot.services.points import PointsService
from bot.outbox import reply
from handlers.chat import ChatRoutes
from storage.models import User
from storage.uow import UnitOfWork


async def top(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage,
              user: User, lang: str, points: PointsService) -> None:
    period = leaderboard.parse_period(command.args or "")
    if period is None:
        reply(uow, incoming, "top-usage", lang)
        return
    board = await leaderboard.top(points, uow, user, period, None if incoming.is_private else incoming.chat_id)
    if board is None:
        reply(uow, incoming, "top-no-branch", lang)
        return
    reply(uow, incoming, "points-top", lang, **board)


def register(routes: ChatRoutes) -> None:
    routes.command(top, "top")
