"""Keep a long-running bot's memory from creeping up under glibc's malloc.

Why: glibc serves blocks of at least `M_MMAP_THRESHOLD` bytes (128 KiB at start) with their own
mmap, returned to the system when freed. But each time such a block is freed, glibc raises the
threshold to that block's size (its "dynamic mmap threshold", up to 32 MiB on 64-bit; mallopt(3)).
After one large temporary block, the large blocks of every later update come from the main heap
instead, and the holes they leave between longer-lived blocks are not reused nor returned. Measured
with `scripts/bench_city.py --rate 100` (python-telegram-bot worker, PostgreSQL): the heap's free
space grew without end, 4 → 54 MB in 5 minutes, and the worker's RSS by ~20 MB a minute while the
memory in use stayed at ~52 MB. With the threshold pinned at 128 KiB the heap's free space stayed at
1–2 MB (README, Growth).

Setting the threshold explicitly turns the dynamic adjustment off (mallopt(3), M_MMAP_THRESHOLD).
An operator's own `MALLOC_MMAP_THRESHOLD_` or `GLIBC_TUNABLES=glibc.malloc.mmap_threshold=…` is left to glibc; other C libraries
(musl, macOS) have no such adjustment, and nothing is done there.
"""
from __future__ import annotations

import ctypes
import os

M_MMAP_THRESHOLD = -3  # glibc's <malloc.h>
MMAP_THRESHOLD = 128 * 1024  # bytes: glibc's own starting value (DEFAULT_MMAP_THRESHOLD_MIN)


def pin_mmap_threshold(size: int = MMAP_THRESHOLD) -> bool:
    """Fix glibc's mmap threshold at `size` bytes, for the rest of the process. True when set;
    False without glibc's mallopt (another C library) or when the environment already sets it."""
    if "MALLOC_MMAP_THRESHOLD_" in os.environ or "glibc.malloc.mmap_threshold" in os.environ.get("GLIBC_TUNABLES", ""):
        return False
    try:
        libc = ctypes.CDLL(None)  # the C library this process runs on (no lookup by name)
        mallopt = libc.mallopt
        libc.gnu_get_libc_version  # noqa: B018  (glibc only: musl's mallopt does nothing)
    except (OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, size))
