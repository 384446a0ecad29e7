"""``python -m emulator`` / ``sentinel emulator``: run the emulator until a signal."""

from __future__ import annotations

import argparse
import asyncio
import signal

from .config import DEFAULT_TOKEN, EmulatorConfig
from .server import Emulator


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="emulator", description="Local Telegram Bot API emulator")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8081)
    p.add_argument("--no-limits", action="store_true", help="disable flood limits")
    p.add_argument("--global-per-sec", type=int, default=30)
    p.add_argument("--group-per-min", type=int, default=20)
    p.add_argument("--private-per-sec", type=int, default=1)
    p.add_argument("--latency-ms", type=int, default=0)
    return p


async def _serve(args: argparse.Namespace) -> None:
    emu = Emulator(EmulatorConfig(limits=not args.no_limits, global_per_sec=args.global_per_sec,
                                  group_per_min=args.group_per_min,
                                  private_per_sec=args.private_per_sec,
                                  latency_ms=args.latency_ms))
    await emu.start(args.host, args.port)
    print(f"Telegram Bot API emulator on {emu.base_url}  token {DEFAULT_TOKEN}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):  # non-main thread / Windows
            pass
    try:
        await stop.wait()
    finally:
        await emu.stop()


def main(argv: list[str] | None = None) -> None:
    """Blocking entry point; returns after SIGINT/SIGTERM."""
    args = _parser().parse_args(argv)
    try:
        asyncio.run(_serve(args))
    except KeyboardInterrupt:
        pass
