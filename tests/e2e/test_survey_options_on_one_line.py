"""A survey's options typed on one line as a phone types a list, through the real bot on SQLite and
PostgreSQL. 张书记's '/survey new 周六活动去不去？ 去/不去' was answered '需要 2–10 个选项（现在是 0 个）。'
(only lines or | set options apart, and the answer did not say so). Now, on one line without |, the
question runs to its question mark and the options after it are set apart by / 、 ， ; (or spaces
when none of those is typed); a survey still short of options is told how to write them."""
from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import select

from storage.models.broadcasts import Survey
from tests.conftest import SEC, SEC_B, said, two_branches, with_boss


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_options_after_the_question_mark(bot, tg, db: Any) -> None:
    await two_branches(tg)
    got = (await said(tg, SEC["id"], SEC, "/survey new 周六活动去不去？ 去/不去"))["plain_text"]
    assert got.startswith("📊 问卷 #1 已发到 1 个聊天"), got
    got = (await said(tg, SEC["id"], SEC, "/survey new 你们最需要什么？充电桩、午休点、饮水点"))["plain_text"]
    assert got.startswith("📊 问卷 #2 已发到"), got
    got = (await said(tg, SEC_B["id"], SEC_B, "/survey new Which day suits you? Saturday Sunday"))["plain_text"]
    assert got.startswith("📊 Survey #3 went to 1 chat"), got
    async with db() as s:
        surveys = (await s.exec(select(Survey).order_by(Survey.id))).all()
    assert [(v.question, v.options) for v in surveys] == [
        ("周六活动去不去？", ["去", "不去"]), ("你们最需要什么？", ["充电桩", "午休点", "饮水点"]),
        ("Which day suits you?", ["Saturday", "Sunday"])]
    got = (await said(tg, SEC["id"], SEC, "/survey new 周六活动去不去？"))["plain_text"]
    assert got.startswith("需要 2–10 个选项（现在是 0 个）。选项用 | 隔开"), got
