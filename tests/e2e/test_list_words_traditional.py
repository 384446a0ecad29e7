"""The words of /cases and /proposals lists typed in traditional characters, through the real bot on SQLite
and PostgreSQL: '/cases 未辦結' and '/cases 已辦結' were told '没看懂“未辦結”…', and '/proposals 進行中的' or
'/proposals 已採納' got the usage, as '/top 本週' did before its period words were read in either script. Now
every such word table is looked up through one key (bot.intake.normalize.typed_key: width, case, spaces,
traditional characters), as the period words are."""
from __future__ import annotations

import pytest

from tests.conftest import GROUP, LI, SEC, WANG, said, two_branches, with_boss
from tests.factories import answer_text
from tests.factories import propose as propose_card


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_list_words_read_in_traditional_characters(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG)
    await tg.send(GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    await answer_text(tg, GROUP, LI, "/board")
    open_list = (await said(tg, SEC["id"], SEC, "/cases 未辦結"))["plain_text"]
    assert "未办结工单" in open_list and "C-000001" in open_list, open_list
    closed = (await said(tg, SEC["id"], SEC, "/cases 已辦結"))["plain_text"]
    assert "已办结" in closed and "没看懂" not in closed, closed
    assert "没看懂" not in (await said(tg, SEC["id"], SEC, "/cases 處理中"))["plain_text"]
    await propose_card(tg, LI, "建国路口设骑手休息点 | 中午没地方歇脚", 1)
    listed = await answer_text(tg, GROUP, WANG, "/proposals 進行中的")
    assert "进行中的议题（1）" in listed and "用法" not in listed, listed
    assert "用法" not in await answer_text(tg, GROUP, WANG, "/proposals 已採納")
