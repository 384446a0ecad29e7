"""One sender worker as a process of its own (for the multi-worker tests): the outbox sender of
`Core.attach` — claims, and with SENTINEL_REDIS_URL the shared rate limit — without the update
path or the intake model. Settings come from the SENTINEL_* environment; it writes `ready` to
stdout once it sends, and stops on SIGTERM (a SIGKILL is the test's business)."""
from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from handlers.telegram_limits import TELEGRAM
from bot.config import load_settings
from bot.outbox import Sender
from bot.pacers import pacer_for
from handlers.telegram_aiogram.runtime import make_bot
from handlers.telegram_aiogram.transport import TelegramTransport
from storage.db import create_engine, session_factory
from storage.uow import UnitOfWork


async def main() -> None:
    settings = load_settings()
    s = settings.sender
    engine = create_engine(settings.database_url)
    sessions = session_factory(engine)
    bot = make_bot(settings)
    sender = Sender(lambda: UnitOfWork(sessions), TelegramTransport(bot), pacer_for(settings, TELEGRAM.is_group), batch=s.batch,
                    concurrency=s.concurrency, lease=s.lease)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    task = asyncio.create_task(sender.run())
    print("ready", flush=True)
    await stop.wait()
    sender.stop()
    await task
    await bot.session.close()
    await engine.dispose()


if __name__ == "__main__":
    asyncio.run(main())
