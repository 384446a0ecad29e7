"""A closing time given as a day alone, through the real bot on SQLite and PostgreSQL: 张书记's
'/survey new close=明天 午休点选哪里？| 驿站 | 公园' was answered '请写上几点，例如 08:30。' (a time of day
asked for), as was a vote's '/proposal 1 vote close=周五'. Now a deadline said as a day alone (明天, 后天,
今晚, 周五, 12月8日, tomorrow) closes at the end of that day, 23:59, which the confirmation states
('… 2026-12-06 23:59 截止'); a day with a time of day closes then, as before (bot.timeparse.DAY_END,
parse_when(deadline=True))."""
from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from tests.conftest import LI, SEC
from tests.e2e.test_broadcasts import _say, _setup, sender, settings  # noqa: F401  (the fixtures: superadmin, pacing)
from tests.factories import answer_text
from tests.factories import propose as propose_card


def _day(offset: int) -> str:
    return f"{datetime.now(ZoneInfo('Asia/Shanghai')).date() + timedelta(days=offset):%Y-%m-%d}"


async def test_a_survey_closing_on_a_day_alone_closes_at_its_end(bot, tg, db) -> None:
    await _setup(tg)
    got = (await _say(tg, SEC, "/survey new close=明天 午休点选哪里？| 驿站 | 公园"))["plain_text"]
    assert f"{_day(1)} 23:59 截止" in got, got
    got = (await _say(tg, SEC, "/survey new close=后天 晚上去哪吃？| 食堂 | 面馆"))["plain_text"]
    assert f"{_day(2)} 23:59 截止" in got, got
    got = (await _say(tg, SEC, "/survey new close=明天18:00 充电桩放哪？| 驿站 | 公园"))["plain_text"]
    assert f"{_day(1)} 18:00 截止" in got, got  # a time of day said: then
    await _say(tg, SEC, "/lang en")
    got = (await _say(tg, SEC, "/survey new close=tomorrow Where to rest? | station | park"))["plain_text"]
    assert f"{_day(1)} 23:59" in got, got


async def test_a_vote_closing_on_a_day_alone_closes_at_its_end(bot, tg, db) -> None:
    await _setup(tg)
    await propose_card(tg, LI, "建国路口设骑手休息点 | 中午没地方歇脚", 1)
    assert "上议程" in await answer_text(tg, SEC["id"], SEC, "/proposal 1 agenda")
    got = await answer_text(tg, SEC["id"], SEC, "/proposal 1 vote close=明天")
    assert f"{_day(1)} 23:59 截止" in got, got
