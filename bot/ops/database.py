"""The database as the operator sees it: reachable or not, its Alembic revision, moving it between revisions.

Read-only tools (exports, `db current`, `doctor`) must never create a database: SQLite would happily
make an empty file, so they check it exists first.
"""
from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from alembic import command
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError as AlembicError
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from bot.config import Settings, load_settings
from bot.ops.errors import CommandError, UsageError, one_line
from storage.db import create_engine, is_sqlite
from storage.migrate import alembic_config

CONNECT_TIMEOUT = 10.0  # seconds: an unreachable host should not hang a command


def describe(url: str) -> str:
    """The URL without its password, for messages."""
    return make_url(url).render_as_string(hide_password=True)


def sqlite_path(url: str) -> Path | None:
    if not is_sqlite(url):
        return None
    database = make_url(url).database
    return Path(database) if database and database != ":memory:" else None


def require_existing(url: str) -> None:
    """CommandError if the SQLite file is missing (so a read-only tool does not create it)."""
    path = sqlite_path(url)
    if path is not None and not path.is_file():
        raise CommandError(f"no database at {path} (set SENTINEL_DATABASE_URL, or create it with "
                           "`sentinel db upgrade`)")


def _unreachable(url: str, exc: BaseException) -> CommandError:
    """An SQLite file has no server to be running: what to check there is the file and its folder."""
    reason = getattr(exc, "orig", None) or exc
    check = "that this process may create and write its file" if is_sqlite(url) else "that the server is running"
    return CommandError(one_line(f"cannot use the database {describe(url)}: {reason or type(exc).__name__} "
                                 f"(check SENTINEL_DATABASE_URL and {check})"))


async def _current(url: str) -> tuple[str, ...]:
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
            return tuple(await conn.run_sync(lambda c: MigrationContext.configure(c).get_current_heads()))
    finally:
        await engine.dispose()


def current(url: str, *, must_exist: bool = True) -> tuple[str, ...]:
    """The revisions the database is at (empty: never migrated); CommandError if unreachable."""
    if must_exist:
        require_existing(url)
    try:
        return asyncio.run(asyncio.wait_for(_current(url), CONNECT_TIMEOUT))
    except (OSError, SQLAlchemyError, asyncio.TimeoutError) as e:
        raise _unreachable(url, e) from None


def heads() -> tuple[str, ...]:
    return tuple(ScriptDirectory.from_config(alembic_config("sqlite://")).get_heads())


def history() -> list[str]:
    """One line per migration, newest first: `rev (head) <- down  message`."""
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    lines = []
    for rev in script.walk_revisions():
        down = rev.down_revision
        downs = ", ".join(down) if isinstance(down, tuple) else (down or "base")
        head = " (head)" if rev.is_head else ""
        lines.append(f"{rev.revision}{head} <- {downs}  {rev.doc or ''}".rstrip())
    return lines


def _in_thread(fn: Any, *args: Any) -> None:
    """Alembic's env runs its own event loop, so it gets a thread of its own."""
    with ThreadPoolExecutor(1) as pool:
        pool.submit(fn, *args).result()


def _move(url: str, fn: Any, revision: str) -> tuple[str, ...]:
    cfg = alembic_config(url)
    if not revision.startswith(("+", "-")) and "@" not in revision:  # relative steps need the database
        try:
            ScriptDirectory.from_config(cfg).get_revisions(revision)
        except AlembicError as e:
            raise UsageError(one_line(f"no migration {revision!r}: {e} (see `sentinel db history`)")) from None
    try:
        _in_thread(fn, cfg, revision)
    except AlembicError as e:
        raise UsageError(one_line(f"cannot move to {revision!r}: {e} (see `sentinel db history`)")) from None
    except (OSError, SQLAlchemyError, asyncio.TimeoutError) as e:
        raise _unreachable(url, e) from None
    return current(url, must_exist=False)


def upgrade(url: str, revision: str = "heads") -> tuple[str, ...]:
    """Apply migrations up to `revision`; the revisions reached."""
    path = sqlite_path(url)
    if path is not None and not path.parent.is_dir():
        raise CommandError(f"no folder {path.parent} for the database {path} (check SENTINEL_DATABASE_URL)")
    return _move(url, command.upgrade, revision)


def downgrade(url: str, revision: str) -> tuple[str, ...]:
    """Undo migrations down to `revision` (e.g. `-1`, a revision id, `base`); the revisions reached."""
    require_existing(url)
    return _move(url, command.downgrade, revision)


def ready_settings() -> Settings:
    """The settings of a command that only reads (or edits rows of) an existing database: the
    database must exist, answer and be at the code's head, else one line saying what to run.
    Without this check SQLite creates an empty file at the first query, which then fails with
    `no such table` and leaves that file behind for the next command to find."""
    settings = load_settings()
    require_ready(settings.database_url)
    return settings


def require_ready(url: str) -> None:
    """The database exists, answers and is migrated to the code's head: else one CommandError line."""
    at = current(url)
    if not at:
        raise CommandError(f"the database {describe(url)} has no tables yet: run `sentinel db upgrade`")
    if set(at) != set(heads()):
        raise CommandError(f"the database {describe(url)} is at revision {', '.join(at)}, this version needs "
                           f"{', '.join(heads())}: run `sentinel db upgrade`")
