"""The emulator in a process of its own, as Telegram is another machine: for benchmarks."""
from __future__ import annotations

import asyncio
import socket
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from emulator.client import EmulatorClient


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@asynccontextmanager
async def emulator_process(*args: str) -> AsyncIterator[str]:
    """Starts `python -m emulator --port <free> *args` and yields its base URL once it answers."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "emulator", "--port", str(port), *args,
                                                stdout=asyncio.subprocess.DEVNULL)
    try:
        async with EmulatorClient(url) as tg:
            for _ in range(400):
                try:
                    await tg.stats()
                    break
                except Exception:  # not listening yet
                    if proc.returncode is not None:
                        raise RuntimeError(f"emulator exited with {proc.returncode}") from None
                    await asyncio.sleep(0.05)
            else:
                raise TimeoutError("emulator did not start")
        yield url
    finally:
        if proc.returncode is None:
            proc.terminate()
        await proc.wait()
