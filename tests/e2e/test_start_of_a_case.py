"""A department member types /start of a case, as the lifecycle's step 开始处理 reads, through the real
bot on SQLite and PostgreSQL. Before: 照明小陈's '/start C-000001' (his department's accepted case)
and '/start' as a reply to the case's message in the group were answered with the riders' welcome
('👋 你好，照明小陈！我是骑手哨兵。…') and the case stayed accepted. Now staff's /start naming a case
starts work on it as /work does (the group hears '正在处理中'); a rider's /start, and staff's /start
naming no case, are still the welcome."""
from __future__ import annotations

import pytest

from tests.conftest import GROUP, LI, SEC, said, two_branches, with_boss
from tests.factories import read_case, read_cases_at_least

LIGHT = {"id": 703, "first_name": "照明小陈", "language_code": "zh"}


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_staffs_start_of_a_case_starts_work(bot, tg, db) -> None:
    await two_branches(tg, LI, LIGHT)
    await said(tg, SEC["id"], SEC, f"/grant {LIGHT['id']} dept urban_lighting")
    await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    await said(tg, GROUP, LI, "光华路和东三环路口的路灯全灭了，一片漆黑")
    await read_cases_at_least(db, 2)
    await said(tg, LIGHT["id"], LIGHT, "/accept C1")
    await said(tg, LIGHT["id"], LIGHT, "/accept C2")

    got = (await said(tg, GROUP, LIGHT, "/start C-000001"))["plain_text"]
    assert got == "工单 C-000001 正在处理中（城管局·市政照明）。", got
    assert (await read_case(db, 1)).status == "in_progress"

    ack = next(m for m in await tg.messages(GROUP["id"]) if (m.get("plain_text") or "").startswith("📝 已登记工单 C-000002"))
    got = (await said(tg, GROUP, LIGHT, "/start", reply_to_message_id=ack["message_id"]))["plain_text"]
    assert got == "工单 C-000002 正在处理中（城管局·市政照明）。", got
    assert (await read_case(db, 2)).status == "in_progress"

    assert (await said(tg, LIGHT["id"], LIGHT, "/start"))["plain_text"].startswith("👋 你好，照明小陈")
    got = (await said(tg, LI["id"], LI, "/start C-000001"))["plain_text"]
    assert got.startswith("👋 你好，李师傅"), got
