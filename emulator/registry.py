"""Bot API method registry: case-insensitive name -> handler."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Awaitable, Callable

from aiohttp import web

from .params import Params
from .state import BotState

if TYPE_CHECKING:
    from .server import Emulator


@dataclass
class Ctx:
    """What a method handler gets besides its parameters."""

    emu: "Emulator"
    state: BotState
    request: web.Request | None = None
    method: str = ""

    def disconnected(self) -> bool:
        """True when the HTTP client is gone (a killed bot must cause no effects)."""
        if self.request is None:
            return False
        transport = self.request.transport
        return transport is None or transport.is_closing()


Handler = Callable[[Ctx, Params], Awaitable[Any]]
METHODS: dict[str, tuple[str, Handler]] = {}

# Methods that count against flood limits.
SEND_METHODS = {"sendmessage", "sendphoto", "senddocument", "sendaudio", "sendvoice",
                "sendpoll", "sendlocation", "copymessage", "forwardmessage"}


def method(*names: str) -> Callable[[Handler], Handler]:
    """Register a handler under one or more Bot API method names."""

    def wrap(fn: Handler) -> Handler:
        for name in names:
            METHODS[name.lower()] = (name, fn)
        return fn

    return wrap


def lookup(name: str) -> tuple[str, Handler] | None:
    return METHODS.get(name.lower())
