"""A survey's close= typed at the end, through the real bot on SQLite and PostgreSQL. 张书记's
'/survey new 最需要什么 | 充电桩 | 午休点 close=明晚8点' went out closing in 24 hours, with an option
'午休点 close=明晚8点' for every rider to read (keys were read only before the question). Now a
close= or groups= typed last is read as typed first (SurveyService._flags_after), a close time it
cannot read is refused as it is before the question, and a last word that is no key (骑手) stays an option."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlmodel import select

from storage.models.broadcasts import Survey
from tests.conftest import SEC, said, two_branches, with_boss


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_close_typed_last(bot, tg, db: Any) -> None:
    await two_branches(tg)
    tomorrow = (datetime.now(bot.settings.tz) + timedelta(days=1)).strftime("%Y-%m-%d")
    got = (await said(tg, SEC["id"], SEC, "/survey new 最需要什么 | 充电桩 | 午休点 close=明天 18:00"))["plain_text"]
    assert got.startswith("📊 问卷 #1 已发到") and f"{tomorrow} 18:00 截止" in got, got
    got = (await said(tg, SEC["id"], SEC, "/survey new 谁来值班？\n书记\n骑手\n截止=明天20:00"))["plain_text"]
    assert got.startswith("📊 问卷 #2 已发到") and f"{tomorrow} 20:00 截止" in got, got
    got = (await said(tg, SEC["id"], SEC, "/survey new 最需要什么 | 充电桩 | 午休点 close=某天"))["plain_text"]
    assert not got.startswith("📊"), got
    async with db() as s:
        surveys = (await s.exec(select(Survey).order_by(Survey.id))).all()
    assert [v.options for v in surveys] == [["充电桩", "午休点"], ["书记", "骑手"]]
