"""Giving up on one update without stopping the others.

An update whose handling failed for a reason no retry can fix (or that failed every
bounded retry) is stored in `dead_letter` with its raw JSON and the error, marked
processed in the same commit (so Telegram may be told we are past it), and its
sender, where it has one, hears in their language that it was recorded. The
operator looks at it with `sentinel deadletter list|show|retry|drop`.

Library-neutral (both Telegram runtimes, and WeCom's describe): a button's presser is answered
through whichever Bot the runtime has (`answer_callback_query`, the same call in aiogram and
python-telegram-bot).
"""
from __future__ import annotations

import contextlib
import json
import logging
import traceback
from collections.abc import Callable
from typing import Any, Protocol

from bot import metrics
from bot.domain import PRIORITY_CONVERSATION, Notice
from bot.i18n import normalize_lang, t
from bot.outbox import enqueue
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)
MESSAGE_KINDS = ("message", "edited_message", "business_message", "edited_business_message")
SAFE_ID = 2**52  # a chat, user or message id beyond this was forged: nobody to tell
NOTICE = "error-recorded"


class Answering(Protocol):
    """A Bot that answers a button press (aiogram's and python-telegram-bot's alike)."""

    async def answer_callback_query(self, callback_query_id: str, text: str, show_alert: bool) -> Any: ...


def describe(error: BaseException | str) -> str:
    """The error: its headline first (type and message), then the end of its traceback."""
    if isinstance(error, str):
        return error
    headline = "".join(traceback.format_exception_only(error)).strip()
    return headline[:1000] + "\n---\n" + "".join(traceback.format_exception(error, limit=-8)).strip()[-2800:]


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and -SAFE_ID < value < SAFE_ID else None


def _sender(raw: dict[str, Any]) -> tuple[str | None, dict[str, Any]]:
    """(kind, payload) of the part of the update that has a sender we may answer."""
    for kind in (*MESSAGE_KINDS, "callback_query"):
        part = raw.get(kind)
        if isinstance(part, dict):
            return kind, part
    return None, {}


async def dead_letter(uow_factory: Callable[[], UnitOfWork], bot: Answering | None, raw: dict[str, Any],
                      error: BaseException | str, *, attempts: int = 1, default_lang: str = "zh") -> bool:
    """Store the update as dead, confirm it, tell its sender. False when it was already handled
    (a redelivery). Raises when the database cannot take even this: the caller waits and tries again."""
    update_id = _int(raw.get("update_id"))
    text = describe(error)
    # our failure is an ERROR (with its traceback); an update the client library cannot read is
    # Telegram's or the library's version drift, stored all the same: a WARNING
    log.log(logging.WARNING if isinstance(error, str) else logging.ERROR,
            "update %s dead-lettered after %d attempt(s): %s", update_id, attempts, text)
    kind, part = _sender(raw)
    frm = part.get("from") if isinstance(part.get("from"), dict) else {}
    user_id = _int(frm.get("id"))
    callback_id: str | None = None
    metrics.DEAD_LETTERED.inc()
    async with uow_factory() as uow:
        if update_id is not None and await uow.updates.seen(update_id):
            return False
        uow.deadletters.add(update_id if update_id is not None else -1,
                            json.dumps(raw, ensure_ascii=False, default=str), text, attempts)
        if update_id is not None:
            uow.updates.mark(update_id)
        lang = normalize_lang(frm.get("language_code") if isinstance(frm.get("language_code"), str) else None)
        if user_id is not None and not frm.get("is_bot"):
            user = await uow.users.get(user_id)
            lang = (user.lang if user is not None and user.lang else None) or lang
        lang = lang or default_lang
        if kind in MESSAGE_KINDS and user_id is not None and not frm.get("is_bot"):
            chat = part.get("chat") if isinstance(part.get("chat"), dict) else {}
            chat_id, message_id = _int(chat.get("id")), _int(part.get("message_id"))
            if chat_id is not None:
                enqueue(uow, Notice(chat_id, NOTICE, lang, reply_to=message_id, priority=PRIORITY_CONVERSATION))
        elif kind == "callback_query" and isinstance(part.get("id"), str):
            callback_id = part["id"]
        await uow.commit()
    if callback_id is not None and bot is not None:  # the presser alone hears it, as a button's answer
        with contextlib.suppress(Exception):
            await bot.answer_callback_query(callback_id, t(lang, NOTICE)[:200], show_alert=True)
    return True
