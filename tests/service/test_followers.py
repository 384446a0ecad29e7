"""Who already follows a case, when a new report turns out to be its duplicate (case-followed:
"someone reported it, you follow it now" vs "you reported this already").

The answer comes from one primary-key read (CaseRepository.follows), not the case's follower list,
and counts a follow queued earlier in the same unit of work: the poller handles a whole
getUpdates batch in one, so a rider's two messages about one problem often share it."""
from __future__ import annotations

from sqlmodel import func, select

from bot.domain import Person
from storage.models import Case, CaseWatcher, OutboxMessage
from tests.service.conftest import Factory
from tests.service.posting import post, report_service

LI, WANG, ZHAO = Person(601, "李", None, "zh"), Person(602, "王", None, "zh"), Person(603, "赵", None, "zh")
LIGHT = "幸福小区3号门的路灯坏了 晚上黑乎乎的"
AGAIN = "幸福小区三号门口路灯不亮了 好黑"


async def _followed(uows: Factory) -> list[bool]:
    """The `own` flag of each case-followed reply, in order."""
    async with uows() as uow:
        rows = (await uow.session.exec(select(OutboxMessage).where(OutboxMessage.kind == "case-followed")
                                       .order_by(OutboxMessage.id))).all()
    return [bool(row.payload["own"]) for row in rows]


async def test_a_follower_repeating_a_report_in_one_batch_is_told_they_follow_it(uows: Factory) -> None:
    reports = report_service()
    await post(uows, reports, LI, LIGHT, 1)
    async with uows() as batch:  # one getUpdates batch: Wang's two messages in one unit of work
        await post(uows, reports, WANG, AGAIN, 2, batch)
        await post(uows, reports, WANG, AGAIN + " 还是没人修", 3, batch)
        await batch.commit()
    assert await _followed(uows) == [False, True]
    async with uows() as uow:
        assert (await uow.session.exec(select(func.count()).select_from(Case))).one() == 1
        assert [w.user_id for w in (await uow.session.exec(select(CaseWatcher))).all()] == [WANG.id]


async def test_stored_followers_and_the_reporter_are_told_they_follow_and_others_are_not(uows: Factory) -> None:
    reports = report_service()
    await post(uows, reports, LI, LIGHT, 1)
    await post(uows, reports, WANG, AGAIN, 2)   # someone else's case: follows it now
    await post(uows, reports, WANG, AGAIN, 3)   # a stored follower
    await post(uows, reports, LI, AGAIN, 4)     # the reporter
    await post(uows, reports, ZHAO, AGAIN, 5)   # a third rider: someone else's case again
    assert await _followed(uows) == [False, True, True, False]


async def test_a_report_opened_before_a_flush_in_the_batch_is_still_found_as_the_duplicate(uows: Factory) -> None:
    """Something in the batch flushes (an urgent alert's reads, an unsure question's id): the case
    opened before it is stored by then, yet the next report of the same problem follows it."""
    reports = report_service()
    async with uows() as batch:
        first = await post(uows, reports, LI, LIGHT, 1, batch)
        await batch.session.flush()
        again = await post(uows, reports, WANG, AGAIN, 2, batch)
        await batch.commit()
    assert first is not None and again is first
    assert await _followed(uows) == [False]
