"""/vote with Chinese words run on after the choice, through the real bot on SQLite and PostgreSQL:
'/vote 1 赞成大家加油' (no mark between 赞成 and the chatter after it, as Chinese is typed) was
answered with the options list, while '/vote 1 赞成，大家加油' counted. Now a Chinese option word of two
characters or more, first after the proposal's number, is the choice whatever Chinese follows it
(bot.commandtext.leading_name); a Latin word still needs a space or a mark after it, and a
one-character word ('好久没来了') is no vote. An option's number with Chinese run on ('/vote 2 1离得近')
is that option, when no option's words are what was typed ('12点' of '11点 | 12点' is that option)."""
from __future__ import annotations

import pytest

from tests.conftest import AMY, GROUP, LI, WANG, two_branches, with_boss
from tests.factories import answer_text, open_vote
from tests.factories import propose as propose_card


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_chinese_choice_with_words_run_on_is_the_vote(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG, AMY)
    await propose_card(tg, LI, "建国路口设骑手休息点 | 中午没地方歇脚", 1)
    await open_vote(tg, 1)
    got = await answer_text(tg, GROUP, WANG, "/vote 1 赞成大家加油")
    assert "已投票：赞成" in got, got
    got = await answer_text(tg, GROUP, WANG, "/vote 1 反对太远了")
    assert "已改为：反对" in got, got
    told = await answer_text(tg, GROUP, LI, "/vote 1 好久没来了")
    assert "没有这个选项" in told, told  # one character run on: no vote
    told = await answer_text(tg, GROUP, AMY, "/vote 1 okayish")
    assert "no such option" in told, told  # a Latin word run on: no vote

    await propose_card(tg, WANG, "午休点选址 | 两个地方", 2)
    await open_vote(tg, 2, "建国路口 | 光华路")
    got = await answer_text(tg, GROUP, LI, "/vote 2 光华路那边近")
    assert "已投票：光华路" in got, got
    got = await answer_text(tg, GROUP, WANG, "/vote 2 1离得近")  # a number, Chinese run on: as '1，离得近'
    assert "已投票：建国路口" in got, got

    await propose_card(tg, WANG, "午休时间 | 几点合适", 3)
    await open_vote(tg, 3, "11点 | 12点")
    got = await answer_text(tg, GROUP, LI, "/vote 3 12点")  # an option's words beginning with a number
    assert "已投票：12点" in got, got
    told = await answer_text(tg, GROUP, WANG, "/vote 3 5号吧")
    assert "没有这个选项" in told, told  # a number naming none: the options, as before
