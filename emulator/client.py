"""A small async client for the emulator's /_emu/ control API (tests, demo, benchmarks)."""
from __future__ import annotations

from typing import Any

import aiohttp


class EmulatorClient:
    def __init__(self, base_url: str, token: str | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self._http: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> EmulatorClient:
        self._http = aiohttp.ClientSession()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def close(self) -> None:
        if self._http is not None:
            await self._http.close()
            self._http = None

    @property
    def http(self) -> aiohttp.ClientSession:
        if self._http is None:
            self._http = aiohttp.ClientSession()
        return self._http

    async def _call(self, verb: str, path: str, **kwargs: Any) -> Any:
        async with self.http.request(verb, f"{self.base_url}/_emu/{path}", **kwargs) as r:
            body = await r.json()
            if r.status >= 400:
                raise RuntimeError(f"emulator {path}: {r.status} {body}")
            return body

    def _tok(self, body: dict[str, Any]) -> dict[str, Any]:
        if self.token and "token" not in body:
            body["token"] = self.token
        return body

    async def send(self, chat: dict[str, Any], sender: dict[str, Any], text: str | None = None,
                   **extra: Any) -> dict[str, Any]:
        """A user posts in a chat; returns {message_id, update_id}."""
        body: dict[str, Any] = {"chat": chat, "from": sender, **extra}
        if text is not None:
            body["text"] = text
        return await self._call("POST", "send", json=self._tok(body))

    async def press(self, chat_id: int, message_id: int, sender: dict[str, Any], data: str) -> str:
        body = {"chat_id": chat_id, "message_id": message_id, "from": sender, "data": data}
        return (await self._call("POST", "press", json=self._tok(body)))["callback_query_id"]

    async def inject(self, update: dict[str, Any]) -> int:
        """Queue a raw update as given (the emulator assigns its update_id); that id."""
        return (await self._call("POST", "update", json=self._tok({"update": update})))["update_id"]

    async def messages(self, chat_id: int) -> list[dict[str, Any]]:
        return (await self._call("GET", "messages", params=self._params(chat_id=chat_id)))["messages"]

    async def wait(self, chat_id: int, count: int, timeout: float = 10.0) -> list[dict[str, Any]]:
        """The bot's messages in a chat, once there are at least `count` (or the timeout passed)."""
        body = await self._call("GET", "wait", params=self._params(chat_id=chat_id, count=count,
                                                                     timeout=timeout),
                                timeout=aiohttp.ClientTimeout(total=timeout + 10))
        return body["messages"]

    async def chat(self, chat: dict[str, Any]) -> dict[str, Any]:
        """Register (or refresh) a chat without posting, e.g. `{"id", "type", "is_forum": True}`."""
        return (await self._call("POST", "chat", json=self._tok({"chat": chat})))["chat"]

    async def topics(self, chat_id: int) -> list[dict[str, Any]]:
        """The forum topics made in a chat (createForumTopic): [{message_thread_id, name, icon_color}]."""
        return (await self._call("GET", "topics", params=self._params(chat_id=chat_id)))["topics"]

    async def answers(self) -> list[dict[str, Any]]:
        return (await self._call("GET", "answers", params=self._params()))["answers"]

    async def stats(self) -> dict[str, Any]:
        return await self._call("GET", "stats", params=self._params())

    async def config(self, **values: Any) -> dict[str, Any]:
        return await self._call("POST", "config", json=values)

    async def fault(self, method: str, status: int, count: int = 1, **extra: Any) -> None:
        await self._call("POST", "faults", json={"method": method, "status": status, "count": count, **extra})

    async def reset(self) -> None:
        await self._call("POST", "reset")

    async def block(self, chat_id: int, blocked: bool = True, notify: bool = False) -> None:
        """A user blocks (or unblocks) the bot, or a group removes it; `notify`: Telegram tells the bot
        (a my_chat_member update), else the bot learns it only from a refused send."""
        await self._call("POST", "block", json=self._tok({"chat_id": chat_id, "blocked": blocked, "notify": notify}))

    def _params(self, **values: Any) -> dict[str, str]:
        params = {k: str(v) for k, v in values.items()}
        if self.token:
            params["token"] = self.token
        return params
