"""A local stand-in for qyapi.weixin.qq.com (a self-built app and an AI bot) plus its ``/_emu/``
control API, so the WeCom adapter, its tests and the demo run offline.

Server API (what the bot calls), each answering ``{"errcode": 0, "errmsg": "ok", ...}`` as WeCom does:
``GET /cgi-bin/gettoken``, ``POST /cgi-bin/message/send`` (to a user), ``POST /cgi-bin/appchat/create``,
``POST /cgi-bin/appchat/send`` (to a group the app made), ``GET /cgi-bin/appchat/get`` (its name),
``GET /cgi-bin/user/get`` (a member's name), ``POST /cgi-bin/media/upload``,
``GET /cgi-bin/media/get``, an AI bot callback's response_url, ``POST /cgi-bin/aibot/response``, and
a mixed message's image URL, ``GET /_emu/aibot-image/{media_id}`` (encrypted with the item's aeskey).

Control API (what tests and the demo call): ``POST /_emu/send`` (a member posts: in a group it
reaches the AI bot's callback as encrypted JSON; in private the app's callback as encrypted XML),
``POST /_emu/press`` (a template card's button), ``GET /_emu/sent`` and ``GET /_emu/wait`` (what the
bot sent), ``POST /_emu/fault`` (the next calls of an API fail with an errcode: 45009 rate limit,
-1 busy ...), ``POST /_emu/expire_token``, ``POST /_emu/verify`` (the URL check WeCom makes when a
callback URL is saved), ``POST /_emu/config``, ``POST /_emu/reset``, ``GET /_emu/stats``.
Callbacks are encrypted with the real scheme (emulator/wecom/crypto.py).
"""
from __future__ import annotations

import asyncio
import base64
import json
import secrets
import time
from dataclasses import dataclass
from typing import Any

import aiohttp
from aiohttp import web

from . import crypto
from .state import ERRMSG, Fault, ResponseUrl, Sent, WeComState

DEFAULT_AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"  # 43 characters: 32 bytes


@dataclass
class WeComConfig:
    corp_id: str = "wwemulatorcorp0001"
    corp_secret: str = "emulator-app-secret"
    agent_id: int = 1000002
    token: str = "emulatortoken"  # the callback Token (app and AI bot alike here)
    encoding_aes_key: str = DEFAULT_AES_KEY
    aibot_id: str = "aibemulator"
    token_ttl: float = 7200.0  # seconds an access_token lives (WeCom: 7200)
    app_callback_url: str | None = None  # the app's 接收消息 URL (XML)
    aibot_callback_url: str | None = None  # the AI bot's callback URL (JSON)
    # WeCom's per-member cap on one app's messages: 30 a minute (1000 an hour); beyond it WeCom drops
    # them and still answers ok. With limits on, the emulator does the same and counts the drops.
    limits: bool = False
    member_per_minute: int = 30


def _xml(fields: dict[str, Any]) -> str:
    parts = []
    for key, value in fields.items():
        if isinstance(value, (int, float)):
            parts.append(f"<{key}>{value}</{key}>")
        else:
            parts.append(f"<{key}><![CDATA[{value}]]></{key}>")
    return "<xml>" + "".join(parts) + "</xml>"


