"""/link in a private chat: one person on Telegram and WeCom (thin: bot.services.identities).

`/link` answers a one-time code to use on the other platform; `/link CODE` joins this Telegram
account to the person who asked for the code there. A refusal (unknown, used or expired code …)
is a `Refused` the chat layer answers (handlers/chat.py). Which platform and which external id: the
port says, when it is not Telegram's (WeCom: the member's userid, handlers/wecom/runtime.py); on
Telegram the external id is the user id itself. After a link the port may need to forget what it
cached of the member (WeCom's id book), once the link has committed.
"""
from __future__ import annotations

from bot.domain import IncomingMessage
from bot.events import CommandCall
from bot.services.identities import CODE_TTL, LinkService, looks_like_code
from bot.outbox import reply
from handlers.chat import ChatPort, ChatRoutes
from storage.models import User
from storage.uow import UnitOfWork

PLATFORM = "telegram"


def identity(port: ChatPort, incoming: IncomingMessage, user: User) -> tuple[str, str]:
    """(platform, external id) of the member asking."""
    named = getattr(port, "identity", None)
    return named(incoming) if named is not None else (PLATFORM, str(user.id))  # type: ignore[no-any-return]


async def link(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage, user: User,
               lang: str, links: LinkService, port: ChatPort) -> None:
    args = (command.args or "").strip()
    platform, external = identity(port, incoming, user)
    if not args:
        code = await links.issue(uow, platform, external, user.id)
        reply(uow, incoming, "link-code", lang, code=code, minutes=int(CODE_TTL.total_seconds() // 60),
                      platform=platform)
        return
    if not looks_like_code(args):
        reply(uow, incoming, "link-usage", lang)
        return
    linked = await links.redeem(uow, platform, external, user.id, args)
    forget = getattr(port, "linked", None)
    if forget is not None:
        async def refreshed() -> None:
            forget(external)
        uow.after_commit(refreshed)
    reply(uow, incoming, "link-done", lang, platform=linked.other)


def register(routes: ChatRoutes) -> None:
    routes.command(link, "link")
