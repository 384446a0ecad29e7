"""A rider who is not the reporter types `/confirm` or `/reopen` on a case he knows of, through the real
bot on SQLite and PostgreSQL. Before: wherever he asked he was told '…直接在群里再报一次就行；这张工单的每一步
进展，群里都看得到' ('every step of this case is posted there for all to see'): untrue in another group of
the same branch (the steps go to the group where it was reported), privately, and for a case reported
in the reporter's own chat (only the reporter hears its steps). Now the answer says where its steps are
seen as seen from where he asks: here, in the group where it was reported, or (reported privately) only
that he will hear every step of his own report. (王哥 follows C-000001 by a "+1".)"""
from __future__ import annotations

import pytest

from tests.conftest import BOSS, GROUP, LI, WANG, said, two_branches, with_boss
from tests.factories import answer_text, read_cases_at_least

GROUP2 = {"id": -100110, "type": "supergroup", "title": "朝阳骑手二群"}  # a second group of branch cy
JOE = {"id": 503, "first_name": "Joe", "language_code": "en"}  # a rider of cy who reads English


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_the_reporters_word_says_where_the_steps_are_seen(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG, JOE)
    await said(tg, GROUP2, BOSS, "/bind cy")
    sent = await tg.send(GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    await read_cases_at_least(db, 1)
    await said(tg, GROUP, WANG, "+1 我也遇到了", reply_to_message_id=sent["message_id"])  # known in cy
    await said(tg, LI["id"], LI, "建国路88号的井盖丢了，很危险")  # reported in his own chat: C-000002
    await read_cases_at_least(db, 2)

    here = await answer_text(tg, GROUP, WANG, "/confirm C-000001")
    assert "只有上报人本人可以确认" in here and "本群都看得到" in here, here
    for chat in (GROUP2, WANG["id"]):  # another group of the branch; privately
        there = await answer_text(tg, chat, WANG, "/reopen C-000001")
        assert "只有上报人" in there and "再报一次" in there, there
        assert "上报它的那个群" in there and "都看得到" not in there, there
    own = await answer_text(tg, GROUP2, WANG, "/reopen C-000002")
    assert "只有上报人" in own and "再报一次" in own and "群" not in own.split("。", 1)[1], own

    en_there = await answer_text(tg, GROUP2, JOE, "/confirm C-000001")
    assert "Only the person who reported" in en_there and "in the group where it was reported" in en_there, en_there
    assert "posted here" not in en_there and "posted there" not in en_there, en_there
    en_own = await answer_text(tg, GROUP2, JOE, "/reopen C-000002")
    assert "report it again" in en_own and "group" not in en_own, en_own
