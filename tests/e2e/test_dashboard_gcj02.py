# ruff: noqa: F811  (the fixtures imported from test_dashboard are parameters here)
"""The map with GCJ-02 tiles (SENTINEL_WEB__TILES_DATUM=gcj02): every coordinate map.json sends is in
the tiles' datum, the first view's `extent` too (issue 17 #20: it was sent in WGS-84, so the first view
sat hundreds of metres off the converted markers). Real server, browser session, SQLite and PG."""
from __future__ import annotations

from typing import Any

import eviltransform  # type: ignore[import-untyped]
import pytest

from bot.config import Settings, WebSettings
from emulator.client import EmulatorClient
from tests.conftest import SEC, with_boss
from tests.e2e.test_dashboard import _free_port, bound, browser, logged_in, seed, web  # noqa: F401


@pytest.fixture
def settings(settings: Settings) -> Settings:
    port = _free_port()
    return with_boss(settings, web=WebSettings(port=port, public_url=f"http://127.0.0.1:{port}",
                                               tiles_datum="gcj02"))


async def test_map_extent_is_in_the_tiles_datum(web: str, tg: EmulatorClient, db: Any, browser: Any) -> None:
    await bound(tg, db)
    await seed(db, 12, 0)
    page = await logged_in(browser, tg, SEC)
    r = await page.goto(f"{web}/dash/api/map.json")
    assert r is not None and r.status == 200
    data = await r.json()
    south, west, north, east = data["extent"]
    lats = [m["lat"] for m in data["markers"]]
    lons = [m["lon"] for m in data["markers"]]
    # the converted markers lie inside the extent (to ~20 m: the shift varies a little; a WGS-84 extent misses by ~0.0013° in lat, ~0.006° in lon)
    assert south <= min(lats) + 2e-4 and max(lats) <= north + 2e-4
    assert west <= min(lons) + 2e-4 and max(lons) <= east + 2e-4
    wgs_south, wgs_west = eviltransform.gcj2wgs(south, west)
    assert abs(wgs_south - south) + abs(wgs_west - west) > 1e-3  # it was converted at all
