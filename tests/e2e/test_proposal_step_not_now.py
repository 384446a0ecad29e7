"""A secretary's proposal step its status does not take says what may be done now, through the real bot
on SQLite and PostgreSQL: 张书记's '/proposal 1 vote' on a proposal gathering support answered only
'议题 #1 现在是“征集附议”，不能这样处理。' (so the vote seemed impossible; it needs the agenda first), and
'/proposal 1 agenda' on a declined one the same. Now the answer lists the steps open now, each as the
card lists it, or says none is left."""
from __future__ import annotations

import pytest

from tests.conftest import GROUP, LI, SEC, SEC_B, GROUP_B, AMY, said, two_branches, with_boss


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_step_not_open_now_lists_the_ones_that_are(bot, tg, db) -> None:
    await two_branches(tg, LI, AMY)
    await said(tg, GROUP, LI, "/propose 驿站加装空调 | 夏天太热")
    got = (await said(tg, SEC["id"], SEC, "/proposal 1 vote"))["plain_text"]
    assert got == ("议题 #1 现在是“征集附议”，不能这样处理。\n现在可以：\n/proposal 1 agenda — 上议程\n"
                   "/proposal 1 decline 理由 — 不予采纳"), got
    await said(tg, SEC["id"], SEC, "/proposal 1 decline 经费不足")
    got = (await said(tg, SEC["id"], SEC, "/proposal 1 agenda"))["plain_text"]
    assert got == "议题 #1 现在是“未采纳”，不能这样处理。\n这个议题已经没有要书记处理的步骤了。", got
    got = (await said(tg, LI["id"], LI, "/proposal 1 agenda"))["plain_text"]  # a rider: whose step it is
    assert got == "只有本支部书记可以这样处理议题 #1。", got

    await said(tg, GROUP_B, AMY, "/propose More shade | hot")
    await said(tg, SEC_B["id"], SEC_B, "/proposal 2 agenda")
    got = (await said(tg, SEC_B["id"], SEC_B, "/proposal 2 close"))["plain_text"]
    assert got.startswith("Proposal #2 is “on the agenda” now: that step does not apply.\nWhat you can do now:\n"
                          "/proposal 2 decline reason — decline\n/proposal 2 vote"), got
