"""/link in a private chat: one person on Telegram and WeCom (thin: bot.services.identities).

`/link` answers a one-time code to use on the other platform; `/link CODE` joins this Telegram
account to the person who asked for the code there. A refusal (unknown, used or expired code …)
is a `Refused` the chat layer answers (handlers/chat.py). Telegram's external id is the user id itself.
"""
from __future__ import annotations

from bot.domain import IncomingMessage
from bot.events import CommandCall
from bot.services.identities import CODE_TTL, LinkService, looks_like_code
from bot.services.reports import ReportService
from handlers.chat import ChatRoutes
from storage.models import User
from storage.uow import UnitOfWork

PLATFORM = "telegram"


async def link(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage, user: User,
               lang: str, reports: ReportService, links: LinkService) -> None:
    args = (command.args or "").strip()
    if not args:
        code = await links.issue(uow, PLATFORM, str(user.id), user.id)
        reports.reply(uow, incoming, "link-code", lang, code=code, minutes=int(CODE_TTL.total_seconds() // 60),
                      platform=PLATFORM)
        return
    if not looks_like_code(args):
        reports.reply(uow, incoming, "link-usage", lang)
        return
    linked = await links.redeem(uow, PLATFORM, str(user.id), user.id, args)
    reports.reply(uow, incoming, "link-done", lang, platform=linked.other)


def register(routes: ChatRoutes) -> None:
    routes.command(link, "link")
