"""A command's sub-words typed in traditional characters, through the real bot on SQLite and PostgreSQL:
'/survey 結果 1' and '/survey 關閉 1' got the survey usage, '/hours K7MPQ 2小時' and '90分鐘' were told
'“2小時”不是有效的时长', '/hours 待審' was read as a check-in code, '/proposal 1 上議程' got the usage and
'/lang 英語' was not a language, while '/cases 未辦結' and '/top 本週' already read. Now a command's first
argument word is read in one place (bot.events.CommandCall.word), every sub-word, time word and amount
through the one key (bot.typed.typed_key: width, case, spaces, traditional characters)."""
from __future__ import annotations

import pytest

from tests.conftest import LI, SEC, WANG, said, two_branches, with_boss
from tests.e2e.test_checkins import activities
from tests.factories import answer_text
from tests.factories import propose as propose_card


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _text(tg, who, text: str) -> str:
    return (await said(tg, who["id"], who, text))["plain_text"]


async def test_survey_words_read_in_traditional_characters(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG)
    created = await _text(tg, SEC, "/survey 新建 你们最需要什么？ | 充电桩 | 午休点")
    assert "问卷 #1" in created, created
    results = await _text(tg, SEC, "/survey 結果 1")
    assert "问卷 #1 结果" in results and "用法" not in results, results
    closed = await _text(tg, SEC, "/survey 關閉 1")
    assert "问卷 #1" in closed and "已结束" in closed and "用法" not in closed, closed


async def test_hours_and_their_words_read_in_traditional_characters(bot, tg, db, clock) -> None:
    await two_branches(tg, LI, WANG)
    await said(tg, SEC["id"], SEC, '/activity new "社区清洁" 今天 9:00 2h')
    code = (await activities(db))[-1].code
    got = await _text(tg, LI, f"/hours {code} 2小時")
    assert got.startswith("📝 已登记「社区清洁」志愿时长 2 小时，"), got
    got = await _text(tg, WANG, f"/hours {code} 90分鐘")
    assert got.startswith("📝 已登记「社区清洁」志愿时长 1.5 小时，"), got
    pending = await _text(tg, SEC, "/hours 待審")
    assert "志愿时长" in pending and "没有签到码" not in pending and "用法" not in pending, pending


async def test_proposal_steps_and_language_read_in_traditional_characters(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG)
    await propose_card(tg, LI, "建国路口设骑手休息点 | 中午没地方歇脚", 1)
    assert "已上议程" in await answer_text(tg, SEC["id"], SEC, "/proposal 1 上議程")
    assert "开始表决" in await answer_text(tg, SEC["id"], SEC, "/proposal 1 表決 quorum=1")
    assert "English" in await _text(tg, LI, "/lang 英語")


async def test_an_activity_said_in_traditional_characters(bot, tg, db, clock) -> None:
    """'/activity new "巡查" 下週六 9點 2小時' was told to write the activity's length ('请写活动时长…'): the day,
    time and length words after the title were read as typed. Now through the same key; the title as typed."""
    await two_branches(tg, LI)
    got = await _text(tg, SEC, '/activity new "巡查隊" 下週六 9點 2小時')
    assert got.startswith("✅ 已创建活动「巡查隊」") and "09:00–11:00" in got, got
