"""The gazetteer within one batch: a place pinned by one rider's report pins the same place in
the next report of the same batch, though entries are read once per unit of work and nothing
is flushed between the two (storage/repositories/gazetteer.py)."""
from __future__ import annotations

from bot.domain import Person
from tests.service.conftest import Factory
from tests.service.posting import post, report_service

LI, WANG = Person(621, "李", None, "zh"), Person(622, "王", None, "zh")
PIN = (39.9087, 116.4605)


async def test_a_pin_given_earlier_in_the_batch_places_the_next_report_of_that_place(uows: Factory) -> None:
    reports = report_service()
    async with uows() as batch:
        unpinned = await post(uows, reports, WANG, "建国路88号门口的井盖没了 很危险", 1, batch)
        pinned = await post(uows, reports, LI, "光华路桥下积水很深 电动车过不去", 2, batch, pin=PIN)
        after = await post(uows, reports, WANG, "光华路桥下的路灯坏了 晚上黑乎乎的", 3, batch)
        await batch.commit()
    assert unpinned is not None and (unpinned.lat, unpinned.lon) == (None, None)
    assert pinned is not None and after is not None and after is not pinned
    assert (after.lat, after.lon) == PIN
