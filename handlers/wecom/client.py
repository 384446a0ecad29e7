"""The WeCom server API client: the access_token, sends to a user and to a group, the AI bot's
response_url, and media upload and download.

Why here and not wechatpy's client: wechatpy's HTTP client is synchronous (requests); the bot runs
on one asyncio loop with aiohttp, so the calls are made here, and the SDK is used for what it does
well (the callback crypto and XML parsing, handlers/wecom/callback.py).

The token: fetched with the corp id and the app's secret (gettoken), kept until `refresh_margin`
seconds before its expiry (WeCom: 7200 s; the same token is answered while it is valid), fetched
once for concurrent callers (a lock), and fetched again when a call answers 40014/41001/42001 — that
call is then made once more. Errors are raised as WeComError; handlers/wecom/errors.py maps them to
the outbox's outcomes.
"""
from __future__ import annotations

import asyncio
import base64
import json as jsonlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import aiohttp
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from handlers.wecom.errors import TOKEN_ERRORS, WeComError

API_BASE = "https://qyapi.weixin.qq.com"


@dataclass(frozen=True, slots=True)
class SendResult:
    msgid: str | None
    response_code: str | None = None  # a template card's: lets it be updated once


class WeComClient:
    def __init__(self, corp_id: str, corp_secret: str, agent_id: int, *, base_url: str = API_BASE,
                 session: aiohttp.ClientSession | None = None, refresh_margin: float = 300.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.corp_id, self.corp_secret, self.agent_id = corp_id, corp_secret, agent_id
        self.base_url = base_url.rstrip("/")
        self._session = session
        self._own_session = session is None
        self.refresh_margin = refresh_margin
        self._clock = clock
        self._token: str | None = None
        self._expires = 0.0
        self._lock = asyncio.Lock()
        self.token_fetches = 0  # how often gettoken was called (tests and metrics)

    def session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))
            self._own_session = True
        return self._session

    async def close(self) -> None:
        if self._own_session and self._session is not None:
            await self._session.close()

    # -- the token -----------------------------------------------------------
    async def token(self) -> str:
        if self._token is not None and self._clock() < self._expires - self.refresh_margin:
            return self._token
        async with self._lock:
            if self._token is not None and self._clock() < self._expires - self.refresh_margin:
                return self._token  # another caller fetched it while we waited
            return await self._fetch_token()

    async def _fetch_token(self) -> str:
        self.token_fetches += 1
        async with self.session().get(f"{self.base_url}/cgi-bin/gettoken",
                                      params={"corpid": self.corp_id, "corpsecret": self.corp_secret}) as resp:
            data = await resp.json(content_type=None)
        if data.get("errcode", 0):
            raise WeComError("gettoken", int(data["errcode"]), str(data.get("errmsg", "")))
        self._token = str(data["access_token"])
        self._expires = self._clock() + float(data.get("expires_in", 7200))
        return self._token

    async def _invalidate(self, stale: str) -> None:
        async with self._lock:
            if self._token == stale:  # not already replaced by a concurrent caller
                self._token, self._expires = None, 0.0

    # -- calls ---------------------------------------------------------------
    async def call(self, api: str, *, json: dict[str, Any] | None = None, params: dict[str, str] | None = None,
                   data: aiohttp.FormData | None = None) -> dict[str, Any]:
        """POST (with `json` or `data`) or GET `/cgi-bin/{api}`; the JSON answer, errcode 0."""
        for attempt in (1, 2):
            token = await self.token()
            query = {**(params or {}), "access_token": token}
            method = "POST" if json is not None or data is not None else "GET"
            async with self.session().request(method, f"{self.base_url}/cgi-bin/{api}", params=query,
                                              json=json, data=data) as resp:
                answer: dict[str, Any] = await resp.json(content_type=None)
            errcode = int(answer.get("errcode", 0))
            if errcode in TOKEN_ERRORS and attempt == 1:
                await self._invalidate(token)
                continue
            if errcode:
                raise WeComError(api, errcode, str(answer.get("errmsg", "")))
            return answer
        raise AssertionError("unreachable")  # the loop returns or raises

    async def send_to_user(self, userid: str, msgtype: str, content: dict[str, Any]) -> SendResult:
        """message/send: text, markdown, news, template_card ... to a member (the app's private chat)."""
        answer = await self.call("message/send", json={"touser": userid, "agentid": self.agent_id,
                                                       "msgtype": msgtype, msgtype: content})
        return SendResult(answer.get("msgid"), answer.get("response_code"))

    async def update_card(self, userid: str, response_code: str, replace_name: str) -> None:
        """message/update_template_card: the card's buttons become one unclickable label (a decision
        made). A response_code serves once (the send's within 72 hours, or a press's)."""
        await self.call("message/update_template_card", json={
            "userids": [userid], "agentid": self.agent_id, "response_code": response_code,
            "button": {"replace_name": replace_name}})

    async def send_to_group(self, chatid: str, msgtype: str, content: dict[str, Any]) -> SendResult:
        """appchat/send: to a group the app created (text, markdown, news, textcard; no template_card)."""
        await self.call("appchat/send", json={"chatid": chatid, "msgtype": msgtype, msgtype: content})
        return SendResult(None)

    async def group_name(self, chatid: str) -> str | None:
        """appchat/get: the name of a group the app made (None for a group it did not make)."""
        answer = await self.call("appchat/get", params={"chatid": chatid})
        return str((answer.get("chat_info") or {}).get("name") or "") or None

    async def user_name(self, userid: str) -> str | None:
        """user/get: a member's name as the corp's directory gives it (None when it gives none)."""
        answer = await self.call("user/get", params={"userid": userid})
        return str(answer.get("name") or "") or None

    async def create_group(self, name: str, owner: str, userlist: list[str], chatid: str | None = None) -> str:
        body: dict[str, Any] = {"name": name, "owner": owner, "userlist": userlist}
        if chatid:
            body["chatid"] = chatid
        return str((await self.call("appchat/create", json=body))["chatid"])

    async def respond(self, response_url: str, msgtype: str, content: dict[str, Any]) -> None:
        """An AI bot callback's response_url (markdown or template_card): one call, within an hour; it
        carries its own credential, no access_token."""
        async with self.session().post(response_url, json={"msgtype": msgtype, msgtype: content}) as resp:
            answer = await resp.json(content_type=None)
        if int(answer.get("errcode", 0)):
            raise WeComError("aibot/response", int(answer["errcode"]), str(answer.get("errmsg", "")))

    async def upload_media(self, kind: str, filename: str, data: bytes, content_type: str) -> str:
        """media/upload (temporary media, 3 days): image, voice, video or file; the media_id."""
        form = aiohttp.FormData()
        form.add_field("media", data, filename=filename, content_type=content_type)
        return str((await self.call("media/upload", params={"type": kind}, data=form))["media_id"])

    async def download_encrypted(self, url: str, aeskey: str) -> bytes:
        """An AI bot message's image (a mixed message's item): its URL (valid a few minutes, no
        access_token) gives the file AES-256-CBC encrypted with the item's `aeskey` (base64 of 32
        bytes; the IV its first 16), padded with PKCS#7 to 32 bytes; the plain bytes."""
        async with self.session().get(url) as resp:
            if resp.status != 200:
                raise WeComError("aibot/image", resp.status, await resp.text())
            body = await resp.read()
        return decrypt_file(aeskey, body)

    async def download_media(self, media_id: str) -> bytes:
        """media/get: a photo's or voice note's bytes (an error comes back as JSON instead)."""
        for attempt in (1, 2):
            token = await self.token()
            async with self.session().get(f"{self.base_url}/cgi-bin/media/get",
                                          params={"access_token": token, "media_id": media_id}) as resp:
                body = await resp.read()
                is_json = resp.content_type in ("application/json", "text/plain")
            if not is_json:
                return body
            answer = jsonlib.loads(body)
            errcode = int(answer.get("errcode", 0))
            if errcode in TOKEN_ERRORS and attempt == 1:
                await self._invalidate(token)
                continue
            raise WeComError("media/get", errcode, str(answer.get("errmsg", "")))
        raise AssertionError("unreachable")


