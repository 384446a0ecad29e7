"""A closed survey's question says it is closed, through the real bot on SQLite and PostgreSQL.
Sec B's '/survey close 1' took the buttons off the question in his group and left its words:
'⏰ closes … 👇 Tap an option; you may change it until it closes', read as still open; now the
question keeps its text with one line under it, as a decided request's card does (settle_copies)."""
from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import GROUP_B, SEC_B, buttons, said, two_branches, until, with_boss


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_closed_survey_says_so_on_its_question(bot, tg, db) -> None:
    await two_branches(tg)
    await said(tg, SEC_B["id"], SEC_B, "/survey new Where should we rest? | depot | park")

    async def asked() -> dict[str, Any] | None:
        return next((m for m in await tg.messages(GROUP_B["id"]) if "Survey #1" in m["plain_text"]), None)
    question = await until(asked)
    assert buttons(question), question
    await said(tg, SEC_B["id"], SEC_B, "/survey close 1")

    async def closed() -> dict[str, Any] | None:
        now = next(m for m in await tg.messages(GROUP_B["id"]) if m["message_id"] == question["message_id"])
        return None if buttons(now) else now
    got = (await until(closed))["plain_text"]
    assert "Where should we rest?" in got, got
    assert got.endswith("\n🔒 This survey is closed and takes no more answers; the results follow."), got
