"""aiogram's HTTP session, with the response models it builds kept alive, and answers read even
when a message they quote is not.

aiogram reads every answer through `Response[method.__returning__]`, a pydantic generic model
made on first use. pydantic (2.12+) caches such models only weakly, so once a garbage
collection frees the last answer read, the next send builds the model again: 10-40 ms of CPU,
about every twentieth `sendMessage` under load (issue 18's case-transition profile). Holding
each model once made keeps the cache warm for the life of the process.

A send whose answer cannot be read only because of a message it quotes (handlers/telegram_answers.py)
is read without that message: it was sent, and must not be sent again.
"""
from __future__ import annotations

import json
from typing import Any

from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.exceptions import ClientDecodeError
from aiogram.methods import Response, TelegramMethod

from handlers.telegram_answers import answer_without_quotes

_KEPT: dict[Any, Any] = {}  # method.__returning__ -> Response[that], alive as long as the process


class KeptModelsSession(AiohttpSession):
    def check_response(self, bot: Bot, method: TelegramMethod[Any], status_code: int,
                       content: str) -> Response[Any]:
        returning = method.__returning__
        if returning not in _KEPT:
            _KEPT[returning] = Response[returning]  # type: ignore[valid-type]
        try:
            return super().check_response(bot, method, status_code, content)
        except ClientDecodeError as e:
            trimmed = answer_without_quotes(e.data)
            if trimmed is None:
                raise
            return super().check_response(bot, method, status_code, json.dumps(trimmed))
