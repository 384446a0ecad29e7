"""The contract suite's test driver (the `tg` fixture's interface: send, wait, messages, press,
answers, stats, fault) on the WeCom emulator, so the same scenarios run on WeCom.

People and groups: the suite's Telegram-style dicts (`{"id": 501, ...}`, `{"id": -100100, ...}`)
become WeCom ids (`u501`, `wr100100`), and the identity table is given the suite's numbers for them
before the bot sees them (handlers/wecom/ids.py: an id keeps the number first recorded), so the
scenarios' assertions on ids (reporter, /grant, the blocked chat) read the same on every platform.
Groups are made by the app (appchat/create): the AI bot answers there and the app may post unasked.

What the bot sent is read back as Telegram-style message dicts: `text`/`plain_text` from the
markdown (`plain_text` as WeCom shows it) or a card's title and description (plain text), `reply_markup` from a card's buttons (gone once the
card was updated: WeCom's equivalent of an edit that removes the keyboard), `reply_to_message_id`
for an answer through the AI bot's response_url (the one way WeCom ties an answer to a message;
it shows no reply arrow), and `via` (message/send, appchat/send, aibot/response).
A press's answer: WeCom has no toast; an alert reaches the presser as a private text message.
"""
from __future__ import annotations

import asyncio
import itertools
import re
from typing import Any

import aiohttp

from emulator.wecom import WeComEmulator
from handlers.wecom.ids import PLATFORM, message_number
from storage.db import create_engine, session_factory
from storage.uow import UnitOfWork

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def plain(markdown: str) -> str:
    return _LINK.sub(r"\1", markdown).replace("**", "").replace("`", "")


def external(chat_id: int) -> tuple[str, str]:
    """(kind, WeCom id) of one of the suite's numbers."""
    return ("chat", f"wr{-chat_id}") if chat_id < 0 else ("user", f"u{chat_id}")


