"""The platform contract: every scenario in this package runs once per chat runtime (aiogram,
python-telegram-bot, WeCom), on every database backend (SQLite, and PostgreSQL when configured).
On WeCom the `tg` driver is tests/e2e/contract/wecom_driver.py, on the WeCom emulator."""
from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest

from bot.config import Settings
from emulator import Emulator
from emulator.client import EmulatorClient
from emulator.wecom import WeComConfig, WeComEmulator
from handlers.runtime import RUNTIMES, run_bot
from tests.conftest import TOKEN, with_boss
from tests.e2e.contract.wecom_driver import WeComDriver, listening

PLATFORMS = (*RUNTIMES, "wecom")


@pytest.fixture(params=PLATFORMS)
def runtime(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
async def wecom_emu(runtime: str) -> AsyncIterator[WeComEmulator | None]:
    if runtime != "wecom":
        yield None
        return
    emu = WeComEmulator(WeComConfig())
    await emu.start()
    yield emu
    await emu.stop()


@pytest.fixture
def settings(settings: Settings, runtime: str, wecom_emu: WeComEmulator | None) -> Settings:
    if wecom_emu is None:
        return with_boss(settings, runtime=runtime)
    from handlers.demo_wecom import _free_port, wecom_settings
    return with_boss(settings, platform="wecom", wecom=wecom_settings(wecom_emu), webhook_port=_free_port())


@pytest.fixture
async def tg(emu: Emulator, wecom_emu: WeComEmulator | None, database_url: str) -> AsyncIterator[Any]:
    if wecom_emu is None:
        async with EmulatorClient(emu.base_url, token=TOKEN) as client:
            yield client
        return
    driver = WeComDriver(wecom_emu, database_url)
    yield driver
    await driver.close()


class RunningWeCom:
    """The real bot on WeCom (handlers/wecom/runtime.py) in this event loop, its callback URLs
    given to the emulator."""

    def __init__(self, settings: Settings, driver: WeComDriver) -> None:
        self.settings, self.driver = settings, driver
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self.core: Any = None

    def _ready(self, core: Any) -> None:
        self.core = core

    async def start(self, **_: Any) -> None:
        port = self.settings.webhook_port
        await self.driver.control("config", {"app_callback_url": f"http://127.0.0.1:{port}/wecom/app",
                                             "aibot_callback_url": f"http://127.0.0.1:{port}/wecom/aibot"})
        self._task = asyncio.create_task(run_bot(self.settings, stop=self._stop, handle_signals=False,
                                                 ready=self._ready))
        await listening(port, self._task)

    async def stop(self) -> None:
        if self._task is not None:
            self._stop.set()
            await asyncio.wait_for(self._task, 30)
            self._task = None


@asynccontextmanager
async def wecom_bot(settings: Settings, database_url: str) -> AsyncIterator[tuple[WeComDriver, RunningWeCom]]:
    """A WeCom emulator of its own and the real bot on it (`settings` made WeCom's), for tests
    outside the contract suite: (the driver, the running bot)."""
    from handlers.demo_wecom import _free_port, wecom_settings
    emu = WeComEmulator(WeComConfig())
    await emu.start()
    hooked = settings.model_copy(update={"platform": "wecom", "wecom": wecom_settings(emu),
                                         "webhook_port": _free_port()})
    driver = WeComDriver(emu, database_url)
    running = RunningWeCom(hooked, driver)
    await running.start()
    try:
        yield driver, running
    finally:
        await running.stop()
        await driver.close()
        await emu.stop()


@pytest.fixture
async def bot(settings: Settings, tg: Any, runtime: str) -> AsyncIterator[Any]:
    from tests.conftest import RunningBot
    running = RunningWeCom(settings, tg) if runtime == "wecom" else RunningBot(settings, tg)
    await running.start()
    yield running
    await running.stop()


@pytest.fixture(autouse=True)
def runs_on(runtime: str, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Proves each scenario ran on the runtime it names: the runtimes the bot received and sent with."""
    import handlers.runtime as composition
    import handlers.wecom.runtime as wecom
    used: list[str] = []
    real, real_wecom = composition.library, wecom.run_wecom

    def recording(name: str):  # type: ignore[no-untyped-def]
        used.append(name)
        return real(name)

    async def on_wecom(*args: Any, **kwargs: Any) -> None:
        used.append("wecom")
        await real_wecom(*args, **kwargs)
    monkeypatch.setattr(composition, "library", recording)
    monkeypatch.setattr(wecom, "run_wecom", on_wecom)
    yield used
    assert set(used) <= {runtime}, f"ran on {used}, not {runtime}"
