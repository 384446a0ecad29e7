"""The outbox's Telegram transport, library-neutral: what one rendered notice becomes on Telegram.

Both Telegram runtimes send through this: aiogram's Bot (handlers/telegram_aiogram/transport.py) or
python-telegram-bot's (handlers/telegram_ptb/transport.py). A runtime supplies a `BotCalls`: the few
Bot API calls made here, each with Telegram's errors already mapped to the sender's outcomes
(bot/outbox.py) — 429 → RetryLater, a migrated group → ChatMigrated, 5xx/network/timeouts/a rejected
token → TransientError, blocked → Unreachable — and any other Bad Request as `BadRequest`, which is
decided here ("chat not found" → Unreachable, broken markup → sent again plain, …). Error mapping
is per library by nature; everything else is here once.

A photo is a reference (bot/photos.py): a Telegram file_id is sent as it is; a photo of the media
store (`media:<name>`, uploaded on the dashboard) is uploaded from the file (sendPhoto multipart)
the first time, and the file_id Telegram returns is kept (in memory and in `media_upload`) so every
later send reuses it. Sends of one stored photo wait for each other, so two chats hearing the same
resolution at once cause one upload.
"""
from __future__ import annotations

import base64
import dataclasses
import logging
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cachetools import LRUCache

from bot.media_store import MediaStore
from bot.outbox import CLOSE_TOPIC, CREATE_TOPIC, EDIT, Outgoing, PermanentError, Unreachable
from bot.photos import stored_name
from handlers import (render_admin, render_broadcasts, render_checkins, render_closing,  # noqa: F401  (their kinds)
                      render_deliberation, render_lessons, render_points, render_telegram, render_voice)
from handlers.chat_isolation import KeyedLocks
from handlers.render import TAGS, Rendered, render
from handlers.telegram_limits import TELEGRAM
from storage.repositories.media_uploads import MediaUploadRepository
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)
TOPIC_NAME_MAX = 128  # characters a forum topic's name may have (Bot API createForumTopic)
MAX_CAPTION = 1024
FILE_IDS_KEPT = 4096  # stored photos' file_ids kept in memory; older ones are read from media_uploads


class BadRequest(Exception):
    """Telegram's 400 that no outcome covers: the caller decides (the description, as the library gives it)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def says(self, phrase: str) -> bool:
        """Whether Telegram's description has `phrase` (python-telegram-bot re-cases descriptions)."""
        return phrase.lower() in self.message.lower()


@dataclass(frozen=True)
class Sent:
    message_id: int
    photo: str | None = None  # the largest size's file_id of a photo sent


@dataclass(frozen=True)
class Document:
    data: bytes
    name: str


@dataclass(frozen=True)
class Send:
    """One message as the Bot API's send call gets it (library-neutral)."""
    chat_id: int
    text: str
    parse_mode: str | None
    thread_id: int | None = None
    reply_to: int | None = None  # sent even if that message was deleted (allow_sending_without_reply)
    buttons: list[list[tuple[str, str]]] | None = None  # inline keyboard: rows of (label, callback_data)
    force_reply: bool = False
    selective: bool = False  # a force-reply asks only the author of the message replied to
    photo: str | Path | None = None  # a file_id, or a file to upload
    voice: str | None = None
    document: Document | None = None


Buttons = list[list[tuple[str, str]]] | None


