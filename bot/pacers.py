"""Which pacer a worker's sender uses: its own (one worker, the default), or one shared with
every worker of the bot through Redis when SENTINEL_REDIS_URL is set (bot/shared_pacing.py)."""
from __future__ import annotations

from collections.abc import Callable

from bot.config import Settings
from bot.pacing import Pacer
from bot.platform import ChatPlatform


def _lower(configured: float, platform: float | None) -> float:
    return configured if platform is None else min(configured, platform)


def pacer_for(settings: Settings, platform: ChatPlatform | Callable[[int], bool]) -> Pacer:
    """The pace of one platform's sends: its word on which chats are groups, and the lower of the
    configured rates and the platform's own (bot/platform.py). A bare `is_group` (older callers):
    the configured rates alone."""
    if isinstance(platform, ChatPlatform):
        is_group = platform.is_group
        per_sec = _lower(settings.sender.global_per_sec, platform.global_per_sec)
        per_min = int(_lower(settings.sender.group_per_min, platform.group_per_min))
        private = _lower(settings.sender.private_per_sec, platform.private_per_sec)
    else:
        is_group = platform
        per_sec, per_min, private = (settings.sender.global_per_sec, settings.sender.group_per_min,
                                     settings.sender.private_per_sec)
    s = settings.sender
    if not settings.redis_url:
        return Pacer(per_sec, per_min, private, group_window=s.group_window, is_group=is_group)
    from bot.shared_pacing import SharedPacer  # only with Redis: `limits` and `redis` are needed then
    bot = settings.bot_token.split(':')[0]
    if isinstance(platform, ChatPlatform) and platform.name != "telegram":  # its own windows per platform
        bot = f"{platform.name}:{settings.wecom.corp_id}:{settings.wecom.agent_id}"
    key = f"{settings.redis_prefix}:{bot}"
    return SharedPacer(settings.redis_url, key, per_sec, per_min, private,
                       group_window=s.group_window, is_group=is_group)
