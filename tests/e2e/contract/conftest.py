"""The platform contract: every scenario in this package runs once per chat runtime (aiogram,
python-telegram-bot), on every database backend (SQLite, and PostgreSQL when configured)."""
from __future__ import annotations

import pytest

from bot.config import Settings
from handlers.runtime import RUNTIMES
from tests.conftest import with_boss


@pytest.fixture(params=RUNTIMES)
def runtime(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def settings(settings: Settings, runtime: str) -> Settings:
    return with_boss(settings, runtime=runtime)


@pytest.fixture(autouse=True)
def runs_on(runtime: str, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Proves each scenario ran on the runtime it names: the runtimes the bot received with."""
    import handlers.runtime as composition
    used: list[str] = []
    real = composition.receiver

    def recording(name: str):  # type: ignore[no-untyped-def]
        used.append(name)
        return real(name)
    monkeypatch.setattr(composition, "receiver", recording)
    yield used
    assert set(used) <= {runtime}, f"ran on {used}, not {runtime}"
