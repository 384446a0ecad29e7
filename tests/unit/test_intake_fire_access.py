"""Parked cars in the fire service's way are fire_safety (taxonomy.md: "blocked fire lanes by parked cars go to
`fire_safety`"): "小区门口停满了车 消防车进不来" and "有人把车横在消防通道口好几天了" were filed as parking, for the city
management office with a 72-hour deadline; cars parked elsewhere stay parking."""
from __future__ import annotations

import pytest

from bot.intake import classify


@pytest.mark.parametrize("text", ["小区门口停满了车 消防车进不来", "有人把车横在消防通道口好几天了 保安也不管",
                                  "cars parked all over the fire lane"])
def test_parked_cars_blocking_the_fire_service(text: str) -> None:
    r = classify(text)
    assert r.is_report and r.category == "fire_safety", r


@pytest.mark.parametrize("text", ["人行道上停满了汽车", "共享单车把盲道堵了"])
def test_parking_elsewhere(text: str) -> None:
    assert classify(text).category == "parking"
