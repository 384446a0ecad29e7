"""A department member types the 12345 words after the slash (bot/commands.py aliases): `/签收 C-1`
got "没有这个命令：/签收", and `／办结 C-1 已更换灯泡` (an input method's slash) showed the case's card
instead of resolving it. Now they are /accept, /resolve, /退回 is /decline …; a rider is told whose
command it is, as for /accept."""
from __future__ import annotations

import pytest

from tests.conftest import BOSS, GROUP, LI, WANG, said, two_branches, with_boss
from tests.factories import read_case

LIGHT = {"id": 703, "first_name": "照明小陈", "language_code": "zh"}   # urban_lighting


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_case_commands_typed_in_chinese(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG, LIGHT)
    await said(tg, BOSS["id"], BOSS, f"/grant {LIGHT['id']} dept urban_lighting")
    await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    accepted = await said(tg, LIGHT["id"], LIGHT, "/签收 C-000001")
    assert "已受理" in accepted["text"] or "受理" in accepted["text"], accepted
    assert (await read_case(db)).status == "accepted"
    done = await said(tg, LIGHT["id"], LIGHT, "／办结 C-1 已更换灯泡")
    assert "处理完毕" in done["text"] and "📋" not in done["text"], done
    assert (await read_case(db)).status == "resolved"
    refused = await said(tg, GROUP, WANG, "/签收 C-000001")
    assert "书记和责任部门" in refused["text"], refused
