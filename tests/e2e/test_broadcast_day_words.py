"""A relative day word that leads a broadcast is its send time (outside trial: `/broadcast all 明天
你好` previewed "明天 你好" as the text, to go out now). The preview states the time; words that are
clearly the text ("明天起建国路封路", "Tomorrow the road is closed") stay the text."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.conftest import SEC, with_boss
from tests.e2e.test_broadcasts import TZ, _say, _setup

BARE_DAY_AT, BARE_EVENING_AT = (9, 0), (21, 0)  # bot/timeparse.py: a morning; an evening after the dinner peak


@pytest.fixture
def settings(settings):
    return with_boss(settings)


def _local(days: int, hm: tuple[int, int]) -> str:
    day = datetime.now(TZ).date() + timedelta(days=days)
    return f"{day:%Y-%m-%d} {hm[0]:02d}:{hm[1]:02d}"


@pytest.mark.parametrize("command, days, hm, body", [
    ("/broadcast all 明天 你好", 1, BARE_DAY_AT, "你好"),
    ("/broadcast all 后天 站点例会照常", 2, BARE_DAY_AT, "站点例会照常"),
    ("/broadcast all 明天 晚上8点 站点例会", 1, (20, 0), "站点例会"),
    ("/broadcast all tomorrow\nThe road is closed", 1, BARE_DAY_AT, "The road is closed"),
    ("/broadcast all 明晚 停电检修", 1, BARE_EVENING_AT, "停电检修"),
])
async def test_a_leading_day_word_is_the_send_time(bot, tg, db, command, days, hm, body) -> None:
    await _setup(tg)
    preview = (await _say(tg, SEC, command))["plain_text"]
    assert "推送预览" in preview and _local(days, hm) in preview, preview
    lines = preview.splitlines()
    assert body in lines and not any(line.startswith(("明天", "后天", "明晚", "tomorrow")) for line in lines), preview


@pytest.mark.parametrize("command, body", [
    ("/broadcast all 明天起建国路封路施工，请绕行", "明天起建国路封路施工，请绕行"),
    ("/broadcast all Tomorrow the road is closed", "Tomorrow the road is closed"),
])
async def test_a_text_that_opens_with_a_day_word_is_still_the_text(bot, tg, db, command, body) -> None:
    await _setup(tg)
    preview = (await _say(tg, SEC, command))["plain_text"]
    assert "推送预览" in preview and body in preview.splitlines() and "立即" in preview, preview


@pytest.mark.parametrize("command, days, hm, body", [
    ("/broadcast all 今晚12点 大家注意安全", 1, (0, 0), "大家注意安全"),
    ("/broadcast all 明天 晚上1点 停电检修", 2, (1, 0), "停电检修"),
    ("/broadcast all tonight 1am Stay safe on the road", 1, (1, 0), "Stay safe on the road"),
    ("/broadcast all tonight at 1 am Power cut for repairs", 1, (1, 0), "Power cut for repairs"),
])
async def test_the_nights_small_hours_are_after_midnight(bot, tg, db, command, days, hm, body) -> None:
    """"今晚12点" is midnight at the end of today, not noon: its preview said today 12:00 (the lunch
    peak; after noon, a time already past), "明天 晚上1点" tomorrow 13:00."""
    await _setup(tg)
    preview = (await _say(tg, SEC, command))["plain_text"]
    assert "推送预览" in preview and _local(days, hm) in preview and body in preview.splitlines(), preview
