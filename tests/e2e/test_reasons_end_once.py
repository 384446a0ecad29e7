"""A typed reason quoted mid-sentence ends once: a department's `/decline C-1 不归我们管。` was told to the
owner as "理由：不归我们管。。工单仍由…" and to the group as "（不归我们管。），仍由…"; a secretary's
`/points grant … 加班辛苦了。` reached the rider as "书记奖励：加班辛苦了。。现有…" (bot.wording.unended)."""
from __future__ import annotations

import pytest

from tests.conftest import BOSS, GROUP, LI, SEC, said, two_branches, until, with_boss

ROADS = {"id": 701, "first_name": "刘工", "language_code": "zh"}   # road_maintenance
LIGHT = {"id": 702, "first_name": "Lee", "language_code": "en"}   # urban_lighting
DOUBLED = ("。。", "。）", "！。", "!.", ".)", "。.")


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _find(tg, chat_id: int, needle: str) -> dict | None:
    return next((m for m in reversed(await tg.messages(chat_id)) if needle in m["text"]), None)


async def test_a_declined_transfers_reason_ends_once(bot, tg, db) -> None:
    await two_branches(tg, LI, ROADS, LIGHT)
    await said(tg, BOSS["id"], BOSS, f"/grant {ROADS['id']} dept road_maintenance")
    await said(tg, BOSS["id"], BOSS, f"/grant {LIGHT['id']} dept urban_lighting")
    await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    await said(tg, LIGHT["id"], LIGHT, "/transfer C-000001 road_maintenance")
    await until(lambda: _find(tg, ROADS["id"], "申请把工单"))
    await said(tg, ROADS["id"], ROADS, "/decline C-000001 不归我们管。")
    owner = await until(lambda: _find(tg, LIGHT["id"], "declined case"))
    group = await until(lambda: _find(tg, GROUP["id"], "未接收工单"))
    assert "Reason: 不归我们管." in owner["text"]
    assert "（不归我们管），" in group["text"]
    for text in (owner["text"], group["text"]):
        assert not any(d in text for d in DOUBLED), text


async def test_a_points_grants_reason_ends_once(bot, tg, db) -> None:
    await two_branches(tg, LI)
    await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")  # LI is known in branch cy
    done = await said(tg, SEC["id"], SEC, f"/points grant {LI['id']} 5 加班辛苦了！")
    rider = await until(lambda: _find(tg, LI["id"], "书记奖励"))
    assert "（加班辛苦了）" in done["text"] and "书记奖励：加班辛苦了。现有" in rider["text"]
    for text in (done["text"], rider["text"]):
        assert not any(d in text for d in DOUBLED), text
