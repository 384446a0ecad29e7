"""Shared fixtures: a migrated database per test (SQLite, and PostgreSQL when
SENTINEL_TEST_PG_URL is set), the project's Bot API emulator over real HTTP,
and the real bot running against both."""
from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from concurrent.futures import ThreadPoolExecutor
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from sqlalchemy import text
from sqlmodel import SQLModel, select

from bot.app import Core
from bot.config import SenderSettings, Settings, load_settings
from emulator import DEFAULT_TOKEN, Emulator, EmulatorConfig
from emulator.client import EmulatorClient
from handlers.runtime import run_bot
from storage.db import create_engine, session_factory
from storage.migrate import upgrade
import storage.models  # noqa: F401  (registers every table for the truncation)
from storage.models.points import PointsEntry

# A test's messages are classified as they always are: the encoder's budget (bot.intake.SEMANTIC_WAIT_S,
# ENCODER_SHARE) sheds unsure messages to the lexical stage when the encoder falls behind or is too busy,
# which a loaded CI machine would do at random. tests/unit/test_intake_prefetch.py tests the shedding
# with budgets of its own.
os.environ.setdefault("SENTINEL_INTAKE_SEMANTIC_WAIT", "3600")
os.environ.setdefault("SENTINEL_INTAKE_ENCODER_SHARE", "1000")

