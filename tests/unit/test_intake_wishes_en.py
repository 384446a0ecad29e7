"""A rider's wish said in English as a request is a report of its kind, as 希望…能多几个换电柜 is in Chinese
(taxonomy: rider_service, suggestion): "Can we get a charging station near Wangjing SOHO?" and "We need
a place to charge batteries near Wangjing" were chit-chat (0.50, 0.59), so nobody heard them; a request
that asks for nothing of the city's ("can we swap shifts", "we need more orders lol") stays chit-chat."""
from __future__ import annotations

import pytest

from bot.intake import classify


@pytest.mark.parametrize(("text", "category"), [
    ("Can we get a charging station near Wangjing SOHO?", "rider_service"),
    ("We need a place to charge batteries near Wangjing", "rider_service"),
    ("there should be a toilet at the rider station on Jintai Rd", "rider_service"),
    ("Please add more rest stops for riders in Chaoyang", "suggestion"),
])
def test_a_wish_said_as_a_request_is_a_report(text: str, category: str) -> None:
    r = classify(text)
    assert r.is_report and r.category == category, r


@pytest.mark.parametrize("text", ["can we swap shifts tomorrow?", "we need more orders lol", "anyone want to grab lunch?"])
def test_a_request_of_the_riders_own_is_chit_chat(text: str) -> None:
    assert not classify(text).is_report
