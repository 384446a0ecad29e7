"""/vote with words after the choice, through the real bot on SQLite and PostgreSQL: '/vote 1 ok' and
'/vote 1 1 ok' got '议题 #1 没有这个选项（请选 1–3：…）' (the whole of 'ok', or '1 ok', was read as one
option's words), as did '/vote 2 2 好的', '/vote 2 2，离得近', '/vote 1 赞成 大家加油' and '/vote 2 光华路 那边近'.
Now the option's number, or its word, first after the proposal's number, is the choice and the chatter
after it is ignored; 'ok', '好的', '可以' are a for vote on a for/against vote as 同意 is. A word naming
nothing is still answered with the options."""
from __future__ import annotations

import pytest

from tests.conftest import AMY, GROUP, LI, WANG, two_branches, with_boss
from tests.factories import answer_text, open_vote
from tests.factories import propose as propose_card


@pytest.fixture
def settings(settings):
    return with_boss(settings)



async def test_the_choice_is_read_and_the_chatter_after_it_ignored(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG, AMY)
    await propose_card(tg, LI, "建国路口设骑手休息点 | 中午没地方歇脚", 1)
    await open_vote(tg, 1)
    got = await answer_text(tg, GROUP, WANG, "/vote 1 ok")
    assert "已投票：赞成" in got, got
    got = await answer_text(tg, GROUP, WANG, "/vote 1 2 我再想想")
    assert "已改为：反对" in got, got
    got = await answer_text(tg, GROUP, WANG, "/vote 1 赞成，大家加油")
    assert "已改为：赞成" in got, got
    got = await answer_text(tg, GROUP, AMY, "/vote 1 1 ok")
    assert "Voted: For" in got, got
    got = await answer_text(tg, GROUP, AMY, "/vote 1 against it, sorry")
    assert "Changed to: Against" in got, got
    told = await answer_text(tg, GROUP, LI, "/vote 1 随便 都行")
    assert "没有这个选项" in told and "1 赞成" in told, told  # a word naming nothing: the options
    # "no" opening an English phrase is not the word no: "no idea" was a vote against
    told = await answer_text(tg, GROUP, AMY, "/vote 1 no idea")
    assert "no such option" in told and "Changed" not in told, told
    got = await answer_text(tg, GROUP, AMY, "/vote 1 no problem, go ahead")
    assert "no such option" in got, got
    got = await answer_text(tg, GROUP, AMY, "/vote 1 1")
    assert "Changed to: For" in got, got
    got = await answer_text(tg, GROUP, AMY, "/vote 1 no, sorry")
    assert "Changed to: Against" in got, got

    await propose_card(tg, WANG, "午休点选址 | 两个地方", 2)
    await open_vote(tg, 2, "建国路口 | 光华路")
    got = await answer_text(tg, GROUP, LI, "/vote 2 2 好的")
    assert "已投票：光华路" in got, got
    got = await answer_text(tg, GROUP, WANG, "/vote 2 2，离得近")
    assert "已投票：光华路" in got, got
    got = await answer_text(tg, GROUP, AMY, "/vote 2 建国路口 那边近")
    assert "Voted: 建国路口" in got, got
    told = await answer_text(tg, GROUP, AMY, "/vote 2 3 ok")
    assert "no such option" in told, told  # a number naming none: the options, as before
