"""/web in a private chat: the dashboard's one-time login link (thin: bot.services.web_login).

In a group the link would open someone's session for whoever clicks first, so there it only
says to ask in private.
"""
from __future__ import annotations

from bot.config import Settings
from bot.domain import IncomingMessage
from bot.services import web_login
from bot.services.cases import CaseService
from bot.outbox import reply
from handlers.chat import ChatRoutes
from storage.models import User
from storage.uow import UnitOfWork


async def web_link(uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str,
                   cases: CaseService, settings: Settings) -> None:
    if not incoming.is_private:
        reply(uow, incoming, "web-in-private", lang)
        return
    await web_login.send_link(uow, cases, user, incoming.chat_id, lang, settings.web.base_url(), cases.clock())


def register(routes: ChatRoutes) -> None:
    routes.command(web_link, "web")
