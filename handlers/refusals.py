"""Refusals, caught once: a `bot.refusals.Refused` raised by a service becomes the answer.

Inner middleware (inside the update's unit of work, which still commits: a refusal is an answer,
not a failure, and whatever the service recorded before refusing is kept, as when each handler
caught its own). A refused message is answered in its chat (a reply in a group) with the
catalogue message `key`; a refused button press is answered on the button, as an alert, and a
press on something another secretary already decided also takes the stale buttons away.
Case refusals go through the `case-error` notice, which names status and action in words.
"""
from __future__ import annotations

from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import CallbackQuery, Message, TelegramObject

from bot.cases import CaseError
from bot.domain import PRIORITY_CONVERSATION, IncomingMessage, Notice
from bot.i18n import t
from bot.outbox import enqueue
from bot.refusals import Refused
from handlers.callbacks import already_decided, answer, presser
from handlers.middlewares import Handler
from handlers.render import error_text
from storage.uow import UnitOfWork


def refusal_notice(error: Refused) -> tuple[str, dict[str, Any]]:
    """The notice kind and payload that say `error` in a chat."""
    if isinstance(error, CaseError):
        return "case-error", {"key": error.key, "params": error.params}
    return error.key, dict(error.params)


def refusal_text(lang: str, error: Refused) -> str:
    """`error` as one line of plain text, for a button's answer."""
    if isinstance(error, CaseError):
        return error_text(lang, error.key, error.params)
    return t(lang, error.key, **error.params)


class RefusalMiddleware(BaseMiddleware):
    """Inner middleware on messages (after PeopleMiddleware: it needs `incoming` and `lang`) and
    on callback queries."""

    def __init__(self, default_lang: str) -> None:
        self.default_lang = default_lang

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        try:
            return await handler(event, data)
        except Refused as e:
            uow: UnitOfWork = data["uow"]
            if isinstance(event, CallbackQuery):
                _, lang = await presser(uow, event, self.default_lang)
                await answer(event, already_decided(uow, event, lang, refusal_text(lang, e), e.params, e.key),
                             alert=True)
            elif isinstance(event, Message) and "incoming" in data:
                msg: IncomingMessage = data["incoming"]
                kind, payload = refusal_notice(e)
                enqueue(uow, Notice(msg.chat_id, kind, data["lang"], payload=payload,
                                    reply_to=None if msg.is_private else msg.message_id,
                                    priority=PRIORITY_CONVERSATION))
            else:
                raise
            return None
