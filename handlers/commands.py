"""Commands any rider may use, in a private chat or a group."""
from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.types import CallbackQuery, Message

from bot.config import Settings
from bot.commandtext import command_args
from bot.domain import IncomingMessage
from bot.i18n import LANGS, normalize_lang, t
from bot.services.cases import CaseService
from bot.services.reports import ReportService, is_junk
from bot.services.privately import to_private
from storage.models import User
from handlers.callbacks import answer
from storage.uow import UnitOfWork

async def start(message: Message, uow: UnitOfWork, incoming: IncomingMessage, lang: str,
                reports: ReportService) -> None:
    reports.reply(uow, incoming, "start", lang, name=incoming.sender.first_name)


async def help_(message: Message, uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str,
                reports: ReportService, cases: CaseService) -> None:
    reports.reply(uow, incoming, "help", lang)
    if incoming.is_private:
        scope = await cases.scope(uow, user)
        if scope.staff:
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
    """A rider's cases, always privately (a pointer in the group, or nothing)."""
    target = await to_private(uow, incoming, user, lang)
    if target is not None:
        await reports.my_cases(uow, target, user, lang)


async def report(message: Message, command: CommandObject, uow: UnitOfWork, incoming: IncomingMessage,
                 user: User, lang: str, reports: ReportService, raw_text: str | None = None) -> None:
    # The words as the rider typed them (the command itself may have been normalised).
    text = command_args(raw_text) if raw_text else (command.args or "").strip()
    if not text or is_junk(text):
        reports.reply(uow, incoming, "report-usage", lang)
        return
    await reports.report_private(uow, incoming, user, lang, text)


async def stats_usage(message: Message, uow: UnitOfWork, incoming: IncomingMessage, lang: str,
                      reports: ReportService) -> None:
    """/stats with neither `lessons` nor `checkins` (those are answered by their features' routers)."""
    reports.reply(uow, incoming, "stats-usage", lang)


async def unknown(message: Message, uow: UnitOfWork, incoming: IncomingMessage, lang: str,
                  reports: ReportService) -> None:
    """An unknown or malformed command (`/foo`, `/`, `//`, `/ report`): in private a short pointer
    to /help. In a group only when addressed to us by name (`/foo@our_bot`): otherwise it may be
    meant for another bot, or be mere chit-chat, and the group hears nothing."""
    text = message.text or ""
    word = text.split(maxsplit=1)[0] if text.strip() else "/"
    if not incoming.is_private:
        _, _, mention = word.partition("@")
        me = await message.bot.me() if message.bot and mention else None
        if me is None or mention.lower() != (me.username or "").lower():
            return
    reports.reply(uow, incoming, "unknown-command-private", lang, command=word[:64])


async def stale_button(query: CallbackQuery, settings: Settings) -> None:
    """A button no handler knows (an old keyboard, or forged data): say so, touch nothing."""
    lang = normalize_lang(query.from_user.language_code) or settings.default_lang
    await answer(query, t(lang, "button-stale"))


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
    router.callback_query.register(stale_button)
    return router
