"""Dead letters on aiogram: the update as aiogram parsed it, and `sentinel deadletter retry` feeding a
dead letter to aiogram's Dispatcher again. Storing one (dead_letter) is library-neutral:
handlers/deadletter.py."""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from aiogram import Bot
from aiogram.types import Update

from handlers.deadletter import NOTICE, dead_letter, describe
from storage.uow import UnitOfWork

__all__ = ["NOTICE", "dead_letter", "describe", "raw_of", "retry"]


def raw_of(update: Update | None, raw: dict[str, Any] | None) -> dict[str, Any]:
    """The update as Telegram sent it when we kept it, else as aiogram parsed it."""
    if raw is not None:
        return raw
    assert update is not None
    return update.model_dump(mode="json", exclude_none=True)


async def retry(uow_factory: Callable[[], UnitOfWork], bot: Bot, dp: Any, letter_id: int,
                default_lang: str = "zh") -> tuple[bool, str]:
    """Feed a dead letter to the bot again (after a fix was deployed): (handled, what happened).
    Handled: the letter is marked `retried`. Failed again: it stays `dead` with the new error."""
    from storage.models.deadletter import DEAD, RETRIED
    from handlers.telegram_aiogram.polling import parse

    async with uow_factory() as uow:
        letter = await uow.deadletters.get(letter_id)
        if letter is None:
            return False, f"no dead letter #{letter_id}"
        if letter.status != DEAD:
            return False, f"dead letter #{letter_id} is {letter.status}, not dead"
        raw = json.loads(letter.raw)
        update = parse(bot, raw)
        if update is None:
            return False, f"dead letter #{letter_id}: the update still cannot be parsed"
        await uow.updates.unmark(letter.update_id)
        await uow.commit()
    error: str | None = None
    try:
        await dp.feed_update(bot, update, raw=raw)
    except Exception as e:  # retryable by kind, but it failed now: it stays dead
        error = describe(e)
    async with uow_factory() as uow:
        letter = await uow.deadletters.get(letter_id)
        assert letter is not None
        error = await uow.deadletters.fold_newer(letter) or error  # the middleware dead-lettered it anew
        if error is not None:
            letter.error, letter.attempts = error, letter.attempts + 1
            if not await uow.updates.seen(letter.update_id):
                uow.updates.mark(letter.update_id)
        else:
            letter.status = RETRIED
        await uow.commit()
    if error is not None:
        return False, f"dead letter #{letter_id} failed again: {error.strip().splitlines()[0][:200]}"
    return True, f"dead letter #{letter_id} handled"
