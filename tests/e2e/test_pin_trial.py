"""A rider's trial of location pins and of answers that fall back to the group, through the real
bot and the emulator, on a real database:

1. a pin alone in private that no flow takes is answered with what a pin is for, while every
   flow a pin continues (a case's place, a check-in, an activity's place, a command replying to
   the pin) still takes it without that answer;
2. a pin sent in the group by a rider we asked for one in private (/checkin in the group) is
   pointed to the private chat (privately when the bot can write to them, else in a reply);
   a case's place keeps precedence, and anyone else's pin in the group stays unanswered;
3. an approval told in the group (the rider never started the bot) shows no balance there, nor
   does a points correction typed in the group.
"""
from __future__ import annotations

import re
from typing import Any

import pytest
from sqlmodel import select

from storage.models.checkins import ActivityCheckin
from tests.conftest import AMY, GROUP, LI, SEC, WANG, ledger, private, said, two_branches, until, with_boss
from tests.e2e.contract.conftest import wecom_bot
from tests.e2e.contract.wecom_driver import WeComDriver
from tests.e2e.test_checkins import FAR, NEAR, PLACE, Clock, create, local, next_in
from tests.factories import alerted, read_cases, read_cases_at_least

PIN = {"latitude": 39.9123, "longitude": 116.4567}
HINT = {"zh": "没有事项在等它", "en": "nothing is waiting for one"}
ELSEWHERE = {"zh": "群里发的位置不算", "en": "does not count"}


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _placed_activity(tg: Any, db: Any, clock: Clock) -> Any:
    """An activity with a place (500 m), open for check-in now."""
    activity, _ = await create(tg, db, '"防汛宣传" 2026-12-05 09:00-11:00 500m')
    assert "地点已设好" in (await said(tg, SEC["id"], SEC, location=PLACE))["text"]
    clock.now = local(2026, 12, 5, 9, 5)
    return activity


async def _checkins(db: Any) -> list[ActivityCheckin]:
    async with db() as s:
        return list((await s.exec(select(ActivityCheckin).order_by(ActivityCheckin.id))).all())


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
    """WeCom's location message carries a label (the address): still a pin alone, and its label
    names the place, as a Telegram venue's title does; it is no report (read as the rider's words,
    the classifier took some labels for one, or asked whether they were)."""
    async with wecom_bot(settings, database_url) as pair:
        driver: WeComDriver = pair[0]
        await said(driver, LI["id"], LI, "/start")
        for label in ("北京市朝阳区光华路9号", "科园路地铁站B口", "幸福小区3号门"):
            hint = await said(driver, LI["id"], LI, location={**PIN, "label": label})
            assert HINT["zh"] in hint["plain_text"], (label, hint["plain_text"])
        assert "/mycases" in (await said(driver, LI["id"], LI, "/help"))["plain_text"]  # one answer each, no more
        assert not await read_cases(db)
        # a pin answering the place question gives the case its place's name, as a venue does
        assert "C-000001" in (await said(driver, LI["id"], LI, "/report 路灯坏了 晚上黑乎乎的"))["plain_text"]
        placed = await said(driver, LI["id"], LI, location={**PIN, "label": "幸福小区3号门"})
        assert "C-000001" in placed["plain_text"] and "幸福小区3号门" in placed["plain_text"], placed["plain_text"]
        [case] = await read_cases_at_least(db, 1)
        assert (case.location, case.lat) == ("幸福小区3号门", PIN["latitude"])


# --- 2. a check-in pin sent in the group -----------------------------------------------------------
async def test_checkin_pin_in_the_group_is_pointed_to_the_private_chat(bot, tg, db, clock) -> None:
    await two_branches(tg, LI)
    activity = await _placed_activity(tg, db, clock)
    assert "私聊" in (await said(tg, GROUP, LI, f"/checkin {activity.code}"))["text"]
    group_before, li_before = len(await tg.messages(GROUP["id"])), len(await tg.messages(LI["id"]))
    await tg.send(GROUP, LI, location=NEAR)
    told = await next_in(tg, LI["id"], li_before)  # privately: the bot can write to them
    assert ELSEWHERE["zh"] in told["text"] and "防汛宣传" in told["text"] and "请在这里发送" in told["text"]
    assert not await _checkins(db)
    # the question is still open: the pin in private checks them in
    assert "签到成功" in (await said(tg, LI["id"], LI, location=NEAR))["text"]
    assert len(await tg.messages(GROUP["id"])) == group_before  # the group heard nothing of it

    # a rider who never started the bot: the answer is a reply to their pin in the group
    assert "私聊" in (await said(tg, GROUP, WANG, f"/checkin {activity.code}"))["text"]
    before = len(await tg.messages(GROUP["id"]))
    pin = await tg.send(GROUP, WANG, location=NEAR)
    reply = await next_in(tg, GROUP["id"], before)
    assert ELSEWHERE["zh"] in reply["text"] and "私聊我" in reply["text"], reply["text"]
    assert reply["reply_to_message_id"] == pin["message_id"]
    assert [c.user_id for c in await _checkins(db)] == [LI["id"]]


