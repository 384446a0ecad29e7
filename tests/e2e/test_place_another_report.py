"""The reporter's next message after "where is it?" is the place only when it is this problem's
place. A second report of the same kind that says it is another one ("光华路路灯也坏了", "另外…",
"another light is out on …") is a new case at that place, and the first case still waits for its
own place (outside trial: it filled the first case's place). A restatement with the place
("光华路的路灯坏了") still answers the question."""
from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import AMY, GROUP, LI, said
from tests.factories import read_cases


@pytest.mark.parametrize("who, first, second, place", [
    (LI, "路灯坏了", "光华路路灯也坏了", "光华路"),
    (LI, "路灯坏了", "另外建国路那边路灯也不亮", "建国路"),
    (AMY, "The street light is broken", "Another light is out on Keyuan Rd", "Keyuan Rd"),
])
async def test_another_report_of_the_same_kind_is_its_own_case(bot, tg, db, who, first, second, place) -> None:
    await _ask(tg, db, who, first)
    answer = await said(tg, GROUP, who, second)
    assert "C-000002" in answer["plain_text"], answer["plain_text"]
    one, two = await read_cases(db)
    assert one.awaiting_location and one.location is None
    assert two.category == one.category and place in (two.location or ""), two.location
    texts = [m["plain_text"] for m in await tg.messages(GROUP["id"])]
    assert not any(place in t and "C-000001" in t for t in texts), texts


async def test_another_report_as_a_reply_to_the_question_is_its_own_case(bot, tg, db) -> None:
    await _ask(tg, db, LI, "路灯坏了")
    [question] = await tg.messages(GROUP["id"])
    answer = await said(tg, GROUP, LI, "光华路路灯也坏了", reply_to_message_id=question["message_id"])
    assert "C-000002" in answer["plain_text"], answer["plain_text"]
    one, two = await read_cases(db)
    assert one.awaiting_location and two.location == "光华路"


async def test_a_restatement_with_the_place_still_answers(bot, tg, db) -> None:
    await _ask(tg, db, LI, "路灯坏了")
    answer = await said(tg, GROUP, LI, "光华路的路灯坏了")
    assert "C-000001" in answer["plain_text"] and "C-000002" not in answer["plain_text"]
    [case] = await read_cases(db)
    assert case.location == "光华路" and not case.awaiting_location


async def _ask(tg, db, who: dict[str, Any], text: str) -> None:
    """`who` reports `text` with no place; the bot opens C-000001 and asks where."""
    sent = await tg.send(GROUP, who, text)
    [created] = await tg.wait(GROUP["id"], 1)
    assert created["reply_to_message_id"] == sent["message_id"] and "C-000001" in created["plain_text"]
    [case] = await read_cases(db)
    assert case.awaiting_location
