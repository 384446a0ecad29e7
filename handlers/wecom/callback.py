"""The WeCom callback route: verify, decrypt, parse, and hand the bot neutral events.

Two callers reach it, each with its own URL and keys:
- the self-built app (自建应用 · 接收消息): XML, encrypted with the corp id as receive id — a member's
  private message to the app (text, photo, voice, location) and template-card button presses;
- the AI bot (智能机器人 · API mode): JSON ``{"encrypt": ...}``, encrypted with an empty receive id
  — a group member's message that @-mentions the bot (and private ones), and its card presses.

Both use WeCom's one scheme (msg_signature = SHA-1 over token, timestamp, nonce and ciphertext;
AES-256-CBC with the EncodingAESKey; PKCS#7 to 32 bytes), done by wechatpy's WeChatCrypto, and the
app's XML is parsed by wechatpy's parser. A bad signature answers 403, a body that does not decrypt
or parse 400; otherwise the handler is awaited and only then 200 is answered, so WeCom — which
retries a callback not answered within 5 s, three times — redelivers what the bot did not take in
(the handler must be idempotent by message id, as it is for Telegram's redelivered updates).
GET is the URL check WeCom makes when the URL is saved: the echostr's plaintext is answered.
"""
from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import re
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Any
from xml.parsers.expat import ExpatError

import aiohttp
from aiohttp import web
from wechatpy.crypto import PrpCrypto
from wechatpy.enterprise import parse_message
from wechatpy.enterprise.crypto import WeChatCrypto
from wechatpy.exceptions import InvalidSignatureException
from wechatpy.messages import UnknownMessage

from bot.buttons import decode
from bot.domain import IncomingMessage, Person, VoiceClip
from bot.events import ButtonPress, ChatEvent
from handlers.wecom.cards import CardBook, CardPress
from handlers.wecom.errors import WeComError
from handlers.wecom.ids import IdBook, message_number

log = logging.getLogger(__name__)
# The event and its delivery's number: the same for every retry of one delivery (WeCom's msgid when
# it gives one), so the core's processed-update check (handlers/updates.py) skips a redelivery.
Handler = Callable[[ChatEvent, int], Awaitable[None]]
# An AI bot message's image (its URL and aeskey) fetched and kept where a private photo is: its media_id.
ImageFetcher = Callable[[str, str], Awaitable[str]]
_DELIVERY_BASE = 1 << 53  # delivery numbers live in [2^53, 2^62): above every Telegram update id
_MENTION = re.compile(r"^\s*@\S+\s*")
RESPONSE_URL_TTL = 3600.0  # an AI bot's response_url serves one call within an hour
CARD_REPLY_WITHIN = 4.0  # WeCom waits 5 s for a callback's reply: a card's update must be in it
DONE_TTL = 600.0  # how long a delivery taken in is remembered (WeCom's retries come within seconds)


@dataclass(frozen=True, slots=True)
class CallbackKeys:
    token: str
    encoding_aes_key: str
    receive_id: str  # the corp id for an app, "" for an AI bot

    def crypto(self) -> WeChatCrypto:
        return WeChatCrypto(self.token, self.encoding_aes_key, self.receive_id)


