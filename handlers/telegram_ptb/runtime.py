"""Receiving Telegram's updates with python-telegram-bot (`sentinel run --runtime ptb`).

A PTB `Application` holds one `TypeHandler` for `telegram.Update`: it turns the update into the
chat layer's event (convert.py) and feeds it to the same `ChatDispatcher` the aiogram runtime
uses, inside the update's unit of work (handlers/updates.py). PTB's own Updater is not used:
its polling confirms an update to Telegram when the next batch is fetched, and its webhook
answers 200 before the update is handled; here, as with aiogram, an update is confirmed only
once it is committed or dead-lettered (the shared poller, handlers/polling.py, and a webhook
that answers after the commit). Sending is the outbox sender's, on python-telegram-bot's Bot too
(transport.py): this runtime never imports aiogram.
"""
from __future__ import annotations

import asyncio
import contextvars
import logging
import warnings
from dataclasses import dataclass
from typing import Any

import telegram
from telegram.ext import Application, ContextTypes, TypeHandler
from telegram.warnings import PTBUserWarning

from bot.app import Core
from bot.config import Settings
from handlers import polling
from handlers.chat import ChatDispatcher, build_routes
from handlers.deadletter import dead_letter
from handlers.telegram_ptb.convert import PtbPort, events
from handlers.telegram_ptb.transport import retry_after
from handlers.telegram_webhook import serve_webhook
from handlers.updates import once
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)


@dataclass
class _Job:
    """What the TypeHandler needs beside the update: its raw JSON, the poller's batch, and where
    to leave an error (PTB hands handler errors to error handlers; the poller must see them)."""
    raw: dict[str, Any]
    batch: UnitOfWork | None
    error: BaseException | None = None


_JOB: contextvars.ContextVar[_Job] = contextvars.ContextVar("ptb_job")


def build_application(settings: Settings) -> Application[Any, Any, Any, Any, Any, Any]:
    """A PTB Application on the configured Bot API server, without PTB's Updater (we poll)."""
    base = settings.api_base.rstrip("/")
    return (Application.builder().token(settings.bot_token).base_url(f"{base}/bot")
            .base_file_url(f"{base}/file/bot").updater(None).build())


class PtbSource:
    """python-telegram-bot's part of the confirming poll (handlers.polling.UpdateSource), and the
    handler of each update."""

    library = "python-telegram-bot"

    def __init__(self, app: Application[Any, Any, Any, Any, Any, Any], core: Core, settings: Settings,
                 sending: telegram.Bot) -> None:
        self.app, self.core, self.settings, self.sending = app, core, settings, sending
        self.chat = ChatDispatcher(build_routes(), settings.default_lang, core.services())
        app.add_handler(TypeHandler(telegram.Update, self._on_update))

    async def fetch(self, offset: int | None, timeout: int) -> list[dict[str, Any]]:
        try:
            raws = await self._raw_updates({"offset": offset, "timeout": timeout}, timeout + 10)
        except telegram.error.RetryAfter as e:
            raise polling.RetryAfter(retry_after(e)) from e
        except telegram.error.Conflict as e:
            raise polling.Conflict(str(e)) from e
        return [r for r in raws or [] if isinstance(r, dict)]

    async def confirm(self, offset: int) -> None:
        await self._raw_updates({"offset": offset, "timeout": 0, "limit": 1}, 10)

    async def _raw_updates(self, params: dict[str, Any], read_timeout: float) -> Any:
        """getUpdates as raw JSON on purpose: each update is parsed alone, so one PTB cannot read
        is dead-lettered without holding up the batch (PTB would rather we called Bot.get_updates)."""
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Please use 'Bot.get_updates'", category=PTBUserWarning)
            return await self.app.bot.do_api_request("get_updates", api_kwargs=params, read_timeout=read_timeout)

    def parse(self, raw: dict[str, Any]) -> telegram.Update | None:
        try:
            return telegram.Update.de_json(raw, self.app.bot)
        except Exception:
            return None

    async def feed(self, update: object, raw: dict[str, Any], batch: UnitOfWork | None) -> None:
        job = _Job(raw, batch)
        token = _JOB.set(job)
        try:
            await self.app.process_update(update)
        finally:
            _JOB.reset(token)
        if job.error is not None:
            raise job.error

    async def dead_letter(self, raw: dict[str, Any], error: BaseException | str, attempts: int) -> None:
        await dead_letter(self.core.uow, self.sending, raw, error, attempts=attempts,
                          default_lang=self.settings.default_lang)

    async def _on_update(self, update: telegram.Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        job = _JOB.get()
        try:
            await self._handle(update, job)
        except Exception as e:  # the poller decides: retry, or dead-letter
            job.error = e

    async def _handle(self, update: telegram.Update, job: _Job) -> None:
        event = events(update, self.app.bot.id)
        port = PtbPort(self.app.bot)

        async def run(uow: UnitOfWork) -> None:
            if event is not None:
                await self.chat.feed(event, uow, port)

        async def give_up(error: BaseException) -> None:
            await self.dead_letter(job.raw, error, 1)
        await once(self.core.uow, update.update_id, run, give_up, batch=job.batch)


async def receive(bot: telegram.Bot, core: Core, settings: Settings, stop: asyncio.Event, webhook: bool) -> None:
    """Updates from Telegram through python-telegram-bot until `stop`: long polling, or a webhook."""
    app = build_application(settings)
    source = PtbSource(app, core, settings, bot)
    async with app:  # initialize (getMe) and shut down
        if webhook:
            await _serve_webhook(app, source, settings, stop)
        else:
            await app.bot.delete_webhook(drop_pending_updates=False)
            await polling.poll(source, core.uow, stop, settings.poll_timeout, core.sends_settled)


async def _serve_webhook(app: Application[Any, Any, Any, Any, Any, Any], source: PtbSource, settings: Settings,
                         stop: asyncio.Event) -> None:
    """The shared webhook (handlers/telegram_webhook.py) with python-telegram-bot parsing the updates."""
    async def handle(raw: dict[str, Any]) -> bool:
        return await polling.handle_one(source, source.parse(raw), raw, stop, source.core.sends_settled)

    async def set_webhook(url: str, secret: str | None) -> None:
        await app.bot.set_webhook(url, secret_token=secret)

    await serve_webhook(settings, app.bot.id, handle, set_webhook, stop)
