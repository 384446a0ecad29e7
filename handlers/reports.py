"""What riders post: reports in groups (text, photo with caption, location pin)."""
from __future__ import annotations

from aiogram import F, Router
from aiogram.types import Message

from bot.domain import IncomingMessage
from bot.services.reports import ReportService
from bot.smalltalk import smalltalk
from storage.models import User
from storage.uow import UnitOfWork

async def group_message(message: Message, uow: UnitOfWork, incoming: IncomingMessage, user: User,
                        lang: str, reports: ReportService) -> None:
    await reports.on_message(uow, incoming, user, lang)


async def private_photo(message: Message, uow: UnitOfWork, incoming: IncomingMessage, lang: str,
                        reports: ReportService) -> None:
    reports.reply(uow, incoming, "photo-needs-caption", lang)


async def private_message(message: Message, uow: UnitOfWork, incoming: IncomingMessage, user: User,
                          lang: str, reports: ReportService) -> None:
    """In a private chat a plain description is a report too; a pin may answer a place question."""
    case = await reports.on_message(uow, incoming, user, lang)
    if case is None and incoming.text and not incoming.lat:  # a courtesy gets a short answer, not the manual
        kind = smalltalk(incoming.text)
        reports.reply(uow, incoming, f"smalltalk-{kind}" if kind else "help", lang)


def make_router() -> Router:
    """A fresh router each time: aiogram attaches a router to one dispatcher only."""
    router = Router(name="reports")
    not_command = ~F.text.startswith("/")
    router.message.register(group_message, F.chat.type.in_({"group", "supergroup"}),
                            F.text | F.caption | F.location, not_command)
    router.message.register(private_photo, F.chat.type == "private", F.photo, ~F.caption)
    router.message.register(private_message, F.chat.type == "private", F.text | F.caption | F.location,
                            not_command)
    return router
