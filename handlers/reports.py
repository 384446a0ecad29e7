"""What riders post: reports in groups (text, photo with caption, location pin), albums (one
report), edits of what they posted, and media we cannot read."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.checkins.service import CheckinService
from bot.domain import IncomingMessage
from bot.services import people
from bot.services import answers
from bot.services.albums import AlbumService
from bot.services.edits import EditService
from bot.services.reports import ReportService
from bot.outbox import reply
from handlers.chat import ChatRoutes
from handlers.commands import is_command_text
from storage.models import User
from storage.uow import UnitOfWork


async def group_message(uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str,
                        reports: ReportService, checkins: CheckinService) -> None:
    """A report, or a case's place; a pin no case took, from a rider we asked for one in their
    private chat (/checkin in the group), is pointed there. Anyone else's pin stays unanswered;
    what else no case took is answered only when said to the bot (bot/services/answers.py)."""
    heard = await reports.hear(uow, incoming, user, lang)
    if heard.case is None and incoming.lat is not None and not incoming.as_group:
        await checkins.pin_in_group(uow, incoming, user, lang)
    else:
        await answers.in_group(reports, uow, incoming, user, lang, heard)


async def private_photo(uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str,
                        albums: AlbumService) -> None:
    """A photo without a caption (on WeCom, every photo): the photo of the report the rider sent
    just before, or it waits for the line they send next (bot/services/albums.py)."""
    await albums.on_lone_photo(uow, incoming, user, lang)


async def private_message(uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str,
                          reports: ReportService, checkins: CheckinService, albums: AlbumService) -> None:
    """In a private chat a plain description is a report too; a pin may answer a place question.
    What is not a report gets a short answer: a courtesy its own; a caption what to add (a
    photo's) or what the bot can read (a video's, a file's); a pin that no question took what a
    pin is for (a secretary: an activity's place too); anything else the manual.

    A pin we asked for (a check-in's, an activity's place) was taken before this route
    (handlers/checkins.register_pins); a pin that answers a case's place question is taken by
    `on_message`. A pin sent first, to reply to with /checkin or /activity new, gets the hint,
    which says just that."""
    heard = await reports.hear(uow, incoming, user, lang)
    if heard.case is not None:  # photos the rider sent alone just before are its photos
        await albums.claim(uow, incoming, user, heard.case)
    await answers.in_private(reports, uow, incoming, user, lang, heard, staff=checkins.is_staff(user))


async def bots_words(uow: UnitOfWork, incoming: IncomingMessage, lang: str) -> None:
    """A bot's words passed on (forwarded from a bot, ours too, or sent via one's inline mode):
    no report of what the rider saw. A private chat hears so; a group stays silent."""
    reply(uow, incoming, "bots-words", lang)


async def album_photo(uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str,
                      albums: AlbumService) -> None:
    await albums.on_photo(uow, incoming, user, lang)


async def unreadable(uow: UnitOfWork, incoming: IncomingMessage, lang: str) -> None:
    """A sticker, voice note, video, file… in private: say what we can read. Groups stay silent."""
    reply(uow, incoming, "media-unsupported", lang)


async def edited(message: IncomingMessage, date: datetime, uow: UnitOfWork, edits: EditService,
                 settings: Any) -> None:
    """A rider's edit: the case follows it, or it is read as a new message (see EditService)."""
    if message.sender_is_bot or message.as_group or not message.text.strip():
        return
    user = await people.register(uow, message)
    lang = people.reply_lang(user, message.sender.language_code, message.text, settings.default_lang)
    await edits.on_edit(uow, message, user, lang, date)


# --- what each route takes (a command, in a text or a caption, is no report: handlers/commands.py)
def _has_content(m: IncomingMessage) -> bool:
    return bool(m.text) or m.lat is not None


def in_group(incoming: IncomingMessage) -> bool:
    return (not incoming.is_private and (_has_content(incoming) or incoming.addressed)
            and not is_command_text(incoming)
            and not incoming.bots_words)


def photo_without_caption(incoming: IncomingMessage) -> bool:
    return incoming.is_private and incoming.photo_file_id is not None and not incoming.is_caption


def in_private(incoming: IncomingMessage) -> bool:
    return (incoming.is_private and _has_content(incoming) and not is_command_text(incoming)
            and not incoming.bots_words)


def bots_words_in_private(incoming: IncomingMessage) -> bool:
    return incoming.is_private and incoming.bots_words and not is_command_text(incoming)


def album_part(incoming: IncomingMessage) -> bool:
    return (incoming.media_group_id is not None and incoming.photo_file_id is not None
            and not is_command_text(incoming) and not incoming.bots_words)


def nothing_readable(incoming: IncomingMessage) -> bool:
    return (incoming.is_private and not incoming.text and incoming.lat is None
            and incoming.photo_file_id is None)


def register_albums(routes: ChatRoutes) -> None:
    """Before the report routes: an album's photos are one report."""
    routes.message(album_photo, album_part)


def register(routes: ChatRoutes) -> None:
    routes.message(group_message, in_group)
    routes.message(private_photo, photo_without_caption)
    routes.message(private_message, in_private)
    routes.message(bots_words, bots_words_in_private)


def register_last(routes: ChatRoutes) -> None:
    """Last: a private message no other route took (stickers, voice notes, files…); and edits."""
    routes.message(unreadable, nothing_readable, late=True)
    routes.edit(edited)
