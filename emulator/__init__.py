"""Rider Sentinel's own Telegram Bot API emulator (see docs/emulator.md)."""

from .cli import main
from .config import DEFAULT_TOKEN, EmulatorConfig
from .server import Emulator

__all__ = ["DEFAULT_TOKEN", "Emulator", "EmulatorConfig", "main"]
