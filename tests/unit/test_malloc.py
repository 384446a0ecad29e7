"""glibc's dynamic mmap threshold is pinned, so large blocks keep their own mmap (bot/ops/malloc.py).

Each check runs in a fresh interpreter: in a process that ran other tests the heap may already hold
a free hole large enough, which malloc reuses whatever the threshold (the pin stops the heap from
growing further; it cannot empty it)."""
from __future__ import annotations

import ctypes
import subprocess
import sys

import pytest

from bot.ops.malloc import pin_mmap_threshold

# Frees a 4 MiB block (which raises an unpinned threshold to 4 MiB), then asks for 1 MiB and prints
# whether glibc gave it its own mmap: the IS_MMAPPED bit (0x2) of the chunk's size word, just before it.
_PROBE = """
import ctypes, sys
from bot.ops.malloc import pin_mmap_threshold
libc = ctypes.CDLL("libc.so.6")
libc.malloc.restype, libc.malloc.argtypes = ctypes.c_void_p, [ctypes.c_size_t]
libc.free.argtypes = [ctypes.c_void_p]
if sys.argv[1] == "pin":
    assert pin_mmap_threshold()
libc.free(libc.malloc(4 << 20))
block = libc.malloc(1 << 20)
print(bool(ctypes.c_size_t.from_address(block - ctypes.sizeof(ctypes.c_size_t)).value & 2))
"""


def _mapped(mode: str) -> bool:
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": ":".join(sys.path)}  # no MALLOC_* of the caller's
    out = subprocess.run([sys.executable, "-c", _PROBE, mode], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip() == "True"


@pytest.mark.skipif(not sys.platform.startswith("linux") or not hasattr(ctypes.CDLL(None), "gnu_get_libc_version"),
                    reason="glibc only")
def test_a_freed_large_block_no_longer_sends_the_next_ones_to_the_heap() -> None:
    assert _mapped("pin")
    assert not _mapped("as-glibc-does")  # the dynamic threshold: the 1 MiB block came from the heap


def test_an_operators_own_setting_is_left_to_glibc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MALLOC_MMAP_THRESHOLD_", "65536")
    assert pin_mmap_threshold() is False
    monkeypatch.delenv("MALLOC_MMAP_THRESHOLD_")
    monkeypatch.setenv("GLIBC_TUNABLES", "glibc.malloc.arena_max=2:glibc.malloc.mmap_threshold=65536")
    assert pin_mmap_threshold() is False
