"""`sentinel demo`'s transcript as a newcomer reads it from a pipe (the README's command, CI): each
command paired with its own reply, a press shown by its button's label, logical lines written whole
(no padding, no hard breaks, URLs unsplit), and on WeCom the group's name, markdown read as text and
Amy answered in her language."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _demo(*args: str) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("COLUMNS", None)  # rich's width from the environment: the pipe's default must not wrap either
    done = subprocess.run([sys.executable, "-m", "bot.cli", "demo", *args], cwd=ROOT, env=env,
                          stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=300, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return done.stdout.splitlines()


@pytest.fixture(scope="module")
def telegram() -> list[str]:
    return _demo()


@pytest.fixture(scope="module")
def wecom() -> list[str]:
    return _demo("--platform", "wecom")


def after(lines: list[str], said: str) -> str:
    """The line right after the one where `said` was said."""
    i = next(i for i, line in enumerate(lines) if f": {said}" in line)
    return lines[i + 1]


def whole(lines: list[str]) -> None:
    assert not [line for line in lines if line != line.rstrip()], "padded lines"
    for line in lines:  # a URL reaches its end on its line
        for url in re.findall(r"https?://\S+", line):
            assert re.fullmatch(r"https?://[\w.:]+(/\S*)?", url), url
    assert all("/dash/l" not in line or re.search(r"/dash/login\?t=[\w-]{20,}", line) for line in lines)


def test_each_secretary_command_shows_its_own_reply(telegram: list[str]) -> None:
    assert "开始表决" in after(telegram, "/proposal 1 vote quorum=2")
    assert "表决已结束" in after(telegram, "/proposal 1 close")
    assert "落实安排" in after(telegram, "/proposal 1 commit 街道办")
    assert "进展已在" in after(telegram, "/proposal 1 note 已和物业谈好场地")
    assert "已办结" in after(telegram, "/proposal 1 done 休息点已开放")
    # the agenda notice the secretary got earlier shows as a notice, before the vote command
    notice = next(i for i, line in enumerate(telegram) if "已满 2 人附议" in line)
    assert "(notice)" in telegram[notice]
    assert notice < next(i for i, line in enumerate(telegram) if "/proposal 1 vote quorum=2" in line)


def test_a_press_shows_the_buttons_label(telegram: list[str]) -> None:
    presses = [line for line in telegram if " presses [" in line]
    assert len(presses) == 5, presses
    assert not [line for line in presses if re.search(r"presses \[d[pv]:", line)], presses
    assert "presses [👍 Support]" in presses[0] and "presses [For]" in presses[2] and "presses [Against]" in presses[4]


def test_piped_lines_are_whole(telegram: list[str], wecom: list[str]) -> None:
    whole(telegram)
    whole(wecom)
    assert any("3 天内受理、7 天内办结" in line for line in telegram)
    assert any("21:00-22:30" in line for line in wecom)
    assert any("the group hears nothing)" in line for line in telegram)
    web = after(telegram, "/web")
    assert re.search(r"http://127\.0\.0\.1:\d+/dash/login\?t=[\w-]{20,}$", web), web


def test_wecom_transcript_names_the_group_and_reads_markdown(wecom: list[str]) -> None:
    assert "📚 朝阳骑手一群 · 微党课" in after(wecom, "/lessons plan 一三五")
    assert not [line for line in wecom if "**" in line]
    assert "Your cases" in after(wecom, "/mycases")


def test_wecom_transcript_shows_each_answer_under_its_own_line(wecom: list[str]) -> None:
    """A WeCom group's line is said to the bot, chit-chat too, and answered: the transcript once said
    "no reply" under it and printed that answer under the next line, a report, which then read as
    answered twice (the bot's introduction, then its case)."""
    assert not [line for line in wecom if "no reply" in line]
    assert "你好！" in after(wecom, "你好")
    assert "已登记工单" in after(wecom, "路灯又坏了 建国路和光华路路口")
