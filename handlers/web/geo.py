"""WGS-84 ↔ GCJ-02 for map tiles.

Telegram pins (and so every stored coordinate) are WGS-84. Most Chinese tile providers draw in
GCJ-02, the obfuscated datum mandated in mainland China, where WGS-84 points land 100–700 m off.
With SENTINEL_WEB__TILES_DATUM=gcj02 points are converted before they are sent to the map, and
the map's view box is converted back before it filters stored points. The conversion is the
`eviltransform` package's (MIT; points outside China are left as they are).
"""
from __future__ import annotations

from collections.abc import Callable

import eviltransform  # type: ignore[import-untyped]

Convert = Callable[[float, float], tuple[float, float]]


def tile_converter(datum: str) -> Convert | None:
    """WGS-84 (lat, lon) → the tiles' datum; None when they are the same."""
    if datum != "gcj02":
        return None
    def convert(lat: float, lon: float) -> tuple[float, float]:
        la, lo = eviltransform.wgs2gcj(lat, lon)
        return float(la), float(lo)
    return convert


def from_tiles(datum: str, lat: float, lon: float) -> tuple[float, float]:
    """A point of the tiles' datum back to WGS-84."""
    if datum != "gcj02":
        return lat, lon
    la, lo = eviltransform.gcj2wgs(lat, lon)
    return float(la), float(lo)
