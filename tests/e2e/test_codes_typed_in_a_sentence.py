"""A command's codes typed as the end of a sentence, tried from outside: Chinese input methods put
`。` or `！` after the last word. Before, `/lang en。` and `/top week。` answered their usage, and
`/redeem data_pack。` "没有编号为「data_pack。」的兑换项目", `/export cases。` the export's usage,
`/assign C-000001 住建局。` "没有叫“住建局。”的部门", `/top 本周。` its usage."""
from __future__ import annotations

import pytest

from tests.conftest import AMY, GROUP, LI, SEC, said, two_branches, with_boss
from tests.factories import report


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_the_punctuation_after_a_commands_last_code_ends_the_sentence(bot, tg, db) -> None:
    await two_branches(tg, LI, AMY)
    chosen = (await said(tg, LI["id"], LI, "/lang en。"))["plain_text"]
    assert "Your language is now English" in chosen and "group" not in chosen, chosen  # no group here
    assert "语言已切换为简体中文" in (await said(tg, LI["id"], LI, "/lang ｚｈ！"))["plain_text"]
    in_group = (await said(tg, GROUP, LI, "/lang zh"))["plain_text"]
    assert "群里的其他人不受影响" in in_group, in_group  # there, the others keep theirs
    # a language as people name it
    assert "Your language is now English" in (await said(tg, LI["id"], LI, "/lang English"))["plain_text"]
    assert "语言已切换为简体中文" in (await said(tg, LI["id"], LI, "/lang 中文"))["plain_text"]
    assert "Your language is now English" in (await said(tg, LI["id"], LI, "/lang 英语"))["plain_text"]
    assert "语言已切换为简体中文" in (await said(tg, LI["id"], LI, "/lang zh-CN"))["plain_text"]
    unsupported = (await said(tg, LI["id"], LI, "/lang 法语"))["plain_text"]  # none of ours: named, with ours
    assert "暂时不支持“法语”" in unsupported and "/lang en" in unsupported, unsupported
    await report(tg, text="建国路88号门口路灯坏了，晚上很黑")
    week = (await said(tg, LI["id"], LI, "/top week。"))["plain_text"]
    assert "本周积分排行" in week, week
    redeem = (await said(tg, AMY["id"], AMY, "/redeem data_pack。"))["plain_text"]
    assert "Data package" in redeem and "costs 50" in redeem, redeem  # the item, read: not enough points
    export = await said(tg, SEC["id"], SEC, "/export cases。")
    assert export.get("document") and "用法" not in (export.get("caption") or ""), export
    # a name, not a code: a department, a leaderboard's period
    moved = (await said(tg, SEC["id"], SEC, "/assign C-000001 住建局。"))["plain_text"]
    assert "已办理" in moved and "没有叫" not in moved, moved
    assert "本周积分排行" in (await said(tg, LI["id"], LI, "/top 本周。"))["plain_text"]
