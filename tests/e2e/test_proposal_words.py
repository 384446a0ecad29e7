"""/proposals and /proposal as riders and secretaries say them, through the real bot on SQLite and
PostgreSQL: '/proposals 通过的', '/proposals 进行中的' got the usage (only 通过, 进行中 … were read), and
'/proposal 议题1', '/vote 议题1 赞成' the usage too (the number as the bot's posts name it, 议题 #1)."""
from __future__ import annotations

import pytest

from tests.conftest import GROUP, LI, SEC, WANG, two_branches, with_boss
from tests.factories import answer_text
from tests.factories import propose as propose_card


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_lists_and_numbers_as_people_say_them(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG)
    await propose_card(tg, LI, "建国路口设骑手休息点 | 中午没地方歇脚", 1)
    listed = await answer_text(tg, GROUP, WANG, "/proposals 进行中的")
    assert "进行中的议题（1）" in listed and "用法" not in listed, listed
    assert "用法" not in await answer_text(tg, GROUP, WANG, "/proposals 通过的")
    assert "用法" not in await answer_text(tg, GROUP, WANG, "/proposals 已采纳")
    summary = await answer_text(tg, GROUP, WANG, "/proposal 议题1")
    assert "议题 #1：建国路口设骑手休息点" in summary, summary
    assert "议题 #1：" in await answer_text(tg, GROUP, WANG, "/proposal 议题 #1")
    await answer_text(tg, SEC["id"], SEC, "/proposal 议题1 agenda")
    await answer_text(tg, SEC["id"], SEC, "/proposal 1 vote quorum=1")
    assert "已投票：赞成" in await answer_text(tg, GROUP, WANG, "/vote 议题1 赞成")
    assert "用法" in await answer_text(tg, GROUP, WANG, "/proposals 随便")
