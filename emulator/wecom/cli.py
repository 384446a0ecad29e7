"""``python -m emulator.wecom``: run the WeCom emulator until a signal, printing what the bot needs."""
from __future__ import annotations

import argparse
import asyncio
import signal
import sys

from emulator.cli import port_number

from .server import WeComConfig, WeComEmulator


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="emulator.wecom", description="Local WeCom (企业微信) server API emulator")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=port_number, default=8082)
    p.add_argument("--app-callback", help="the bot's app callback URL (XML)")
    p.add_argument("--aibot-callback", help="the bot's AI bot callback URL (JSON)")
    p.add_argument("--limits", action="store_true", help="drop a member's messages beyond 30 a minute, as WeCom does")
    return p


async def _serve(args: argparse.Namespace) -> None:
    emu = WeComEmulator(WeComConfig(app_callback_url=args.app_callback, aibot_callback_url=args.aibot_callback,
                                    limits=args.limits))
    await emu.start(args.host, args.port)
    c = emu.config
    print(f"WeCom emulator on {emu.base_url}  corp_id {c.corp_id}  secret {c.corp_secret}  agent {c.agent_id}  "
          f"token {c.token}  aes_key {c.encoding_aes_key}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):
            pass
    try:
        await stop.wait()
    finally:
        await emu.stop()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        asyncio.run(_serve(args))
    except KeyboardInterrupt:
        pass
    except OSError as e:
        print(f"emulator.wecom: cannot listen on {args.host}:{args.port}: {e.strerror or e}", file=sys.stderr)
        return 1
    return 0
