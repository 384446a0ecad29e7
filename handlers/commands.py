"""Commands any rider may use, in a private chat or a group."""
from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.types import Message

from bot.commandtext import command_args
from bot.domain import IncomingMessage
from bot.i18n import LANGS
from bot.services.cases import CaseService
from bot.services.reports import ReportService
from storage.models import User
from storage.uow import UnitOfWork

async def start(message: Message, uow: UnitOfWork, incoming: IncomingMessage, lang: str,
                reports: ReportService) -> None:
    reports.reply(uow, incoming, "start", lang, name=incoming.sender.first_name)


async def help_(message: Message, uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str,
                reports: ReportService, cases: CaseService) -> None:
    reports.reply(uow, incoming, "help", lang)
    if incoming.is_private:
        scope = await cases.scope(uow, user)
        if scope.superadmin or scope.branch_id is not None or scope.departments:
            reports.reply(uow, incoming, "help-staff", lang)


async def set_lang(message: Message, command: CommandObject, uow: UnitOfWork, incoming: IncomingMessage,
                   user: User, lang: str, reports: ReportService) -> None:
    choice = (command.args or "").strip().lower()
    if choice not in LANGS:
        reports.reply(uow, incoming, "lang-usage", lang)
        return
    user.lang = choice
    reports.reply(uow, incoming, "lang-set", choice)


async def my_cases(message: Message, uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str,
                   reports: ReportService) -> None:
    await reports.my_cases(uow, incoming, user, lang)


async def report(message: Message, command: CommandObject, uow: UnitOfWork, incoming: IncomingMessage,
                 user: User, lang: str, reports: ReportService, raw_text: str | None = None) -> None:
    # The words as the rider typed them (the command itself may have been normalised).
    text = command_args(raw_text) if raw_text else (command.args or "").strip()
    if not text:
        reports.reply(uow, incoming, "report-usage", lang)
        return
    await reports.report_private(uow, incoming, user, lang, text)


async def stats_usage(message: Message, uow: UnitOfWork, incoming: IncomingMessage, lang: str,
                      reports: ReportService) -> None:
    """/stats with neither `lessons` nor `checkins` (those are answered by their features' routers)."""
    reports.reply(uow, incoming, "stats-usage", lang)


async def unknown(message: Message, uow: UnitOfWork, incoming: IncomingMessage, lang: str,
                  reports: ReportService) -> None:
    """Answer unknown commands meant for us; commands for other bots in the group are not ours."""
    word = (message.text or "").split(maxsplit=1)[0]
    _, _, mention = word.partition("@")
    me = await message.bot.me() if message.bot else None
    if mention and me and mention.lower() != (me.username or "").lower():
        return
    reports.reply(uow, incoming, "unknown-command", lang, command=word[:64])


def make_router() -> Router:
    """A fresh router each time: aiogram attaches a router to one dispatcher only."""
    router = Router(name="commands")
    router.message.register(start, CommandStart())
    router.message.register(help_, Command("help"))
    router.message.register(set_lang, Command("lang"))
    router.message.register(my_cases, Command("mycases"))
    router.message.register(report, Command("report"))
    router.message.register(stats_usage, Command("stats"))
    router.message.register(unknown, F.text.startswith("/"))
    return router
