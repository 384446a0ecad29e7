"""/export cases [since] [xlsx|csv] in a private chat: the cases table as a document (thin)."""
from __future__ import annotations

from bot.domain import IncomingMessage
from bot.events import CommandCall
from bot.services import chat_export
from bot.services.cases import CaseService
from bot.outbox import reply
from handlers.chat import ChatRoutes
from storage.models import User
from storage.uow import UnitOfWork


async def export(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage, user: User,
                 lang: str, cases: CaseService) -> None:
    words = (command.args or "").split()
    if command.word not in ("cases", "case", "工单"):  # `case`: the s left off on a phone
        reply(uow, incoming, "export-usage", lang)
        return
    if not incoming.is_private:  # a table of every case is not for the group
        reply(uow, incoming, "export-in-private", lang)
        return
    await chat_export.send(cases, uow, user, incoming.chat_id, lang, words[1:])


def register(routes: ChatRoutes) -> None:
    routes.command(export, "export")
