"""A branch secretary whose Telegram speaks English, through the real bot on SQLite and PostgreSQL:
what they read must be natural English."""
from __future__ import annotations

import pytest

from tests.conftest import SEC_B, said, two_branches, with_boss


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_the_board_names_its_branch_apart_from_its_title(bot, tg, db) -> None:
    """Sec B's /board read '📊 Reports and fixes Haidian', the branch run into the title; now
    '📊 Reports and fixes · Haidian', as /needs names it."""
    await two_branches(tg)
    got = (await said(tg, SEC_B["id"], SEC_B, "/board"))["plain_text"]
    assert got.startswith("📊 Reports and fixes · Haidian\n"), got


async def test_a_case_filter_followed_by_a_comma_is_read(bot, tg, db) -> None:
    """Sec B's '/cases closed,' (a comma the thumb added) was answered 'I don't know the filter
    “closed,”.' with the usage; now the punctuation after a filter word goes, as a full stop did."""
    await two_branches(tg)
    for typed in ("/cases closed,", "/cases overdue;"):
        got = (await said(tg, SEC_B["id"], SEC_B, typed))["plain_text"]
        assert "I don't know the filter" not in got and "Usage" not in got, (typed, got)
