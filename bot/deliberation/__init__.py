"""Riders' deliberation (小哥议事会): proposal → support → agenda → discussion → vote →
commitment. The state machine is `lifecycle`; the steps are in `service` (built from `access`,
`proposals`, `voting`, `commitments`, `reading`, `threads`); button data in bot/buttons.py."""
from bot.deliberation.limits import DeliberationError
from bot.deliberation.service import DeliberationService

__all__ = ["DeliberationError", "DeliberationService"]
