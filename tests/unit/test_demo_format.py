"""`sentinel demo`'s transcript: wrapped lines keep their column, buttons show under the message, and
the `--keep` curl lines are single lines that work when copied as printed."""
from __future__ import annotations

import shlex

from rich.console import Console
from rich.text import Text

from handlers.demo import INDENT, emit, keep_help, print_bot_message, speaker_line

LONG = "兄弟们 幸福小区3号门下水道堵了 门口一大滩水 电动车过去溅一身 " * 2


def render(renderable: object, width: int = 48) -> list[str]:
    console = Console(width=width, record=True, color_system=None)
    console.print(renderable)
    return [line.rstrip() for line in console.export_text().splitlines()]


def test_a_rider_line_wraps_under_its_text_not_at_column_zero() -> None:
    lines = render(speaker_line(Text("朝阳骑手一群 · 李师傅:"), LONG))
    assert len(lines) > 2
    column = lines[0].index("兄弟们")
    assert all(line[:column].strip() == "" and line[column:].strip() for line in lines[1:]), lines


def on_a_terminal(message: dict[str, object], width: int = 48) -> list[str]:
    console = Console(width=width, record=True, color_system=None, force_terminal=True)
    print_bot_message(console, message)
    return [line.rstrip() for line in console.export_text().splitlines()]


def test_a_bot_message_is_indented_wraps_under_itself_and_shows_its_buttons() -> None:
    message = {"reply_to_message_id": 3, "text": "📚 一条消息，上报一个隐患\n" + LONG,
               "reply_markup": {"inline_keyboard": [[{"text": "✅ 学完了", "callback_data": "l:1"}],
                                                    [{"text": "A. 是", "callback_data": "q:a"},
                                                     {"text": "B. 否", "callback_data": "q:b"}]]}}
    lines = on_a_terminal(message)
    assert lines[0].startswith(" " * INDENT + "🤖 Rider Sentinel ↩:")
    assert all(line.startswith(" " * (INDENT + 4)) for line in lines[1:]), lines
    assert lines[-2].strip() == "[✅ 学完了]" and lines[-1].strip() == "[A. 是] [B. 否]"
    assert not any("[" in line for line in on_a_terminal({"text": "没有按钮"}))


def test_keep_curl_lines_are_one_line_each_and_valid_shell() -> None:
    console = Console(width=40, record=True, color_system=None)
    for line in keep_help("http://127.0.0.1:8081"):
        console.print(line, soft_wrap=True, markup=False, highlight=False)
    printed = console.export_text().splitlines()
    assert printed == keep_help("http://127.0.0.1:8081")  # not wrapped at 40 columns
    for line in printed:
        words = shlex.split(line)
        assert words[0] == "curl" and not line.endswith("\\")
    assert '"text":"人民路地铁站B口井盖没了"' in printed[0]


URL = "http://127.0.0.1:8081/dash/login?t=aqdPgk247lID0VVVDViMY4nh_SR7Ko_c-x25QMQbhVk"


def test_on_a_pipe_each_logical_line_is_written_whole_and_unpadded() -> None:
    console = Console(width=40, record=True, color_system=None, force_terminal=False)
    emit(console, Text("🤖 Rider Sentinel:"), "将转交责任部门，3 天内受理、7 天内办结。每一步进展都会在这里回复你。\n\n" + URL,
         INDENT, "[👍 附议]")
    lines = console.export_text().splitlines()
    assert lines[0] == " " * INDENT + "🤖 Rider Sentinel: 将转交责任部门，3 天内受理、7 天内办结。每一步进展都会在这里回复你。"
    column = " " * (INDENT + len("🤖 Rider Sentinel: ") + 1)  # the robot takes two cells
    assert lines[1:] == ["", column + URL, column + "[👍 附议]"]


def test_on_a_terminal_text_wraps_under_itself_but_a_url_is_never_split() -> None:
    console = Console(width=40, record=True, color_system=None, force_terminal=True)
    emit(console, Text("私聊 private · 赵书记:"), LONG)
    emit(console, Text("🤖 Rider Sentinel:"), "看板登录链接：" + URL, INDENT)
    lines = console.export_text().splitlines()
    assert len([line for line in lines if "兄弟们" in line or "电动车" in line]) > 2  # wrapped at 40
    assert any(URL in line for line in lines)
