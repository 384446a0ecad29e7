"""Every mistake an operator can make ends in one line on stderr and an exit code, never a traceback.

2 = usage (a setting, an argument, a configuration file), 1 = runtime (the database, the network, a file).
`explain` turns any exception into that line; `sentinel -v` shows the traceback as well.
"""
from __future__ import annotations

import errno
import json
import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from bot.config import BAD_TOKEN, ConfigError, not_utf8

USAGE, RUNTIME = 2, 1
REJECTED = "Telegram rejected SENTINEL_BOT_TOKEN (Unauthorized): copy the token again from @BotFather"
CHECK_NETWORK = "check the network and SENTINEL_API_BASE"


class UsageError(Exception):
    """A wrong argument: exit code 2."""


class CommandError(Exception):
    """Something the command needs is missing or unreachable: exit code 1."""


@contextmanager
def listening(host: str, port: int, *, port_setting: str, host_setting: str) -> Iterator[None]:
    """Around a server's bind: a port in use or a host that is no address of this machine becomes one
    line naming the setting (or argument) of *this* server, the one to change. Every server the
    command line starts (webhook, web, metrics, emulator, demo) binds inside one of these."""
    try:
        yield
    except socket.gaierror as e:  # not a name or address at all
        raise UsageError(one_line(f"cannot listen on {host!r}: {e.strerror or e}; "
                                  f"set {host_setting} to an address of this machine")) from None
    except OSError as e:
        if e.errno == errno.EADDRINUSE:
            raise CommandError(f"cannot listen on {host}:{port}: the port is in use; "
                               f"stop what uses it or choose another {port_setting}") from None
        if e.errno in (errno.EADDRNOTAVAIL, errno.EACCES):
            setting = port_setting if e.errno == errno.EACCES else host_setting
            raise CommandError(one_line(f"cannot listen on {host}:{port}: {e.strerror or e}; "
                                        f"check {setting}")) from None
        raise


def one_line(text: str) -> str:
    return " ".join(str(text).split())


def explain(exc: BaseException) -> tuple[int, str]:
    """(exit code, one line) for an exception that escaped a command."""
    if isinstance(exc, (ConfigError, UsageError)):
        return USAGE, one_line(str(exc))
    if isinstance(exc, CommandError):
        return RUNTIME, one_line(str(exc))
    telegram_line = _telegram(exc)
    if telegram_line is not None:
        return telegram_line
    database_line = _database(exc)
    if database_line is not None:
        return database_line
    if isinstance(exc, UnicodeDecodeError):
        return RUNTIME, f"input is {not_utf8(exc)}"
    if isinstance(exc, json.JSONDecodeError):
        return RUNTIME, one_line(f"not valid JSON: {exc}")
    if isinstance(exc, OSError):
        if exc.errno == errno.EADDRINUSE:
            return RUNTIME, one_line(f"{exc.strerror or exc}: a port is in use; stop what uses it or "
                                     "choose another")
        if exc.filename:
            return RUNTIME, one_line(f"{exc.filename}: {exc.strerror or exc}")
        return RUNTIME, one_line(str(exc) or type(exc).__name__)
    return RUNTIME, one_line(f"unexpected {type(exc).__name__}: {exc} (run `sentinel -v …` for the traceback)")


_NO_TABLE = ("no such table", "does not exist")  # SQLite's words; PostgreSQL's UndefinedTable


def _database(exc: BaseException) -> tuple[int, str] | None:
    """The line for a database error that reached the command line: the driver's reason, never the
    statement and its parameters SQLAlchemy appends (`[SQL: SELECT …]`). A missing table is a
    database this version never migrated: what to run. Checked only once SQLAlchemy is loaded."""
    if "sqlalchemy" not in sys.modules:
        return None
    from sqlalchemy.exc import SQLAlchemyError
    if not isinstance(exc, SQLAlchemyError):
        return None
    reason = getattr(exc, "orig", None) or (exc.args[0] if exc.args else type(exc).__name__)
    text = one_line(str(reason))
    if any(words in text for words in _NO_TABLE) and ("table" in text or "relation" in text):
        return RUNTIME, f"the database is missing a table ({text}): run `sentinel db upgrade`"
    return RUNTIME, f"the database refused the command: {text} (run `sentinel -v …` for the traceback)"


def _telegram(exc: BaseException) -> tuple[int, str] | None:
    """The line for a Telegram client library's error, of whichever library is loaded (a
    python-telegram-bot worker never imports aiogram, not even to explain an error)."""
    if "aiogram" in sys.modules:
        from aiogram.exceptions import TelegramAPIError, TelegramNetworkError, TelegramUnauthorizedError
        from aiogram.utils.token import TokenValidationError
        if isinstance(exc, TokenValidationError):
            return USAGE, BAD_TOKEN
        if isinstance(exc, TelegramUnauthorizedError):
            return RUNTIME, REJECTED
        if isinstance(exc, TelegramNetworkError):
            return RUNTIME, one_line(f"cannot reach the Bot API: {exc.message} ({CHECK_NETWORK})")
        if isinstance(exc, TelegramAPIError):
            return RUNTIME, one_line(f"the Bot API refused {exc.method.__api_method__}: {exc.message}")
    if "telegram" in sys.modules:
        from telegram.error import BadRequest, InvalidToken, NetworkError, TelegramError
        if isinstance(exc, InvalidToken):  # its message has the token: not shown
            return RUNTIME, REJECTED
        if isinstance(exc, NetworkError) and not isinstance(exc, BadRequest):
            return RUNTIME, one_line(f"cannot reach the Bot API: {exc.message} ({CHECK_NETWORK})")
        if isinstance(exc, TelegramError):
            return RUNTIME, one_line(f"the Bot API refused a request: {exc.message}")
    return None
