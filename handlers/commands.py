"""Commands any rider may use, in a private chat or a group."""
from __future__ import annotations

from bot.commands import close_to
from bot.commandtext import command_args
from bot.domain import IncomingMessage
from bot.events import CommandCall
from bot.i18n import lang_named
from bot.services.albums import AlbumService
from bot.services.cases import CaseService
from bot.services.reports import ReportService, is_junk
from bot.services.privately import to_private
from bot.outbox import reply
from handlers.chat import ChatPort, ChatRoutes
from storage.models import User
from storage.uow import UnitOfWork


async def start(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str,
                cases: CaseService) -> None:
    """The welcome in private; in a group, as /help there (no staff part), only what concerns the
    group, and the private chat for the rest: the welcome speaks of 'here' and of /me, /shop …
    Staff's /start of a case (`/start C-000001`) starts work on it (handlers.cases)."""
    from handlers.cases import start_named_a_case  # handlers.cases reads this module's my_cases
    if await start_named_a_case(command, uow, incoming, user, lang, cases):
        return
    reply(uow, incoming, "start" if incoming.is_private else "start-group", lang,
                  name=incoming.sender.first_name)


async def help_(uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str,
                cases: CaseService) -> None:
    """The riders' help; staff (a secretary, a department member, a superadmin) get their own commands
    too (a department member only those a department uses, help-dept): in private as a second message, in a group as one more line of the same answer that sends
    them to the private chat (the group reads the riders' commands, and is not flooded with the rest)."""
    staff = await cases.is_staff(uow, user)
    if not incoming.is_private:
        reply(uow, incoming, "help-group-staff" if staff else "help", lang)
        return
    reply(uow, incoming, "help", lang)
    if staff:  # a department member's are the case commands a department takes, not the branch's
        admin = cases.is_superadmin(user) or cases.is_secretary(user)
        reply(uow, incoming, "help-staff" if admin else "help-dept", lang)


async def set_lang(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage,
                   user: User, lang: str) -> None:
    choice = lang_named(command.args)  # "en", "zh-CN", "中文", "English", "英语"
    if choice is None:  # a language named that the bot does not speak is told so, not just the usage
        word = (command.args or "").strip()[:40]
        reply(uow, incoming, "lang-unsupported" if word else "lang-usage", lang, word=word)
        return
    user.lang = choice
    # the others in a group keep theirs: said only where there are others
    reply(uow, incoming, "lang-set", choice, where="private" if incoming.is_private else "group")


async def my_cases(uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str,
                   reports: ReportService) -> None:
    """A rider's cases, always privately (a pointer in the group, or nothing)."""
    target = await to_private(uow, incoming, user, lang)
    if target is not None:
        await reports.my_cases(uow, target, user, lang)


async def report(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage,
                 user: User, lang: str, reports: ReportService, albums: AlbumService,
                 raw_text: str | None = None) -> None:
    # The words as the rider typed them (the command itself may have been normalised).
    text = command_args(raw_text) if raw_text else (command.args or "").strip()
    if not text or is_junk(text):
        reply(uow, incoming, "report-usage", lang)
        return
    case = await reports.report_private(uow, incoming, user, lang, text)
    await albums.claim(uow, incoming, user, case)  # a photo sent alone just before is its photo


async def stats_usage(uow: UnitOfWork, incoming: IncomingMessage, lang: str) -> None:
    """/stats with neither `lessons` nor `checkins` (those are answered by their features' routers)."""
    reply(uow, incoming, "stats-usage", lang)


async def unknown(uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str,
                  port: ChatPort, cases: CaseService, raw_text: str | None = None) -> None:
    """An unknown or malformed command (`/foo`, `/`, `//`, `/ report`): in private a short pointer
    to /help. In a group only when addressed to us (`/foo@our_bot`; on WeCom every group line, which
    reaches the bot only when it @-mentions it): otherwise it may be
    meant for another bot, or be mere chit-chat, and the group hears nothing. In private, a command
    addressed to another bot (`/help@OtherBot`, copied from a group) is said to be that bot's, not
    "no such command" (/help is one of ours). A slip of the thumb (`/accpet`) is told the command
    meant, one the sender may use."""
    text = incoming.text
    word = text.split(maxsplit=1)[0] if text.strip() else "/"
    _, _, mention = word.partition("@")
    me = await port.username() if mention else None
    if not incoming.is_private:
        to_us = me is not None and mention.lower() == me.lower() if mention else incoming.addressed
        if not to_us:
            return  # said to nobody by name, or to another bot by name
    elif mention and me is not None and mention.lower() != me.lower():
        typed = (raw_text or text).split(maxsplit=1)[0].partition("@")[2] or mention
        reply(uow, incoming, "other-bot-command-private", lang, bot=typed[:64])
        return
    ours = mention and me is not None and mention.lower() == me.lower()  # `/foo@our_bot`: shown as /foo
    shown = word.partition("@")[0] if ours else word
    near = close_to(shown.partition("@")[0], staff=(await cases.scope(uow, user)).staff)
    if near is not None:  # `/accpet C-1`: a slip of the thumb, not a command to look up in /help
        reply(uow, incoming, "unknown-command-close", lang, command=shown[:64], close=f"/{near}")
    else:
        reply(uow, incoming, "unknown-command-private", lang, command=shown[:64])


def is_command_text(incoming: IncomingMessage) -> bool:
    """A text or caption that starts with a slash: a command, known or not, and no report. Captions
    too, as in Telegram's clients, which offer commands for both: a photo captioned
    `/resolve C-1 修好了` resolves with the photo."""
    return incoming.text.startswith("/")


def register(routes: ChatRoutes) -> None:
    """A button no handler knows (an old keyboard, or forged data) is answered by the chat layer
    (handlers/chat.py) as a stale button."""
    routes.command(start, "start")
    routes.command(help_, "help")
    routes.command(set_lang, "lang")
    routes.command(my_cases, "mycases")
    routes.command(report, "report")
    routes.command(stats_usage, "stats")
    routes.message(unknown, is_command_text, late=True)
