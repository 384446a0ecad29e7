"""Joining sentences and check marks as each language writes them (issue 13 wording)."""
from __future__ import annotations

from bot.wording import one_mark, sentences


def test_chinese_sentences_join_without_a_space() -> None:
    assert sentences("zh", "已经处理过了。", "处理人：张书记。") == "已经处理过了。处理人：张书记。"
    assert sentences("zh", "已经处理过了", "处理人：张书记。") == "已经处理过了。处理人：张书记。"
    assert sentences("en", "Already handled.", "Handled by Li.") == "Already handled. Handled by Li."
    assert sentences("zh", "", "处理人：张书记。") == "处理人：张书记。"


def test_one_check_mark_per_message() -> None:
    assert one_mark("", "✅ 张书记：✅ 已通过 李师傅 的报到") == "张书记：✅ 已通过 李师傅 的报到"
    assert one_mark("✅ 已处理", "✅ 已由 张书记 办理：受理") == "已由 张书记 办理：受理"
    assert one_mark("工单 C-000001", "✅ 已由 张书记 办理：受理") == "✅ 已由 张书记 办理：受理"
    assert one_mark("", "✅ 张书记：❌ 拒绝并退分") == "张书记：❌ 拒绝并退分"