async def test_group_pin_of_a_rider_asked_nothing_stays_unanswered(bot, tg, db, clock) -> None:
    await two_branches(tg, LI)
    activity = await _placed_activity(tg, db, clock)
    await said(tg, LI["id"], LI, f"/checkin {activity.code}")
    assert "签到成功" in (await said(tg, LI["id"], LI, location=NEAR))["text"]  # answered: nothing asked now
    group_before, li_before = len(await tg.messages(GROUP["id"])), len(await tg.messages(LI["id"]))
    await tg.send(GROUP, LI, location=FAR)
    await tg.send(GROUP, WANG, location=FAR)  # never asked anything
    await tg.send(GROUP, WANG, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    answer = await next_in(tg, GROUP["id"], group_before)  # the pins got nothing before it
    assert "C-000001" in answer["plain_text"], answer["plain_text"]
    await tg.send(private(LI), LI, "/mycases")
    mine = await next_in(tg, LI["id"], li_before)
    assert "工单" in mine["text"] and ELSEWHERE["zh"] not in mine["text"], mine["text"]


async def test_a_cases_place_takes_the_group_pin_before_the_checkin_pointer(bot, tg, db, clock) -> None:
    await two_branches(tg, LI, AMY)
    activity = await _placed_activity(tg, db, clock)
    asked = await said(tg, GROUP, AMY, "The street light is broken, completely dark at night")
    assert "No place yet" in asked["plain_text"]
    assert "📍" in (await said(tg, GROUP, AMY, f"/checkin {activity.code}"))["text"]
    placed = await said(tg, GROUP, AMY, location=PIN)
    assert "C-000001" in placed["plain_text"], placed["plain_text"]
    [case] = await read_cases_at_least(db, 1)
    assert case.lat == PIN["latitude"]
    done = await said(tg, AMY["id"], AMY, location=NEAR)  # the next private answer is the check-in's
    assert "Checked in" in done["text"] and ELSEWHERE["en"] not in done["text"], done["text"]


# --- 3. no balance in the group ----------------------------------------------------------------------
BALANCE = {"zh": re.compile(r"余额\s*\d"), "en": re.compile(r"balance\s*\d")}


@pytest.mark.parametrize("who, lang", [(WANG, "zh"), (AMY, "en")])
async def test_hours_approved_in_the_group_show_no_balance(bot, tg, db, clock, who, lang) -> None:
    await two_branches(tg, LI)  # `who` never started the bot
    activity, _ = await create(tg, db)
    clock.now = local(2026, 12, 5, 11, 30)
    logged = await said(tg, GROUP, who, f"/hours {activity.code} 2")
    assert {"zh": "志愿时长 2 小时", "en": "2 h logged"}[lang] in logged["plain_text"], logged["plain_text"]
    before = len(await tg.messages(GROUP["id"]))
    await alerted(tg, SEC["id"], "志愿时长 #1")  # the request card, before the command's answer is taken
    approved = await said(tg, SEC["id"], SEC, "/hours approve 1")
    assert f"已认可{who['first_name']}的 2 小时" in approved["plain_text"], approved["plain_text"]
    told = await next_in(tg, GROUP["id"], before)
    assert who["first_name"] in told["text"] and "/hours" in told["text"], told["text"]
    assert not BALANCE[lang].search(told["text"]) and "+" not in told["text"], told["text"]
    # in their own chat, once they started the bot, /hours shows the balance
    await said(tg, who["id"], who, "/start")
    mine = await said(tg, who["id"], who, "/hours")
    assert {"zh": "：2 小时", "en": ": 2 h"}[lang] in mine["plain_text"], mine["plain_text"]


async def test_hours_approved_for_a_rider_who_started_the_bot_tell_the_balance_privately(bot, tg, db,
                                                                                       clock) -> None:
    await two_branches(tg, LI)
    activity, _ = await create(tg, db)
    clock.now = local(2026, 12, 5, 11, 30)
    await said(tg, GROUP, LI, f"/hours {activity.code} 2")
    li_before, group_before = len(await tg.messages(LI["id"])), len(await tg.messages(GROUP["id"]))
    await alerted(tg, SEC["id"], "志愿时长 #1")  # the request card, before the command's answer is taken
    approved = await said(tg, SEC["id"], SEC, "/hours approve 1")
    assert "已认可" in approved["plain_text"], approved["plain_text"]  # done: nothing more comes to the group
    told = await next_in(tg, LI["id"], li_before)
    assert "余额 2 小时" in told["text"]
    assert len(await tg.messages(GROUP["id"])) == group_before


async def test_a_points_correction_in_the_group_is_answered_privately(bot, tg, db) -> None:
    """What a revoke took back (min of the grant and the balance) tells the rider's balance: the
    secretary hears it privately, the group a pointer."""
    await two_branches(tg, LI)
    hello = await tg.send(GROUP, LI, "收到")
    granted = await said(tg, GROUP, SEC, "/points grant 30 协助处置积水", reply_to_message_id=hello["message_id"])
    assert "已给" in granted["text"]
    [entry] = await ledger(db, LI["id"], at_least=1)
    sec_before = len(await tg.messages(SEC["id"]))
    pointer = await said(tg, GROUP, SEC, f"/points revoke #{entry.id} 误发冲正")
    assert "已撤回" not in pointer["text"] and "30" not in pointer["text"], pointer["text"]

    async def revoked() -> dict | None:
        return next((m for m in (await tg.messages(SEC["id"]))[sec_before:] if "已撤回" in m["text"]), None)
    done = await until(revoked)
    assert "30" in done["text"] and "李师傅" in done["text"]
    await ledger(db, LI["id"], at_least=2)