class ReplyBook:
    """The AI bot's response_url of each message it was given, for the one answer it allows
    (the outbox's reply to that message); taken once, forgotten after an hour. With it, who wrote
    the message (their userid): a choice too long for the one card a response_url takes goes to
    them privately (handlers/wecom/transport.py)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._urls: dict[tuple[int, int], tuple[str, float, str | None]] = {}
        self._clock = clock

    def keep(self, chat_id: int, message_id: int, url: str, asker: str | None = None) -> None:
        now = self._clock()
        self._urls = {k: v for k, v in self._urls.items() if v[1] > now}
        self._urls[(chat_id, message_id)] = (url, now + RESPONSE_URL_TTL, asker)

    def asker(self, chat_id: int, message_id: int) -> str | None:
        """Who wrote the message, while its response_url is still unused and valid (not taken)."""
        _, expires, asker = self._urls.get((chat_id, message_id), ("", 0.0, None))
        return asker if expires > self._clock() else None

    def take(self, chat_id: int, message_id: int) -> str | None:
        url, expires, _ = self._urls.pop((chat_id, message_id), ("", 0.0, None))
        return url if expires > self._clock() else None


class BadCallback(Exception):
    """Decrypted, but not a message we can read."""


class WeComCallback:
    def __init__(self, handler: Handler, *, ids: IdBook, app: CallbackKeys | None = None,
                 aibot: CallbackKeys | None = None, replies: ReplyBook | None = None,
                 cards: CardBook | None = None, images: ImageFetcher | None = None) -> None:
        self.handler, self.ids, self.replies = handler, ids, replies or ReplyBook()
        self.images = images
        self.cards = cards or CardBook()
        self._inflight: dict[str, asyncio.Future[None]] = {}
        self._done: OrderedDict[str, float] = OrderedDict()  # delivery → when it was taken in
        self.app_keys, self.aibot_keys = app, aibot

    def add_routes(self, app: web.Application, app_path: str = "/wecom/app",
                   aibot_path: str = "/wecom/aibot") -> None:
        if self.app_keys is not None:
            app.router.add_get(app_path, self._app_verify)
            app.router.add_post(app_path, self._app_post)
        if self.aibot_keys is not None:
            app.router.add_get(aibot_path, self._aibot_verify)
            app.router.add_post(aibot_path, self._aibot_post)

    # -- URL check -----------------------------------------------------------
    @staticmethod
    def _verify(request: web.Request, keys: CallbackKeys) -> web.Response:
        q = request.query
        try:
            echo = keys.crypto().check_signature(q.get("msg_signature", ""), q.get("timestamp", ""),
                                                 q.get("nonce", ""), q.get("echostr", ""))
        except InvalidSignatureException:
            return web.Response(status=403, text="bad signature")
        except Exception:  # a malformed echostr: anything wechatpy raises on it
            return web.Response(status=400, text="bad echostr")
        return web.Response(text=str(echo))

    async def _app_verify(self, request: web.Request) -> web.Response:
        assert self.app_keys is not None
        return self._verify(request, self.app_keys)

    async def _aibot_verify(self, request: web.Request) -> web.Response:
        assert self.aibot_keys is not None
        return self._verify(request, self.aibot_keys)

    # -- messages ------------------------------------------------------------
    @staticmethod
    def _decrypt(keys: CallbackKeys, request: web.Request, envelope: Any) -> str:
        q = request.query
        return str(keys.crypto().decrypt_message(envelope, q.get("msg_signature", ""), q.get("timestamp", ""),
                                                 q.get("nonce", "")))

    async def _run(self, request: web.Request, keys: CallbackKeys, json_body: bool) -> web.Response:
        started = time.monotonic()
        raw = await request.text()
        try:
            if json_body:
                envelope: Any = {"Encrypt": str(json.loads(raw)["encrypt"])}
                plain = self._decrypt(keys, request, envelope)
                payload: Any = json.loads(plain)
            else:
                plain = self._decrypt(keys, request, raw)
        except InvalidSignatureException:
            return web.Response(status=403, text="bad signature")
        except Exception as e:  # not an envelope, wrong key or receive id, bad JSON
            log.warning("wecom callback refused: %s", type(e).__name__)
            return web.Response(status=400, text="bad callback")
        try:
            if json_body:
                events = await self.aibot_events(payload)
            else:
                events = [e for e in [await self.app_event(plain)] if e is not None]
        except (BadCallback, ExpatError, LookupError, ValueError, TypeError, AttributeError) as e:
            log.warning("wecom callback refused: %s", type(e).__name__)
            return web.Response(status=400, text="bad callback")
        # (the id book's storage failing raises on: 500, and WeCom delivers the callback again)
        for part, event in enumerate(events):  # one, or a mixed message's text and each further photo, in order
            key = hashlib.sha1(f"{json_body}:{plain}:{part}".encode()).hexdigest()
            # an exception answers 500: WeCom delivers it again, and the parts already taken in are skipped
            await self._once(key, event, delivery_number(json_body, plain, part))
            if json_body and isinstance(event, ButtonPress):
                return await self._card_update(request, keys, event, started)
        return web.Response(text="")  # empty: no passive reply (answers go through the outbox)

    async def _card_update(self, request: web.Request, keys: CallbackKeys, press: ButtonPress,
                           started: float) -> web.Response:
        """The AI bot's reply to a press on a group's card: the card with its buttons replaced by the
        decision (update_template_card; no userids: everyone in the group sees it), so a decided card
        shows so and is not pressed again. The decision comes from the settling edit the press queued
        (cards.py), awaited within WeCom's 5 s; a press that settled nothing is answered empty."""
        task_id = press.source.task_id if isinstance(press.source, CardPress) else ""
        card = self.cards.card_of(task_id)
        label = await self.cards.decision(task_id, CARD_REPLY_WITHIN - (time.monotonic() - started)) if card else None
        if card is None or label is None:
            return web.Response(text="")
        reply = {"response_type": "update_template_card", "template_card": {**card, "replace_text": label}}
        return web.json_response(encrypt_reply(keys, json.dumps(reply, ensure_ascii=False),
                                               request.query.get("nonce", "")))

    async def _once(self, key: str, event: ChatEvent, delivery: int) -> None:
        """The handler runs once per delivery, however often WeCom delivers it: a retry (WeCom retries
        a callback not answered within 5 s) while the first is still running waits for that one, a
        retry after it succeeded is answered at once. The run is shielded: a caller that gave up does
        not cancel it halfway."""
        now = time.monotonic()
        if key in self._done:
            return
        task = self._inflight.get(key)
        if task is None:
            task = self._inflight[key] = asyncio.ensure_future(self.handler(event, delivery))
            task.add_done_callback(lambda t: self._finished(key, t))
        await asyncio.shield(task)
        while self._done and next(iter(self._done.values())) < now - DONE_TTL:
            self._done.popitem(last=False)

    def _finished(self, key: str, task: asyncio.Future[None]) -> None:
        self._inflight.pop(key, None)
        if not task.cancelled() and task.exception() is None:
            self._done[key] = time.monotonic()

    async def _app_post(self, request: web.Request) -> web.Response:
        assert self.app_keys is not None
        return await self._run(request, self.app_keys, json_body=False)

    async def _aibot_post(self, request: web.Request) -> web.Response:
        assert self.aibot_keys is not None
        return await self._run(request, self.aibot_keys, json_body=True)

    # -- conversion ----------------------------------------------------------
    def _press(self, chat_id: int, chat_type: str, sender: Person, key: str, task_id: str,
               response_code: str | None) -> ButtonPress:
        """A card button's press as the neutral press: its key decoded as our button data, the card's
        message (the one an edit settles) found in the card book."""
        message = self.cards.message_of(task_id)
        return ButtonPress(press_id=task_id, sender=sender, data=decode(key), raw_data=key, chat_id=chat_id,
                           chat_type=chat_type, message_id=message, editable=message is not None,
                           carrier_markup=self.cards.html_of(task_id),
                           source=CardPress(task_id, response_code))

    async def app_event(self, xml: str) -> ChatEvent | None:
        """An app callback (a member's private chat with the app) as a neutral event."""
        msg = parse_message(xml)
        if msg is None:
            raise BadCallback("empty")
        data: dict[str, Any] = msg._data
        userid = str(data.get("FromUserName", ""))
        if not userid:
            raise BadCallback("no sender")
        uid = await self.ids.user(userid)
        sender = Person(id=uid, first_name=userid, username=userid)
        if isinstance(msg, UnknownMessage) and str(data.get("Event", "")).lower() == "template_card_event":
            self.cards.pressed(str(data.get("TaskId", "")), data.get("ResponseCode") or None)
            return self._press(uid, "private", sender, str(data.get("EventKey", "")), str(data.get("TaskId", "")),
                               data.get("ResponseCode") or None)
        base = IncomingMessage(chat_id=uid, chat_type="private", sender=sender,
                               message_id=message_number(str(data.get("MsgId", "0"))))
        kind = msg.type
        if kind == "text":
            return replace(base, text=str(msg.content or ""))
        if kind == "image":
            return replace(base, photo_file_id=str(msg.media_id))
        if kind == "location":  # its label is the place's name (an address), as a Telegram venue's title
            return replace(base, lat=float(msg.location_x), lon=float(msg.location_y),
                           place_name=str(msg.label or "").strip() or None)
        if kind == "voice":
            media = str(msg.media_id)  # downloaded through the port (WeComClient.download_media)
            return replace(base, voice=VoiceClip(file_id=media, unique_id=media), source=str(msg.format or "amr"))
        return None  # other kinds and events (enter_agent, subscribe ...): nothing for the core yet

    async def aibot_events(self, payload: dict[str, Any]) -> list[ChatEvent]:
        """An AI bot callback (JSON) as neutral events (none, for what the core does not read); its
        response_url is kept in the ReplyBook. A mixed message (图文混排) with several photos is an album,
        as Telegram sends one: the text with the first photo, then one photo-only message for each other
        photo, sharing a media_group_id, so the report keeps every photo (bot/services/albums.py)."""
        userid = str((payload.get("from") or {}).get("userid", ""))
        if not userid:
            raise BadCallback("no sender")
        uid = await self.ids.user(userid)
        sender = Person(id=uid, first_name=userid, username=userid)
        group = payload.get("chattype") == "group"
        chat_id = await self.ids.chat(str(payload["chatid"])) if group else uid
        chat_type = "group" if group else "private"
        msgtype = payload.get("msgtype")
        message_id = message_number(str(payload.get("msgid", "")))
        if payload.get("response_url"):
            self.replies.keep(chat_id, message_id, str(payload["response_url"]), userid)
        if msgtype == "event":
            event = payload.get("event") or {}
            card = event.get("template_card_event") if event.get("eventtype") == "template_card_event" else None
            if not isinstance(card, dict):
                return []  # enter_chat, feedback ...
            return [self._press(chat_id, chat_type, sender, str(card.get("event_key", "")),
                                str(card.get("task_id", "")), None)]
        photos: list[str] = []
        if msgtype == "mixed":  # text and photos @-mentioning the bot (图文混排): its text, and its photos
            items = [i for i in (payload.get("mixed") or {}).get("msg_item") or [] if isinstance(i, dict)]
            content = "\n".join(str((i.get("text") or {}).get("content", "")) for i in items
                                 if i.get("msgtype") == "text")
            photos = await self._photos([i.get("image") or {} for i in items if i.get("msgtype") == "image"])
        elif msgtype == "text":
            content = str((payload.get("text") or {}).get("content", ""))
        else:
            return []  # image, file, stream refresh: not read yet (docs/wecom.md)
        if group:
            content = _MENTION.sub("", content, count=1)  # "@Bot 路灯坏了": the message is what follows
        # a group's line reaches the AI bot only when it @-mentions the bot: it is said to the bot, as a
        # Telegram line naming it is (answered even when it is no report)
        first = IncomingMessage(chat_id=chat_id, chat_type=chat_type, sender=sender, message_id=message_id,
                                text=content, photo_file_id=photos[0] if photos else None, addressed=group,
                                quoted=_quoted(payload.get("quote")))
        if len(photos) < 2:
            return [first]
        album = replace(first, media_group_id=f"wecom:{payload.get('msgid', '')}"[:64], is_caption=True)
        return [album, *(replace(album, text="", photo_file_id=p, is_caption=False) for p in photos[1:])]

    async def _photos(self, images: list[Any]) -> list[str]:
        """A mixed message's photos as media_ids, as a private photo arrives: the AI bot gets an
        encrypted URL valid for minutes, so each is fetched now (ImageFetcher) or never. A photo that
        cannot be fetched is left out (the rider can send it privately); the text stays."""
        kept: list[str] = []
        for image in images:
            url, key = str((image or {}).get("url") or ""), str((image or {}).get("aeskey") or "")
            if not url or not key or self.images is None:
                continue
            try:
                kept.append(await self.images(url, key))
            except (aiohttp.ClientError, asyncio.TimeoutError, WeComError, ValueError) as e:
                log.warning("wecom: a mixed message's photo not fetched: %s", type(e).__name__)
        return kept



