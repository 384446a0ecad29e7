"""The aiogram filter for inline-button presses: the data is read by bot.buttons, once.

`pressed(CaseAction, CaseConfirm)` matches a press whose data decodes to one of those kinds and
hands the typed button to the handler as `button`; anything else (unknown, forged, an id too
long) does not match, and falls through to the stale-button answer in handlers/commands.py.
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiogram.types import CallbackQuery

from bot.buttons import Button, decode


def pressed(*kinds: type[Button]) -> Callable[[CallbackQuery], Awaitable[dict[str, Button] | bool]]:
    """A callback-query filter for the given button kinds; gives the handler `button`."""
    async def match(query: CallbackQuery) -> dict[str, Button] | bool:
        button = decode(query.data)
        return {"button": button} if isinstance(button, kinds) else False
    match.__qualname__ = "pressed(" + ",".join(k.__name__ for k in kinds) + ")"
    return match
