"""A flood in a group ("很长" typed 2,000 times, "啊"×500, "asdf"×300) was asked "🤔 这是要上报的问题吗？" in
front of everyone: the intake weighed its one word thousands of times and came out an unsure report. A
unit said four times or more in a row is now read as said three times (bot.intake._REPEATED); a report
repeated is still a report, digits keep theirs."""
from __future__ import annotations

import pytest

from bot.intake import classify
from tests.conftest import GROUP, LI, two_branches
from tests.factories import report

FLOODS = ["很长" * 2000, "啊" * 500, "asdf" * 300, "哈哈" * 400]


@pytest.mark.parametrize("text", FLOODS)
def test_a_flood_is_no_report(text) -> None:
    assert not classify(text).is_report


def test_a_report_repeated_is_still_one_and_numbers_keep_their_digits() -> None:
    assert classify("路灯坏了" * 100).is_report
    got = classify("建国路8888号路灯坏了")
    assert got.is_report and got.location == "建国路8888号"


async def test_a_flood_in_a_group_gets_no_question(bot, tg) -> None:
    await two_branches(tg, LI)
    floods = [(await tg.send(GROUP, LI, text))["message_id"] for text in FLOODS]
    answered = await report(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")  # after the floods, in order
    assert "C-000001" in answered["plain_text"]
    messages = await tg.wait(GROUP["id"], len(FLOODS) + 2, timeout=1.5)  # the bot's, after a moment for any late one
    asked = [m for m in messages if m.get("reply_to_message_id") in floods]
    assert not asked and any(m.get("reply_to_message_id") == answered["reply_to_message_id"] for m in messages), messages