class BotCalls:
    """The few Bot API calls made here, on a client library's Bot.

    aiogram's and python-telegram-bot's Bots name these methods and their arguments as the Bot
    API does, so the calls are written once here; a library's subclass gives its types (keyboard,
    force-reply, reply parameters, an uploaded document or photo) and maps its errors to the
    sender's outcomes in `outcomes` (see the module's docstring)."""

    def __init__(self, bot: Any) -> None:
        self.bot = bot

    # --- what a library supplies ---------------------------------------------------------
    def outcomes(self, chat_id: int) -> AbstractContextManager[None]:
        """A context in which the library's errors are raised as the sender's outcomes."""
        raise NotImplementedError

    def keyboard(self, buttons: Buttons) -> Any:
        """An inline keyboard of rows of (label, callback_data), or None for none."""
        raise NotImplementedError

    def force_reply(self, selective: bool) -> Any:
        raise NotImplementedError

    def reply_parameters(self, message_id: int) -> Any:
        """Reply to `message_id`, sent even if that message was deleted."""
        raise NotImplementedError

    def document(self, document: Document) -> Any:
        raise NotImplementedError

    def photo(self, photo: str | Path) -> Any:
        """A file_id as it is, or a file to upload."""
        raise NotImplementedError

    # --- the calls -------------------------------------------------------------------------
    def _markup(self, send: Send) -> Any:
        if send.force_reply:  # selective: only the author of the message we reply to is asked
            return self.force_reply(send.selective)
        return self.keyboard(send.buttons)

    async def send(self, send: Send) -> Sent:
        reply = self.reply_parameters(send.reply_to) if send.reply_to else None
        common = {"parse_mode": send.parse_mode, "message_thread_id": send.thread_id, "reply_parameters": reply}
        with self.outcomes(send.chat_id):
            if send.document is not None:  # an export: no buttons
                message = await self.bot.send_document(send.chat_id, self.document(send.document),
                                                       caption=send.text, **common)
            elif send.voice:
                message = await self.bot.send_voice(send.chat_id, send.voice, caption=send.text,
                                                    reply_markup=self._markup(send), **common)
            elif send.photo:
                message = await self.bot.send_photo(send.chat_id, self.photo(send.photo), caption=send.text,
                                                    reply_markup=self._markup(send), **common)
            else:
                message = await self.bot.send_message(send.chat_id, send.text, reply_markup=self._markup(send),
                                                      **common)
        return Sent(message.message_id, message.photo[-1].file_id if message.photo else None)

    async def create_topic(self, chat_id: int, name: str) -> int:
        with self.outcomes(chat_id):
            return int((await self.bot.create_forum_topic(chat_id, name)).message_thread_id)

    async def close_topic(self, chat_id: int, thread_id: int) -> None:
        with self.outcomes(chat_id):
            await self.bot.close_forum_topic(chat_id, thread_id)

    async def edit_text(self, chat_id: int, message_id: int, text: str, buttons: Buttons) -> None:
        with self.outcomes(chat_id):
            await self.bot.edit_message_text(text, chat_id=chat_id, message_id=message_id, parse_mode="HTML",
                                             reply_markup=self.keyboard(buttons))

    async def edit_caption(self, chat_id: int, message_id: int, caption: str, buttons: Buttons) -> None:
        with self.outcomes(chat_id):
            await self.bot.edit_message_caption(chat_id=chat_id, message_id=message_id, caption=caption,
                                                parse_mode="HTML", reply_markup=self.keyboard(buttons))

    async def clear_buttons(self, chat_id: int, message_id: int) -> None:
        with self.outcomes(chat_id):
            await self.bot.edit_message_reply_markup(chat_id=chat_id, message_id=message_id, reply_markup=None)


