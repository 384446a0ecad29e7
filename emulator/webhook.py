"""Webhook delivery: POST pending updates to the bot one at a time, in order.

An update is dropped only after a 2xx answer; failures are retried with a short
exponential backoff and reported through getWebhookInfo.last_error_*.  A JSON
body with a "method" field is executed as a Bot API call, as Telegram does.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import TYPE_CHECKING

import aiohttp

from .state import BotState, now

if TYPE_CHECKING:
    from .server import Emulator

log = logging.getLogger(__name__)
BACKOFF_START = 0.05
BACKOFF_MAX = 2.0


def start_webhook(emu: "Emulator", st: BotState) -> None:
    stop_webhook(st)
    st.webhook_task = asyncio.create_task(_deliver_loop(emu, st), name=f"webhook-{st.bot_id}")


def stop_webhook(st: BotState) -> None:
    if st.webhook_task is not None:
        st.webhook_task.cancel()
        st.webhook_task = None


async def _deliver_loop(emu: "Emulator", st: BotState) -> None:
    backoff = BACKOFF_START
    while st.webhook is not None:
        wake = st.update_signal.event()
        if not st.updates:
            await wake.wait()
            continue
        hook = st.webhook
        update = st.updates[0]
        headers = {"Content-Type": "application/json"}
        if hook.secret_token:
            headers["X-Telegram-Bot-Api-Secret-Token"] = hook.secret_token
        error: str | None = None
        body = b""
        try:
            async with emu.http().post(hook.url, data=json.dumps(update), headers=headers,
                                       timeout=aiohttp.ClientTimeout(total=10)) as resp:
                body = await resp.read()
                if not 200 <= resp.status < 300:
                    error = f"Wrong response from the webhook: {resp.status} {resp.reason}"
        except asyncio.CancelledError:
            raise
        except asyncio.TimeoutError:
            error = "Read timeout expired"
        except aiohttp.ClientConnectorError:
            error = "Connection refused"
        except aiohttp.ClientError as exc:
            error = f"Failed to deliver: {exc.__class__.__name__}"
        if error is None:
            if st.updates and st.updates[0] is update:
                st.updates.pop(0)
            backoff = BACKOFF_START
            await _run_reply_method(emu, st, body)
            continue
        hook.last_error_date = now()
        hook.last_error_message = error
        await asyncio.sleep(backoff)
        backoff = min(backoff * 2, BACKOFF_MAX)


async def _run_reply_method(emu: "Emulator", st: BotState, body: bytes) -> None:
    """Execute a Bot API call returned in the webhook response body."""
    if not body:
        return
    try:
        payload = json.loads(body)
    except ValueError:
        return
    if isinstance(payload, dict) and isinstance(payload.get("method"), str):
        params = {k: v for k, v in payload.items() if k != "method"}
        try:
            await emu.call(st.token, payload["method"], params)
        except Exception:  # the bot never sees this answer, like on Telegram
            log.debug("webhook reply method failed", exc_info=True)
