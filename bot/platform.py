"""What the core must know about the chat platform it runs on, told by the adapter.

Why: bot/ holds no platform's conventions. Telegram's (a negative chat id is a group; a text
carries at most 4096 characters, a caption 1024) live in handlers/telegram_limits.py; another
adapter (WeCom, issue 16 §3) describes its own chats and limits with the same type.

- `is_group(chat_id)`: whether the chat is a group (group chats get the per-group rate limit and
  may have messages merged into a digest; private chats get the per-person limit).
- `max_text`, `max_caption`: the longest text and photo caption a recipient gets, in the
  platform's own unit (Telegram counts UTF-16 code units after entity parsing).
- `private_per_sec`, `group_per_min`, `global_per_sec`: the platform's own send rates, when it has
  stricter ones than the configured pace (SENTINEL_SENDER__*): the pacer keeps the lower of the two
  (bot/pacers.py). None: the configured pace alone (Telegram's defaults are Telegram's limits).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ChatPlatform:
    name: str
    is_group: Callable[[int], bool]
    max_text: int
    max_caption: int
    private_per_sec: float | None = None
    group_per_min: int | None = None
    global_per_sec: float | None = None
