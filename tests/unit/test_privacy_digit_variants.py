"""Personal data written to slip past a filter (issue: personal data leaks through variants).

A mobile number written the ways riders write one to slip past a filter was shown in full: in
Chinese digits mixed with Arabic ones ("138一二三四5678"), in the financial digits of a receipt
(壹叁捌…), in keycap emoji (1️⃣3️⃣8️⃣…), split by a direction mark or an isolate (invisible), by a star,
a tilde or a Chinese comma, or with 86 before it and no +. Each is masked now, as the plain number is,
and what only looks like a number (a list, counting, a room in a public building) is left alone.
So are an ID or card number its writer names, read out in Chinese digits, an e-mail address spelled
with 艾特/at/# and 点/dot, and a WeChat id after the slang cues 加V, +v, v: and 威x."""
from __future__ import annotations

import pytest

from bot.commandtext import normalize_command
from bot.privacy import find, mask

KEYCAPS = "".join(f"{d}\ufe0f\u20e3" for d in "13812345678")


@pytest.mark.parametrize("text, expected", [
    ("一3八1二3四5六7八", "138****5678"),
    ("电话138 一二三四 5678", "电话138****5678"),
    ("打我幺38-1234-五六七八", "打我138****5678"),
    ("壹叁捌壹贰叁肆伍陆柒捌", "138****5678"),
    ("壹參捌壹貳參肆伍陸柒捌", "138****5678"),  # traditional forms
    (KEYCAPS + " 找我", "138****5678 找我"),  # the keycap's selector and frame go with the digit
    ("138\u200e1234\u200e5678", "138****5678"),  # left-to-right mark
    ("138\u20661234\u20695678", "138****5678"),  # an isolate and its end
    ("138*1234*5678", "138****5678"),
    ("138～1234～5678", "138****5678"),
    ("138〜1234〜5678", "138****5678"),
    ("138，1234，5678", "138****5678"),
    ("138、1234、5678", "138****5678"),
    ("8613812345678", "86138****5678"),
    ("86 138 1234 5678", "86 138****5678"),
])
def test_a_mobile_number_however_written_is_masked(text, expected) -> None:
    assert mask(text) == expected
    assert any(h.kind.startswith("mobile") for h in find(text))


@pytest.mark.parametrize("text", [
    "一二三四五六七八九十",            # counting
    "我一三八一二三四五六七八九",        # twelve digits: no mobile
    "第一三八个",
    "2、3、4、5号门都坏了",
    "1,2,3,4,5,6,7,8,9,10,11",
    "建国路88号 C-000123",
    "订单 2024-0512-1530-0001",
    "壹佰贰拾叁元",                     # an amount
    "❤️光华路路灯坏了",
    "waiting at gate. Then the rain",
    "12v:电池没电了",
    "加vip会员",
    "3#楼2单元门口",
])
def test_what_only_looks_like_a_number_stays(text) -> None:
    assert mask(text) == text


def test_commands_see_through_the_same_invisible_characters() -> None:
    """One set of invisible characters (bot.plaintext.INVISIBLE) for commands and for privacy: an
    isolate after the command word no longer glues itself to it."""
    assert normalize_command("/help\u2066 C-000001") == normalize_command("/help C-000001")


@pytest.mark.parametrize("text, expected", [
    ("身份证一一零一零一一九九零零三零七四四七七", "身份证110***********4477"),
    ("身份证号：一一零一零五一九四九一二三一零零二X", "身份证号：110***********002X"),
    ("卡号六二二二零二一二三四五六七八九零一二三", "卡号6222***********0123"),
    ("邮箱 zhangsan艾特qq点com", "邮箱 z***艾特qq点com"),
    ("zhangsan at qq dot com", "z*** at qq dot com"),
    ("zhangsan(at)qq.com", "z***(at)qq.com"),
    ("zhangsan#qq.com", "z***#qq.com"),
    ("加V：rider_2023", "加V：ri***"),
    ("+v rider_2023", "+v ri***"),
    ("v: rider_2023", "v: ri***"),
    ("威x rider2023", "威x ri***"),
])
def test_other_kinds_written_to_slip_past_filters_are_masked(text, expected) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("我的地址：朝阳区幸福路12号院3号楼501", "我的地址：***"),  # the building and compound showed, 501 alone went
    ("我地址是望京花园5号楼", "我地址是***"),
    ("我家幸福小区5号楼1203室", "我家***"),  # a bare 家 right before the compound
    ("我住幸福小区 5 号楼 1203", "我住***"),  # spaces before a unit word
])
def test_a_home_said_other_ways_is_masked_whole(text, expected) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize("text", [
    "我的地址不对", "我的地址是错的", "我家后面的幸福小区路灯坏了", "我家小区门口路灯坏了", "我家楼下路灯坏了",
    "我家附近望京花园积水", "我家那个小区停电了",
])
def test_words_near_a_home_cue_that_name_no_home_stay(text) -> None:
    assert mask(text) == text


@pytest.mark.parametrize("text, expected", [
    ("my phone is one three eight one two three four five six seven eight", "my phone is 138****5678"),
    ("call me at 138 one two three four 5678", "call me at 138****5678"),
    ("call One Three Eight, one two three four, five six seven eight", "call 138****5678"),
    ("one three eight double one two three four five six seven", "138****4567"),
    ("reach me on one three nine - oh oh one two - three four five six", "reach me on 139****3456"),
])
def test_a_mobile_number_said_in_english_words_is_masked(text, expected) -> None:
    """How an English voice note's transcript (or a rider dodging a filter) writes a mobile number:
    it was shown in full."""
    assert mask(text) == expected
    assert any(h.kind == "mobile_en" for h in find(text))


@pytest.mark.parametrize("text", ["I have one or two orders, three of them late, five six seven eight",
                                  "gate one two three", "one two three four five six seven eight nine ten",
                                  "route 5 then 6 then 7"])
def test_counting_in_english_words_is_no_number(text) -> None:
    assert mask(text) == text


@pytest.mark.parametrize("text, expected", [
    ("WhatsApp +44 7700 900123", "WhatsApp +44 ******0123"),
    ("+1 (415) 555-0132", "+1 ******0132"),
    ("call +33 6 12 34 56 78 after 6", "call +33 *****5678 after 6"),
    ("signal 07700 900123", "signal *******0123"),
    ("telegram: 7700 900123", "telegram: ******0123"),
])
def test_a_number_abroad_is_masked(text, expected) -> None:
    """A number in international form, or after a messaging app's name, was shown in full without
    电话/tel before it."""
    assert mask(text) == expected


@pytest.mark.parametrize("text", ["+1 我也遇到了", "+1", "+10", "温度+35度", "+1 +1 +1", "加1，+2"])
def test_agreeing_and_counting_with_a_plus_are_no_number(text) -> None:
    assert mask(text) == text
