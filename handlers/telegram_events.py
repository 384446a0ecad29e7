"""Telegram's own ways at the adapter edge: commands as input methods type them, a group
upgraded to a supergroup, anonymous group admins, the bot's own membership, edits,
albums, and media we cannot read.

`TelegramEdge` is an outer middleware on messages (it runs before any filter):
aiogram's Command filter reads the raw text, so commands are normalised here; service
messages about a migration and posts of anonymous admins never reach the routers.
"""
from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, F, Router
from aiogram.types import ChatMemberUpdated, Message, TelegramObject

from bot.cases import CaseError
from bot.cases.lifecycle import Actor
from bot.commandtext import normalize_command
from bot.domain import IncomingMessage
from bot.services import people
from bot.services.albums import AlbumService
from bot.services.board import post_board
from bot.services.cases import CaseService
from bot.services.edits import EditService
from bot.services.migration import ChatMigration
from bot.services.reports import ReportService
from handlers.convert import incoming
from storage.models import User
from storage.uow import UnitOfWork

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]
GROUP_ANONYMOUS_BOT_ID = 1087968824  # Telegram's sender for a group admin posting as the group
CASE_NO = re.compile(r"^[Cc]-?\d+$")


def normalized(message: Message) -> Message:
    """The message with its command (in text or caption) normalised; itself if nothing changes."""
    changes: dict[str, Any] = {}
    for field in ("text", "caption"):
        raw = getattr(message, field)
        command = normalize_command(raw)
        if command is not None and command != raw:
            changes[field] = command
            changes["entities" if field == "text" else "caption_entities"] = None
    return message.model_copy(update=changes) if changes else message


def is_anonymous_admin(message: Message) -> bool:
    return bool(message.from_user and message.from_user.id == GROUP_ANONYMOUS_BOT_ID
                and message.sender_chat and message.sender_chat.id == message.chat.id)


class TelegramEdge(BaseMiddleware):
    """Outer middleware on messages (runs before filters); edits are normalised by their handler."""

    def __init__(self, default_lang: str) -> None:
        self.default_lang = default_lang

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        assert isinstance(event, Message)
        if event.migrate_to_chat_id or event.migrate_from_chat_id:
            old, new = ((event.chat.id, event.migrate_to_chat_id) if event.migrate_to_chat_id
                        else (event.migrate_from_chat_id, event.chat.id))
            migration: ChatMigration = data["migration"]
            await migration.move(data["uow"], old, new)  # type: ignore[arg-type]  # a migration names both ids
            return None
        message = normalized(event)
        if message is not event:
            data["raw_text"] = event.text or event.caption
        if is_anonymous_admin(message):
            await self._anonymous(message, data)
            return None
        return await handler(message, data)

    async def _anonymous(self, message: Message, data: dict[str, Any]) -> None:
        """An admin posting as the group: read-only views answered; actions get a hint to act as
        themselves; anything that is not a command stays unanswered (it is not a rider's report)."""
        text = message.text or message.caption or ""
        if not text.startswith("/"):
            return
        word, _, mention = text.split(maxsplit=1)[0][1:].partition("@")
        me = await message.bot.me() if message.bot else None
        if mention and me and mention.lower() != (me.username or "").lower():
            return  # a command for another bot
        uow: UnitOfWork = data["uow"]
        reports: ReportService = data["reports"]
        cases: CaseService = data["cases"]
        words = " ".join(w for w in text.split()[1:] if not CASE_NO.match(w))  # a number says no language
        # words of their own say the language; else the group's (an anonymous admin has no language_code)
        lang = people.reply_lang(None, None, words, (await people.chat_lang(uow, message.chat.id)) or self.default_lang)
        msg = incoming(message, data["bot"].id)
        if word == "board":
            await post_board(uow, cases, None, msg.chat_id, False, lang, msg.message_id)  # type: ignore[arg-type]  # no user: a group board
            return
        if word == "case":
            if await self._group_case(uow, cases, reports, msg, text, lang):
                return
        reports.reply(uow, msg, "anon-admin-hint", lang)

    @staticmethod
    async def _group_case(uow: UnitOfWork, cases: CaseService, reports: ReportService, msg: IncomingMessage,
                          text: str, lang: str) -> bool:
        """/case C-… of a case reported in this group: its card, with no buttons."""
        words = text.split()
        if len(words) < 2:
            reports.reply(uow, msg, "case-usage", lang, command="case")
            return True
        try:
            case = await cases.find(uow, words[1])
        except CaseError as e:
            reports.reply(uow, msg, "case-error", lang, key=e.key, params=e.params)
            return True
        if case.chat_id != msg.chat_id:
            return False  # another group's case: nothing to show anonymously
        await cases.card(uow, case, msg.chat_id, lang, Actor(user_id=None, roles=frozenset()), reply_to=msg.message_id)
        return True


# --- the bot's own membership: blocked, removed, added back -------------------------------------
async def bot_membership(event: ChatMemberUpdated, uow: UnitOfWork) -> None:
    """Blocked or removed: do not write there. Unblocked or added back: write again."""
    gone = event.new_chat_member.status in ("left", "kicked")
    chat = await uow.chats.ensure(event.chat.id, event.chat.type, event.chat.title)
    chat.blocked = gone


# --- edits -------------------------------------------------------------------------------------
async def edited(message: Message, uow: UnitOfWork, edits: EditService, settings: Any) -> None:
    """A rider's edit: the case follows it, or it is read as a new message (see EditService)."""
    if message.from_user is None or message.from_user.is_bot:
        return
    msg = incoming(normalized(message), message.bot.id if message.bot else 0)
    if not msg.text.strip():
        return
    user = await people.register(uow, msg)
    lang = people.reply_lang(user, msg.sender.language_code, msg.text, settings.default_lang)
    await edits.on_edit(uow, msg, user, lang, message.date)


# --- albums and media we cannot read ------------------------------------------------------------
async def album_photo(message: Message, uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str,
                      albums: AlbumService) -> None:
    await albums.on_photo(uow, incoming, user, lang)


async def unreadable(message: Message, uow: UnitOfWork, incoming: IncomingMessage, lang: str,
                     reports: ReportService) -> None:
    """A sticker, voice note, video, file… in private: say what we can read. Groups stay silent."""
    reports.reply(uow, incoming, "media-unsupported", lang)


def make_router() -> Router:
    """Membership and edits: separate update types, so order among routers does not matter."""
    router = Router(name="telegram-events")
    router.my_chat_member.register(bot_membership)
    router.edited_message.register(edited, F.text | F.caption)
    return router


def make_album_router() -> Router:
    """Before the reports router: an album's photos are one report."""
    router = Router(name="albums")
    router.message.register(album_photo, F.media_group_id, F.photo, ~F.caption.startswith("/"))
    return router


def make_fallback_router() -> Router:
    """Last: a private message no other router took (stickers, voice notes, files…)."""
    router = Router(name="unreadable")
    router.message.register(unreadable, F.chat.type == "private", ~F.text, ~F.caption, ~F.location, ~F.photo)
    return router