class WeComDriver:
    def __init__(self, emu: WeComEmulator, database_url: str) -> None:
        self.emu, self.base_url = emu, emu.base_url
        self.token = ""  # the Telegram driver's; nothing on WeCom
        self._engine = create_engine(database_url)
        self._sessions = session_factory(self._engine)
        self._known: set[int] = set()
        self._presses: dict[str, tuple[str, int]] = {}  # qid → (presser's userid, their messages before)
        self._ids = itertools.count(1)
        self.http = aiohttp.ClientSession()

    async def close(self) -> None:
        await self.http.close()
        await self._engine.dispose()

    async def control(self, path: str, body: dict[str, Any] | None = None, **query: str) -> Any:
        url = f"{self.base_url}/_emu/{path}"
        request = self.http.post(url, json=body) if body is not None else self.http.get(url, params=query)
        async with request as r:
            data = await r.json()
            assert r.status == 200, data
            return data

    async def known(self, chat_id: int) -> str:
        """The WeCom id of one of the suite's numbers, recorded with that number (a group: made by the app)."""
        kind, ext = external(chat_id)
        if chat_id in self._known:
            return ext
        async with UnitOfWork(self._sessions) as uow:
            await uow.identities.record(PLATFORM, kind, ext, [chat_id])
            await uow.commit()
        if kind == "chat":
            c = self.emu.config
            async with self.http.get(f"{self.base_url}/cgi-bin/gettoken",
                                     params={"corpid": c.corp_id, "corpsecret": c.corp_secret}) as r:
                token = (await r.json())["access_token"]
            async with self.http.post(f"{self.base_url}/cgi-bin/appchat/create", params={"access_token": token},
                                      json={"name": ext, "owner": "u1", "userlist": ["u1", "u2"], "chatid": ext}) as r:
                assert (await r.json())["errcode"] == 0
        self._known.add(chat_id)
        return ext

    # -- the Telegram driver's interface -------------------------------------------------------
    async def send(self, chat: dict[str, Any], sender: dict[str, Any], text: str | None = None,
                   reply_to_message_id: int | None = None, **extra: Any) -> dict[str, Any]:
        """A member posts (in a group: @-mentioning the AI bot). `reply_to_message_id` is dropped:
        WeCom has no replies (the scenarios say what they check instead)."""
        userid = await self.known(int(sender["id"]))
        body: dict[str, Any] = {"from": userid, "text": text or "", **extra}
        if sender.get("first_name"):
            body["name"] = sender["first_name"]  # the directory's name for them (user/get)
        if chat["id"] != sender["id"]:
            body["chat"] = await self.known(int(chat["id"]))
        result = await self.control("send", body)
        return {"message_id": int(result["msgid"]), "status": result.get("status")}

    def _view(self, sent: dict[str, Any]) -> dict[str, Any]:
        body = sent["body"]
        keys: list[dict[str, str]] = []
        if sent["msgtype"] == "template_card":
            card = body["template_card"]
            title = card.get("main_title") or {}
            text = "\n".join(x for x in (title.get("title", ""), title.get("desc", "")) if x)
            if sent.get("replaced"):
                text += "\n" + str(sent["replaced"])
            else:
                keys = [{"text": b.get("text", ""), "callback_data": b.get("key", "")}
                        for b in card.get("button_list") or []]
        else:
            text = str(sent.get("text") or "")
        shown = text if sent["msgtype"] == "template_card" else plain(text)  # a card's text takes no markup
        return {"message_id": message_number(str(sent["msgid"])), "text": text, "plain_text": shown,
                "reply_markup": {"inline_keyboard": [keys]} if keys else None,
                "reply_to_message_id": int(sent["answers"]) if str(sent.get("answers") or "").isdigit() else None,
                "via": sent["via"], "msgtype": sent["msgtype"], "task_id": (body.get("template_card") or {}).get(
                    "task_id")}

    async def messages(self, chat_id: int) -> list[dict[str, Any]]:
        got = await self.control("sent", chat=external(chat_id)[1])
        return [self._view(m) for m in got["messages"]]

    async def wait(self, chat_id: int, count: int, timeout: float = 30.0) -> list[dict[str, Any]]:
        got = await self.control("wait", chat=external(chat_id)[1], count=str(count), timeout=str(timeout))
        return [self._view(m) for m in got["messages"]]

    async def press(self, chat_id: int, message_id: int, sender: dict[str, Any], data: str) -> str:
        """Press the card's button whose key is `data` (the card of `message_id`, else the latest with it)."""
        cards = [m for m in await self.messages(chat_id) if data in [b["callback_data"] for row in
                                                                      (m["reply_markup"] or {}).get(
                                                                          "inline_keyboard", []) for b in row]]
        card = next((m for m in cards if m["message_id"] == message_id), cards[-1] if cards else None)
        assert card is not None, f"no card with {data!r} in chat {chat_id}"
        userid = await self.known(int(sender["id"]))
        before = len((await self.control("sent", chat=userid))["messages"])
        qid = f"press-{next(self._ids)}"
        self._presses[qid] = (userid, before)
        await self.control("press", {"task_id": card["task_id"], "key": data, "from": userid,
                                     **({"name": sender["first_name"]} if sender.get("first_name") else {})})
        return qid

    async def answers(self) -> list[dict[str, Any]]:
        """Each press's answer: an alert is the private text message that followed it; a press
        without one was answered silently (WeCom has no toast: the updated card says it)."""
        out = []
        for qid, (userid, before) in self._presses.items():
            after = (await self.control("sent", chat=userid))["messages"][before:]
            alert = next((m for m in after if m["msgtype"] == "text"), None)
            out.append({"callback_query_id": qid, "show_alert": alert is not None,
                        "text": str(alert["text"]) if alert else ""})
        return out

    async def stats(self) -> dict[str, Any]:
        return dict(await self.control("stats"))

    async def fault(self, api: str, errcode: int, count: int = 1) -> None:
        await self.control("fault", {"api": api, "errcode": errcode, "times": count})


async def listening(port: int, task: asyncio.Task[None], tries: int = 1200) -> None:
    from handlers.demo_wecom import listening as probe
    if not await probe(port, task, tries):
        raise TimeoutError("the WeCom runtime did not start")
