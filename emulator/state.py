"""Per-bot in-memory world: chats, messages, files, updates and callback queries.

Everything the emulator knows lives here so that ``/_emu/reset`` is a matter of
dropping ``BotState`` objects, and so tests can inspect exactly what a bot did.
"""

from __future__ import annotations

import asyncio
import copy
import hashlib
import itertools
import secrets
import time
from dataclasses import dataclass, field
from typing import Any, Iterator

from .limits import RateLimiter
from .config import EmulatorConfig

BOT_FIRST_NAME = "Rider Sentinel"
BOT_USERNAME = "rider_sentinel_bot"


def now() -> int:
    return int(time.time())


def snapshot(message: dict) -> dict:
    """A frozen copy of a message for embedding (Telegram never nests replies twice)."""
    return copy.deepcopy({k: v for k, v in message.items() if k != "reply_to_message"})


class Signal:
    """Edge-triggered broadcast: waiters grab ``event()`` *before* checking state."""

    __slots__ = ("_event",)

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def event(self) -> asyncio.Event:
        return self._event

    def notify(self) -> None:
        self._event.set()
        self._event = asyncio.Event()


@dataclass
class FileRecord:
    """A stored file, downloadable via ``/file/bot<token>/<file_path>``."""

    file_id: str
    file_unique_id: str
    content: bytes
    file_path: str
    mime_type: str = "application/octet-stream"
    file_name: str | None = None

    def api(self) -> dict:
        return {"file_id": self.file_id, "file_unique_id": self.file_unique_id,
                "file_size": len(self.content), "file_path": self.file_path}


@dataclass
class StoredMessage:
    """A message in a chat plus the bookkeeping the control API exposes."""

    message_id: int
    chat_id: int
    from_bot: bool
    obj: dict  # current Telegram Message object
    text: str | None = None  # raw text as sent (before entity parsing)
    plain_text: str | None = None
    caption: str | None = None
    parse_mode: str | None = None
    reply_to_message_id: int | None = None
    reply_markup: Any = None
    photo: str | None = None
    document: dict | None = None
    poll: dict | None = None
    edits: list[dict] = field(default_factory=list)
    deleted: bool = False
    received_at: float = field(default_factory=time.time)  # epoch seconds, sub-second (benchmarks)

    @property
    def date(self) -> int:
        return self.obj["date"]

    def view(self) -> dict:
        """Shape used by ``/_emu/messages`` and ``/_emu/wait``."""
        return {
            "message_id": self.message_id, "chat_id": self.chat_id, "from_bot": self.from_bot,
            "from_id": self.obj.get("from", {}).get("id"), "text": self.text,
            "plain_text": self.plain_text, "caption": self.caption, "photo": self.photo,
            "document": self.document, "poll": self.poll, "parse_mode": self.parse_mode,
            "entities": self.obj.get("entities") or self.obj.get("caption_entities") or [],
            "reply_to_message_id": self.reply_to_message_id, "reply_markup": self.reply_markup,
            "date": self.date, "edits": self.edits, "deleted": self.deleted,
            "location": self.obj.get("location"), "voice": self.obj.get("voice"),
            "received_at": self.received_at,
            "message_thread_id": self.obj.get("message_thread_id"),
            "media_group_id": self.obj.get("media_group_id"),
        }


