"""The reporter's ✅ / ❌ said in words in reply to "已处理完毕…请确认是否解决" (bot.cases.verdicts)."""
from __future__ import annotations

import pytest

from bot.cases.verdicts import CONFIRM, REOPEN, reporter_verdict


@pytest.mark.parametrize("text", ["修好了，谢谢", "确认", "亮了，谢谢师傅", "已经解决了", "没问题了", "Fixed, thanks!",
                                  "it is fixed now", "ＯＫ"])
def test_a_clear_yes_confirms(text: str) -> None:
    assert reporter_verdict(text) == CONFIRM


@pytest.mark.parametrize("text", ["还没修好", "没修好，还是黑的", "还是没修好，灯还是黑的", "还是不亮", "没好", "仍然坏着",
                                  "not fixed", "still dark, not fixed", "not fixed yet"])
def test_a_clear_no_reopens(text: str) -> None:
    assert reporter_verdict(text) == REOPEN


@pytest.mark.parametrize("text", ["什么时候修？", "什么时候修好", "when will it be fixed", "好了但是另一根还坏着",
                                  "修好了，还是不亮", "是靠近垃圾桶那根", "谢谢", "", "修好了" * 20])
def test_anything_else_is_no_answer(text: str) -> None:
    assert reporter_verdict(text) is None
