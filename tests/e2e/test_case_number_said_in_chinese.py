"""A department member names a case the way it is said in Chinese, through the real bot on SQLite
and PostgreSQL. Before: 照明小陈's '/case 1号工单' and '/accept １号' were answered '找不到工单“1号工单”，
或者你无权查看它。' though C-000001 was his department's; now '1号工单', '１号', '工单1', '第1号', '1號單'
name case 1 as 'C1' and '#1' do. '1号楼' is still no case number."""
from __future__ import annotations

import pytest

from tests.conftest import GROUP, LI, SEC, said, two_branches, with_boss
from tests.factories import read_case, read_cases_at_least

LIGHT = {"id": 703, "first_name": "照明小陈", "language_code": "zh"}


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_case_number_said_in_chinese(bot, tg, db) -> None:
    await two_branches(tg, LI, LIGHT)
    await said(tg, SEC["id"], SEC, f"/grant {LIGHT['id']} dept urban_lighting")
    await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    await read_cases_at_least(db, 1)
    for words in ("/case 1号工单", "/case 工单1", "/case 第1号", "/case 1號單。"):
        got = (await said(tg, LIGHT["id"], LIGHT, words))["plain_text"]
        assert got.startswith("📋 C-000001"), (words, got)
    got = (await said(tg, LIGHT["id"], LIGHT, "/accept １号"))["plain_text"]
    assert "C-000001" in got and "找不到" not in got, got
    assert (await read_case(db, 1)).status == "accepted"
    got = (await said(tg, LIGHT["id"], LIGHT, "/case 1号楼"))["plain_text"]
    assert "C-000001" not in got, got
