"""A rider's trial of location pins, through the real bot and the emulator, on a real database:
a pin alone in private that no flow takes is answered with what a pin is for, while every flow a
pin continues (a case's place, a check-in, an activity's place, a command replying to the pin)
still takes it without that answer.
"""
from __future__ import annotations

import pytest

from tests.conftest import AMY, LI, SEC, said, two_branches, with_boss
from tests.e2e.contract.conftest import wecom_bot
from tests.e2e.contract.wecom_driver import WeComDriver
from tests.e2e.test_checkins import NEAR, PLACE, Clock, create, local
from tests.factories import read_cases, read_cases_at_least

PIN = {"latitude": 39.9123, "longitude": 116.4567}
HINT = {"zh": "没有事项在等它", "en": "nothing is waiting for one"}


@pytest.fixture
def settings(settings):
    return with_boss(settings)


@pytest.fixture
def clock(bot) -> Clock:
    c = Clock(local(2026, 12, 1, 10, 0))
    bot.core.checkins.clock = c
    return c


# --- 1. a pin alone in private ----------------------------------------------------------------------
@pytest.mark.parametrize("who, lang", [(LI, "zh"), (AMY, "en")])
async def test_pin_alone_in_private_says_what_a_pin_is_for(bot, tg, db, who, lang) -> None:
    await said(tg, who["id"], who, "/start")
    hint = await said(tg, who["id"], who, location=PIN)
    assert HINT[lang] in hint["plain_text"] and "/checkin" in hint["plain_text"], hint["plain_text"]
    assert "/activity" not in hint["plain_text"]  # a rider's answer: what riders can do
    venue = await said(tg, who["id"], who, location=PIN,
                       fields={"venue": {"location": PIN, "title": "幸福小区3号门", "address": "幸福路12号"}})
    assert HINT[lang] in venue["plain_text"]
    assert not await read_cases(db)
    # a pin that answers the place question is taken, and nothing more is said about it
    asked = await said(tg, who["id"], who, "/report 路灯坏了 晚上黑乎乎的")
    assert "C-000001" in asked["plain_text"]
    placed = await said(tg, who["id"], who, location=PIN)
    assert "C-000001" in placed["plain_text"] and HINT[lang] not in placed["plain_text"]
    # as is a pin correcting the place, as a reply to the bot's answer
    fixed = await said(tg, who["id"], who, location=NEAR, reply_to_message_id=placed["message_id"])
    assert "C-000001" in fixed["plain_text"] and HINT[lang] not in fixed["plain_text"]
    [case] = await read_cases_at_least(db, 1)
    assert (case.lat, case.lon) == (NEAR["latitude"], NEAR["longitude"])
    # and the next thing said in the chat is the next answer: no hint came after them
    assert "C-000001" in (await said(tg, who["id"], who, "/mycases"))["plain_text"]


async def test_pins_a_flow_asked_for_get_no_hint(bot, tg, db, clock) -> None:
    """A secretary's pin for an activity's place, a rider's pin for a check-in: taken, unhinted."""
    await two_branches(tg, LI)
    activity, reply = await create(tg, db, '"防汛宣传" 2026-12-05 09:00-11:00 500m')
    assert "发送活动地点的位置" in reply["text"]
    place = await said(tg, SEC["id"], SEC, location=PLACE)
    assert "地点已设好" in place["text"] and HINT["zh"] not in place["text"]
    clock.now = local(2026, 12, 5, 9, 5)
    assert "📍" in (await said(tg, LI["id"], LI, f"/checkin {activity.code}"))["text"]
    done = await said(tg, LI["id"], LI, location=NEAR)
    assert "签到成功" in done["text"]
    for who in (SEC, LI):  # the next answer in each chat is the command's: no hint was queued
        mine = await said(tg, who["id"], who, "/mycases")
        assert "工单" in mine["text"] and HINT["zh"] not in mine["text"], mine["text"]


async def test_pin_alone_on_wecom_says_what_a_pin_is_for(settings, database_url, db) -> None:
    """WeCom's location message carries its label (the address) as text: still a pin alone, and
    its label is no report (the classifier read some labels as one, or asked whether they were)."""
    async with wecom_bot(settings, database_url) as pair:
        driver: WeComDriver = pair[0]
        await said(driver, LI["id"], LI, "/start")
        for label in ("北京市朝阳区光华路9号", "科园路地铁站B口", "幸福小区3号门"):
            hint = await said(driver, LI["id"], LI, location={**PIN, "label": label})
            assert HINT["zh"] in hint["plain_text"], (label, hint["plain_text"])
        assert "/mycases" in (await said(driver, LI["id"], LI, "/help"))["plain_text"]  # one answer each, no more
        assert not await read_cases(db)
