"""Editing a message we sent earlier (a decision settles its buttons), through the outbox like
any send, with Telegram's errors mapped as the transport maps them."""
from __future__ import annotations

import asyncio

from aiogram import Bot
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.exceptions import (TelegramBadRequest, TelegramForbiddenError, TelegramNetworkError,
                                TelegramRetryAfter, TelegramServerError, TelegramUnauthorizedError)

from bot.outbox import EDIT, Outgoing, PermanentError, RetryLater, TransientError, Unreachable
from handlers.render import Rendered

MAX_CAPTION = 1024


async def edit_message(bot: Bot, message: Outgoing, rendered: Rendered) -> int:
    """New text (or caption) with the row's buttons (none: a decision settled them); only the
    buttons go when the text would not fit or cannot be rebuilt. An edit that changes nothing, or
    of a message gone, is done."""
    target = int(message.payload[EDIT])
    markup = InlineKeyboardMarkup(inline_keyboard=[
        [InlineKeyboardButton(text=label, callback_data=data) for label, data in row]
        for row in rendered.buttons]) if rendered.buttons else None
    caption = bool(message.payload.get("caption"))
    text = rendered.text if rendered.text and (not caption or len(rendered.text) <= MAX_CAPTION) else ""
    try:
        if text and caption:
            await bot.edit_message_caption(chat_id=message.chat_id, message_id=target, caption=text,
                                           parse_mode="HTML", reply_markup=markup)
        elif text:
            await bot.edit_message_text(text, chat_id=message.chat_id, message_id=target, parse_mode="HTML",
                                        reply_markup=markup)
        else:
            await bot.edit_message_reply_markup(chat_id=message.chat_id, message_id=target, reply_markup=None)
    except TelegramRetryAfter as e:
        raise RetryLater(e.retry_after, message.chat_id) from e
    except (TelegramServerError, TelegramNetworkError, TelegramUnauthorizedError, asyncio.TimeoutError) as e:
        raise TransientError(str(e)) from e
    except TelegramForbiddenError as e:
        raise Unreachable(e.message) from e
    except TelegramBadRequest as e:
        if "not modified" in e.message:
            return target
        if "can't parse entities" in e.message and text:  # our markup broke: the buttons still go
            try:
                await bot.edit_message_reply_markup(chat_id=message.chat_id, message_id=target, reply_markup=None)
            except TelegramBadRequest as again:
                if "not modified" not in again.message:
                    raise PermanentError(again.message) from again
            return target
        raise PermanentError(e.message) from e
    return target
