"""A plate, a mobile or a QQ number written with separators riders use (京·A12345 with a dot after the
province, 京A-123-45, 138_1234_5678, 138/1234/5678, QQ 1234 5678, a number after 联系我) was shown in
full: the separators allowed were a few, in a few positions. A separator may now stand anywhere."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.privacy import find, mask


# --- plates: a separator in any position -------------------------------------------------
def _shown(out: str) -> str:
    return unicodedata.normalize("NFKC", out)


@pytest.mark.parametrize("text", [
    "车牌京·A12345撞了人", "京A·12345", "京 A 12345", "京A-12345", "京-A12345", "京·A·12345",
    "京AD12345", "京A·D12345", "粤B·D12345", "京ＡＢ１２３４５", "京Ａ·１２３４５", "京A 123 45", "京A-123-45",
])
def test_a_plate_is_masked_whatever_its_separators(text) -> None:
    assert "plate" in {h.kind for h in find(text)}
    assert "123" not in _shown(mask(text)) and "***" in mask(text)


def test_a_plate_does_not_take_the_number_after_it() -> None:
    assert mask("京A12345 3号门有人违停") == "京A*** 3号门有人违停"
    assert mask("京藏高速G6出口") == "京藏高速G6出口"


SEP = st.sampled_from(["", "", " ", "·", "-", "\u30fb", "－"])


@given(st.sampled_from("京沪粤苏浙川"), st.sampled_from("ABCDEFGH"), st.sampled_from(["", "D", "F"]),
       st.text("0123456789", min_size=5, max_size=5), SEP, SEP, SEP, st.booleans())
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_plate_with_a_separator_anywhere_is_masked(prov, letter, energy, number, s1, s2, s3, wide) -> None:
    body = energy + number
    plate = prov + s1 + letter + s2 + body[:3] + s3.replace(" ", "") + body[3:]
    if wide:
        plate = "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in plate)
    out = mask(f"有辆{plate}违停")
    assert number not in _shown(out).replace("-", "").replace(".", ""), out
    assert out.startswith("有辆") and out.endswith("违停")


# --- numbers with the separators people use to slip past filters ---------------------------
@pytest.mark.parametrize("text, expected", [
    ("电话138_1234_5678", "电话138****5678"),
    ("138/1234/5678找我", "138****5678找我"),
    ("＋８６ １３８－１２３４－５６７８", "＋８６ 138****5678"),
    ("QQ 1234 5678", "QQ *****678"),
    ("QQ号：1234-5678", "QQ号：*****678"),
    ("联系我 6234 5678", "联系我 ****5678"),
    ("call me 6234 5678", "call me ****5678"),
])
def test_numbers_split_any_way_are_masked(text, expected) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize("text", ["13/05/2024 12:30 发生", "订单号 2024_0512_1530 已送达", "1/3/2024 到 2024/05/12"])
def test_dates_and_order_numbers_with_those_separators_stay(text) -> None:
    assert mask(text) == text


# Every kind of number reads one set of separators: an ID or card number split by a dot, "_" or "/" (and
# a mobile by " - ") was shown in full while the same split mobile was masked.
@pytest.mark.parametrize("text, gone", [
    ("身份证110101.19900307.4477", "19900307"),
    ("身份证110101_19900307_4477", "19900307"),
    ("身份证 110101/19900307/4477", "19900307"),
    ("110101.19900307.4477 是我的", "19900307"),  # a valid ID number, no cue
    ("身份证 110101.19900307.7777", "19900307"),  # cued, wrong check digit
    ("卡号 6222.0212.3456.7890.128", "02123456"),
    ("6222_0212_3456_7890_128", "02123456"),      # Luhn-valid, no cue
    ("卡号 6222/0212/3456/7890/123", "02123456"),  # cued, Luhn-invalid
    ("手机 1 3 8 - 1 2 3 4 - 5 6 7 8", "12345678"),
    ("电话一三八_一二三四_五六七八", "一二三四"),
])
def test_every_number_reads_the_same_separators(text, gone) -> None:
    out = mask(text)
    assert gone not in "".join(c for c in _shown(out) if c.isdigit() or c in "一二三四五六七八"), out
    assert "***" in out


@pytest.mark.parametrize("text, expected", [
    ("Q Q 12345678", "Q Q *****678"),
    ("扣扣 12345678", "扣扣 *****678"),
    ("加我企鹅 1234 5678", "加我企鹅 *****678"),
    ("QQ群 123456789 欢迎骑手", "QQ群 123456789 欢迎骑手"),  # a group, not a person
])
def test_qq_as_riders_call_it(text, expected) -> None:
    assert mask(text) == expected