@dataclass
class ChatState:
    """A chat the bot can talk to; message ids are shared by bot and users."""

    id: int
    type: str
    title: str | None = None
    username: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    blocked: bool = False  # private: bot blocked by user; group: bot kicked
    migrated_to: int | None = None  # a group upgraded to this supergroup (/_emu/migrate)
    is_forum: bool = False  # a supergroup with topics enabled (``"is_forum": true`` in a chat description)
    topics: dict[int, dict] = field(default_factory=dict)  # message_thread_id -> ForumTopic (createForumTopic)
    members: dict[int, str] = field(default_factory=dict)
    messages: dict[int, StoredMessage] = field(default_factory=dict)
    next_message_id: int = 1

    def obj(self) -> dict:
        """Telegram ``Chat`` object."""
        data: dict = {"id": self.id, "type": self.type}
        if self.type == "private":
            data["first_name"] = self.first_name or str(self.id)
            if self.last_name:
                data["last_name"] = self.last_name
        else:
            data["title"] = self.title or f"Chat {self.id}"
        if self.username:
            data["username"] = self.username
        if self.is_forum:
            data["is_forum"] = True
        return data

    def alloc_id(self) -> int:
        mid = self.next_message_id
        self.next_message_id += 1
        return mid

    def live(self, message_id: int | None) -> StoredMessage | None:
        msg = self.messages.get(message_id) if message_id is not None else None
        return None if msg is None or msg.deleted else msg


@dataclass
class WebhookState:
    url: str
    secret_token: str | None = None
    max_connections: int = 40
    allowed_updates: list[str] | None = None
    last_error_date: int | None = None
    last_error_message: str | None = None


