"""`sentinel deadletter list|show ID|retry ID|drop ID`: the operator's view of updates the bot gave up on.

Every mistake is one line on stderr and exit code 1 (2 for a missing setting or a wrong argument).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from typing import TYPE_CHECKING, Any, TypeVar

from bot.config import ConfigError, Settings, load_settings
from bot.echo import echo
from bot.ids import parse_id

if TYPE_CHECKING:  # storage is imported when a command runs, not when the parser is built
    from storage.uow import UnitOfWork


def _fail(message: str) -> int:
    print(f"sentinel deadletter: {message}", file=sys.stderr)
    return 1


def letter_number(text: str) -> int:
    """The argparse type of a dead letter's number: a wrong one is a usage mistake (one line, exit 2)."""
    found = parse_id(text)
    if found is None:
        raise argparse.ArgumentTypeError(f"not a dead letter id: {echo(text)} (expected its number, e.g. 12, "
                                         "from `sentinel deadletter list`)")
    return found


async def _with_uow(settings: Settings, work: Any) -> Any:
    from storage.db import create_engine, session_factory
    from storage.uow import UnitOfWork
    engine = create_engine(settings.database_url)
    try:
        async with UnitOfWork(session_factory(engine)) as uow:
            return await work(uow)
    finally:
        await engine.dispose()


def _first_line(error: str) -> str:
    lines = [ln for ln in error.strip().splitlines() if ln.strip()]
    return (lines[0] if lines else "")[:120]


def _ready() -> Settings:
    """Settings once the database is there and migrated: `deadletter` never creates one."""
    from bot.ops.database import ready_settings
    return ready_settings()


def cmd_list(args: argparse.Namespace) -> int:
    from storage.models.deadletter import DEAD

    async def work(uow: UnitOfWork) -> list[Any]:
        return await uow.deadletters.latest(args.limit, None if args.all else DEAD)
    letters = asyncio.run(_with_uow(_ready(), work))
    for d in letters:
        kind = next((k for k in json.loads(d.raw) if k != "update_id"), "?")
        print(f"#{d.id:<5} update {d.update_id:<12} {d.created_at:%Y-%m-%d %H:%M:%S} {d.status:<8} "
              f"{kind:<16} {_first_line(d.error)}")
    print(f"{len(letters)} dead letter(s)" + ("" if args.all else " waiting (--all for retried and dropped)"))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    letter_id: int = args.id

    async def work(uow: Any) -> Any:
        return await uow.deadletters.get(letter_id)
    d = asyncio.run(_with_uow(_ready(), work))
    if d is None:
        return _fail(f"no dead letter #{letter_id}")
    print(f"dead letter #{d.id}: update {d.update_id}, {d.status}, {d.attempts} attempt(s), {d.created_at:%Y-%m-%d %H:%M:%S} UTC")
    print(json.dumps(json.loads(d.raw), ensure_ascii=False, indent=2))
    print(d.error)
    return 0


def cmd_drop(args: argparse.Namespace) -> int:
    from storage.models.deadletter import DEAD, DROPPED
    letter_id: int = args.id

    async def work(uow: Any) -> str | None:
        d = await uow.deadletters.get(letter_id)
        if d is None:
            return f"no dead letter #{letter_id}"
        if d.status != DEAD:
            return f"dead letter #{letter_id} is {d.status}, not dead"
        d.status = DROPPED
        await uow.commit()
        return None
    problem = asyncio.run(_with_uow(_ready(), work))
    if problem:
        return _fail(problem)
    print(f"dead letter #{letter_id} dropped")
    return 0


def cmd_retry(args: argparse.Namespace) -> int:
    """Handle the update again with the bot's code as deployed now (its messages go out through
    the outbox, sent by the running bot)."""
    letter_id: int = args.id
    settings = load_settings()
    if not settings.bot_token:
        raise ConfigError("SENTINEL_BOT_TOKEN is not set (retry handles the update as the bot)")
    from bot.ops.database import require_ready
    require_ready(settings.database_url)  # the bot's own database, not a new empty one
    if logging.getLogger().getEffectiveLevel() > logging.DEBUG:  # `sentinel -v` keeps the traceback
        logging.disable(logging.ERROR)  # a failed retry is one line below, not the handler's traceback
    try:
        ok, message = asyncio.run(_retry(settings, letter_id))
    finally:
        logging.disable(logging.NOTSET)
    if not ok:
        return _fail(message)
    print(message)
    return 0


async def _retry(settings: Settings, letter_id: int) -> tuple[bool, str]:
    from bot.app import Core
    from handlers.telegram_aiogram.deadletter import retry
    from handlers.telegram_aiogram.dispatcher import build_dispatcher
    from handlers.telegram_aiogram.runtime import make_bot
    core = await Core.open(settings, migrate=False)
    bot = make_bot(settings)
    try:
        dp = build_dispatcher(core.uow, settings.default_lang, **core.services())
        return await retry(core.uow, bot, dp, letter_id, settings.default_lang)
    finally:
        await bot.session.close()
        await core.close()


_P = TypeVar("_P", bound=argparse.ArgumentParser)  # the parser class the main command line uses


def register(subparsers: argparse._SubParsersAction[_P]) -> None:
    dl = subparsers.add_parser("deadletter", help="updates the bot gave up on: list, show, retry, drop")
    sub = dl.add_subparsers(dest="deadletter_cmd", required=True)
    p = sub.add_parser("list", help="the latest dead letters waiting")
    p.add_argument("--all", action="store_true", help="also those retried or dropped")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(func=cmd_list)
    for name, func, help_ in (("show", cmd_show, "the update's JSON and the error"),
                              ("retry", cmd_retry, "handle the update again (after a fix)"),
                              ("drop", cmd_drop, "give it up for good")):
        p = sub.add_parser(name, help=help_)
        p.add_argument("id", type=letter_number, help="the dead letter's number (from list)")
        p.set_defaults(func=func)
