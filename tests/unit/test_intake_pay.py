"""A rider's pay or fees withheld is a rider-rights report (scripts/intake_seeds_hand6.py).

Found trying the bot from outside: "这个月的配送费到现在还没结 站长说等通知 都拖两个月了" and "上个月的跑单费还没发
打电话没人接" were read as small talk (the corpus said 工资, hardly 配送费, 跑单费, 补贴, 押金), so a rider
whose pay was held back heard nothing; and "my delivery pay from March…" named "March" as its place. The
same words in talk of pay that arrived are still no report. These phrasings are not in the training lines."""
from __future__ import annotations

import pytest

from bot.intake import classify
from bot.intake.location import extract_location


@pytest.mark.parametrize("text", ["这个月的配送费到现在还没结 站长说等通知 都拖两个月了", "上个月的跑单费还没发 打电话没人接",
                                  "跑了三个月 站点的单费一直没给结清", "押金交了五百 走的时候一分不退",
                                  "站长把我们的配送费压着不发 已经快两个月",
                                  "my delivery pay from March still hasn't come through"])
def test_pay_withheld_is_a_rider_rights_report(text) -> None:
    got = classify(text)
    assert got.is_report and got.category == "rider_rights", got


@pytest.mark.parametrize("text", ["单费到账了 今晚加个鸡腿", "配送费几号结啊", "this week's pay came in early, nice"])
def test_talk_of_pay_that_came_is_no_report(text) -> None:
    assert not classify(text).is_report


@pytest.mark.parametrize("text", ["my delivery pay from March still hasn't come through",
                                  "no bonus since October, nobody answers"])
def test_a_month_is_no_place(text) -> None:
    assert extract_location(text, "en") is None
