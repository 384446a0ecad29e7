"""Admin commands: roles (/grant, /revoke), putting a group under a branch (/bind, /unbind),
and the audit of those changes (/audit)."""
from __future__ import annotations

from bot.ids import bounded_int
from bot.domain import PRIORITY_CONVERSATION, IncomingMessage, Notice
from bot.events import CommandCall
from bot.outbox import enqueue, reply
from bot.commandtext import typed_word
from bot.services.admin import ROLE_WORDS, AdminService
from bot.services.people import register_person
from bot.typed import typed_key
from handlers.chat import ChatRoutes
from storage.models import User
from storage.uow import UnitOfWork


async def grant(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage,
                user: User, lang: str, admin: AdminService) -> None:
    """/grant <id|@username> secretary <branch> | superadmin | dept <code> [branch]  (and /revoke); as a
    reply to the person's message, without <id|@username>."""
    words = (command.args or "").split()
    seen = incoming.reply_sender is not None and bool(words) and typed_key(typed_word(words[0])) in ROLE_WORDS
    if seen and incoming.reply_sender is not None:
        # as a reply to the person's message, the role first: them, as `/points grant 30 原因` names a rider
        words = [str((await register_person(uow, incoming.reply_sender)).id), *words]
    if len(words) < 2:
        reply(uow, incoming, "admin-grant-usage", lang)
        return
    key, args = await admin.grant(uow, user, words[0], words[1].lower(), words[2] if len(words) > 2 else None,
                                  revoke=command.command.lower() == "revoke",
                                  branch_code=words[3] if len(words) > 3 else None, seen=seen)
    if args.get("department"):  # the department by its name, not its code
        args = {**args, "department": admin.cases.department_name(args["department"], lang)}
    reply(uow, incoming, key, lang, **args)


async def bind(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage,
               user: User, lang: str, admin: AdminService) -> None:
    """/bind <branch-code> [name] in a group."""
    words = (command.args or "").split(maxsplit=1)
    if incoming.is_private or not words:
        reply(uow, incoming, "admin-bind-usage", lang)
        return
    key, args = await admin.bind(uow, user, incoming.chat_id, words[0], words[1] if len(words) > 1 else None)
    reply(uow, incoming, key, lang, **args)


async def unbind(uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str,
                 admin: AdminService) -> None:
    """/unbind in a group: it no longer belongs to its branch."""
    if incoming.is_private:
        reply(uow, incoming, "admin-unbind-usage", lang)
        return
    key, args = await admin.unbind(uow, user, incoming.chat_id)
    reply(uow, incoming, key, lang, **args)


async def audit(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage,
                user: User, lang: str, admin: AdminService) -> None:
    """/audit [n]: the newest n role changes (superadmins only)."""
    arg = (command.args or "").strip()
    count = bounded_int(arg, 1, 9999) if arg else None
    if arg and count is None:  # "²", "-3", "1e9": a usage answer, never a crash
        reply(uow, incoming, "admin-audit-usage", lang)
        return
    pages = await admin.audit(uow, user, count)
    if pages is None:
        reply(uow, incoming, "admin-audit-who", lang)
        return
    for page in pages:
        enqueue(uow, Notice(incoming.chat_id, "admin-audit", lang, payload=page,
                            reply_to=None if incoming.is_private else incoming.message_id,
                            priority=PRIORITY_CONVERSATION))


def register(routes: ChatRoutes) -> None:
    routes.command(grant, "grant", "revoke")
    routes.command(bind, "bind")
    routes.command(unbind, "unbind")
    routes.command(audit, "audit")
