"""The one refusal: a service says no with a message key and its parameters.

Why one type: each feature used to define its own exception of this same shape (LessonRefused,
BroadcastError, PointsError, CheckinError, ExportError), and each handler caught and rendered
each one. A platform adapter now catches `Refused` once (the chat layer, handlers/chat.py, for every platform) and
renders it through the Fluent catalogues (bot/locales/*/): `key` is a message id there, `params`
its variables (ints stay numbers, so plural selectors work). The old names remain as aliases
of `Refused` in their modules for one step, so callers and branches in flight keep working.

Case refusals (bot.cases.lifecycle.CaseError and its kinds) are `Refused` too; they carry a
status and an action that the renderer names in words (handlers/render.py `error_text`).
"""
from __future__ import annotations

from typing import Any


class Refused(Exception):
    """A refused request. `key`: a catalogue message id; `params`: its arguments."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params: dict[str, Any] = params

    @property
    def args_(self) -> dict[str, Any]:
        """The parameters, under the name PointsError and ExportError used (compatibility, one step)."""
        return self.params