class WeComEmulator:
    def __init__(self, config: WeComConfig | None = None) -> None:
        self.config = config or WeComConfig()
        self.state = WeComState(self.config.token_ttl)
        self.base_url = ""
        self._runner: web.AppRunner | None = None
        self._http: aiohttp.ClientSession | None = None
        self.app = web.Application(client_max_size=30 * 1024 * 1024)
        r = self.app.router
        r.add_get("/cgi-bin/gettoken", self._gettoken)
        r.add_post("/cgi-bin/message/send", self._message_send)
        r.add_post("/cgi-bin/message/update_template_card", self._update_card)
        r.add_post("/cgi-bin/appchat/create", self._appchat_create)
        r.add_post("/cgi-bin/appchat/send", self._appchat_send)
        r.add_get("/cgi-bin/appchat/get", self._appchat_get)
        r.add_get("/cgi-bin/user/get", self._user_get)
        r.add_post("/cgi-bin/media/upload", self._media_upload)
        r.add_get("/cgi-bin/media/get", self._media_get)
        r.add_post("/cgi-bin/aibot/response", self._aibot_response)
        for name in ("send", "press", "fault", "expire_token", "verify", "config", "reset"):
            r.add_post(f"/_emu/{name}", getattr(self, f"_c_{name}"))
        r.add_get("/_emu/sent", self._c_sent)
        r.add_get("/_emu/wait", self._c_wait)
        r.add_get("/_emu/stats", self._c_stats)
        r.add_get("/_emu/aibot-image/{key}", self._aibot_image)

    # -- lifecycle -----------------------------------------------------------
    async def start(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self._runner = web.AppRunner(self.app, access_log=None, handle_signals=False, shutdown_timeout=2.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        sockets = getattr(site._server, "sockets", None) or []
        real_port = sockets[0].getsockname()[1] if sockets else port
        self.base_url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '') else host}:{real_port}"

    async def stop(self) -> None:
        if self._http is not None:
            await self._http.close()
            self._http = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def http(self) -> aiohttp.ClientSession:
        if self._http is None or self._http.closed:
            self._http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60))
        return self._http

    # -- server API ----------------------------------------------------------
    def _answer(self, api: str, errcode: int, **extra: Any) -> web.Response:
        if errcode:
            self.state.errors[str(errcode)] = self.state.errors.get(str(errcode), 0) + 1
            return web.json_response({"errcode": errcode, "errmsg": ERRMSG.get(errcode, "error")})
        return web.json_response({"errcode": 0, "errmsg": "ok", **extra})

    def _gate(self, request: web.Request, api: str) -> int:
        """The checks every token-bearing call passes: the token, then an injected fault."""
        self.state.calls[api] = self.state.calls.get(api, 0) + 1
        return self.state.token_error(request.query.get("access_token")) or self.state.take_fault(api)

    async def _json(self, request: web.Request) -> dict[str, Any]:
        try:
            data = await request.json(loads=json.loads)
        except (json.JSONDecodeError, UnicodeDecodeError):
            return {}
        return data if isinstance(data, dict) else {}

    async def _gettoken(self, request: web.Request) -> web.Response:
        self.state.calls["gettoken"] = self.state.calls.get("gettoken", 0) + 1
        q = request.query
        if q.get("corpid") != self.config.corp_id or q.get("corpsecret") != self.config.corp_secret:
            return self._answer("gettoken", 40001)
        fault = self.state.take_fault("gettoken")
        if fault:
            return self._answer("gettoken", fault)
        token, ttl = self.state.issue_token()
        return self._answer("gettoken", 0, access_token=token, expires_in=ttl)

    def _card_code(self, body: dict[str, Any]) -> str | None:
        return secrets.token_hex(8) if body.get("msgtype") == "template_card" else None

    def _new_code(self, task_id: str) -> str:
        code = secrets.token_hex(8)
        self.state.codes[code] = task_id
        return code

    async def _update_card(self, request: web.Request) -> web.Response:
        """message/update_template_card, button mode: the card's buttons become one unclickable label.
        A response_code serves once (unknown or used: the emulator answers 40058, invalid parameter)."""
        errcode = self._gate(request, "message/update_template_card")
        if errcode:
            return self._answer("message/update_template_card", errcode)
        body = await self._json(request)
        task_id = self.state.codes.pop(str(body.get("response_code", "")), None)
        card = self.state.cards.get(task_id or "")
        replace = (body.get("button") or {}).get("replace_name")
        if card is None or not replace:
            return self._answer("message/update_template_card", 40058)
        card.replaced = str(replace)
        self.state.signal.set()
        return self._answer("message/update_template_card", 0, invaliduser=[])

    async def _message_send(self, request: web.Request) -> web.Response:
        errcode = self._gate(request, "message/send")
        if errcode:
            return self._answer("message/send", errcode)
        body = await self._json(request)
        if body.get("msgtype") not in ("text", "markdown", "news", "template_card", "image", "voice", "file",
                                       "textcard"):
            return self._answer("message/send", 40008)
        if not body.get("touser"):
            return self._answer("message/send", 60111)
        if self.config.limits and not self.state.member_slot(str(body["touser"]), self.config.member_per_minute):
            return self._answer("message/send", 0, invaliduser="", msgid=self.state.new_id("emu-dropped-"))
        sent = self.state.record("message/send", str(body["touser"]), body, self._card_code(body))
        if sent.response_code:
            self.state.codes[sent.response_code] = str(body["template_card"].get("task_id", ""))
        extra: dict[str, Any] = {"invaliduser": "", "msgid": sent.msgid}
        if sent.response_code:
            extra["response_code"] = sent.response_code
        return self._answer("message/send", 0, **extra)

    async def _appchat_create(self, request: web.Request) -> web.Response:
        errcode = self._gate(request, "appchat/create")
        if errcode:
            return self._answer("appchat/create", errcode)
        body = await self._json(request)
        chatid = str(body.get("chatid") or self.state.new_id("wrEmuChat"))
        self.state.groups[chatid] = {"chatid": chatid, "name": body.get("name", ""), "owner": body.get("owner"),
                                     "userlist": list(body.get("userlist") or []), "kind": "appchat"}
        return self._answer("appchat/create", 0, chatid=chatid)

    async def _appchat_get(self, request: web.Request) -> web.Response:
        """appchat/get: a group the app made — its name, owner and members (86003 for any other)."""
        errcode = self._gate(request, "appchat/get")
        if errcode:
            return self._answer("appchat/get", errcode)
        group = self.state.groups.get(request.query.get("chatid", ""))
        if group is None or group.get("kind") != "appchat":
            return self._answer("appchat/get", 86003)
        info = {k: group[k] for k in ("chatid", "name", "owner", "userlist")}
        return self._answer("appchat/get", 0, chat_info=info)

    async def _user_get(self, request: web.Request) -> web.Response:
        """user/get: a member's userid and name (the ``name`` a control send or press gave; else the
        userid itself, as a member's name defaults to it); 60111 for a userid nobody posted as."""
        errcode = self._gate(request, "user/get")
        if errcode:
            return self._answer("user/get", errcode)
        userid = request.query.get("userid", "")
        if userid not in self.state.names:
            return self._answer("user/get", 60111)
        return self._answer("user/get", 0, userid=userid, name=self.state.names[userid])

    def _member(self, body: dict[str, Any], userid: str) -> None:
        """Remember the member posting or pressing (their ``name``, if given) for user/get."""
        if body.get("name") or userid not in self.state.names:
            self.state.names[userid] = str(body.get("name") or self.state.names.get(userid) or userid)

    async def _appchat_send(self, request: web.Request) -> web.Response:
        errcode = self._gate(request, "appchat/send")
        if errcode:
            return self._answer("appchat/send", errcode)
        body = await self._json(request)
        chatid = str(body.get("chatid", ""))
        if self.state.groups.get(chatid, {}).get("kind") != "appchat":  # only groups the app made
            return self._answer("appchat/send", 86003)
        if body.get("msgtype") not in ("text", "markdown", "news", "textcard", "image", "voice", "file"):
            return self._answer("appchat/send", 40008)  # no template_card in an app group
        self.state.record("appchat/send", chatid, body)
        return self._answer("appchat/send", 0)

    async def _media_upload(self, request: web.Request) -> web.Response:
        errcode = self._gate(request, "media/upload")
        if errcode:
            return self._answer("media/upload", errcode)
        kind = request.query.get("type", "file")
        post = await request.post()
        field = post.get("media")
        if not isinstance(field, web.FileField):
            return self._answer("media/upload", 40007)
        media_id = self.state.new_id("emu-media-")
        self.state.media[media_id] = (field.file.read(), kind, field.filename, field.content_type)
        return self._answer("media/upload", 0, type=kind, media_id=media_id, created_at=str(int(time.time())))

    async def _media_get(self, request: web.Request) -> web.StreamResponse:
        errcode = self._gate(request, "media/get")
        if errcode:
            return self._answer("media/get", errcode)
        rec = self.state.media.get(request.query.get("media_id", ""))
        if rec is None:
            return self._answer("media/get", 40007)
        data, _, filename, mime = rec
        return web.Response(body=data, content_type=mime,
                            headers={"Content-Disposition": f'attachment; filename="{filename}"'})

    async def _aibot_image(self, request: web.Request) -> web.Response:
        """A mixed message's image behind its URL, as the AI bot gets it: encrypted with the item's
        aeskey (crypto.encrypt_file); 404 for an unknown one."""
        media_id = request.match_info["key"]
        aeskey = self.state.aibot_images.get(media_id)
        if aeskey is None or media_id not in self.state.media:
            raise web.HTTPNotFound()
        self.state.calls["aibot/image"] = self.state.calls.get("aibot/image", 0) + 1
        return web.Response(body=crypto.encrypt_file(aeskey, self.state.media[media_id][0]),
                            content_type="application/octet-stream")

    async def _aibot_response(self, request: web.Request) -> web.Response:
        """An AI bot's response_url: one call per callback, within an hour; no access_token."""
        self.state.calls["aibot/response"] = self.state.calls.get("aibot/response", 0) + 1
        fault = self.state.take_fault("aibot/response")
        if fault:
            return self._answer("aibot/response", fault)
        ref = self.state.responses.get(request.query.get("response_code", ""))
        if ref is None or ref.used or ref.expires < time.monotonic():
            return self._answer("aibot/response", 40014)
        body = await self._json(request)
        if body.get("msgtype") not in ("markdown", "template_card"):
            return self._answer("aibot/response", 40008)
        ref.used = True
        self.state.record("aibot/response", ref.chat, body, self._card_code(body)).answers = ref.msgid
        return self._answer("aibot/response", 0)

    # -- callbacks -----------------------------------------------------------
    def _signed_query(self, encrypted: str) -> dict[str, str]:
        timestamp, nonce = str(int(time.time())), secrets.token_hex(5)
        sig = crypto.signature(self.config.token, timestamp, nonce, encrypted)
        return {"msg_signature": sig, "timestamp": timestamp, "nonce": nonce}

    async def _deliver(self, kind: str, url: str | None, body: str, content_type: str,
                       query: dict[str, str], times: int = 1) -> dict[str, Any]:
        """POST the callback; `times` > 1 posts the same one that often at once, as WeCom's retries
        of a callback that was not answered in time arrive while the first is still running."""
        if times > 1:
            results = await asyncio.gather(*(self._deliver(kind, url, body, content_type, query)
                                             for _ in range(times)))
            return {**results[0], "statuses": [r["status"] for r in results]}
        if not url:
            raise web.HTTPBadRequest(text=json.dumps({"ok": False, "error": f"no {kind} callback URL configured"}),
                                     content_type="application/json")
        async with self.http().post(url, params=query, data=body.encode(),
                                    headers={"Content-Type": content_type}) as resp:
            reply = await resp.text()
            record = {"kind": kind, "status": resp.status, "reply": reply}
        self.state.callbacks.append(record)
        return record

    async def app_callback(self, plain_xml: str, *, signature: str | None = None, times: int = 1) -> dict[str, Any]:
        """The app's callback: the XML encrypted with the corp id, in an XML envelope."""
        encrypted = crypto.encrypt(self.config.encoding_aes_key, plain_xml, self.config.corp_id)
        envelope = _xml({"ToUserName": self.config.corp_id, "AgentID": self.config.agent_id, "Encrypt": encrypted})
        query = self._signed_query(encrypted)
        if signature is not None:
            query["msg_signature"] = signature
        return await self._deliver("app", self.config.app_callback_url, envelope, "text/xml", query, times)

    async def aibot_callback(self, payload: dict[str, Any], *, signature: str | None = None,
                             times: int = 1) -> dict[str, Any]:
        """The AI bot's callback: the JSON encrypted with an empty receive id, as {"encrypt": ...}."""
        encrypted = crypto.encrypt(self.config.encoding_aes_key, json.dumps(payload, ensure_ascii=False), "")
        query = self._signed_query(encrypted)
        if signature is not None:
            query["msg_signature"] = signature
        return await self._deliver("aibot", self.config.aibot_callback_url, json.dumps({"encrypt": encrypted}),
                                   "application/json", query, times)

    def _response_url(self, chat: str, chattype: str, msgid: str | None = None) -> str:
        code = secrets.token_hex(12)
        self.state.responses[code] = ResponseUrl(chat, chattype, time.monotonic() + 3600, msgid=msgid)
        return f"{self.base_url}/cgi-bin/aibot/response?response_code={code}"

    def _store_media(self, kind: str, spec: Any, default: bytes, filename: str, mime: str) -> str:
        content = spec.get("content") if isinstance(spec, dict) else None
        data = content.encode() if isinstance(content, str) else default
        media_id = self.state.new_id("emu-media-")
        self.state.media[media_id] = (data, kind, filename, mime)
        return media_id

    # -- control API ---------------------------------------------------------
    async def _body(self, request: web.Request) -> dict[str, Any]:
        body = await self._json(request)
        return body

    async def _c_send(self, request: web.Request) -> web.Response:
        """A member posts. ``{"from": "li", "name"?: "李师傅", "chat": "wrGroup"?, "text"?, "image"?, "images"?, "voice"?, "location"?,
        "quote"?, "signature"?, "deliveries"?}``: in a group (``chat``) it is an AI bot callback — the member
        @-mentions the bot, as WeCom delivers group messages: text (quoting a message's words, ``quote``: a text
        quote as WeCom gives one), or text with photos (``image``, and/or a list ``images``) as one
        mixed message (photos alone in a group are not delivered: ``"delivered": false``); in private an app callback (text, image, voice, location)."""
        body = await self._body(request)
        sender = str(body.get("from") or "")
        if not sender:
            return web.json_response({"ok": False, "error": "from is required"}, status=400)
        self._member(body, sender)
        signature = body.get("signature")
        times = int(body.get("deliveries", 1))  # >1: WeCom's retries, arriving while the first runs
        msgid = str(int(time.time() * 1000)) + str(len(self.state.callbacks))
        if body.get("chat"):
            chat = str(body["chat"])
            self.state.groups.setdefault(chat, {"chatid": chat, "name": body.get("chat_name", ""), "kind": "aibot"})
            images = [*([body["image"]] if body.get("image") else []), *(body.get("images") or [])]
            if images and not body.get("text"):  # a group's photo alone never reaches the AI bot
                return web.json_response({"ok": True, "msgid": msgid, "delivered": False})
            mention = {"msgtype": "text", "text": {"content": f"@{self.config.aibot_id} {body.get('text', '')}"}}
            payload: dict[str, Any] = {
                "msgid": msgid, "aibotid": self.config.aibot_id, "chatid": chat, "chattype": "group",
                "from": {"userid": sender}, "response_url": self._response_url(chat, "group", msgid), **mention}
            if body.get("quote"):  # a quoted message (引用): WeCom gives its content only, no msgid nor sender
                payload["quote"] = {"msgtype": "text", "text": {"content": str(body["quote"])}}
            if images:  # text and photos: one mixed message (图文混排), each image an encrypted URL with its own key
                items = [mention]
                for each in images:
                    aeskey = base64.b64encode(secrets.token_bytes(32)).decode()
                    photo = self._store_media("image", each, b"\xff\xd8\xff\xe0emu-photo\xff\xd9",
                                              "photo.jpg", "image/jpeg")
                    self.state.aibot_images[photo] = aeskey
                    items.append({"msgtype": "image", "image": {"url": f"{self.base_url}/_emu/aibot-image/{photo}",
                                                                "aeskey": aeskey}})
                payload.update(msgtype="mixed", mixed={"msg_item": items})
                del payload["text"]
            result = await self.aibot_callback(payload, signature=signature, times=times)
        else:
            fields: dict[str, Any] = {"ToUserName": self.config.corp_id, "FromUserName": sender,
                                      "CreateTime": int(time.time())}
            if body.get("image"):
                media_id = self._store_media("image", body["image"], b"\xff\xd8\xff\xe0emu-photo\xff\xd9",
                                             "photo.jpg", "image/jpeg")
                fields.update(MsgType="image", PicUrl=f"{self.base_url}/_emu/pic/{media_id}", MediaId=media_id)
            elif body.get("voice"):
                media_id = self._store_media("voice", body["voice"], b"#!AMR\nemu-voice", "voice.amr", "audio/amr")
                fields.update(MsgType="voice", MediaId=media_id, Format="amr")
            elif body.get("location"):
                loc = body["location"]
                fields.update(MsgType="location", Location_X=float(loc["latitude"]), Location_Y=float(loc["longitude"]),
                              Scale=15, Label=str(loc.get("label", "")))
            else:
                fields.update(MsgType="text", Content=str(body.get("text", "")))
            fields.update(MsgId=msgid, AgentID=self.config.agent_id)
            result = await self.app_callback(_xml(fields), signature=signature, times=times)
        return web.json_response({"ok": True, "msgid": msgid, **result})

    async def _c_press(self, request: web.Request) -> web.Response:
        """A member presses a template card's button: ``{"task_id", "key", "from", "name"?}``. A card the app sent
        to a user comes back to the app's callback (XML, template_card_event); a card the AI bot answered
        with in a group comes back to the AI bot's (JSON)."""
        body = await self._body(request)
        card = self.state.cards.get(str(body.get("task_id", "")))
        if card is None:
            return web.json_response({"ok": False, "error": "no card with that task_id"}, status=400)
        sender = str(body.get("from") or card.chat)
        self._member(body, sender)
        key = str(body.get("key", ""))
        tpl = card.body.get("template_card", {})
        if card.via == "aibot/response":
            event_id = self.state.new_id("emu-ev-")
            payload = {"msgid": event_id, "aibotid": self.config.aibot_id, "chatid": card.chat,
                       "chattype": "group", "from": {"userid": sender}, "msgtype": "event",
                       "response_url": self._response_url(card.chat, "group", event_id),
                       "event": {"eventtype": "template_card_event",
                                 "template_card_event": {"card_type": tpl.get("card_type", ""),
                                                         "event_key": key, "task_id": tpl.get("task_id", "")}}}
            result = await self.aibot_callback(payload, signature=body.get("signature"))
            self._card_reply(card, str(result.get("reply") or ""))
        else:
            fields = {"ToUserName": self.config.corp_id, "FromUserName": sender, "CreateTime": int(time.time()),
                      "MsgType": "event", "Event": "template_card_event", "EventKey": key,
                      "TaskId": tpl.get("task_id", ""), "CardType": tpl.get("card_type", ""),
                      "ResponseCode": self._new_code(str(tpl.get("task_id", ""))), "AgentID": self.config.agent_id}
            result = await self.app_callback(_xml(fields), signature=body.get("signature"))
        return web.json_response({"ok": True, **result})

    def _card_reply(self, card: Sent, reply: str) -> None:
        """The AI bot's passive reply to a press (智能机器人 · 被动回复消息): encrypted JSON; an
        ``update_template_card`` restating the card (same task_id) with ``replace_text`` greys its
        buttons out with that label, for everyone in the chat (no ``userids``). Anything else, or a
        reply that does not decrypt or verify, changes nothing (WeCom ignores it)."""
        try:
            envelope = json.loads(reply) if reply.strip() else {}
            encrypted = str(envelope["encrypt"])
            expected = crypto.signature(self.config.token, str(envelope["timestamp"]), str(envelope["nonce"]),
                                        encrypted)
            if envelope.get("msgsignature") != expected:
                return
            update = json.loads(crypto.decrypt(self.config.encoding_aes_key, encrypted, ""))
        except (ValueError, KeyError, TypeError, crypto.CryptoError):
            return
        tpl = update.get("template_card") if isinstance(update, dict) else None
        if (update.get("response_type") != "update_template_card" or not isinstance(tpl, dict)
                or tpl.get("task_id") != card.body.get("template_card", {}).get("task_id")):
            return
        if tpl.get("replace_text"):
            card.replaced = str(tpl["replace_text"])
            self.state.signal.set()

    async def _c_fault(self, request: web.Request) -> web.Response:
        """``{"api": "message/send" | "*", "errcode": 45009, "times": 1}``: the next calls fail so."""
        body = await self._body(request)
        self.state.faults.append(Fault(str(body.get("api", "*")), int(body.get("errcode", -1)),
                                       int(body.get("times", 1))))
        return web.json_response({"ok": True})

    async def _c_expire_token(self, request: web.Request) -> web.Response:
        """Every issued access_token expires now: the next call with one answers 42001."""
        self.state.expire_tokens()
        return web.json_response({"ok": True})

    async def _c_verify(self, request: web.Request) -> web.Response:
        """The check WeCom makes when a callback URL is saved: a GET with an encrypted echostr,
        answered with its plaintext. ``{"kind": "app" | "aibot"}``."""
        body = await self._body(request)
        kind = body.get("kind", "app")
        url = self.config.app_callback_url if kind == "app" else self.config.aibot_callback_url
        echo = secrets.token_hex(8)
        encrypted = crypto.encrypt(self.config.encoding_aes_key, echo, self.config.corp_id if kind == "app" else "")
        query = {**self._signed_query(encrypted), "echostr": encrypted}
        async with self.http().get(str(url), params=query) as resp:
            reply = await resp.text()
        return web.json_response({"ok": resp.status == 200 and reply == echo, "status": resp.status, "reply": reply})

    async def _c_config(self, request: web.Request) -> web.Response:
        body = await self._body(request)
        for key in ("app_callback_url", "aibot_callback_url"):
            if key in body:
                setattr(self.config, key, body[key])
        return web.json_response({"ok": True, "corp_id": self.config.corp_id, "agent_id": self.config.agent_id,
                                  "token": self.config.token, "encoding_aes_key": self.config.encoding_aes_key})

    async def _c_reset(self, request: web.Request) -> web.Response:
        self.state = WeComState(self.config.token_ttl)
        return web.json_response({"ok": True})

    def _sent_views(self, chat: str | None) -> list[dict[str, Any]]:
        return [s.view() for s in self.state.sent if chat is None or s.chat == chat]

    async def _c_sent(self, request: web.Request) -> web.Response:
        """``?chat=`` a userid or chatid (all when absent)."""
        return web.json_response({"messages": self._sent_views(request.query.get("chat"))})

    async def _c_wait(self, request: web.Request) -> web.Response:
        """Long-poll until the bot has sent ``count`` messages (to ``chat``, if given)."""
        chat = request.query.get("chat")
        count = int(request.query.get("count", 1))
        deadline = asyncio.get_running_loop().time() + float(request.query.get("timeout", 10))
        while len(self._sent_views(chat)) < count:
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                return web.json_response({"messages": self._sent_views(chat), "timed_out": True})
            try:
                await asyncio.wait_for(self.state.signal.wait(), remaining)
            except TimeoutError:
                pass
        return web.json_response({"messages": self._sent_views(chat), "timed_out": False})

    async def _c_stats(self, request: web.Request) -> web.Response:
        return web.json_response({"calls": self.state.calls, "errors": self.state.errors,
                                  "callbacks": len(self.state.callbacks), "dropped": self.state.dropped})
