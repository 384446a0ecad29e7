"""A report without a place, then the rider's next message naming one: that message is the
case's place, not a new report (bot/services/reports.py, _place_message).

The case waiting for its place is found without flushing the batch (CaseRepository.
awaiting_location): one opened earlier in the same unit of work counts, and one given its
place earlier in the batch no longer waits, so the next place goes to the case still waiting.
Each runs as a polling batch does (its senders' waiting cases preloaded in one query:
preload_senders) and without the preload (as a webhook update is handled)."""
from __future__ import annotations

import pytest
from sqlmodel import col, select

from bot.domain import Person
from bot.services.migration import ChatMigration
from bot.services.reports import preload_senders
from storage.models import Case
from tests.service.conftest import Factory
from tests.service.posting import GROUP, post, report_service

LI = Person(611, "李", None, "zh")


async def _cases(uows: Factory) -> list[tuple[str | None, bool]]:
    async with uows() as uow:
        rows = (await uow.session.exec(select(Case).order_by(col(Case.id)))).all()
    return [(c.location, c.awaiting_location) for c in rows]


@pytest.mark.parametrize("preloaded", [True, False], ids=["batch", "alone"])
async def test_a_place_in_the_same_batch_completes_the_report_just_opened(uows: Factory, preloaded: bool) -> None:
    reports = report_service()
    async with uows() as batch:
        if preloaded:
            await preload_senders(batch, {LI.id})
        opened = await post(uows, reports, LI, "路灯坏了", 1, batch)
        assert opened is not None and opened.awaiting_location
        assert await post(uows, reports, LI, "在光华路和东三环路口", 2, batch) is opened
        await batch.commit()
    assert await _cases(uows) == [("光华路和东三环路口", False)]


@pytest.mark.parametrize("preloaded", [True, False], ids=["batch", "alone"])
async def test_two_stored_cases_waiting_get_the_batchs_two_places_newest_first(uows: Factory,
                                                                               preloaded: bool) -> None:
    reports = report_service()
    await post(uows, reports, LI, "路灯坏了", 1)
    await post(uows, reports, LI, "井盖没了 很危险", 2)
    assert await _cases(uows) == [(None, True), (None, True)]
    async with uows() as batch:
        if preloaded:
            await preload_senders(batch, {LI.id})
        await post(uows, reports, LI, "在光华路和东三环路口", 3, batch)
        await post(uows, reports, LI, "在建国路88号门口", 4, batch)
        await batch.commit()
    assert await _cases(uows) == [("建国路88号门口", False), ("光华路和东三环路口", False)]


@pytest.mark.parametrize("preloaded", [True, False], ids=["batch", "alone"])
async def test_the_place_given_in_the_supergroup_the_group_just_became_completes_the_report(
        uows: Factory, preloaded: bool) -> None:
    """Telegram moves a group that becomes a supergroup to a new chat id; the rider's next message,
    in the same batch, comes from the new chat."""
    reports, supergroup = report_service(), GROUP - 1_000_000_000_000
    await post(uows, reports, LI, "路灯坏了", 1)
    async with uows() as batch:
        if preloaded:
            await preload_senders(batch, {LI.id})
        assert await ChatMigration().move(batch, GROUP, supergroup)
        assert await post(uows, reports, LI, "在光华路和东三环路口", 2, batch, chat_id=supergroup) is not None
        await batch.commit()
    assert await _cases(uows) == [("光华路和东三环路口", False)]


async def test_a_report_opened_in_the_batch_before_the_group_moved_gets_the_place_from_the_supergroup(
        uows: Factory) -> None:
    reports, supergroup = report_service(), GROUP - 1_000_000_000_000
    async with uows() as batch:
        opened = await post(uows, reports, LI, "路灯坏了", 1, batch)
        assert await ChatMigration().move(batch, GROUP, supergroup)
        assert await post(uows, reports, LI, "在光华路和东三环路口", 2, batch, chat_id=supergroup) is opened
        await batch.commit()
    assert await _cases(uows) == [("光华路和东三环路口", False)]
