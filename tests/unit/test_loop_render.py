"""Configured times in words (zh and en, plurals by Fluent) and the one-message registration."""
from __future__ import annotations

from bot.outbox import Outgoing
from handlers.render import duration, render


def test_durations_read_naturally() -> None:
    assert duration("zh", 3600) == "1 小时" and duration("en", 3600) == "1 hour"
    assert duration("zh", 86400) == "24 小时" and duration("en", 72 * 3600) == "3 days"
    assert duration("en", 1800) == "30 minutes" and duration("en", 60) == "1 minute"
    assert duration("zh", 15 * 86400) == "15 天"


def _created(lang: str, **payload) -> str:
    base = {"category": "lighting", "urgency": "normal", "location": None, "lat": None, "lon": None,
            "respond_s": 3 * 86400, "fix_s": 7 * 86400}
    return render(Outgoing(1, 1, "case-created", lang, {**base, **payload}, None, 5)).text


def test_registration_asks_for_the_place_in_the_same_message() -> None:
    zh = _created("zh", ask_place=True)
    assert "C-000005" in zh and "还缺地点" in zh and "待补充" not in zh and "3 天内受理、7 天内办结" in zh
    en = _created("en", ask_place=True)
    assert "No place yet" in en and "accepted within 3 days and fixed within 7 days" in en


def test_registration_shows_the_place_back_or_none_for_placeless_categories() -> None:
    shown = _created("zh", location="幸福小区3号门")
    assert "幸福小区3号门" in shown and "回复本条消息" in shown
    none = _created("en", category="rider_rights", no_place=True)
    assert "Place" not in none and "No place yet" not in none
