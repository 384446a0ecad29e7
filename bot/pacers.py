"""Which pacer a worker's sender uses: its own (one worker, the default), or one shared with
every worker of the bot through Redis when SENTINEL_REDIS_URL is set (bot/shared_pacing.py)."""
from __future__ import annotations

from collections.abc import Callable

from bot.config import Settings
from bot.pacing import Pacer


def pacer_for(settings: Settings, is_group: Callable[[int], bool]) -> Pacer:
    """`is_group`: the platform's word on which chats are groups (bot/platform.py)."""
    s = settings.sender
    if not settings.redis_url:
        return Pacer(s.global_per_sec, s.group_per_min, s.private_per_sec, group_window=s.group_window, is_group=is_group)
    from bot.shared_pacing import SharedPacer  # only with Redis: `limits` and `redis` are needed then
    key = f"{settings.redis_prefix}:{settings.bot_token.split(':')[0]}"  # the bot's id: its own windows
    return SharedPacer(settings.redis_url, key, s.global_per_sec, s.group_per_min, s.private_per_sec,
                       group_window=s.group_window, is_group=is_group)
