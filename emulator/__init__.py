"""Rider Sentinel's own Telegram Bot API emulator (see docs/emulator.md).

`Emulator` (the aiohttp server) is loaded when first asked for (PEP 562): `sentinel`'s parser imports
`emulator.cli` for its arguments, and need not load a web server for that."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .cli import main
from .config import DEFAULT_TOKEN, EmulatorConfig

if TYPE_CHECKING:
    from .server import Emulator

__all__ = ["DEFAULT_TOKEN", "Emulator", "EmulatorConfig", "main"]


def __getattr__(name: str) -> Any:
    if name == "Emulator":
        from .server import Emulator
        return Emulator
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
