"""A secretary's grant to a rider the branch does not know yet says what the bot goes by, through the
real bot on SQLite and PostgreSQL. Li had chatted in the group ('大家好'); '/points grant 501 10 辛苦'
was refused with 'TA 需要先在本支部的群里说过话' — which Li had done (the bot keeps no member list: a
case, a proposal, an activity or a report-in places a rider). Now the refusal names those, and the way
that works at once: a reply to the rider's message in the group."""
from __future__ import annotations

import pytest

from tests.conftest import AMY, GROUP, LI, SEC, SEC_B, ledger, said, two_branches, with_boss
from tests.factories import answer_text


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_the_refusal_names_the_rule_and_the_reply_that_works(bot, tg, db) -> None:
    await two_branches(tg, LI, AMY)
    hello = await tg.send(GROUP, LI, "大家好")
    told = (await said(tg, SEC["id"], SEC, f"/points grant {LI['id']} 10 辛苦"))["plain_text"]
    assert "说过话" not in told and "上报过问题" in told and "回复 TA 的消息" in told, told
    told = (await said(tg, SEC_B["id"], SEC_B, f"/points grant {AMY['id']} 10 thanks"))["plain_text"]
    assert "written in" not in told and "reply to their message" in told, told
    granted = await answer_text(tg, GROUP, SEC, "/points grant 10 辛苦")  # not a reply: the usage
    assert "用法" in granted, granted
    await tg.send(GROUP, SEC, "/points grant 10 辛苦", reply_to_message_id=hello["message_id"])
    assert [e.points for e in await ledger(db, LI["id"], at_least=1)] == [10]
