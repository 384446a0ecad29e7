"""The Prometheus endpoint: off by default; with SENTINEL_METRICS_PORT, the running bot serves
its updates, sends, outbox and leadership figures there."""
from __future__ import annotations

import socket

import aiohttp
import pytest

from bot.config import Settings
from tests.conftest import GROUP, LI, RunningBot, until


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _value(text: str, name: str) -> float:
    """The value of the sample line `name` (with its labels, as printed) in the exposition text."""
    for line in text.splitlines():
        if line.startswith(name + " "):
            return float(line.split()[-1])
    raise AssertionError(f"{name} not in /metrics")


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"metrics_port": _free_port()})


async def test_metrics_endpoint_counts_updates_sends_and_leadership(bot: RunningBot, tg, settings) -> None:
    await tg.send(GROUP, LI, "幸福小区3号门路灯坏了")
    await tg.wait(GROUP["id"], 1, timeout=30)
    text = ""

    async def recorded() -> bool:  # the reply's "sent" is committed just after it arrives
        nonlocal text
        async with aiohttp.ClientSession() as http:
            async with http.get(f"http://127.0.0.1:{settings.metrics_port}/metrics") as r:
                assert r.status == 200
                text = await r.text()
        return _value(text, "sentinel_send_unrecorded_seconds_count") >= 1
    await until(recorded)
    assert _value(text, 'sentinel_updates_total{outcome="done"}') >= 1
    assert _value(text, 'sentinel_sends_total{outcome="sent"}') >= 1
    assert _value(text, "sentinel_scheduler_leader") == 1
    for name in ("sentinel_outbox_pending", "sentinel_outbox_oldest_seconds", "sentinel_dead_letters_open", "sentinel_dead_letters_total",
                 "sentinel_rate_limited_total", "sentinel_update_seconds_count"):
        _value(text, name)


def test_metrics_are_off_by_default() -> None:
    assert Settings(_env_file=None).metrics_port == 0  # type: ignore[call-arg]
