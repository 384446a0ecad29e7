"""/vote reads the words riders vote with, through the real bot on SQLite and PostgreSQL: '/vote 1 赞同'
got '议题 #1 没有这个选项（请选 1–3：1 赞成；2 反对；3 弃权）' (only 赞成/同意/反对/弃权 and yes/for/no/
against/abstain were read), as did '/vote 1 同意！' and 'agree'. Now 赞同, 支持, 不同意, 不支持, agree,
disagree … and a word with the end of its sentence (同意！, yes.) name their option; an option's own
text with its '！' too."""
from __future__ import annotations

import pytest

from tests.conftest import AMY, GROUP, LI, WANG, two_branches, with_boss
from tests.factories import answer_text, open_vote
from tests.factories import propose as propose_card


@pytest.fixture
def settings(settings):
    return with_boss(settings)



async def test_riders_vote_with_their_own_words(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG, AMY)
    await propose_card(tg, LI, "建国路口设骑手休息点 | 中午没地方歇脚", 1)
    await open_vote(tg, 1)
    assert "已投票：赞成" in await answer_text(tg, GROUP, WANG, "/vote 1 赞同")
    assert "已改为：反对" in await answer_text(tg, GROUP, WANG, "/vote 1 不同意！")
    assert "已改为：赞成" in await answer_text(tg, GROUP, WANG, "/vote 1 支持")
    assert "Voted: For" in await answer_text(tg, GROUP, AMY, "/vote 1 agree")
    assert "Changed to: Against" in await answer_text(tg, GROUP, AMY, "/vote 1 disagree.")
    told = await answer_text(tg, GROUP, LI, "/vote 1 随便")
    assert "没有这个选项" in told and "1 赞成" in told, told  # a word naming nothing: the options

    await propose_card(tg, WANG, "午休点选址 | 两个地方", 2)
    await open_vote(tg, 2, "建国路口 | 光华路")
    assert "已投票：光华路" in await answer_text(tg, GROUP, LI, "/vote 2 光华路！")