def decrypt_file(aeskey: str, data: bytes) -> bytes:
    """The bytes of a file the AI bot got encrypted (WeCom's scheme: AES-256-CBC, the IV the key's
    first 16 bytes, PKCS#7 to 32 bytes). ValueError for a wrong key or a damaged file."""
    key = base64.b64decode(aeskey + "=" * (-len(aeskey) % 4))
    if len(key) != 32 or not data or len(data) % 16:
        raise ValueError("not an AI bot file for this aeskey")
    dec = Cipher(algorithms.AES(key), modes.CBC(key[:16])).decryptor()
    plain = dec.update(data) + dec.finalize()
    pad = plain[-1]
    if not 1 <= pad <= 32 or plain[-pad:] != bytes([pad]) * pad:
        raise ValueError("bad padding: not an AI bot file for this aeskey")
    return plain[:-pad]


def text(content: str) -> tuple[str, dict[str, Any]]:
    return "text", {"content": content}


def markdown(content: str) -> tuple[str, dict[str, Any]]:
    return "markdown", {"content": content}


def news(title: str, description: str, url: str, picurl: str = "") -> tuple[str, dict[str, Any]]:
    return "news", {"articles": [{"title": title, "description": description, "url": url, "picurl": picurl}]}


def button_card(task_id: str, title: str, desc: str, buttons: list[tuple[str, str]]) -> tuple[str, dict[str, Any]]:
    """A template card of kind button_interaction: each (label, key) a button whose press comes back
    as template_card_event with EventKey = key and TaskId = task_id — the inline keyboard of WeCom."""
    return "template_card", {
        "card_type": "button_interaction", "main_title": {"title": title, "desc": desc}, "task_id": task_id,
        "button_list": [{"text": label, "style": 1, "key": key} for label, key in buttons]}
