"""Commands as Chinese input methods type them (issue 13 §1)."""
from __future__ import annotations

import pytest

from bot.commandtext import command_args, normalize_command


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
])
def test_commands_are_normalised(typed: str, expected: str) -> None:
    assert normalize_command(typed) == expected


@pytest.mark.parametrize("text", ["你好", "/ 你好", "/。", "", None, "路灯坏了 /report"])
def test_other_text_is_no_command(text: str | None) -> None:
    assert normalize_command(text) is None


def test_arguments_keep_what_the_rider_typed() -> None:
    assert command_args("／report，建国路（东）井盖丢了！") == "建国路（东）井盖丢了！"
    assert command_args("/report\u200b 灯坏了") == "灯坏了"
