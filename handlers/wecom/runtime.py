"""Running the bot on WeCom (`sentinel run --platform wecom`, SENTINEL_PLATFORM=wecom).

An aiohttp app serves the self-built app's callback URL (private chats, `/wecom/app`) and the AI
bot's (groups, `/wecom/aibot`) — docs/wecom.md says why both. Each callback becomes the chat layer's
neutral event (handlers/wecom/callback.py) and is fed to the same `ChatDispatcher` the Telegram
runtimes use, inside the update's unit of work (`handlers.updates.once`): WeCom hears 200 only after
the commit, a retry of a delivery (same msgid) is skipped by the core's processed-update check, and
an event no retry can fix is dead-lettered and answered 200 so WeCom stops retrying. One event of a
chat at a time (handlers/chat_isolation.py), as with Telegram's webhooks.

Sending stays with the one outbox sender, on the WeCom transport (handlers/wecom/transport.py) and
WeCom's own chats, limits and pace (handlers/wecom/limits.py). A button's answer — a toast on
Telegram — is a private message to the presser through the app: WeCom has no toast.
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from dataclasses import replace
from collections.abc import Callable
from typing import Any

import aiohttp
from aiohttp import web

from bot import metrics
from bot.app import Core
from bot.commandtext import normalize_command
from bot.config import Settings
from bot.domain import PRIORITY_CONVERSATION, IncomingMessage, Notice
from bot.events import ButtonPress, ChatEvent
from bot.intake import prefetch
from bot.intake.lang import written_language
from bot.outbox import EDIT, Outgoing, enqueue
from bot.services.broadcasts import Body
from bot.services.people import reply_lang
from handlers import (render_admin, render_broadcasts, render_checkins, render_closing,  # noqa: F401  (their kinds)
                      render_deliberation, render_lessons, render_points, render_telegram, render_voice)
from handlers.chat import ChatDispatcher, build_routes
from handlers.chat_isolation import ChatKey, make_isolation, one_at_a_time
from handlers.render import esc, render
from handlers.deadletter import NOTICE, describe
from handlers.updates import once
from handlers.webhook_site import start_webhook_site
from handlers.wecom.callback import CallbackKeys, ReplyBook, WeComCallback
from handlers.wecom.cards import CardBook, CardPress
from handlers.wecom.client import WeComClient, text
from handlers.wecom.errors import BUSY, RETRY_AFTER, WeComError
from handlers.wecom.ids import PLATFORM, IdBook, StoredIds
from handlers.wecom.limits import WECOM, clip
from handlers.wecom.prompts import PromptBook
from handlers.wecom.transport import WeComTransport
from storage.models import OutboxMessage
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)
APP_PATH, AIBOT_PATH = "/wecom/app", "/wecom/aibot"


class WeComPort:
    """The chat layer's ChatPort on WeCom."""

    def __init__(self, client: WeComClient, ids: IdBook | None = None) -> None:
        self.client, self.ids = client, ids

    def identity(self, incoming: IncomingMessage) -> tuple[str, str]:
        """/link's platform and external id: the member's userid (callback.py keeps it as username)."""
        return PLATFORM, str(incoming.sender.username or "")

    def linked(self, userid: str) -> None:
        """The member was just joined to another identity: look them up again (their person changed)."""
        if self.ids is not None:
            self.ids.forget(userid)

    async def username(self) -> str | None:
        return None  # WeCom has no `/cmd@bot` addressing: every command in a callback is ours

    async def download(self, file_id: str) -> bytes:
        return await self.client.download_media(file_id)

    def body(self, message: IncomingMessage, skip: int = 0) -> Body | None:
        """WeCom's text carries no formatting we keep: the text escaped, and its photo."""
        body = message.text[skip:].strip()
        if not body and message.photo_file_id is None:
            return None
        return Body(html=esc(body, len(body) + 1), photo=message.photo_file_id,
                    length=len(body.encode()) // 3 if body else 0, limit=WECOM.max_text)


class WeComReceiver:
    """The callback routes and the handling of each event."""

    def __init__(self, core: Core, settings: Settings, client: WeComClient, ids: IdBook,
                 replies: ReplyBook, cards: CardBook, prompts: PromptBook | None = None,
                 decision_of: Callable[[Outgoing], str] | None = None) -> None:
        w = settings.wecom
        self.decision_of = decision_of  # a settling edit's label (WeComTransport.decision_of); None: the sender's
        self.core, self.settings, self.client, self.ids = core, settings, client, ids
        self.prompts = prompts or PromptBook()
        self.titles: dict[int, str | None] = {}  # a group's name, from appchat/get
        self.names: dict[int, str | None] = {}  # a member's name, from user/get
        self.chat = ChatDispatcher(build_routes(), settings.default_lang, core.services())
        self.port = WeComPort(client, ids)
        self.isolation = make_isolation(settings.redis_url, settings.redis_prefix)
        self.callback = WeComCallback(
            self.handle, ids=ids, replies=replies, cards=cards, images=self._keep_image,
            app=CallbackKeys(w.app_token, w.app_aes_key, w.corp_id) if w.app_token else None,
            aibot=CallbackKeys(w.aibot_token, w.aibot_aes_key, "") if w.aibot_token else None)

    async def _keep_image(self, url: str, aeskey: str) -> str:
        """An AI bot's photo (a group's mixed message) kept as the app's own media, so it is a
        media_id as a private photo is: downloaded, decrypted, and uploaded (media/upload)."""
        data = await self.client.download_encrypted(url, aeskey)
        return await self.client.upload_media("image", "photo.jpg", data, "image/jpeg")

    def app(self) -> web.Application:
        app = web.Application()
        self.callback.add_routes(app, APP_PATH, AIBOT_PATH)
        return app

    def _answerer(self, person: int) -> Any:
        """A press's answer: WeCom has no toast. An alert (a refusal, a quiz's feedback) reaches the
        presser alone in their private chat; a passing toast is left unsaid (the card's update says it)."""
        async def answer(words: str, alert: bool) -> None:
            if not alert:
                return
            kind, userid = await self.ids.target(person)
            if kind == "user":
                await self.client.send_to_user(userid, *text(clip(words)))
        return answer

    @staticmethod
    def _lang(event: ChatEvent) -> ChatEvent:
        """WeCom tells no member's language (Telegram's language_code): a member's language is the one
        their last text was written in, until they choose with /lang. A text (no command) carries the
        language it is written in, which registering the member stores as their language_code; a
        command, an empty message, a text of no words (emoji only: not English) or a press
        carries none, and bot.services.people.reply_lang answers
        it in that stored language — the default before they wrote any text. No lookup here: the
        update's own unit of work reads the member anyway."""
        if isinstance(event, IncomingMessage) and normalize_command(event.text) is None:
            written = written_language(event.text)
            if written:
                return replace(event, sender=replace(event.sender, language_code=written))
        return event

    def _answering(self, event: ChatEvent) -> tuple[ChatEvent, int | None]:
        """A member's plain text in their private chat while a prompt is the bot's last word there:
        the reply to it (WeCom has no replies; handlers/wecom/prompts.py)."""
        if not isinstance(event, IncomingMessage) or not event.is_private or event.reply_to_id is not None:
            return event, None
        text = event.text.strip()
        prompt = self.prompts.open(event.chat_id) if text and not text.startswith("/") else None
        if prompt is None:
            return event, None
        return replace(event, reply_to_bot=True, reply_to_id=prompt), prompt

    async def _titled(self, event: ChatEvent) -> ChatEvent:
        """A group message's chat title: the callbacks carry none, but a group the app made has a name
        (appchat/get), asked once per group; a group it did not make stays untitled."""
        if not isinstance(event, IncomingMessage) or event.is_private or event.chat_title:
            return event
        if event.chat_id not in self.titles:
            try:
                kind, chatid = await self.ids.target(event.chat_id)
                self.titles[event.chat_id] = await self.client.group_name(chatid) if kind == "group" else None
            except (KeyError, WeComError):
                self.titles[event.chat_id] = None
            except (aiohttp.ClientError, asyncio.TimeoutError):
                return event  # asked again with the next message
        title = self.titles[event.chat_id]
        return replace(event, chat_title=title) if title else event

    async def _named(self, event: ChatEvent) -> ChatEvent:
        """The sender's name: the callbacks carry only their userid, which the bot showed where
        Telegram shows a name (the riders a group notice names, /top, "已由…处理"); the directory's
        name (user/get), asked once per member and process; the userid while it gives none."""
        if not isinstance(event, IncomingMessage | ButtonPress):
            return event
        sender = event.sender
        if sender.id not in self.names:
            try:
                self.names[sender.id] = await self.client.user_name(sender.username or "")
            except WeComError as e:
                if e.errcode == BUSY or e.errcode in RETRY_AFTER:
                    return event  # busy, or over a quota: asked again with the next message
                self.names[sender.id] = None  # no such member, no right to read the directory
            except (aiohttp.ClientError, asyncio.TimeoutError):
                return event  # asked again with the next message
        name = self.names[sender.id]
        return replace(event, sender=replace(sender, first_name=name)) if name else event

    def _settling(self, press: ButtonPress, uow: UnitOfWork) -> None:
        """A press on a group's card that queued the edit settling the card: the callback's reply
        waits for that decision (handlers/wecom/cards.py); a press settling nothing is answered at once.

        The decision is known once the press commits (`decision_of` renders the queued edit): the
        reply must not wait for the sender, which may hold the edit behind a busy group's pacing
        past WeCom's 5 s (the card then kept its buttons)."""
        if not isinstance(press.source, CardPress) or press.message_id is None:
            return
        task_id = press.source.task_id
        for values, _ in uow.deferred.queued(OutboxMessage):
            payload = values.get("payload") or {}
            if payload.get(EDIT) != press.message_id:
                continue
            self.callback.cards.settling(task_id)
            if self.decision_of is not None:
                label = self.decision_of(Outgoing(0, values["chat_id"], values["kind"], values["lang"], payload, None))

                async def decided(label: str = label) -> None:
                    self.callback.cards.decide(task_id, label)
                uow.after_commit(decided)
            return

    async def handle(self, event: ChatEvent, delivery: int) -> None:
        event, prompt = self._answering(self._lang(await self._titled(await self._named(event))))
        if isinstance(event, ButtonPress):
            event = replace(event, answer_with=self._answerer(event.sender.id))
        chat = getattr(event, "chat_id", None)
        key = ChatKey(bot_id=self.settings.wecom.agent_id or 0, chat_id=chat) if chat else None

        async def run(uow: UnitOfWork) -> None:
            await self.chat.feed(event, uow, self.port)
            if isinstance(event, ButtonPress):
                self._settling(event, uow)

        async def give_up(error: BaseException) -> None:
            await dead_letter(self.core, event, delivery, error, self.settings.default_lang)
        if isinstance(event, IncomingMessage):  # the intake's embedding before the unit of work opens
            await prefetch([event.text])
        async with one_at_a_time(self.isolation, key):  # ChatBusy: 500, and WeCom delivers it again
            await once(self.core.uow, delivery, run, give_up)
        if prompt is not None and chat is not None:
            self.prompts.answered(chat, prompt)


def _raw(event: ChatEvent) -> dict[str, Any]:
    """What the dead letter keeps of an event WeCom sent (its neutral form: the body is encrypted)."""
    if isinstance(event, ButtonPress):
        return {"press": {"chat_id": event.chat_id, "from": event.sender.id, "key": event.raw_data}}
    if isinstance(event, IncomingMessage):
        return {"message": {"chat_id": event.chat_id, "message_id": event.message_id, "from": event.sender.id,
                            "text": event.text}}
    return {"event": type(event).__name__}


async def dead_letter(core: Core, event: ChatEvent, delivery: int, error: BaseException | str,
                      default_lang: str) -> None:
    """Store the event as dead, mark its delivery processed (WeCom is answered 200 and stops
    retrying), and tell the sender of a message that it was recorded."""
    metrics.DEAD_LETTERED.inc()
    log.error("wecom delivery %s dead-lettered: %s", delivery, describe(error))
    async with core.uow() as uow:
        if await uow.updates.seen(delivery):
            return
        uow.deadletters.add(delivery, json.dumps(_raw(event), ensure_ascii=False, default=str), describe(error), 1)
        uow.updates.mark(delivery)
        if isinstance(event, IncomingMessage):
            lang = reply_lang(await uow.users.get(event.sender.id), event.sender.language_code, event.text,
                              default_lang)
            enqueue(uow, Notice(event.chat_id, NOTICE, lang, reply_to=event.message_id,
                                priority=PRIORITY_CONVERSATION))
        await uow.commit()


def make_client(settings: Settings) -> WeComClient:
    w = settings.wecom
    return WeComClient(w.corp_id, w.app_secret, w.agent_id or 0, base_url=w.api_base)


async def run_wecom(settings: Settings, *, stop: asyncio.Event, ready: Any = None) -> None:
    """Serve WeCom's callbacks until `stop`; the outbox's sender on the WeCom transport beside them."""
    if not settings.wecom.configured:
        raise ValueError("WeCom is not configured: set SENTINEL_WECOM__CORP_ID and the rest (docs/wecom.md)")
    core = await Core.open(settings)
    client = make_client(settings)
    ids = IdBook(StoredIds(core.uow))
    replies, cards, prompts = ReplyBook(), CardBook(), PromptBook()
    transport = WeComTransport(client, ids, replies, render, cards, prompts)
    sender = core.attach(transport)
    receiver = WeComReceiver(core, settings, client, ids, replies, cards, prompts, transport.decision_of)
    runner = web.AppRunner(receiver.app())
    await runner.setup()
    try:
        await start_webhook_site(runner, settings)
    except BaseException:
        await client.close()
        await core.close()
        raise
    if ready is not None:
        ready(core)
    core.start_jobs()
    lease_task = asyncio.create_task(core.keep_leading(stop), name="scheduler-lease")
    sender_task = asyncio.create_task(sender.run(), name="outbox-sender")
    log.info("WeCom callbacks on %s:%s (%s, %s)", settings.webhook_host, settings.webhook_port, APP_PATH, AIBOT_PATH)
    try:
        await stop.wait()
    finally:
        await runner.cleanup()  # in-flight callbacks finish first
        from handlers.runtime import DRAIN_ON_STOP, _drained
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(_drained(core), DRAIN_ON_STOP)
        lease_task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await lease_task
        core.stop_jobs()
        sender.stop()
        await sender_task
        await client.close()
        await core.close()
