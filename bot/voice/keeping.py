"""A copy of each voice report's audio in the media store (issue 13 §3: "the audio is kept:
file_id and a copy in the configured media store").

After the case's transaction commits, a background task downloads the audio through the
Bot API (the handler hands over how: getFile, then the file), writes it to the media store
and records its name on the voice report. The update's handler never waits for the download:
the rider's reply and the secretary's card go out at once; a download that fails is retried
a few times and then logged (the file_id still plays the audio on Telegram).
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from bot.media_store import MediaStore
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)
Fetch = Callable[[], Awaitable[bytes]]
TRIES = 3  # downloads tried before giving up (1 s, then 2 s between them)
SUFFIX = ".oga"  # Telegram's voice notes are OGG/Opus


class AudioKeeper:
    """Schedules and runs the copies; `drain` waits for those under way (shutdown, tests)."""

    def __init__(self, store: MediaStore, uow: Callable[[], UnitOfWork], pause: float = 1.0) -> None:
        self.store = store
        self._uow = uow
        self._pause = pause
        self._tasks: set[asyncio.Task[str | None]] = set()

    def after(self, uow: UnitOfWork, case_id: int, fetch: Fetch) -> None:
        """Copy case `case_id`'s audio once `uow` commits (never if it rolls back)."""
        async def start() -> None:
            task = asyncio.create_task(self.keep(case_id, fetch), name=f"keep-voice-{case_id}")
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        uow.after_commit(start)

    async def keep(self, case_id: int, fetch: Fetch) -> str | None:
        """Download, store, record; the stored name, or None when it could not be had."""
        for attempt in range(TRIES):
            try:
                data = await fetch()
                name = await self.store.put_async(data, SUFFIX)
                break
            except Exception:  # a network error or a full disk: try again, then log
                if attempt == TRIES - 1:
                    log.exception("could not keep a copy of voice report %s", case_id)
                    return None
                await asyncio.sleep(self._pause * 2 ** attempt)
        async with self._uow() as uow:
            report = await uow.voice.get(case_id)
            if report is not None:
                report.media_path = name
                await uow.commit()
        return name

    async def drain(self, timeout: float = 10.0) -> None:
        """Wait (at most `timeout` seconds) for the copies under way."""
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=timeout)