def _quoted(quote: Any) -> str | None:
    """The words of the message a WeCom message quotes (引用: a text's, or a mixed message's lines), its
    @-mention gone; None when it quotes nothing or no words (a photo, a voice note, a file). WeCom gives
    a quote's content only: not which message it was, nor who wrote it."""
    if not isinstance(quote, dict):
        return None
    if quote.get("msgtype") == "text":
        words = str((quote.get("text") or {}).get("content", ""))
    elif quote.get("msgtype") == "mixed":
        items = [i for i in (quote.get("mixed") or {}).get("msg_item") or [] if isinstance(i, dict)]
        words = "\n".join(str((i.get("text") or {}).get("content", "")) for i in items if i.get("msgtype") == "text")
    else:
        return None
    return _MENTION.sub("", words, count=1).strip() or None


def encrypt_reply(keys: CallbackKeys, plain: str, nonce: str) -> dict[str, Any]:
    """An AI bot's passive reply (JSON): the plaintext encrypted as its callbacks are (receive id ""),
    with its signature (智能机器人 · 回调和回复的加解密方案)."""
    timestamp = str(int(time.time()))
    encrypted = PrpCrypto(keys.crypto().key).encrypt(plain, keys.receive_id)
    encrypted = encrypted.decode() if isinstance(encrypted, bytes) else str(encrypted)
    signature = hashlib.sha1("".join(sorted([keys.token, timestamp, nonce, encrypted])).encode()).hexdigest()
    return {"encrypt": encrypted, "msgsignature": signature, "timestamp": int(timestamp), "nonce": nonce}


def delivery_number(json_body: bool, plain: str, part: int = 0) -> int:
    """The number the core's processed-update check keeps for this delivery: from WeCom's msgid
    (the same in every retry), else from the whole decrypted body (an app's card event has none);
    `part` > 0 numbers a mixed message's further photos (each its own update, as an album's are)."""
    msgid = ""
    try:
        if json_body:
            msgid = str(json.loads(plain).get("msgid") or "")
        else:
            found = re.search(r"<MsgId>(?:<!\[CDATA\[)?([^<\]]+)", plain)
            msgid = found.group(1) if found else ""
    except (ValueError, AttributeError):
        msgid = ""
    seed = (f"msg:{msgid}" if msgid else f"body:{json_body}:{plain}") + (f"#{part}" if part else "")
    digest = int.from_bytes(hashlib.blake2b(seed.encode(), digest_size=8).digest(), "big")
    return _DELIVERY_BASE + digest % ((1 << 62) - _DELIVERY_BASE)
