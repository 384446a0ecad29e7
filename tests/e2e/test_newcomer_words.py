"""What a newcomer types and reads, tried from outside (a new user's review of the README and help).

Before: a secretary's `/accept C-000003【水务局】` in the private chat was answered "✅ 已办理" and nothing
more: which case, which step, was not said. A rider's `/top 这周` or `/top this week` — how people ask for
this week's board — got the usage text, which in Chinese named only the English word `week`."""
from __future__ import annotations

import pytest

from tests.conftest import AMY, GROUP, GROUP_B, LI, SEC, SEC_B, said, two_branches, with_boss
from tests.factories import read_case, report


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_step_taken_in_private_is_receipted_with_its_case_and_step(bot, tg, db) -> None:
    await two_branches(tg, LI, AMY)
    await report(tg, GROUP, LI, "光华路桥下积水很深，电动车过不去")
    done = (await said(tg, SEC["id"], SEC, "/accept C-000001【水务局】"))["plain_text"]
    assert "C-000001" in done and "受理" in done, done
    await report(tg, GROUP_B, AMY, "The street light is out on Keyuan Rd gate 2, completely dark at night")
    done = (await said(tg, SEC_B["id"], SEC_B, "/accept C-000002"))["plain_text"]
    assert "C-000002" in done and "Accept" in done, done


@pytest.mark.parametrize(("words", "title"), [("这周", "本周积分排行"), ("this week", "本周积分排行"),
                                              ("这个月", "本月积分排行")])
async def test_top_takes_the_words_people_say_for_the_week_and_month(bot, tg, db, words, title) -> None:
    await two_branches(tg, LI)
    await report(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    board = (await said(tg, LI["id"], LI, f"/top {words}"))["plain_text"]
    assert title in board, board


async def test_recat_takes_the_labels_the_bot_shows(bot, tg, db) -> None:
    """`/recat C-000001 积水 紧急`: the secretary writes what the card reads (路灯照明 · 一般), not a code
    they never saw; before, every Chinese word was "not a valid category or urgency code"."""
    await two_branches(tg, LI)
    await report(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    fixed = (await said(tg, SEC["id"], SEC, "/recat C-000001 积水 紧急"))["plain_text"]
    assert "积水内涝" in fixed and "紧急" in fixed, fixed
    case = await read_case(db)
    assert (case.category, case.urgency) == ("waterlogging", "urgent"), case
    fixed = (await said(tg, SEC["id"], SEC, "/recat C-000001 Street lighting low"))["plain_text"]  # a label of two words
    assert "路灯照明" in fixed and "较低" in fixed, fixed
    unknown = (await said(tg, SEC["id"], SEC, "/recat C-000001 火星"))["plain_text"]
    assert "火星" in unknown and "类别" in unknown and "紧急程度" not in unknown, unknown
