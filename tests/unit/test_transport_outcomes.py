"""Telegram's answers become the same outbox outcomes (bot/outbox.py) on both runtimes' Bots:
aiogram's exceptions (handlers/telegram_aiogram/transport.py) and python-telegram-bot's
(handlers/telegram_ptb/transport.py), decided once in handlers/telegram_send.py — including
python-telegram-bot's re-cased descriptions ("Bad Request: chat not found" → "Chat not found")."""
from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest
import telegram.error as ptb
from aiogram import exceptions as aio
from aiogram.methods import SendMessage

from bot.outbox import (CLOSE_TOPIC, EDIT, ChatMigrated, Outgoing, PermanentError, RetryLater, TransientError,
                        Unreachable)
from handlers.telegram_aiogram.transport import TelegramTransport
from handlers.telegram_ptb.transport import PtbTransport

pytestmark = pytest.mark.filterwarnings("ignore:.*retry_after:DeprecationWarning")  # PTB's own, at RetryAfter(7)
M = SendMessage(chat_id=-100, text="x")
ERRORS: dict[str, tuple[Callable[[], Exception], Callable[[], Exception]]] = {  # (aiogram's, python-telegram-bot's)
    "flood": (lambda: aio.TelegramRetryAfter(M, "Too Many Requests", 7), lambda: ptb.RetryAfter(7)),
    "migrated": (lambda: aio.TelegramMigrateToChat(M, "migrated", -1000100), lambda: ptb.ChatMigrated(-1000100)),
    "5xx": (lambda: aio.TelegramServerError(M, "Bad Gateway"), lambda: ptb.NetworkError("Bad Gateway (502)")),
    "network": (lambda: aio.TelegramNetworkError(M, "connection refused"), lambda: ptb.NetworkError("httpx.ConnectError")),
    "timeout": (lambda: aio.TelegramNetworkError(M, "Request timeout error"), lambda: ptb.TimedOut()),
    "unauthorized": (lambda: aio.TelegramUnauthorizedError(M, "Unauthorized"), lambda: ptb.InvalidToken("Unauthorized")),
    "blocked": (lambda: aio.TelegramForbiddenError(M, "Forbidden: bot was blocked by the user"),
                lambda: ptb.Forbidden("Forbidden: bot was blocked by the user")),
    "chat gone": (lambda: aio.TelegramBadRequest(M, "Bad Request: chat not found"),
                  lambda: ptb.BadRequest("Bad Request: chat not found")),
    "too long": (lambda: aio.TelegramBadRequest(M, "Bad Request: message is too long"),
                 lambda: ptb.BadRequest("Bad Request: message is too long")),
    "markup": (lambda: aio.TelegramBadRequest(M, "Bad Request: can't parse entities: unclosed tag"),
               lambda: ptb.BadRequest("Bad Request: can't parse entities: unclosed tag")),
    "not modified": (lambda: aio.TelegramBadRequest(M, "Bad Request: message is not modified"),
                     lambda: ptb.BadRequest("Bad Request: message is not modified")),
    "topic closed": (lambda: aio.TelegramBadRequest(M, "Bad Request: TOPIC_NOT_MODIFIED"),
                     lambda: ptb.BadRequest("Bad Request: TOPIC_NOT_MODIFIED")),
}
SENDS: dict[str, type[Exception] | None] = {
    "flood": RetryLater, "migrated": ChatMigrated, "5xx": TransientError, "network": TransientError,
    "timeout": TransientError, "unauthorized": TransientError, "blocked": Unreachable, "chat gone": Unreachable,
    "too long": PermanentError, "markup": None}  # None: sent again without the markup


class FakeBot:
    """Every Bot API call recorded; the first `failures` raise `error`."""

    def __init__(self, error: Exception | None = None, failures: int = 1) -> None:
        self.error, self.failures, self.calls = error, failures, []  # type: list[tuple[str, dict[str, Any]]]

    def __getattr__(self, name: str) -> Any:
        async def call(*args: Any, **kwargs: Any) -> Any:
            self.calls.append((name, kwargs))
            if self.error is not None and self.failures > 0:
                self.failures -= 1
                raise self.error
            return SimpleNamespace(message_id=9, photo=None, message_thread_id=3)
        return call


def transport(library: str, error: str | None, failures: int = 1) -> tuple[Any, FakeBot]:
    index = 0 if library == "aiogram" else 1
    bot = FakeBot(ERRORS[error][index]() if error else None, failures)
    return (TelegramTransport if library == "aiogram" else PtbTransport)(bot), bot  # type: ignore[arg-type]


def notice(**payload: Any) -> Outgoing:
    return Outgoing(1, -100, "error-recorded", "zh", dict(payload), None)


@pytest.mark.parametrize("library", ["aiogram", "ptb"])
@pytest.mark.parametrize("error", SENDS)
async def test_a_send_s_outcome(library: str, error: str) -> None:
    sender, bot = transport(library, error)
    expected = SENDS[error]
    if expected is None:
        assert await sender.deliver(notice()) == 9
        assert [kw.get("parse_mode") for _name, kw in bot.calls] == ["HTML", None]
        return
    with pytest.raises(expected) as raised:
        await sender.deliver(notice())
    if isinstance(raised.value, RetryLater):
        assert (raised.value.seconds, raised.value.chat_id) == (7, -100)
    if isinstance(raised.value, ChatMigrated):
        assert raised.value.new_chat_id == -1000100


@pytest.mark.parametrize("library", ["aiogram", "ptb"])
async def test_edits_and_topics(library: str) -> None:
    sender, bot = transport(library, "not modified")
    assert await sender.deliver(notice(**{EDIT: 55})) == 55  # nothing changed: done
    sender, bot = transport(library, "markup")
    assert await sender.deliver(notice(**{EDIT: 55})) == 55  # broken markup: the buttons go alone
    assert [name for name, _kw in bot.calls] == ["edit_message_text", "edit_message_reply_markup"]
    sender, bot = transport(library, "too long")
    with pytest.raises(PermanentError):
        await sender.deliver(notice(**{EDIT: 55}))
    sender, bot = transport(library, "topic closed")
    assert await sender.deliver(notice(**{CLOSE_TOPIC: True, "thread_id": 11})) == 11  # closed already: done
    sender, bot = transport(library, "chat gone")
    with pytest.raises(Unreachable):
        await sender.deliver(notice(**{CLOSE_TOPIC: True, "thread_id": 11}))
    sender, bot = transport(library, None)
    assert await sender.deliver(notice(create_topic="C-000001 路灯")) == 3