class TelegramSender:
    """The outbox's transport for Telegram (bot.outbox.Transport), on a library's `BotCalls`."""

    platform = TELEGRAM  # groups have negative ids; 4096/1024 (handlers/telegram_limits.py)

    def __init__(self, calls: BotCalls, *, media: MediaStore | None = None,
                 uow: Callable[[], UnitOfWork] | None = None) -> None:
        self.calls = calls
        self.media = media  # where `media:` photos are read from (SENTINEL_MEDIA_DIR)
        self._uow = uow  # where their file_ids are kept across restarts and workers (none: memory only)
        # name -> Telegram's file_id: the recent ones (the rest are read back from the database)
        self._file_ids: LRUCache[str, str] = LRUCache(maxsize=FILE_IDS_KEPT)
        self._uploading: KeyedLocks[str] = KeyedLocks()  # one upload of a file at a time

    async def deliver(self, message: Outgoing) -> int | None:
        if message.payload.get(CREATE_TOPIC):
            return await self._create_topic(message)
        if message.payload.get(CLOSE_TOPIC):
            return await self._close_topic(message)
        rendered = render(message)
        if message.payload.get(EDIT):
            return await self._edit(message, rendered)
        name = stored_name(rendered.photo)
        if name is None:
            return (await self._deliver(message, rendered)).message_id
        async with self._uploading.lock(name):
            return await self._deliver_stored(message, rendered, name)

    async def _deliver_stored(self, message: Outgoing, rendered: Rendered, name: str) -> int:
        """A message whose photo is in the media store: by its file_id once Telegram has one, else
        uploaded, and the file_id it gets kept. A file gone from the store (a moved folder) is
        logged and the message goes without its photo: the announcement matters more."""
        known = await self._known(name)
        if known is not None:
            return (await self._deliver(message, dataclasses.replace(rendered, photo=known))).message_id
        path = self.media.path(name) if self.media is not None else None
        if path is None or not path.is_file():
            log.warning("stored photo %s not found (SENTINEL_MEDIA_DIR): sent without it", name)
            return (await self._deliver(message, dataclasses.replace(rendered, photo=None))).message_id
        sent = await self._deliver(message, rendered, path)
        if sent.photo:
            await self._remember(name, sent.photo)
        return sent.message_id

    async def _known(self, name: str) -> str | None:
        if name not in self._file_ids and self._uow is not None:
            async with self._uow() as uow:
                found = await MediaUploadRepository(uow.session, uow.deferred).file_id(name)
            if found is not None:
                self._file_ids[name] = found
        return self._file_ids.get(name)

    async def _remember(self, name: str, file_id: str) -> None:
        self._file_ids[name] = file_id
        if self._uow is None:
            return
        try:
            async with self._uow() as uow:
                await MediaUploadRepository(uow.session, uow.deferred).remember(name, file_id)
                await uow.commit()
        except Exception:  # the message is sent; at worst a later send uploads the file again
            log.exception("could not keep the file_id of stored photo %s", name)

    async def _deliver(self, message: Outgoing, rendered: Rendered, upload: Path | None = None) -> Sent:
        try:
            return await self._send(message, rendered, "HTML", upload)
        except BadRequest as e:
            if not e.says("can't parse entities"):
                raise PermanentError(e.message) from e
        # Our markup was wrong somewhere: the text still matters more than its bold.
        plain = dataclasses.replace(rendered, text=TAGS.sub("", rendered.text))
        try:
            return await self._send(message, plain, None, upload)
        except BadRequest as e:
            raise PermanentError(e.message) from e

    async def _create_topic(self, message: Outgoing) -> int:
        """A forum topic named by the row (createForumTopic): its message_thread_id is the row's
        platform id. Errors map as for a send; "the chat is not a forum" (topics switched off, or
        no right to manage them) is permanent: the topic's messages then go to the group itself."""
        name = str(message.payload[CREATE_TOPIC])[:TOPIC_NAME_MAX]
        try:
            return await self.calls.create_topic(message.chat_id, name)
        except BadRequest as e:
            _gone(e)
            raise PermanentError(e.message) from e

    async def _close_topic(self, message: Outgoing) -> int:
        """closeForumTopic on the row's resolved topic (bot.outbox.CLOSE_TOPIC); its platform id is the
        topic's. A topic already closed (TOPIC_NOT_MODIFIED: by hand, or a retry after a lost answer) is done."""
        thread = int(message.payload["thread_id"])
        try:
            await self.calls.close_topic(message.chat_id, thread)
        except BadRequest as e:
            _gone(e)
            if not e.says("TOPIC_NOT_MODIFIED"):
                raise PermanentError(e.message) from e
        return thread

    async def _send(self, message: Outgoing, rendered: Rendered, parse_mode: str | None,
                    upload: Path | None = None) -> Sent:
        # A reply whose message was deleted still goes out (allow_sending_without_reply), and
        # in a forum it stays in the case's topic: the thread is named, not implied by the reply.
        doc: Any = message.payload.get("document")  # a file we made (an export), carried in the row
        document = Document(base64.b64decode(doc["data"]), doc["name"]) if doc else None
        send = Send(message.chat_id, rendered.text if document is None and not (rendered.voice or rendered.photo)
                    else rendered.text[:MAX_CAPTION], parse_mode,
                    thread_id=message.payload.get("thread_id"), reply_to=message.reply_to or None,
                    buttons=None if document is not None else rendered.buttons,
                    force_reply=rendered.force_reply and document is None,
                    selective=bool(message.reply_to) and not rendered.voice,
                    photo=(upload or rendered.photo) if document is None and not rendered.voice else None,
                    voice=rendered.voice if document is None else None, document=document)
        try:
            return await self.calls.send(send)
        except BadRequest as e:
            _gone(e)
            raise

    async def _edit(self, message: Outgoing, rendered: Rendered) -> int:
        """New text (or caption) with the row's buttons (none: a decision settled them); only the
        buttons go when the text would not fit or cannot be rebuilt. An edit that changes nothing, or
        of a message gone, is done."""
        target = int(message.payload[EDIT])
        buttons = rendered.buttons or None
        caption = bool(message.payload.get("caption"))
        text = rendered.text if rendered.text and (not caption or len(rendered.text) <= MAX_CAPTION) else ""
        try:
            if text and caption:
                await self.calls.edit_caption(message.chat_id, target, text, buttons)
            elif text:
                await self.calls.edit_text(message.chat_id, target, text, buttons)
            else:
                await self.calls.clear_buttons(message.chat_id, target)
        except BadRequest as e:
            if e.says("not modified"):
                return target
            if e.says("can't parse entities") and text:  # our markup broke: the buttons still go
                try:
                    await self.calls.clear_buttons(message.chat_id, target)
                except BadRequest as again:
                    if not again.says("not modified"):
                        raise PermanentError(again.message) from again
                return target
            raise PermanentError(e.message) from e
        return target


def _gone(e: BadRequest) -> None:
    """A send's Bad Request for a chat that is no more: Unreachable."""
    if e.says("chat not found"):
        raise Unreachable(e.message) from e

