"""The aiohttp application: Bot API routes, file downloads and lifecycle."""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
from typing import Any

import aiohttp
from aiohttp import web

from . import chats, messages, topics, updates  # noqa: F401  (register Bot API methods)
from .config import DEFAULT_TOKEN, TOKEN_RE, EmulatorConfig
from .control import setup_control
from .errors import NOT_FOUND, UNAUTHORIZED, ApiError
from .faults import Faults, Stats
from .params import Params
from .registry import Ctx, lookup
from .state import BotState

log = logging.getLogger(__name__)


class ClientGone(Exception):
    """The caller disconnected during the simulated latency: do nothing."""


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


class Emulator:
    """A local stand-in for api.telegram.org plus the ``/_emu/`` control API."""

    def __init__(self, config: EmulatorConfig | None = None) -> None:
        self.config = config or EmulatorConfig()
        self.states: dict[str, BotState] = {}
        self.active_tokens: list[str] = []  # tokens that called the Bot API, latest last
        self.stats = Stats()
        self.faults = Faults()
        self.base_url = ""
        self.closing = False
        self._update_ids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self._http: aiohttp.ClientSession | None = None
        self.app = self._build_app()

    # -- lifecycle -----------------------------------------------------------
    def _build_app(self) -> web.Application:
        app = web.Application(client_max_size=60 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_bot)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        setup_control(app, self)
        return app

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.closing = False
        self._runner = web.AppRunner(self.app, access_log=None, handle_signals=False,
                                     shutdown_timeout=2.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        sockets = getattr(site._server, "sockets", None) or []
        real_port = sockets[0].getsockname()[1] if sockets else port
        shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
        self.base_url = f"http://{shown}:{real_port}"

    async def stop(self) -> None:
        self.closing = True  # lets /_emu/wait long-polls return instead of holding shutdown
        for st in self.states.values():
            st.close()
            st.message_signal.notify()
        if self._http is not None:
            await self._http.close()
            self._http = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def http(self) -> aiohttp.ClientSession:
        """Shared outgoing session (webhook delivery)."""
        if self._http is None or self._http.closed:
            self._http = aiohttp.ClientSession()
        return self._http

    # -- bots ----------------------------------------------------------------
    def token_ok(self, token: str) -> bool:
        if self.config.tokens is not None:
            return token in self.config.tokens
        return bool(TOKEN_RE.match(token))

    def state(self, token: str) -> BotState:
        st = self.states.get(token)
        if st is None:
            st = self.states[token] = BotState(token, self.config, self._update_ids)
        return st

    def resolve_token(self, token: str | None) -> str:
        """Control-API default: the bot that called the API most recently."""
        if token:
            return token
        if self.active_tokens:
            return self.active_tokens[-1]
        return DEFAULT_TOKEN

    def reset(self) -> None:
        for st in self.states.values():
            st.close()
        self.states.clear()
        self.active_tokens.clear()
        self.stats = Stats()
        self.faults.clear()

    # -- Bot API -------------------------------------------------------------
    async def call(self, token: str, method: str, params: Params | dict,
                   request: web.Request | None = None) -> Any:
        """Run one Bot API method; raises ApiError exactly as the HTTP API answers."""
        if isinstance(params, dict):
            params = Params(params, {})
        try:
            if not self.token_ok(token):
                raise UNAUTHORIZED
            entry = lookup(method)
            if entry is None:
                raise NOT_FOUND
            name, handler = entry
            self.stats.calls[name] += 1
            if self.config.latency_ms > 0 and request is not None:
                await asyncio.sleep(self.config.latency_ms / 1000)
            ctx = Ctx(self, self.state(token), request, name)
            if ctx.disconnected():
                raise ClientGone
            if not self.active_tokens or self.active_tokens[-1] != token:
                if token in self.active_tokens:
                    self.active_tokens.remove(token)
                self.active_tokens.append(token)
            self.faults.check(name)
            return await handler(ctx, params)
        except ApiError as exc:
            self.stats.errors[str(exc.code)] += 1
            raise

    async def _handle_bot(self, request: web.Request) -> web.StreamResponse:
        token = request.match_info["token"]
        try:
            params = await Params.from_request(request)
            result = await self.call(token, request.match_info["method"], params, request)
        except ApiError as exc:
            return web.json_response(exc.payload(), status=exc.code, dumps=_dumps)
        except ClientGone:
            return web.Response(status=499)
        except Exception:  # a bug here must look like a Telegram 500, not a hang
            log.exception("emulator method failed")
            self.stats.errors["500"] += 1
            return web.json_response({"ok": False, "error_code": 500,
                                      "description": "Internal Server Error"}, status=500)
        return web.json_response({"ok": True, "result": result}, dumps=_dumps)

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        token = request.match_info["token"]
        if not self.token_ok(token):
            return web.json_response(UNAUTHORIZED.payload(), status=401)
        st = self.states.get(token)
        rec = st.files_by_path.get(request.match_info["path"]) if st else None
        if rec is None:
            return web.json_response(NOT_FOUND.payload(), status=404)
        return web.Response(body=rec.content, content_type=rec.mime_type)
