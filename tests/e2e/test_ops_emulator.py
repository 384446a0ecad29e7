"""The emulator as an operator meets it: Chinese shown as Chinese, the same flags under both names,
and the webhook served on the path SENTINEL_WEBHOOK_PATH names."""
from __future__ import annotations

import argparse
import socket

import aiohttp

from bot.cli import build_parser
from emulator import Emulator
from emulator.cli import _parser as emulator_parser
from tests.conftest import GROUP, LI, RunningBot


def _options(parser: argparse.ArgumentParser) -> dict[str, object]:
    return {a.dest: (tuple(a.option_strings), a.default, a.type) for a in parser._actions
            if a.option_strings and a.dest != "help"}


def test_sentinel_emulator_and_python_m_emulator_take_the_same_flags() -> None:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert _options(sub.choices["emulator"]) == _options(emulator_parser())
    args = sub.choices["emulator"].parse_args(["--port", "0", "--latency-ms", "5", "--group-per-min", "3"])
    assert (args.port, args.latency_ms, args.group_per_min) == (0, 5, 3)


async def test_control_api_json_shows_chinese_as_chinese(emu: Emulator, tg) -> None:
    await tg.send(GROUP, LI, "中午吃啥")
    async with aiohttp.ClientSession() as http:
        async with http.get(f"{emu.base_url}/_emu/updates", params={"chat_id": str(GROUP["id"])}) as r:
            raw = await r.text()
        async with http.get(f"{emu.base_url}/_emu/stats") as r:
            assert r.status == 200
    assert "中午吃啥" in raw and "\\u" not in raw


async def test_webhook_served_on_the_configured_path(settings, tg) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    hooked = settings.model_copy(update={"webhook_url": f"http://127.0.0.1:{port}/tg/hook-7f3a",
                                         "webhook_path": "/tg/hook-7f3a", "webhook_port": port})
    bot = RunningBot(hooked, tg)
    await bot.start(webhook=True)
    try:
        await tg.send(GROUP, LI, "幸福小区3号门的路灯坏了")
        [reply] = await tg.wait(GROUP["id"], 1)
        assert "C-000001" in reply["text"]
        async with aiohttp.ClientSession() as http:  # the old fixed path is not served any more
            async with http.post(f"http://127.0.0.1:{port}/webhook", json={}) as r:
                assert r.status == 404
    finally:
        await bot.stop()
