"""A report that names a road and then, more exactly, where on it ("光华路路灯也坏了，在光华路8号") has
the fuller place: the case read "地点：光华路", and the department had a whole road to search."""
from __future__ import annotations

import pytest

from bot.intake.location import extract_location


@pytest.mark.parametrize(("text", "place"), [
    ("光华路路灯也坏了，在光华路8号", "光华路8号"),
    ("光华路的路灯坏了，就在光华路8号门口", "光华路8号门口"),
    ("建设路上有个井盖松了，在建设路12号", "建设路12号"),
    ("幸福小区3号门的路灯坏了 晚上黑乎乎的", "幸福小区3号门"),  # one place: as before
])
def test_the_same_place_said_again_more_exactly_is_the_place(text: str, place: str) -> None:
    assert extract_location(text) == place
