"""The one exception of the check-in feature: a refusal the handler answers from the catalogue."""
from __future__ import annotations

from typing import Any


class CheckinError(Exception):
    """A refusal with a catalogue key and its arguments."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key, self.params = key, params
