"""A department member acts on another department's case in the group that holds it, through the real
bot on SQLite and PostgreSQL. Before: 交警老王 (traffic police) replied '/accept' to the street-light
case's message in the group and was told '找不到工单“C-000001”，或者你无权查看它。' of a case the group
had just been shown. Now he is told it is not his to handle and who moves it (the secretary assigns,
the responsible department transfers), naming no department; the case is unchanged. Another
branch's case asked privately still reads as none."""
from __future__ import annotations

import pytest

from tests.conftest import AMY, GROUP, GROUP_B, LI, SEC, said, two_branches, with_boss
from tests.factories import read_case, read_cases_at_least

COP = {"id": 705, "first_name": "交警老王", "language_code": "zh"}


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_another_departments_case_in_its_group(bot, tg, db) -> None:
    await two_branches(tg, LI, AMY, COP)
    await said(tg, SEC["id"], SEC, f"/grant {COP['id']} dept traffic_police")
    await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    await said(tg, GROUP_B, AMY, "The street light at Keyuan Rd gate 2 is broken, it is pitch dark")
    cases = await read_cases_at_least(db, 2)
    assert cases[0].department == "urban_lighting"
    ack = next(m for m in await tg.messages(GROUP["id"]) if (m.get("plain_text") or "").startswith("📝 已登记工单 C-000001"))

    got = (await said(tg, GROUP, COP, "/accept", reply_to_message_id=ack["message_id"]))["plain_text"]
    assert got.startswith("工单 C-000001 不归你负责，你不能对它执行“受理”。"), got
    assert "城管" not in got and "照明" not in got, got
    assert (await read_case(db, 1)).status == "new"
    got = (await said(tg, COP["id"], COP, "/accept C-000002"))["plain_text"]
    assert got.startswith("找不到工单“C-000002”"), got
