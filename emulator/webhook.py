"""Webhook delivery: POST pending updates to the bot, a chat's one at a time and in order.

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
from .state import BotState, WebhookState, now

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


def _chat_of(update: dict) -> object:
    """The queue an update waits in: its chat (a button press: the pressed message's chat, else the
    presser), as Telegram's Bot API server keeps one webhook queue per chat; else its own."""
    for kind, part in update.items():
        if not isinstance(part, dict):
            continue
        if isinstance(part.get("chat"), dict):
            return part["chat"].get("id")
        if kind == "callback_query":
            message = part.get("message")
            if isinstance(message, dict) and isinstance(message.get("chat"), dict):
                return message["chat"].get("id")
        if isinstance(part.get("from"), dict):
            return part["from"].get("id")
    return ("update", update.get("update_id"))


async def _deliver_loop(emu: "Emulator", st: BotState) -> None:
    """Up to max_connections updates in flight, one per chat: a chat's next update goes out only
    once the previous one was answered 2xx (so a chat's updates arrive in order, whichever worker
    behind a load balancer takes each one), while other chats go on in parallel."""
    busy: dict[object, asyncio.Task] = {}  # chat -> its delivery in flight (or backing off)
    backoff: dict[object, float] = {}
    try:
        await _schedule(emu, st, busy, backoff)
    finally:  # the webhook was deleted or replaced: its deliveries in flight stop too
        for task in list(busy.values()):
            task.cancel()


async def _schedule(emu: "Emulator", st: BotState, busy: dict[object, asyncio.Task], backoff: dict) -> None:
    while st.webhook is not None:
        wake = st.update_signal.event()
        hook = st.webhook
        started = False
        held: set[object] = set(busy)
        for update in list(st.updates):
            if len(busy) >= max(1, hook.max_connections):
                break
            chat = _chat_of(update)
            if chat in held:
                continue  # an earlier update of this chat is still out: this one waits behind it
            held.add(chat)
            busy[chat] = asyncio.create_task(_deliver_one(emu, st, hook, update, chat, busy, backoff))
            started = True
        if not started:
            await wake.wait()


async def _deliver_one(emu: "Emulator", st: BotState, hook: "WebhookState", update: dict, chat: object,
                       busy: dict, backoff: dict) -> None:
    headers = {"Content-Type": "application/json"}
    if hook.secret_token:
        headers["X-Telegram-Bot-Api-Secret-Token"] = hook.secret_token
    error: str | None = None
    reply: Params | None = None
    try:
        try:
            async with emu.http().post(hook.url, data=json.dumps(update), headers=headers,
                                       timeout=aiohttp.ClientTimeout(total=10)) as resp:
                if 200 <= resp.status < 300:
                    reply = await _read_reply(resp)
                else:
                    error = f"Wrong response from the webhook: {resp.status} {resp.reason}"
        except asyncio.TimeoutError:
            error = "Read timeout expired"
        except aiohttp.ClientConnectorError:
            error = "Connection refused"
        except aiohttp.ClientError as exc:
            error = f"Failed to deliver: {exc.__class__.__name__}"
        if error is None:
            for i, pending in enumerate(st.updates):
                if pending is update:
                    del st.updates[i]
                    break
            backoff.pop(chat, None)
            if reply is not None:
                await _run_reply_method(emu, st, reply)
            return
        hook.last_error_date = now()
        hook.last_error_message = error
        delay = backoff.get(chat, BACKOFF_START)
        backoff[chat] = min(delay * 2, BACKOFF_MAX)
        await asyncio.sleep(delay)
    finally:
        busy.pop(chat, None)
        st.update_signal.notify()  # the loop looks again: this chat's next update may go


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
