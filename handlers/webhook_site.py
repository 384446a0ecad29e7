"""The webhook's listening socket, for every platform's receiver (Telegram's and WeCom's)."""
from __future__ import annotations

from aiohttp import web

from bot.config import Settings
from bot.ops.errors import listening


async def start_webhook_site(runner: web.AppRunner, settings: Settings) -> None:
    """Listen on SENTINEL_WEBHOOK_HOST:SENTINEL_WEBHOOK_PORT for `runner`'s (set-up) app. When the
    bind fails the runner is cleaned up and the one-line error of `bot.ops.errors.listening`
    (naming those settings) is raised."""
    try:
        with listening(settings.webhook_host, settings.webhook_port, port_setting="SENTINEL_WEBHOOK_PORT",
                       host_setting="SENTINEL_WEBHOOK_HOST"):
            await web.TCPSite(runner, settings.webhook_host, settings.webhook_port).start()
    except BaseException:
        await runner.cleanup()
        raise
