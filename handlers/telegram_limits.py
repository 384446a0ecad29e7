"""Telegram's chat conventions and message limits, as the core's ChatPlatform (bot/platform.py).

Sources: Bot API — group and supergroup ids are negative, user (private chat) ids positive;
sendMessage text is 1-4096 characters after entities parsing; a photo caption 0-1024.
"""
from __future__ import annotations

from bot.platform import ChatPlatform

MAX_TEXT = 4096
MAX_CAPTION = 1024


def is_group(chat_id: int) -> bool:
    """Groups, supergroups and channels have negative ids on Telegram."""
    return chat_id < 0


TELEGRAM = ChatPlatform("telegram", is_group=is_group, max_text=MAX_TEXT, max_caption=MAX_CAPTION)
