"""A new user's trial of the second and third runtimes (python-telegram-bot, WeCom) against the
main one (aiogram): the same rider, secretary and inputs on each, the answers compared. What differed
without the platform forcing it, each a test that failed before its fix:

- WeCom: a member's language is the one their last text was written in; an emoji-only message
  ("😀😀😀") counted as English, so a Chinese rider was answered in English from then on;
- WeCom: a card's first line (its title) was clipped at the title's length, so the reporter's
  confirmation card lost the end of "请确认是否解决；如未解决可申请重新处理。";
- WeCom (and Telegram): the place question of a WeCom group says to send a pin in the private
  chat (a group there takes no pins), but a pin sent privately found no question there and was
  met with silence, the case left without its place;
- WeCom: the registration message says "地点不对？把正确地点发给我即可（在群里请 @我）", but with no
  replies there, "地点不对，是幸福小区5号门" opened a second case instead of correcting the first;
- WeCom: a group's news named the riders following a case as Telegram mentions, `tg://user?id=`
  links that open nothing there;
- WeCom: /help said to report in the group "with a photo or a pin" (Telegram's way);
- every runtime: /mycases dated a case by UTC, not local time (a case reported at 01:00 in
  Shanghai on 12-03 read 12-02, while /board and /case said 12-03).
"""
from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import update

from bot.config import Settings
from storage.models import Case
from tests.conftest import GROUP, LI, SEC, WANG, buttons, private, said, two_branches
from tests.e2e.contract.conftest import RunningWeCom
from tests.e2e.contract.wecom_driver import WeComDriver
from tests.factories import new_message, read_case, read_cases_at_least

PIN = {"latitude": 39.9123, "longitude": 116.4567}


def _chinese(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)


@pytest.fixture
def settings(settings: Settings) -> Settings:
    from tests.conftest import with_boss
    return with_boss(settings)


async def test_an_emoji_only_message_does_not_make_a_chinese_member_english(
        wecom: tuple[WeComDriver, RunningWeCom]) -> None:
    tg, _ = wecom
    assert "C-000001" in (await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的"))["plain_text"]
    answer = await said(tg, LI["id"], LI, "😀😀😀")
    assert _chinese(answer["plain_text"]), answer  # was the English manual
    me = await said(tg, LI["id"], LI, "/me")
    assert "积分" in me["plain_text"], me  # and he stays Chinese


async def test_the_confirmation_card_keeps_its_whole_first_line(wecom: tuple[WeComDriver, RunningWeCom]) -> None:
    tg, _ = wecom
    await two_branches(tg, LI)
    await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    await said(tg, SEC["id"], SEC, "/accept C-000001")
    before = len(await tg.messages(LI["id"]))
    await tg.send(private(SEC), SEC, "/resolve C-000001 已更换灯泡")
    card = await new_message(tg, LI["id"], before, lambda m: "cf:1:y" in buttons(m))
    assert "如未解决可申请重新处理。" in card["plain_text"], card


async def test_a_pin_sent_privately_gives_the_place_the_wecom_group_asked_for(
        wecom: tuple[WeComDriver, RunningWeCom], db: Any) -> None:
    tg, _ = wecom
    asked = await said(tg, GROUP, WANG, "路灯又不亮了 黑灯瞎火的")
    assert "私聊里发一个位置" in asked["plain_text"], asked
    answer = await said(tg, WANG["id"], WANG, None, location={**PIN, "label": ""})
    assert "C-000001" in answer["plain_text"] and "补充地点" in answer["plain_text"], answer
    case = await read_case(db)
    assert (case.lat, case.lon, case.awaiting_location) == (PIN["latitude"], PIN["longitude"], False)


async def test_a_pin_sent_privately_gives_the_place_on_telegram_too(bot: Any, tg: Any, db: Any) -> None:
    await said(tg, WANG["id"], WANG, "/start")
    asked = await said(tg, GROUP, WANG, "路灯又不亮了 黑灯瞎火的")
    assert "还缺地点" in asked["plain_text"], asked
    answer = await said(tg, WANG["id"], WANG, None, location=PIN)
    assert "C-000001" in answer["plain_text"] and "补充地点" in answer["plain_text"], answer
    assert (await read_case(db)).lat == PIN["latitude"]


async def test_mycases_dates_a_case_in_local_time(bot: Any, tg: Any, db: Any) -> None:
    await said(tg, LI["id"], LI, "/start")
    await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    await read_cases_at_least(db, 1)
    async with db() as s:  # reported at 01:00 on 12-03 in Shanghai: 17:00 on 12-02 in UTC
        await s.exec(update(Case).values(created_at=datetime(2026, 12, 2, 17, 0, tzinfo=UTC)))  # type: ignore[call-overload]
        await s.commit()
    mine = await said(tg, LI["id"], LI, "/mycases")
    assert "C-000001" in mine["plain_text"] and "12-03" in mine["plain_text"], mine


async def test_a_follower_named_in_a_wecom_group_notice_is_no_telegram_link(
        wecom: tuple[WeComDriver, RunningWeCom]) -> None:
    """Wang reported the same street light: the group's news of the case names him, on WeCom by
    name alone (a `tg://user?id=` link was shown there as a link that opens nothing)."""
    tg, _ = wecom
    await two_branches(tg, LI)
    await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了")
    followed = await said(tg, GROUP, WANG, "幸福小区三号门口路灯不亮了 好黑")
    assert "C-000001" in followed["plain_text"], followed
    before = len(await tg.messages(GROUP["id"]))
    await tg.send(private(SEC), SEC, "/accept C-000001")
    news = await new_message(tg, GROUP["id"], before, "已受理")
    assert WANG["first_name"] in news["text"] and "tg://" not in news["text"], news  # his name (user/get)


async def test_a_wecom_rider_corrects_the_place_without_a_reply(
        wecom: tuple[WeComDriver, RunningWeCom], db: Any) -> None:
    """The registration message says "地点不对？把正确地点发给我即可（在群里请 @我）": WeCom has
    no replies, so the correction is the rider's next message; it opened a second case instead."""
    tg, _ = wecom
    registered = await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    assert "把正确地点发给我" in registered["plain_text"], registered
    fixed = await said(tg, GROUP, LI, "地点不对，是幸福小区5号门")
    assert "C-000001" in fixed["plain_text"] and "幸福小区5号门" in fixed["plain_text"], fixed
    assert "已登记工单" not in fixed["plain_text"], fixed
    [case] = await read_cases_at_least(db, 1)
    assert case.location == "幸福小区5号门"


async def test_the_wecom_manual_says_how_to_report_there(wecom: tuple[WeComDriver, RunningWeCom]) -> None:
    """/help on WeCom told riders to describe the problem in the group "with a photo or a pin"
    (Telegram's way): a WeCom group hears only text that @-mentions the bot."""
    tg, _ = wecom
    manual = (await said(tg, LI["id"], LI, "/help"))["plain_text"]
    assert "@我" in manual and "私聊里发位置" in manual and "可带照片或位置" not in manual, manual
