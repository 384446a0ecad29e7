"""Micro party lessons (微党课): the content library and the staggered push planner.

Pure Python on purpose — no database, no Telegram — so the lead can wire it to
storage, the scheduler and the chat layer without this package knowing them.
"""

from bot.lessons.library import Lesson, LessonFormatError, Quiz, load_library, validate
from bot.lessons.planner import GroupPlan, Slot, plan_week, verify_plan
from bot.lessons.shifts import (
    DEFAULT_PROFILE,
    NoValidWindowError,
    ProfileParseError,
    ShiftProfile,
    Span,
    WeekdayParseError,
    parse_profile,
    parse_weekdays,
)

__all__ = [
    "DEFAULT_PROFILE",
    "GroupPlan",
    "Lesson",
    "LessonFormatError",
    "NoValidWindowError",
    "ProfileParseError",
    "Quiz",
    "ShiftProfile",
    "Slot",
    "Span",
    "WeekdayParseError",
    "load_library",
    "parse_profile",
    "parse_weekdays",
    "plan_week",
    "validate",
    "verify_plan",
]
