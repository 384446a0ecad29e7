"""A group upgraded to a supergroup: every row naming the old id follows the new one, once.

Runs on SQLite and, with SENTINEL_TEST_PG_URL set, on PostgreSQL."""
from __future__ import annotations


from sqlmodel import select

from bot.services.migration import ChatMigration
from storage.models import Branch, Case, CaseWatcher, Chat, OutboxMessage, PendingReport, utcnow
from storage.models.broadcasts import Broadcast, Survey
from storage.models.lessons import LessonSchedule
from tests.service.conftest import Factory

OLD, NEW, OTHER = -4001, -1004001, -100200


async def _world(uows: Factory) -> None:
    async with uows() as uow:
        s = uow.session
        branch = Branch(code="cy", name="朝阳支部")
        s.add(branch)
        await s.flush()
        s.add_all([Chat(id=OLD, type="group", title="老群", branch_id=branch.id), Chat(id=OTHER, type="supergroup")])
        await s.flush()
        case = Case(category="lighting", urgency="normal", text="路灯坏了", reporter_id=501, chat_id=OLD,
                    message_id=7, branch_id=branch.id)
        s.add(case)
        await s.flush()
        s.add_all([
            CaseWatcher(case_id=case.id, user_id=502, chat_id=OLD, message_id=9),
            PendingReport(chat_id=OLD, message_id=11, user_id=503, text="好像有点问题", category="other",
                          urgency="normal"),
            OutboxMessage(chat_id=OLD, kind="case-event", payload={}, status="pending"),
            OutboxMessage(chat_id=OLD, kind="case-created", payload={}, status="sent", sent_message_id=8),
            LessonSchedule(chat_id=OLD, weekdays="0,2,4"),
            Broadcast(author_id=801, chat_ids=[OLD, OTHER], status="scheduled"),
            Broadcast(author_id=801, chat_ids=None, status="scheduled"),
            Survey(author_id=801, question="?", options=["a", "b"], chat_ids=[OTHER, OLD], close_at=utcnow()),
        ])
        await uow.commit()


async def test_everything_moves_once(uows: Factory) -> None:
    await _world(uows)
    migration = ChatMigration()
    async with uows() as uow:
        assert await migration.move(uow, OLD, NEW)
        await uow.commit()
    async with uows() as uow:  # the service message after the error: nothing left to move
        assert not await migration.move(uow, OLD, NEW)
        await uow.commit()
    async with uows() as uow:
        s = uow.session
        new, old = await s.get(Chat, NEW), await s.get(Chat, OLD)
        assert new.branch_id is not None and not new.blocked and new.type == "supergroup"
        assert old.branch_id is None and old.blocked
        assert (await s.exec(select(Case.chat_id))).all() == [NEW]
        assert (await s.exec(select(CaseWatcher.chat_id))).all() == [NEW]
        assert (await s.exec(select(PendingReport.chat_id))).all() == [NEW]
        # message ids restart in the supergroup: a moved row forgets its old one (issue 13 B1)
        assert (await s.exec(select(Case.message_id))).all() == [None]
        assert (await s.exec(select(CaseWatcher.message_id))).all() == [None]
        assert (await s.exec(select(PendingReport.message_id))).all() == [0]  # required: 0, no message
        assert old.type == "migrated"  # no longer a group: no audience counts it (issue 13 B4)
        by_status = {m.status: m.chat_id for m in (await s.exec(select(OutboxMessage))).all()}
        assert by_status == {"pending": NEW, "sent": OLD}  # what was sent stays where it was sent
        assert await s.get(LessonSchedule, NEW) is not None and await s.get(LessonSchedule, OLD) is None
        assert [b.chat_ids for b in (await s.exec(select(Broadcast).order_by(Broadcast.id))).all()] == [
            [NEW, OTHER], None]
        assert (await s.exec(select(Survey.chat_ids))).all() == [[OTHER, NEW]]


async def test_new_chat_known_first_keeps_its_plan(uows: Factory) -> None:
    await _world(uows)
    async with uows() as uow:  # the new supergroup's service message registered it already
        uow.session.add(Chat(id=NEW, type="supergroup"))
        await uow.session.flush()
        uow.session.add(LessonSchedule(chat_id=NEW, weekdays="1"))
        await uow.commit()
    async with uows() as uow:
        assert await ChatMigration().move(uow, OLD, NEW)
        await uow.commit()
    async with uows() as uow:
        plans = (await uow.session.exec(select(LessonSchedule))).all()
        assert [(p.chat_id, p.weekdays) for p in plans] == [(NEW, "1")]
        assert (await uow.session.get(Chat, NEW)).branch_id is not None
