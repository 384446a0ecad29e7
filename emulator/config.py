"""Emulator configuration and the default bot token."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

DEFAULT_TOKEN = "123456789:AAE-Rider-Sentinel-Emulator-Token-0000"
TOKEN_RE = re.compile(r"^\d+:[A-Za-z0-9_-]{20,}$")


@dataclass
class EmulatorConfig:
    """Runtime-tunable knobs; every field can be changed via ``POST /_emu/config``."""

    limits: bool = True
    global_per_sec: int = 30
    group_per_min: int = 20
    private_per_sec: int = 1
    latency_ms: int = 0
    tokens: list[str] | None = None  # None = accept any well-formed token

    def public(self) -> dict:
        """The config as exposed by the control API (tokens are not echoed)."""
        data = asdict(self)
        data.pop("tokens", None)
        return data

    def update(self, changes: dict) -> None:
        """Apply a partial update from the control API, coercing types."""
        if "limits" in changes:
            self.limits = bool(changes["limits"])
        for key in ("global_per_sec", "group_per_min", "private_per_sec", "latency_ms"):
            if key in changes and changes[key] is not None:
                setattr(self, key, max(0, int(changes[key])))
