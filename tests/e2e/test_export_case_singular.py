"""'/export case', the s left off on a phone, through the real bot on SQLite and PostgreSQL. Sec B's
'/export case last month' was answered with /export's usage; now 'case' names the cases table as
'cases' and '工单' do."""
from __future__ import annotations

import pytest

from tests.conftest import SEC_B, said, two_branches, with_boss


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_case_without_its_s(bot, tg, db) -> None:
    await two_branches(tg)
    got = (await said(tg, SEC_B["id"], SEC_B, "/export case last month"))["plain_text"]
    assert got.startswith("📎 Cases since"), got
    got = (await said(tg, SEC_B["id"], SEC_B, "/export casse"))["plain_text"]
    assert got.startswith("Usage: /export cases"), got
