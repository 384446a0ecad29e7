"""Admin commands: roles (/grant, /revoke) and putting a group under a branch (/bind)."""
from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

from bot.domain import IncomingMessage
from bot.services.admin import AdminService
from bot.services.reports import ReportService
from storage.models import User
from storage.uow import UnitOfWork


async def grant(message: Message, command: CommandObject, uow: UnitOfWork, incoming: IncomingMessage,
                user: User, lang: str, reports: ReportService, admin: AdminService) -> None:
    """/grant <id|@username> secretary <branch> | superadmin | dept <code>  (and /revoke)"""
    words = (command.args or "").split()
    if len(words) < 2:
        reports.reply(uow, incoming, "admin-grant-usage", lang)
        return
    key, args = await admin.grant(uow, user, words[0], words[1].lower(), words[2] if len(words) > 2 else None,
                                  revoke=command.command.lower() == "revoke")
    if args.get("role") == "dept" and args.get("arg"):  # the department by its name, not its code
        args = {**args, "arg": admin.cases.department_name(args["arg"], lang)}
    reports.reply(uow, incoming, key, lang, **args)


async def bind(message: Message, command: CommandObject, uow: UnitOfWork, incoming: IncomingMessage,
               user: User, lang: str, reports: ReportService, admin: AdminService) -> None:
    """/bind <branch-code> [name] in a group."""
    words = (command.args or "").split(maxsplit=1)
    if incoming.is_private or not words:
        reports.reply(uow, incoming, "admin-bind-usage", lang)
        return
    key, args = await admin.bind(uow, user, incoming.chat_id, words[0], words[1] if len(words) > 1 else None)
    reports.reply(uow, incoming, key, lang, **args)


def make_router() -> Router:
    router = Router(name="admin")
    router.message.register(grant, Command("grant", "revoke"))
    router.message.register(bind, Command("bind"))
    return router
