"""A WeChat id written in pieces after its cue ("vx zhangwei 88", "微信号 zhang wei88") was shown whole: the id
was read only as one unbroken word. Now words and a last piece ending in digits are one id when they have a
handle's length and none is an English word ("wechat me at 8", "wechat group at 8pm" stay)."""
from __future__ import annotations

import pytest

from bot.privacy import find, mask


@pytest.mark.parametrize("text, expected", [
    ("vx zhangwei 88", "vx zh***"),
    ("微信号 zhang wei88", "微信号 zh***"),
    ("加我微信 zhang wei 88 谢谢", "加我微信 zh*** 谢谢"),
    ("wx: zhang_wei 1990", "wx: zh***"),
    ("微信 zhangwei88 13812345678", "微信 zh*** 138****5678"),  # the phone after the id is its own
])
def test_a_wechat_id_written_in_pieces_is_masked(text: str, expected: str) -> None:
    assert mask(text) == expected
    assert any(h.kind == "wechat" for h in find(text))


@pytest.mark.parametrize("text", ["wechat me at 8", "wechat group at 8pm", "vx abc 1", "wechat groups are fun"])
def test_words_after_a_wechat_cue_are_not_an_id(text: str) -> None:
    assert mask(text) == text
