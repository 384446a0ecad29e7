"""One rule in one place: the intake read English home cues of its own ("i live", "i'm living", "my flat is
at"), narrower than the negative list's (bot.privacy.places.HOME_CUE_EN: also "I stay at", "I'm staying at",
"I reside in"), so "I stay at Xili Garden, but the street light on Honghe Rd is out" was masked as a home and
yet taken as the incident's place: the case's place was the home (not shown outside the rider's chat) and
Honghe Rd was lost. Now the intake reads bot.privacy.places.HOME_BEFORE_EN; the mobile check is one function
(bot.privacy.kinds.is_mobile) for the mobile rows and the order-number row."""
from __future__ import annotations

import pytest

from bot.intake.places import locate
from bot.privacy import is_residence, mask
from bot.privacy.kinds import is_mobile


@pytest.mark.parametrize("text, place", [
    ("I stay at Xili Garden, but the street light on Honghe Rd is out", "Honghe Rd"),
    ("I'm staying at Xili Garden, the light on Honghe Rd is out", "Honghe Rd"),
    ("I live at Xili Garden, but the street light on Honghe Rd is out", "Honghe Rd"),
])
def test_the_intake_reads_the_negative_lists_english_home_cues(text: str, place: str) -> None:
    assert locate(text, tagger=False) == place
    assert "Xili" not in mask(text) and not is_residence(place, text)


@pytest.mark.parametrize("digits, mobile", [
    ("13812345678", True), ("19912345678", True), ("12812345678", False), ("1381234567", False),
    ("138123456789", False), ("1381234567X", False), ("23812345678", False),
])
def test_one_mobile_check(digits: str, mobile: bool) -> None:
    assert is_mobile(digits) is mobile