E2E_FIXTURES = {"emu", "tg", "bot"}
DB_FIXTURES = {"database_url", "db"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Marks each test by what it needs, whatever folder it sits in: `e2e` (the emulator and the
    real bot over HTTP), `service` (a real database, no chat) or `unit` (neither), so
    `pytest -m "not e2e"` runs the fast layers alone."""
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        kind = "e2e" if used & E2E_FIXTURES else "service" if used & DB_FIXTURES else "unit"
        item.add_marker(getattr(pytest.mark, kind))


PG_ADMIN_URL = os.environ.get("SENTINEL_TEST_PG_URL", "")
BACKENDS = ["sqlite"] + (["postgres"] if PG_ADMIN_URL else [])
TOKEN = DEFAULT_TOKEN
# The library that receives updates (handlers/runtime.py) in every e2e test: SENTINEL_TEST_RUNTIME=ptb
# runs the whole suite on python-telegram-bot (tests/e2e/contract/ runs its scenarios on both).
RUNTIME = os.environ.get("SENTINEL_TEST_RUNTIME", "aiogram")


def _pg(url: str, db: str | None = None) -> str:
    base = url.replace("postgresql+asyncpg://", "postgresql://").replace("postgres://", "postgresql://")
    return base if db is None else base.rsplit("/", 1)[0] + "/" + db


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("db") / "template.db"
    upgrade(f"sqlite+aiosqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """One fresh PostgreSQL database for the session, dropped at the end."""
    name = f"sentinel_test_{uuid.uuid4().hex[:10]}"
    admin = _pg(PG_ADMIN_URL)

    async def _exec(sql: str) -> None:
        conn = await asyncpg.connect(admin)
        try:
            await conn.execute(sql)
        finally:
            await conn.close()

    def admin_exec(sql: str) -> None:  # in a thread: the test's loop may already be running
        with ThreadPoolExecutor(1) as pool:
            pool.submit(asyncio.run, _exec(sql)).result()

    admin_exec(f'CREATE DATABASE "{name}"')
    url = _pg(PG_ADMIN_URL, name).replace("postgresql://", "postgresql+asyncpg://")
    upgrade(url)
    yield url
    admin_exec(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=BACKENDS)
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        path = tmp_path / "sentinel.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite+aiosqlite:///{path}"
    url: str = request.getfixturevalue("pg_url")
    engine = create_engine(url)
    async with engine.begin() as conn:
        tables = [t.name for t in SQLModel.metadata.sorted_tables]
        if (await conn.execute(text("SELECT to_regclass('apscheduler_jobs')"))).scalar():
            tables.append("apscheduler_jobs")
        await conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
    await engine.dispose()
    return url


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Any]:
    """A session factory for asserting on what the bot committed."""
    engine = create_engine(database_url)
    yield session_factory(engine)
    await engine.dispose()


@pytest.fixture
async def emu() -> AsyncIterator[Emulator]:
    emulator = Emulator(EmulatorConfig(limits=False))
    await emulator.start(host="127.0.0.1", port=0)
    yield emulator
    await emulator.stop()


@pytest.fixture
async def tg(emu: Emulator) -> AsyncIterator[EmulatorClient]:
    async with EmulatorClient(emu.base_url, token=TOKEN) as client:
        yield client


@pytest.fixture
def settings(emu: Emulator, database_url: str) -> Settings:
    # Pacing far above the emulator's (off) limits: tests about pacing set their own.
    return load_settings(_env_file=None, bot_token=TOKEN, api_base=emu.base_url,
                         database_url=database_url, poll_timeout=5, runtime=RUNTIME,
                         sender=SenderSettings(global_per_sec=10_000, group_per_min=100_000,
                                               private_per_sec=1_000))


class RunningBot:
    """The real bot (aiogram, outbox sender) in this event loop, startable and stoppable."""

    def __init__(self, settings: Settings, tg: EmulatorClient) -> None:
        self.settings, self.tg = settings, tg
        self._stop: asyncio.Event | None = None
        self._task: asyncio.Task[None] | None = None
        self.core: Core | None = None  # the running bot's core: run a stored job's pass with core.run_job

    def _ready(self, core: Core) -> None:
        self.core = core

    async def start(self, **kwargs: Any) -> None:
        self._stop = asyncio.Event()
        self._task = asyncio.create_task(run_bot(self.settings, stop=self._stop, handle_signals=False,
                                                 ready=self._ready, **kwargs))
        for _ in range(1200):  # until the bot polls or sets its webhook (a fresh clone builds the model first)
            calls = (await self.tg.stats())["calls"]
            if calls.get("getUpdates") or calls.get("setWebhook"):
                return
            if self._task.done():
                self._task.result()
            await asyncio.sleep(0.05)
        raise TimeoutError("bot did not start")

    async def stop(self) -> None:
        if self._task is not None and self._stop is not None:
            self._stop.set()
            await asyncio.wait_for(self._task, 30)
            self._task = None


@pytest.fixture
async def bot(settings: Settings, tg: EmulatorClient) -> AsyncIterator[RunningBot]:
    running = RunningBot(settings, tg)
    await running.start()
    yield running
    await running.stop()


@asynccontextmanager
async def session(db: Any) -> AsyncIterator[Any]:
    async with db() as s:
        yield s


GROUP = {"id": -100100, "type": "supergroup", "title": "朝阳骑手一群"}
GROUP_B = {"id": -100200, "type": "supergroup", "title": "Riders East"}
LI = {"id": 501, "first_name": "李师傅", "language_code": "zh-hans"}
WANG = {"id": 502, "first_name": "王哥", "language_code": "zh"}
AMY = {"id": 601, "first_name": "Amy", "language_code": "en"}
BOSS = {"id": 900, "first_name": "超管", "language_code": "zh"}       # superadmin, in settings by `with_boss`
SEC = {"id": 801, "first_name": "张书记", "language_code": "zh"}      # secretary of branch cy (GROUP)
SEC_B = {"id": 802, "first_name": "Sec B", "language_code": "en"}    # secretary of branch hd (GROUP_B)


def private(user: dict[str, Any]) -> dict[str, Any]:
    return {"id": user["id"], "type": "private"}


def with_boss(settings: Settings, **changes: Any) -> Settings:
    """`settings` with BOSS as the superadmin (and any other `changes`): a test file that
    uses the staff overrides its `settings` fixture with this."""
    return settings.model_copy(update={"superadmin_ids": [BOSS["id"]], **changes})


async def two_branches(tg: EmulatorClient, *riders: dict[str, Any]) -> None:
    """Branch cy (GROUP, secretary SEC) and branch hd (GROUP_B, secretary SEC_B), bound and
    granted by BOSS; `riders` have started the bot. Returns once every answer has arrived."""
    for who in (BOSS, SEC, SEC_B, *riders):
        await tg.send(private(who), who, "/start")
    await tg.send(GROUP, BOSS, "/bind cy 朝阳支部")
    await tg.send(GROUP_B, BOSS, "/bind hd Haidian")
    await tg.send(private(BOSS), BOSS, f"/grant {SEC['id']} secretary cy")
    await tg.send(private(BOSS), BOSS, f"/grant {SEC_B['id']} secretary hd")
    await tg.wait(BOSS["id"], 3)  # /start and the two grants
    for chat in (GROUP, GROUP_B, SEC, SEC_B, *riders):  # a /bind answer; a /start answer
        await tg.wait(chat["id"], 1)


# --- waiting for the bot ---------------------------------------------------------------------------
async def until(check: Callable[[], Awaitable[Any]], timeout: float = 15.0) -> Any:
    """Polls `check` until it gives something true; that value."""
    for _ in range(int(timeout / 0.05)):
        if value := await check():
            return value
        await asyncio.sleep(0.05)
    raise AssertionError("condition not reached in time")


async def last(tg: EmulatorClient, chat_id: int, count: int) -> dict[str, Any]:
    """The bot's `count`-th message in a chat, once it is there."""
    msgs = await tg.wait(chat_id, count)
    assert len(msgs) >= count, [str(m.get("plain_text"))[:60] for m in msgs]
    return msgs[count - 1]


async def said(tg: EmulatorClient, chat: dict[str, Any] | int, who: dict[str, Any], text: str | None = None,
               **extra: Any) -> dict[str, Any]:
    """`who` posts in `chat` (a chat, or a chat id: their own for private); the bot's next message there."""
    chat_id = chat if isinstance(chat, int) else chat["id"]
    target = private(who) if chat_id == who["id"] else chat
    before = len(await tg.messages(chat_id))
    await tg.send(target, who, text, **extra)
    msgs = await tg.wait(chat_id, before + 1)
    assert len(msgs) > before, f"no answer to {text!r}"
    return msgs[before]


async def answer_for(tg: EmulatorClient, qid: str) -> dict[str, Any]:
    """The bot's answer to a button press (tg.press returns its id)."""
    async def answered() -> dict[str, Any] | None:
        return next((a for a in await tg.answers() if a["callback_query_id"] == qid), None)
    return await until(answered, timeout=10.0)


def buttons(msg: dict[str, Any]) -> list[str]:
    """The callback data of a message's inline buttons, row by row."""
    return [b["callback_data"] for row in (msg.get("reply_markup") or {}).get("inline_keyboard", []) for b in row]


async def ledger(db: Any, user_id: int | None = None, *, at_least: int = 0) -> list[PointsEntry]:
    """The points bank's ledger (one rider's lines of it), oldest first; with `at_least`, once it
    has that many lines (a button's answer goes out before its transaction commits)."""
    stmt = select(PointsEntry).order_by(PointsEntry.id)
    if user_id is not None:
        stmt = stmt.where(PointsEntry.user_id == user_id)
    lines: list[PointsEntry] = []

    async def enough() -> bool:
        nonlocal lines
        async with db() as s:
            lines = list((await s.exec(stmt)).all())
        return len(lines) >= at_least
    await until(enough, timeout=10.0)
    return lines
