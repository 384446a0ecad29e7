"""Telegram's webhook, one receiver for every Telegram runtime (aiogram, python-telegram-bot).

Why one: what the webhook promises does not depend on the library that parses the update —
Telegram hears 200 only once the update is committed or dead-lettered (an update Telegram would
resend forever must not hold up the others), a request without the secret token is refused (401),
a body that is not a JSON object is a 400, and one update of a chat runs at a time across workers
(handlers/chat_isolation.py: why, and the order this gives together with Telegram's
one-update-per-chat-in-flight delivery). A chat still busy after the isolation's wait, or a process
stopping, answers 503: Telegram sends the update again.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from bot.config import Settings
from handlers.webhook_site import start_webhook_site
from handlers.chat_isolation import ChatBusy, chat_key, make_isolation, one_at_a_time

log = logging.getLogger(__name__)

Handle = Callable[[dict[str, Any]], Awaitable[bool]]  # raw update → handled (False: stopping)
SetWebhook = Callable[[str, str | None], Awaitable[Any]]  # (url, secret token) → the library's setWebhook


async def serve_webhook(settings: Settings, bot_id: int, handle: Handle, set_webhook: SetWebhook,
                        stop: asyncio.Event) -> None:
    """Serve `settings.webhook_path` on `webhook_host:webhook_port` until `stop`, after telling
    Telegram the URL (`set_webhook`); `handle` processes one raw update in its unit of work."""
    secret = settings.webhook_secret or None
    isolation = make_isolation(settings.redis_url, settings.redis_prefix)

    async def receive(request: web.Request) -> web.Response:
        if secret and request.headers.get("X-Telegram-Bot-Api-Secret-Token") != secret:
            return web.Response(status=401)
        try:
            raw = await request.json()
        except ValueError:
            raw = None
        if not isinstance(raw, dict):
            return web.Response(status=400)
        try:
            async with one_at_a_time(isolation, chat_key(bot_id, raw)):
                done = await handle(raw)
        except ChatBusy:
            log.warning("the chat of update %s stayed busy: answering 503 (Telegram resends)", raw.get("update_id"))
            return web.Response(status=503)
        return web.json_response({}) if done else web.Response(status=503)  # stopping: Telegram resends

    app = web.Application()
    app.router.add_post(settings.webhook_path, receive)
    runner = web.AppRunner(app)
    await runner.setup()
    await start_webhook_site(runner, settings)
    await set_webhook(settings.webhook_url, secret)
    try:
        await stop.wait()
    finally:
        await runner.cleanup()
        await isolation.close()