class BotState:
    """Everything one bot token sees."""

    def __init__(self, token: str, config: EmulatorConfig,
                 update_ids: Iterator[int] | None = None) -> None:
        self.token = token
        self.bot_id = int(token.split(":", 1)[0])
        self.bot_user = {"id": self.bot_id, "is_bot": True, "first_name": BOT_FIRST_NAME,
                         "username": BOT_USERNAME}
        self.limiter = RateLimiter(config)
        self.chats: dict[int, ChatState] = {}
        self.users: dict[int, dict] = {}
        self.updates: list[dict] = []
        # Shared across resets so a running bot's offset never swallows new updates.
        self._update_ids = update_ids if update_ids is not None else itertools.count(1)
        self.poller: asyncio.Future[str] | None = None
        self.update_signal = Signal()
        self.message_signal = Signal()
        self.webhook: WebhookState | None = None
        self.webhook_task: asyncio.Task | None = None
        self.files: dict[str, FileRecord] = {}
        self.files_by_path: dict[str, FileRecord] = {}
        self.callback_queries: dict[str, dict] = {}
        self.answers: list[dict] = []
        self.commands: dict[str, list[dict]] = {}
        self.settings: dict[str, Any] = {}
        self.sent = 0

    # -- chats & users -------------------------------------------------------
    def chat(self, chat_id: int) -> ChatState | None:
        return self.chats.get(chat_id)

    def ensure_chat(self, data: dict) -> ChatState:
        """Register (or refresh) a chat from a control-API chat description."""
        chat_id = int(data["id"])
        kind = data.get("type") or ("private" if chat_id > 0 else "supergroup")
        chat = self.chats.get(chat_id)
        if chat is None:
            chat = self.chats[chat_id] = ChatState(id=chat_id, type=kind)
        chat.type = kind
        for key in ("title", "username", "first_name", "last_name"):
            if data.get(key):
                setattr(chat, key, data[key])
        if "is_forum" in data:  # only a supergroup can have topics (as in Telegram)
            chat.is_forum = bool(data["is_forum"]) and kind == "supergroup"
        return chat

    def remember_user(self, data: dict) -> dict:
        """Normalise a control-API user into a Telegram ``User`` and remember it."""
        user = {"id": int(data["id"]), "is_bot": bool(data.get("is_bot", False)),
                "first_name": data.get("first_name") or f"User {data['id']}"}
        for key in ("last_name", "username", "language_code"):
            if data.get(key):
                user[key] = data[key]
        self.users[user["id"]] = user
        return user

    # -- messages ------------------------------------------------------------
    def add_message(self, chat: ChatState, from_bot: bool, sender: dict, fields: dict,
                    reply_to: StoredMessage | None = None, **meta: Any) -> StoredMessage:
        """Create a message with the next id in ``chat`` and wake ``/_emu/wait``."""
        mid = chat.alloc_id()
        obj: dict = {"message_id": mid, "from": sender, "chat": chat.obj(), "date": now()}
        if reply_to is not None:
            obj["reply_to_message"] = snapshot(reply_to.obj)
        obj.update(fields)
        msg = StoredMessage(message_id=mid, chat_id=chat.id, from_bot=from_bot, obj=obj,
                            reply_to_message_id=reply_to.message_id if reply_to else None, **meta)
        chat.messages[mid] = msg
        if from_bot:
            self.sent += 1
        self.message_signal.notify()
        return msg

    def bot_messages(self, chat_id: int, include_user: bool = False) -> list[StoredMessage]:
        chat = self.chats.get(chat_id)
        if chat is None:
            return []
        return [m for m in chat.messages.values() if include_user or m.from_bot]

    # -- files ---------------------------------------------------------------
    def store_file(self, content: bytes, kind: str, filename: str | None = None,
                   mime_type: str = "application/octet-stream") -> FileRecord:
        prefix = {"photo": "AgACAgIAAx", "document": "BQACAgIAAx", "voice": "AwACAgIAAx",
                  "audio": "CQACAgIAAx"}.get(kind, "BAACAgIAAx")
        file_id = prefix + secrets.token_urlsafe(24)
        unique = "AQAD" + hashlib.sha1(file_id.encode()).hexdigest()[:12]
        ext = {"photo": "jpg", "voice": "oga", "audio": "mp3"}.get(kind)
        if ext is None:
            ext = filename.rsplit(".", 1)[-1] if filename and "." in filename else "bin"
        folder = {"photo": "photos", "voice": "voice", "audio": "music"}.get(kind, "documents")
        path = f"{folder}/file_{len(self.files)}.{ext}"
        rec = FileRecord(file_id, unique, content, path, mime_type, filename)
        self.files[file_id] = rec
        self.files_by_path[path] = rec
        return rec

    def alias_file(self, rec: FileRecord) -> FileRecord:
        """Another file_id for the same bytes (photo sizes share content)."""
        alias = FileRecord(rec.file_id[:10] + secrets.token_urlsafe(24),
                           "AQAD" + secrets.token_hex(6), rec.content, rec.file_path,
                           rec.mime_type, rec.file_name)
        self.files[alias.file_id] = alias
        return alias

    # -- updates -------------------------------------------------------------
    def add_update(self, kind: str, payload: dict) -> int:
        """Queue an update and wake getUpdates / the webhook sender."""
        update_id = next(self._update_ids)
        self.updates.append({"update_id": update_id, kind: copy.deepcopy(payload)})
        if self.poller is not None and not self.poller.done():
            self.poller.set_result("update")
        self.update_signal.notify()
        return update_id

    def add_raw_update(self, update: dict) -> int:
        """Queue an update exactly as given (any kind, even one a client cannot parse);
        only its ``update_id`` is assigned here."""
        update_id = next(self._update_ids)
        self.updates.append({**copy.deepcopy(update), "update_id": update_id})
        if self.poller is not None and not self.poller.done():
            self.poller.set_result("update")
        self.update_signal.notify()
        return update_id

    def confirm(self, offset: int | None) -> None:
        """Apply getUpdates ``offset`` semantics (negative = keep last -offset)."""
        if not offset:
            return
        if offset < 0:
            self.updates = self.updates[offset:]
        else:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]

    def new_callback_id(self) -> str:
        return str(secrets.randbits(62))

    def chat_instance(self, chat_id: int) -> str:
        return str(int(hashlib.sha1(f"{self.bot_id}:{chat_id}".encode()).hexdigest()[:15], 16))

    def close(self) -> None:
        """Cancel background work owned by this bot (webhook sender, pollers)."""
        if self.webhook_task is not None:
            self.webhook_task.cancel()
            self.webhook_task = None
        if self.poller is not None and not self.poller.done():
            self.poller.set_result("closed")
