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

from .params import Params, Upload
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
        reply: Params | None = None
        try:
            async with emu.http().post(hook.url, data=json.dumps(update), headers=headers,
                                       timeout=aiohttp.ClientTimeout(total=10)) as resp:
                if 200 <= resp.status < 300:
                    reply = await _read_reply(resp)
                else:
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
            if reply is not None:
                await _run_reply_method(emu, st, reply)
            continue
        hook.last_error_date = now()
        hook.last_error_message = error
        await asyncio.sleep(backoff)
        backoff = min(backoff * 2, BACKOFF_MAX)


async def _read_reply(resp: aiohttp.ClientResponse) -> Params | None:
    """Parse a webhook answer that carries a method call (JSON or aiogram's multipart)."""
    try:
        if resp.content_type == "application/json":
            data = await resp.json(content_type=None)
            return Params(data, {}) if isinstance(data, dict) else None
        if resp.content_type == "multipart/form-data":
            values: dict = {}
            files: dict[str, Upload] = {}
            reader = aiohttp.MultipartReader.from_response(resp)
            async for part in reader:
                if not isinstance(part, aiohttp.BodyPartReader) or part.name is None:
                    continue
                if part.filename is not None:
                    files[part.name] = Upload(part.filename, bytes(await part.read()),
                                              part.headers.get("Content-Type", "application/octet-stream"))
                else:
                    values[part.name] = await part.text()
            return Params(values, files)
    except (ValueError, aiohttp.ClientError):
        log.debug("unreadable webhook reply", exc_info=True)
    return None


async def _run_reply_method(emu: "Emulator", st: BotState, reply: Params) -> None:
    """Execute a Bot API call returned in the webhook response body."""
    name = reply.values.pop("method", None)
    if not isinstance(name, str):
        return
    try:
        await emu.call(st.token, name, reply)
    except Exception:  # the bot never sees this answer, like on Telegram
        log.debug("webhook reply method failed", exc_info=True)
