"""glibc's dynamic mmap threshold is pinned, so large blocks keep their own mmap (bot/ops/malloc.py)."""
from __future__ import annotations

import ctypes
import ctypes.util

import pytest

from bot.ops.malloc import MMAP_THRESHOLD, pin_mmap_threshold


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks",
                 "keepcost")]


def _libc() -> ctypes.CDLL:
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    if not hasattr(libc, "gnu_get_libc_version") or not hasattr(libc, "mallinfo2"):
        pytest.skip("glibc ≥ 2.33 only")
    libc.malloc.restype, libc.malloc.argtypes = ctypes.c_void_p, [ctypes.c_size_t]
    libc.free.argtypes = [ctypes.c_void_p]
    libc.mallinfo2.restype = _MallInfo2
    return libc


def _mapped_after_a_larger_one_was_freed(libc: ctypes.CDLL) -> bool:
    """Free a 4 MiB block (which raises an unpinned threshold to 4 MiB), then ask for 1 MiB:
    whether it got its own mmap (glibc counts those in `hblks`)."""
    libc.free(libc.malloc(4 << 20))
    before = libc.mallinfo2().hblks
    block = libc.malloc(1 << 20)
    try:
        return bool(libc.mallinfo2().hblks > before)
    finally:
        libc.free(block)


def test_a_freed_large_block_no_longer_sends_the_next_ones_to_the_heap(monkeypatch: pytest.MonkeyPatch) -> None:
    libc = _libc()
    monkeypatch.delenv("MALLOC_MMAP_THRESHOLD_", raising=False)
    assert pin_mmap_threshold()
    assert _mapped_after_a_larger_one_was_freed(libc)
    # the check tells the two apart: with the threshold above the block, it comes from the heap
    libc.mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    assert libc.mallopt(-3, 1 << 30) and not _mapped_after_a_larger_one_was_freed(libc)
    assert pin_mmap_threshold(MMAP_THRESHOLD)


def test_an_operators_own_setting_is_left_to_glibc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MALLOC_MMAP_THRESHOLD_", "65536")
    assert pin_mmap_threshold() is False
