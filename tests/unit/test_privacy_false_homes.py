"""Two false homes. "Home: Back by 5" was masked to "Home: ***": an English 'home' label took any digit after
it for an address; it now needs an address (a numbered flat or block, a number and its street, a named street
or compound, or a Chinese address: bot.privacy.places.EN_ADDRESS). "I'm in Room 501 of the library, the lift is
broken" masked "Room 501 of the library" as the rider's home: a room of a public place (a library, a hospital,
图书馆, 住院部 …) is where the problem is, not a flat, and its number stays. A home said with a home cue is still
masked whatever it names, and a room without a public place (or a hotel's) still goes."""
from __future__ import annotations

import pytest

from bot.privacy import find, mask


@pytest.mark.parametrize("text", [
    "Home: Back by 5",
    "Home: Back in 5 minutes",
    "Home: 2 kids waiting, back soon",
    "Home: On my way, 10 min",
    "My home: Done for today, 3 orders left",
    "I'm in Room 501 of the library, the lift is broken",
    "I'm in the library, Room 501, the lift is broken",
    "We're in room 12 of the hospital, the lights are out",
    "Room 501, City Library: the lift is broken",
    "library room 501 leaks",
    "图书馆501室的灯坏了",
    "医院住院部3楼305病房门口积水",
    "我在教学楼302教室，暖气漏水了",
])
def test_not_a_home(text: str) -> None:
    assert mask(text) == text, mask(text)
    assert find(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Home: 12 Xingfu Rd, Flat 501", "Home: ***"),
    ("Home: Flat 5B, Keyuan Rd", "Home: ***"),
    ("Home: Xili Garden Block 5", "Home: ***"),
    ("Home: Sunny Garden, the gate light is out", "Home: ***, the gate light is out"),
    ("Home: 幸福小区3号楼2单元501", "Home: ***"),
    ("I'm at Xili Garden, Flat 12", "I'm at ***"),
    ("I'm at the hotel, room 501, the lift is broken", "I'm at ***, the lift is broken"),
    ("Room 501 next to the school leaks", "Room *** next to the school leaks"),
    ("I'm in room 501 of Building 3, the lift is broken", "I'm in ***, the lift is broken"),
    ("我住在人民医院宿舍3号楼501室", "我住在***"),
    ("I live in Room 501 of the library", "I live in ***"),
])
def test_still_a_home_or_a_flat(text: str, expected: str) -> None:
    assert mask(text) == expected
