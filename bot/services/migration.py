"""A group upgraded to a supergroup gets a new chat id: everything follows it, once.

Telegram tells us three ways, in any order and possibly more than once: a send to
the old id fails with `migrate_to_chat_id`, the old group gets a `migrate_to_chat_id`
service message and the new supergroup a `migrate_from_chat_id` one. Each calls
`move`; the first does the work, the others find nothing left to move.
"""
from __future__ import annotations

import asyncio
import logging

from bot.services.lessons import LessonRefused, LessonService, job_id
from storage.repositories.chat_moves import ChatMoveRepository
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)


class ChatMigration:
    def __init__(self, lessons: LessonService | None = None) -> None:
        self.lessons = lessons

    async def move(self, uow: UnitOfWork, old_id: int, new_id: int) -> bool:
        """Binding, cases, followers' threads, pending messages, lesson plan and jobs, broadcast
        and survey targets: all to `new_id`. True if anything moved (False: already done)."""
        if old_id == new_id:
            return False
        changed = await ChatMoveRepository(uow.session, uow.deferred).move(old_id, new_id)
        await uow.cases.chat_moved(old_id)  # the rest of the batch sees its cases in the new chat
        if changed:
            log.info("chat %s migrated to %s: %d rows moved", old_id, new_id, changed)
            await self._move_lesson_jobs(uow, old_id, new_id)
        return bool(changed)

    async def _move_lesson_jobs(self, uow: UnitOfWork, old_id: int, new_id: int) -> None:
        """The plan's jobs are named by chat id: plan the new id afresh, drop the old jobs."""
        if self.lessons is None:
            return
        schedule = await uow.lessons.schedule(new_id)
        if schedule is None or not schedule.slots:
            return
        lessons = self.lessons
        old_jobs: list[tuple[str, int, int, int | None]] = [
            (job_id(old_id, int(d)), old_id, int(d), None) for d in schedule.slots]
        schedule.slots = {}
        uow.lessons.save_schedule(schedule)
        try:
            await lessons.replan(uow)
        except LessonRefused:
            log.warning("lessons of chat %s could not be re-planned after its migration", new_id)
        uow.after_commit(lambda: asyncio.to_thread(lessons._apply, old_jobs))
