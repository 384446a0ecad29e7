"""An activity's day and start time as a secretary says them (bot.checkins.parsing.parse_activity):
'/activity new "清洁" 12月5号 9点 2小时' and '… 周六 09:00 2h' got '请写开始时间，例如 09:00' (only 12月5日,
12-05, 今天/明天/后天 and 09:00 were read)."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.checkins.errors import CheckinError
from bot.checkins.parsing import parse_activity

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 12, 1, 10, 0, tzinfo=TZ)  # a Tuesday


@pytest.mark.parametrize("typed, title, starts, hours", [
    ('"清洁" 12月5号 9点 2小时', "清洁", (12, 5, 9, 0), 2),
    ('"清洁" 周六 09:00 2h', "清洁", (12, 5, 9, 0), 2),
    ('"清洁" 星期六 9点半 2h', "清洁", (12, 5, 9, 30), 2),
    ('社区清洁 礼拜天 下午3点 1.5h', "社区清洁", (12, 6, 15, 0), 1.5),
    ('"清洁" 本周二 9点30分 1h', "清洁", (12, 1, 9, 30), 1),  # today is Tuesday: today
    ('"清洁" 周一 晚上7点 1h', "清洁", (12, 7, 19, 0), 1),
    ('"Park cleanup" saturday 3pm 2h', "Park cleanup", (12, 5, 15, 0), 2),
    ('"Park cleanup" tomorrow 9:30am 2h', "Park cleanup", (12, 2, 9, 30), 2),
    ('周六 社区清洁 周六 9点 2h', "周六 社区清洁", (12, 5, 9, 0), 2),  # a title may start with the day's word
    ('"夜巡" 周五 晚上11点 3h', "夜巡", (12, 4, 23, 0), 3),
    ('"夜巡" 周五 晚上1点 2h', "夜巡", (12, 5, 1, 0), 2),  # the night after Friday (bot.timeparse), not 13:00
])
def test_days_and_times_as_said(typed: str, title: str, starts: tuple[int, int, int, int], hours: float) -> None:
    spec = parse_activity(typed, NOW)
    assert spec.title == title
    assert spec.starts_at == datetime(2026, *starts, tzinfo=TZ)
    assert (spec.ends_at - spec.starts_at).total_seconds() == hours * 3600


@pytest.mark.parametrize("typed", ['"清洁" 周八 9点 2h', '"清洁" 25点 1h', '"清洁" 周六 早 2h'])
def test_what_is_no_time_is_still_refused(typed: str) -> None:
    with pytest.raises(CheckinError):
        parse_activity(typed, NOW)


@pytest.mark.parametrize("typed, title, starts", [
    ('"清洁" 下周六 9点 2h', "清洁", (12, 12, 9, 0)),  # next week's, as /broadcast reads it
    ('"清洁" 下周二 9点 2h', "清洁", (12, 8, 9, 0)),  # said on a Tuesday: a week on
    ('"清洁" 12.5 9点 2h', "清洁", (12, 5, 9, 0)),
    ('"清洁" 今日 9点 2h', "清洁", (12, 1, 9, 0)),
    ('Meet at Sun Plaza 9:00 2h', "Meet at Sun Plaza", (12, 1, 9, 0)),  # `sun` in a title is no Sunday
    ('"Sat patrol" sat 9:00 2h', None, None),  # nor is `sat` a day's name: the usage
])
def test_a_day_said_as_broadcasts_read_one(typed: str, title: str | None,
                                             starts: tuple[int, int, int, int] | None) -> None:
    """The activity's day is read by bot.timeparse.day_named, the one reader of a day said alone:
    its own table knew no 下周六, 今日 nor 12.5."""
    if title is None:
        with pytest.raises(CheckinError):
            parse_activity(typed, NOW)
        return
    spec = parse_activity(typed, NOW)
    assert (spec.title, spec.starts_at) == (title, datetime(2026, *starts, tzinfo=TZ))


def test_a_date_no_calendar_has_is_named_back() -> None:
    with pytest.raises(CheckinError) as refused:
        parse_activity('"清洁" 2026-02-30 9点 2h', NOW)
    assert (refused.value.key, refused.value.params.get("value")) == ("activity-err-date", "2026-02-30")
