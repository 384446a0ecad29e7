"""The check-in feature's refusal: the one refusal type (bot/refusals.py), under its old name for one step."""
from __future__ import annotations

from bot.refusals import Refused

CheckinError = Refused

__all__ = ["CheckinError", "Refused"]
