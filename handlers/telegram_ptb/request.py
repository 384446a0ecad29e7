"""python-telegram-bot's HTTP on aiohttp, for the Bot the outbox sends with.

PTB's own HTTPXRequest (httpx, anyio, h11) costs about twice aiogram's CPU per sendMessage on the
same Bot API (1.2 ms against 0.6 ms, measured against the emulator), and the outbox sends one or two
messages per update. aiohttp is loaded anyway (the webhook and web app serve on it), so the sending
Bot goes through it: the same requests (form fields, multipart for uploads), the same outcomes
(a timeout is PTB's TimedOut, a connection failure its NetworkError). A sent message's answer is
read without the messages it quotes (handlers/telegram_answers.py).
"""
from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

from handlers.telegram_answers import without_quotes

DefaultValue = type(BaseRequest.DEFAULT_NONE)  # "not given": the request's own timeout applies


class AiohttpRequest(BaseRequest):
    def __init__(self, *, connections: int = 100, connect_timeout: float = 10.0, read_timeout: float = 60.0) -> None:
        self._connections, self._connect, self._read = connections, connect_timeout, read_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._read

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=self._connections))

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    async def post(self, url: str, request_data: RequestData | None = None,
                   read_timeout: Any = BaseRequest.DEFAULT_NONE, write_timeout: Any = BaseRequest.DEFAULT_NONE,
                   connect_timeout: Any = BaseRequest.DEFAULT_NONE, pool_timeout: Any = BaseRequest.DEFAULT_NONE) -> Any:
        result = await super().post(url, request_data, read_timeout=read_timeout, write_timeout=write_timeout,
                                    connect_timeout=connect_timeout, pool_timeout=pool_timeout)
        return without_quotes(result)

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         read_timeout: Any = BaseRequest.DEFAULT_NONE, write_timeout: Any = BaseRequest.DEFAULT_NONE,
                         connect_timeout: Any = BaseRequest.DEFAULT_NONE,
                         pool_timeout: Any = BaseRequest.DEFAULT_NONE) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            await self.initialize()
        assert self._session is not None
        fields = request_data.json_parameters if request_data else None
        files = request_data.multipart_data if request_data else None
        body: Any = fields
        if files:  # an upload: multipart, the other parameters as fields beside the files
            form = aiohttp.FormData()
            for name, value in (fields or {}).items():
                form.add_field(name, value)
            for name, (filename, content, mime) in files.items():
                form.add_field(name, content, filename=filename, content_type=mime)
            body = form
        timeout = aiohttp.ClientTimeout(
            total=None, sock_connect=self._connect if isinstance(connect_timeout, DefaultValue) else connect_timeout,
            sock_read=self._read if isinstance(read_timeout, DefaultValue) else read_timeout)
        try:
            async with self._session.request(method, url, data=body, timeout=timeout,
                                             headers={"User-Agent": self.USER_AGENT}) as response:
                return response.status, await response.read()
        except asyncio.TimeoutError as e:
            raise TimedOut from e
        except aiohttp.ClientError as e:
            raise NetworkError(f"aiohttp.{type(e).__name__}: {e}") from e
