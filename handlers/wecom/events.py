"""WeCom events the core's IncomingMessage does not carry yet, as small neutral dataclasses.

`ButtonPress` is a template card's button (WeCom's template_card_event: EventKey, TaskId), the
equivalent of Telegram's inline-button callback; `VoiceNote` a voice message (media_id → bytes
through WeComClient.download_media). When the neutral layer's own ButtonPress lands in bot/, this
one maps onto it field for field.
"""
from __future__ import annotations

from dataclasses import dataclass

from bot.domain import IncomingMessage, Person


@dataclass(frozen=True, slots=True)
class ButtonPress:
    chat_id: int  # where the card is: the presser's private chat, or the group
    chat_type: str  # private | group
    sender: Person
    data: str  # the button's key (EventKey): our button data (bot/buttons.py)
    task_id: str  # the card's task id (TaskId): which card was pressed
    response_code: str | None = None  # lets the card be updated once (update_template_card / response_url)


@dataclass(frozen=True, slots=True)
class VoiceNote:
    message: IncomingMessage
    media_id: str
    audio_format: str  # "amr" from an app callback


WeComEvent = IncomingMessage | ButtonPress | VoiceNote
