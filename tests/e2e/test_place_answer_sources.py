"""Whose words answer a case's place question: only the reporter's own. A forwarded message
(what somebody else said, passed on) and another rider's separate report are read as what they
are, never as the place of the open case (outside trial: a forward filled the case's place)."""
from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import GROUP, LI, WANG, said, until
from tests.factories import read_cases


def _forwarded_from(user: dict[str, Any]) -> dict[str, Any]:
    return {"fields": {"forward_origin": {"type": "user", "date": 1, "sender_user": dict(user, is_bot=False)}}}


async def _asked(tg) -> None:
    sent = await tg.send(GROUP, LI, "路灯坏了")
    [created] = await tg.wait(GROUP["id"], 1)
    assert created["reply_to_message_id"] == sent["message_id"] and "还缺地点" in created["text"]


@pytest.mark.parametrize("forwarded", ["光华路和东三环路口路灯坏了，很黑", "在光华路和东三环路口"])
async def test_a_forwarded_message_is_not_the_place_answer(bot, tg, db, forwarded) -> None:
    await _asked(tg)
    await tg.send(GROUP, LI, forwarded, **_forwarded_from(WANG))
    await tg.send(GROUP, LI, "在十里堡")  # the reporter's own answer, after it, is taken
    await until(lambda: _placed(db, 1))
    cases = await read_cases(db)
    assert cases[0].location == "十里堡"
    if len(cases) > 1:  # the forwarded report is a report of its own
        assert cases[1].location == "光华路和东三环路口" and cases[1].id != cases[0].id
    texts = [m["plain_text"] for m in await tg.messages(GROUP["id"])]
    assert not any("光华路" in t and "C-000001" in t for t in texts), texts


async def test_a_forwarded_report_is_a_report_of_its_own(bot, tg, db) -> None:
    await _asked(tg)
    answer = await said(tg, GROUP, LI, "光华路和东三环路口路灯坏了，很黑", **_forwarded_from(WANG))
    assert "C-000002" in answer["plain_text"]
    first, second = await read_cases(db)
    assert first.awaiting_location and first.location is None
    assert second.location == "光华路和东三环路口"


async def test_a_forwarded_pin_is_not_the_place_answer(bot, tg, db) -> None:
    await _asked(tg)
    await tg.send(GROUP, LI, location={"latitude": 39.9, "longitude": 116.4}, **_forwarded_from(WANG))
    await tg.send(GROUP, LI, location={"latitude": 39.91, "longitude": 116.41})
    await until(lambda: _pinned(db))
    [case] = await read_cases(db)
    assert (case.lat, case.lon) == (39.91, 116.41)


@pytest.mark.parametrize("as_reply", [False, True])
async def test_another_riders_report_is_not_the_place_answer(bot, tg, db, as_reply) -> None:
    await _asked(tg)
    [question] = await tg.messages(GROUP["id"])
    extra = {"reply_to_message_id": question["message_id"]} if as_reply else {}
    other = await said(tg, GROUP, WANG, "光华路和东三环路口路灯坏了，很黑", **extra)
    assert "C-000002" in other["plain_text"]
    await tg.send(GROUP, LI, "在十里堡")
    await until(lambda: _placed(db, 2))
    first, second = await read_cases(db)
    assert first.location == "十里堡" and first.reporter_id == LI["id"]
    assert second.location == "光华路和东三环路口" and second.reporter_id == WANG["id"]


async def _placed(db, count: int) -> bool:
    """`count` cases have a place, one of them the reporter's answer."""
    cases = await read_cases(db)
    return sum(1 for c in cases if c.location) >= count and any(c.location == "十里堡" for c in cases)


async def _pinned(db) -> bool:
    return any(c.lat is not None for c in await read_cases(db))
