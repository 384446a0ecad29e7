"""WeCom's chats and message limits as the core's ChatPlatform (bot/platform.py), and the send
rates the pacer should keep for WeCom (docs/wecom.md cites each).

- a group's number is negative, a user's positive (handlers/wecom/ids.py);
- text and markdown content: at most 2048 bytes of UTF-8 (message/send, appchat/send); a Chinese
  character is 3 bytes, so about 680 of them. WeCom has no photo caption: a photo goes as its own
  message, so the caption limit is the text's;
- rates: a member receives at most 30 messages a minute and 1000 an hour from one app (beyond that
  WeCom drops them without an error), so the per-person pace is 30/min; in a group a member
  receives at most 200 a minute from one app; the corp's calls of one API are capped at 10,000 a
  minute. A group webhook bot (not used) may post 20 a minute.
"""
from __future__ import annotations

from bot.platform import ChatPlatform
from handlers.wecom.ids import is_group

MAX_TEXT_BYTES = 2048
PRIVATE_PER_MINUTE = 30
PRIVATE_PER_HOUR = 1000
GROUP_PER_MINUTE = 20  # kept as Telegram's: a riders' group should not hear more, whatever WeCom allows
API_PER_MINUTE = 10_000

WECOM = ChatPlatform("wecom", is_group=is_group, max_text=MAX_TEXT_BYTES // 3, max_caption=MAX_TEXT_BYTES // 3,
                     private_per_sec=PRIVATE_PER_MINUTE / 60, group_per_min=GROUP_PER_MINUTE,
                     global_per_sec=API_PER_MINUTE / 60)


def clip(text: str, limit: int = MAX_TEXT_BYTES) -> str:
    """The longest prefix of `text` whose UTF-8 fits `limit` bytes (never half a character)."""
    data = text.encode()
    if len(data) <= limit:
        return text
    return data[:limit].decode(errors="ignore")
