"""Which replies say "me too" and nothing more (bot/cases/metoo.py): those follow the replied case;
anything else is read as what it says (a report, a question, a thanks)."""
from __future__ import annotations

import pytest

from bot.cases.metoo import says_me_too


@pytest.mark.parametrize("text", ["+1", "＋１", "+1+1", "+1 我也遇到了", "同上", "我也是！！", "我也遇到了",
                                  "我这边也是啊", "附议", "me too", "Me too!", "Same here", "same, +1", "ditto"])
def test_me_too(text: str) -> None:
    assert says_me_too(text)


@pytest.mark.parametrize("text", ["", "1", "👍", "谢谢", "什么时候修？", "是的", "我也遇到了，光华路那边也是",
                                  "同上，建国路井盖也丢了", "sameness", "same place, another light is out",
                                  "还是没修好"])
def test_not_only_me_too(text: str) -> None:
    assert not says_me_too(text)
