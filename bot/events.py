"""The chat events an adapter hands to the chat layer (handlers/chat.py), besides `IncomingMessage`.

Why: the same handlers serve every platform (aiogram and python-telegram-bot today, WeCom next),
so each adapter turns its platform's updates into these shapes and nothing else: a button press
(`ButtonPress`), an edit, a chat that changed id, the bot's own membership. A command is not an
event of its own: the chat layer reads it from a message's text (`CommandCall`), with the names
and aliases of the one command table (bot/commands.py).
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.buttons import Button
from bot.domain import IncomingMessage, Person
from bot.typed import typed_key

# Say `text` to the presser alone (alert: a dialog they must close, else a passing toast).
PressAnswerer = Callable[[str, bool], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class CommandCall:
    """A command as the handlers read it: `command` is the canonical name from the command table
    (an alias typed is reported under its name), `args` what follows it (None: nothing), `text`
    the whole message as normalised (bot/commandtext.py), `mention` the bot it was addressed to."""

    command: str
    args: str | None = None
    text: str = ""
    mention: str | None = None

    @property
    def word(self) -> str:
        """The first argument word as every command's word table is keyed (bot.typed.typed_key:
        `結果` → `结果`, `ＮＥＷ` → `new`), "" for none: the one place a sub-command's word is read
        (`/survey 關閉 1`, `/hours 待審`, `/points 明細`)."""
        words = (self.args or "").split(maxsplit=1)
        return typed_key(words[0]) if words else ""


@dataclass(frozen=True, slots=True)
class ButtonPress:
    """A press on one of our inline buttons.

    `data` is the button decoded by bot/buttons.py (None: unknown or forged data, answered as a
    stale button). `chat_id`/`message_id` say which message carries the button (None when the
    platform no longer tells, e.g. a very old message). `carrier_markup` is that message's text in
    the adapter's own markup and `carrier_is_caption` whether it is a caption: settling re-renders
    it without its buttons (when `editable`). `answer_with` is the adapter's way to answer the press (a toast or an
    alert); the chat layer calls it only after the press's unit of work has committed.
    """

    press_id: str
    sender: Person
    data: Button | None
    chat_id: int | None = None
    chat_type: str | None = None
    message_id: int | None = None
    thread_id: int | None = None
    carrier_markup: str = ""
    carrier_is_caption: bool = False
    editable: bool = True  # the platform still lets us edit the carrying message
    raw_data: str | None = None
    answer_with: PressAnswerer | None = field(default=None, compare=False, repr=False)
    source: Any = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class MessageEdited:
    """A rider edited a message they had sent (`message` as it reads now, `date` when first sent)."""

    message: IncomingMessage
    date: datetime


@dataclass(frozen=True, slots=True)
class ChatMoved:
    """A chat now lives under another id (Telegram: a group upgraded to a supergroup)."""

    old_id: int
    new_id: int


@dataclass(frozen=True, slots=True)
class MembershipChanged:
    """The bot itself was blocked or removed (`gone`), or unblocked or added back, in a chat;
    `added`: it was not a member before (added to a group, or unblocked); `by_lang`: the language
    code of whoever did it (the platform's, when it tells one)."""

    chat_id: int
    chat_type: str
    chat_title: str | None
    gone: bool
    added: bool = False
    by_lang: str | None = None

    @classmethod
    def between(cls, chat_id: int, chat_type: str, chat_title: str | None, old: str, new: str,
                by_lang: str | None) -> MembershipChanged:
        """From the bot's member status before and after (`member`, `administrator`, `left`,
        `kicked` …): outside a chat is `left` or `kicked`."""
        outside = ("left", "kicked")
        return cls(chat_id, chat_type, chat_title, gone=new in outside, added=old in outside and new not in outside,
                   by_lang=by_lang)


ChatEvent = IncomingMessage | ButtonPress | MessageEdited | ChatMoved | MembershipChanged
