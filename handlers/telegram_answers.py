"""What the bot reads from the Bot API's answer to a send, whatever library runs it.

A sent message's answer quotes the message it replies to (`reply_to_message`, and the like). When
that message is one the installed library cannot read (Telegram's version drift: the very update
that was dead-lettered, which the bot's "recorded" notice replies to), the send succeeded but
reading its answer failed, so the outbox took it for a failure and sent it again, every pass, for
ever, holding up the chat's later messages. The bot reads a sent message's id and photo, never the
messages it quotes: those are dropped (aiogram: when its answer cannot be read with them,
handlers/telegram_aiogram/bot_session.py; python-telegram-bot: from every sent message,
handlers/telegram_ptb/request.py).
"""
from __future__ import annotations

from typing import Any

# Other messages a sent message's answer quotes: never read by the bot.
QUOTED = ("reply_to_message", "external_reply", "quote", "pinned_message")


def is_message(result: Any) -> bool:
    return isinstance(result, dict) and "message_id" in result and "chat" in result


def without_quotes(result: Any) -> Any:
    """A message (an answer's `result`) without the messages it quotes; anything else as it is."""
    if not is_message(result) or not any(k in result for k in QUOTED):
        return result
    return {k: v for k, v in result.items() if k not in QUOTED}


def answer_without_quotes(data: Any) -> dict[str, Any] | None:
    """A successful answer whose message quotes others, without those; None when there is none."""
    if not isinstance(data, dict) or data.get("ok") is not True:
        return None
    result = data.get("result")
    trimmed = without_quotes(result)
    return None if trimmed is result else {**data, "result": trimmed}
