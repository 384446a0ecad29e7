"""Every mistake an operator can make ends in one line on stderr and an exit code, never a traceback.

2 = usage (a setting, an argument, a configuration file), 1 = runtime (the database, the network, a file).
`explain` turns any exception into that line; `sentinel -v` shows the traceback as well.
"""
from __future__ import annotations

import errno
import json

from bot.config import ConfigError

USAGE, RUNTIME = 2, 1


class UsageError(Exception):
    """A wrong argument: exit code 2."""


class CommandError(Exception):
    """Something the command needs is missing or unreachable: exit code 1."""


def one_line(text: str) -> str:
    return " ".join(str(text).split())


def explain(exc: BaseException) -> tuple[int, str]:
    """(exit code, one line) for an exception that escaped a command."""
    if isinstance(exc, (ConfigError, UsageError)):
        return USAGE, one_line(str(exc))
    if isinstance(exc, CommandError):
        return RUNTIME, one_line(str(exc))
    try:  # optional imports: the table below must work even if a library is missing
        from aiogram.exceptions import TelegramAPIError, TelegramNetworkError, TelegramUnauthorizedError
        from aiogram.utils.token import TokenValidationError
        if isinstance(exc, TokenValidationError):
            return USAGE, "invalid setting SENTINEL_BOT_TOKEN: not a bot token (it looks like 123456:ABC-DEF…)"
        if isinstance(exc, TelegramUnauthorizedError):
            return RUNTIME, ("Telegram rejected SENTINEL_BOT_TOKEN (Unauthorized): copy the token again "
                             "from @BotFather")
        if isinstance(exc, TelegramNetworkError):
            return RUNTIME, one_line(f"cannot reach the Bot API: {exc.message} (check the network and "
                                     "SENTINEL_API_BASE)")
        if isinstance(exc, TelegramAPIError):
            return RUNTIME, one_line(f"the Bot API refused {exc.method.__api_method__}: {exc.message}")
    except ImportError:  # pragma: no cover
        pass
    if isinstance(exc, UnicodeDecodeError):
        return RUNTIME, f"input is not UTF-8 text (byte {exc.object[exc.start]:#04x} at offset {exc.start})"
    if isinstance(exc, json.JSONDecodeError):
        return RUNTIME, one_line(f"not valid JSON: {exc}")
    if isinstance(exc, OSError):
        if exc.errno == errno.EADDRINUSE:
            return RUNTIME, one_line(f"{exc.strerror or exc}: the port is in use; choose another "
                                     "(--port, or SENTINEL_WEBHOOK_PORT for `run --webhook`)")
        if exc.filename:
            return RUNTIME, one_line(f"{exc.filename}: {exc.strerror or exc}")
        return RUNTIME, one_line(str(exc) or type(exc).__name__)
    return RUNTIME, one_line(f"unexpected {type(exc).__name__}: {exc} (run `sentinel -v …` for the traceback)")
