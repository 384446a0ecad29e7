"""``python -m emulator`` / ``sentinel emulator``: run the emulator until a signal."""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from typing import NoReturn

from .config import DEFAULT_TOKEN, EmulatorConfig


def port_number(text: str) -> int:
    """An argparse type for a TCP port (0: a free one), shared by every command that listens."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"port {port} is out of range (1-65535, or 0 for a free one)")
    return port


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The emulator's flags: shared by ``python -m emulator`` and ``sentinel emulator``."""
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=port_number, default=8081)
    p.add_argument("--no-limits", action="store_true", help="disable flood limits")
    p.add_argument("--global-per-sec", type=int, default=30)
    p.add_argument("--group-per-min", type=int, default=20)
    p.add_argument("--private-per-sec", type=int, default=1)
    p.add_argument("--latency-ms", type=int, default=0)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, like `sentinel`
        self.exit(2, f"{self.prog}: {message} (see `{self.prog} --help`)\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="emulator", description="Local Telegram Bot API emulator")
    add_arguments(p)
    return p


async def _serve(args: argparse.Namespace) -> None:
    from .server import Emulator  # aiohttp's server: loaded only to serve (the CLI's parser imports this module)
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


def serve(args: argparse.Namespace) -> int:
    """Blocking: serves until SIGINT/SIGTERM. A port in use raises OSError (the caller explains it)."""
    try:
        asyncio.run(_serve(args))
    except KeyboardInterrupt:
        pass
    return 0


def main(argv: list[str] | None = None) -> int:
    """Blocking entry point; returns after SIGINT/SIGTERM (1 with one line on stderr if it cannot listen)."""
    args = _parser().parse_args(argv)
    try:
        return serve(args)
    except OSError as e:
        print(f"emulator: cannot listen on {args.host}:{args.port}: {e.strerror or e}", file=sys.stderr)
        return 1
