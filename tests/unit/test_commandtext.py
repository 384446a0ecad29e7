"""Commands as Chinese input methods type them (issue 13 §1)."""
from __future__ import annotations

import pytest

from bot.commandtext import command_args, normalize_command, typed_rest


@pytest.mark.parametrize("typed, expected", [
    ("/report，建国路井盖丢了很危险", "/report 建国路井盖丢了很危险"),
    ("／mycases", "/mycases"),
    ("/mycases\u200b", "/mycases"),
    ("\ufeff\u200b/mycases", "/mycases"),
    ("/ｍｙｃａｓｅｓ", "/mycases"),
    ("/MyCases", "/mycases"),
    ("/report：路灯坏了。", "/report 路灯坏了。"),
    ("/lang\u3000en", "/lang en"),
    ("/accept Ｃ－０００００１ 住建局", "/accept C-000001 住建局"),
    ("/report@Rider_Sentinel_Bot，灯坏了", "/report@rider_sentinel_bot 灯坏了"),
    # a bracket or quote ends the command word and stays the argument's (before: "/case「c-000001」")
    ("/case「C-000001」", "/case 「C-000001」"),
    ("/case【C-000001】", "/case 【C-000001】"),
    ("/case(C-1)", "/case (C-1)"),
    ("/report【急】光华路井盖丢了", "/report 【急】光华路井盖丢了"),
    # the sentence's end typed after the last code goes (before: "/lang en。" was no language)
    ("/lang en。", "/lang en"),
    ("/top week！", "/top week"),
    ("/redeem data_pack。", "/redeem data_pack"),
    ("/export cases csv。", "/export cases csv"),
    ("/lang\u3000ｅｎ。", "/lang en"),
    # free text keeps its punctuation
    ("/reject C-1 重复了。", "/reject C-1 重复了。"),
    ("/cases 我的！", "/cases 我的！"),
    # an ASCII comma after a case number separates it (before: "C-000002,住建局" was no case)
    ("/accept C-000002,住建局", "/accept C-000002 住建局"),
    ("/dup C-4,C-2", "/dup C-4 C-2"),
])
def test_commands_are_normalised(typed: str, expected: str) -> None:
    assert normalize_command(typed) == expected


@pytest.mark.parametrize("text", ["你好", "/ 你好", "/。", "", None, "路灯坏了 /report"])
def test_other_text_is_no_command(text: str | None) -> None:
    assert normalize_command(text) is None


def test_arguments_keep_what_the_rider_typed() -> None:
    assert command_args("／report，建国路（东）井盖丢了！") == "建国路（东）井盖丢了！"
    assert command_args("/report\u200b 灯坏了") == "灯坏了"


@pytest.mark.parametrize("typed, expected, rest", [
    ("/note Ｃ－１ ＯＫ，明天上午到", "/note C-1 ＯＫ，明天上午到", "ＯＫ，明天上午到"),
    ("/resolve，Ｃ－１ 已更换ＬＥＤ灯泡（编号Ａ１２）", "/resolve C-1 已更换ＬＥＤ灯泡（编号Ａ１２）", "已更换ＬＥＤ灯泡（编号Ａ１２）"),
    ("/hours ＡＢ１ ２.５", "/hours AB1 2.5", "２.５"),
    ("/reject C-1  两个空格　保留", "/reject C-1  两个空格　保留", "两个空格　保留"),
])
def test_free_text_after_codes_is_kept_as_typed(typed: str, expected: str, rest: str) -> None:
    """Only the command and its leading code-like words are made ASCII (issue 13 review): a note
    or reason keeps its full-width letters, digits and spacing as the secretary typed them."""
    assert normalize_command(typed) == expected
    assert typed_rest(typed, 1) == rest


def test_a_zero_width_space_alone_after_a_known_command_separates_it() -> None:
    """Issue 13 B5: `/report` U+200B `光华路…` is `/report 光华路…`; inside an unknown word it is removed."""
    assert normalize_command("/report\u200b光华路红绿灯坏了") == "/report 光华路红绿灯坏了"
    assert command_args("/report\u200b光华路红绿灯坏了") == "光华路红绿灯坏了"
    assert normalize_command("/report@SentinelBot\u2060灯坏了") == "/report@sentinelbot 灯坏了"
    assert normalize_command("/my\u200bcases") == "/mycases"


@pytest.mark.parametrize(("word", "lang"), [
    ("zh", "zh"), ("EN", "en"), ("zh-CN", "zh"), ("en-GB", "en"), ("中文", "zh"), ("简体中文", "zh"),
    ("English", "en"), ("英语", "en"), ("英文", "en"), (" chinese ", "zh"), ("fr", None), ("法语", None), ("", None),
    (None, None),
])
def test_a_language_by_its_code_or_name(word, lang) -> None:
    from bot.i18n import lang_named
    assert lang_named(word) == lang
