"""The dashboard's small rules: query-string filters, the GCJ-02 conversion (medians:
tests/service/test_dashboard_figures.py)."""
from __future__ import annotations

from datetime import date

import pytest
from multidict import MultiDict

from bot.services.dashboard import Filters, _fit_zoom
from handlers.web.geo import from_tiles, tile_converter


def test_filters_keep_known_values_and_drop_the_rest() -> None:
    f = Filters.parse(MultiDict([("status", "open"), ("category", "lighting,road,nonsense"), ("urgency", "urgent"),
                                 ("since", "2026-11-01"), ("until", "not a date"), ("department", "x" * 200)]))
    assert f.statuses == ("new", "accepted", "in_progress", "transferred", "triage")  # a voice report awaiting triage too
    assert f.categories == ("lighting", "road") and f.urgencies == ("urgent",)
    assert f.since == date(2026, 11, 1) and f.until is None and f.department == "x" * 64
    assert Filters.parse(MultiDict(f.query())) == f
    assert Filters.parse(MultiDict()) == Filters()


def test_gcj02_moves_points_in_china_and_back() -> None:
    assert tile_converter("wgs84") is None
    to = tile_converter("gcj02")
    assert to is not None
    lat, lon = to(39.9087, 116.4605)  # Beijing: a few hundred metres off
    assert 0.0005 < abs(lat - 39.9087) + abs(lon - 116.4605) < 0.02
    back = from_tiles("gcj02", lat, lon)
    assert back == pytest.approx((39.9087, 116.4605), abs=2e-5)
    assert to(51.5, -0.12) == pytest.approx((51.5, -0.12))  # outside China: unchanged


def test_fit_zoom_grows_as_the_box_shrinks() -> None:
    assert _fit_zoom(None) == 11
    assert _fit_zoom((39.8, 116.2, 40.0, 116.6)) < _fit_zoom((39.90, 116.40, 39.91, 116.41)) <= 16


def test_dates_are_read_as_people_type_them() -> None:
    from bot.timeparse import read_day
    for typed in ("2026-12-01", "2026/12/1", "2026.12.01", "2026年12月1日", "２０２６－１２－０１", " 2026-12-1 "):
        assert read_day(typed) == date(2026, 12, 1), typed
    for typed in ("", "2026-13-01", "2026-02-30", "yesterday", "20261201", "2026-12"):
        assert read_day(typed) is None, typed
    assert read_day("0001-01-01") == date(1970, 1, 1) and read_day("9999-12-31") == date(2999, 12, 31)
    assert Filters.unreadable_dates({"since": "2026-13-01", "until": "2026/12/1"}) == [("since", "2026-13-01")]
