"""The dashboard's small rules: histogram medians, query-string filters, the GCJ-02 conversion."""
from __future__ import annotations

import statistics
from datetime import date

import pytest
from multidict import MultiDict

from bot.services.dashboard import Filters, _fit_zoom
from handlers.web.geo import from_tiles, tile_converter
from storage.repositories.dashboard import HISTOGRAM, _fold, _median


def histogram(seconds: list[float]) -> dict[int, int]:
    """What DashboardRepository._histogram counts, in Python."""
    bins: dict[int, int] = {}
    for s in seconds:
        b = int(s // HISTOGRAM[0]) if s < 86400 else int(86400 // HISTOGRAM[0] + (s - 86400) // HISTOGRAM[1])
        bins[b] = bins.get(b, 0) + 1
    return bins


@pytest.mark.parametrize("seconds", [
    [600.0], [100.0, 5000.0, 7000.0], [3600.0 * h for h in (1, 2, 3, 50, 90, 200)],
    [float(37 * i % 86000) for i in range(1, 501)], [86400.0 * 3 + i for i in range(0, 7200, 60)],
])
def test_histogram_median_is_within_one_bin_of_a_middle_value(seconds: list[float]) -> None:
    """Between the low and the high median (equal for an odd count), give or take one bin."""
    low, high = statistics.median_low(seconds), statistics.median_high(seconds)
    got = _median(histogram(seconds))
    assert got is not None
    width = HISTOGRAM[0] if high < 86400 else HISTOGRAM[1]
    assert low - width <= got <= high + width, (got, low, high)


def test_folding_sums_bins_per_group() -> None:
    hist = [("roads", "road", 3, 2), ("roads", "bike_lane", 3, 1), ("lights", "lighting", 10, 4)]
    assert _fold(hist, lambda d, k: d) == {"roads": {3: 3}, "lights": {10: 4}}
    assert _fold(hist, lambda d, k: "") == {"": {3: 3, 10: 4}}
    assert _median(None) is None and _median({}) is None


def test_filters_keep_known_values_and_drop_the_rest() -> None:
    f = Filters.parse(MultiDict([("status", "open"), ("category", "lighting,road,nonsense"), ("urgency", "urgent"),
                                 ("since", "2026-11-01"), ("until", "not a date"), ("department", "x" * 200)]))
    assert f.statuses == ("new", "accepted", "in_progress", "transferred")
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
