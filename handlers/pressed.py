"""The aiogram filter for inline-button presses: the data is read by bot.buttons, once.

`pressed(CaseAction, CaseConfirm)` matches a press whose data decodes to one of those kinds and
hands the typed button to the handler as `button`; anything else (unknown, forged, an id too
long) does not match, and falls through to the stale-button answer in handlers/commands.py.
`kinds` says which buttons a handler takes (tests/e2e/test_permission_matrix.py reads it).
"""
from __future__ import annotations

from aiogram.filters import Filter
from aiogram.types import CallbackQuery

from bot.buttons import Button, decode


class pressed(Filter):  # lower case: reads as a function at the registration, pressed(CaseAction)
    """A callback-query filter for the given button kinds; gives the handler `button`."""

    def __init__(self, *kinds: type[Button]) -> None:
        self.kinds = kinds

    async def __call__(self, query: CallbackQuery) -> dict[str, Button] | bool:
        button = decode(query.data)
        return {"button": button} if isinstance(button, self.kinds) else False

    def __str__(self) -> str:
        return "pressed(" + ", ".join(k.__name__ for k in self.kinds) + ")"
