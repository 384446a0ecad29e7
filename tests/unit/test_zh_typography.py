"""Chinese typography in the zh catalogues (issue 13 B10): no ASCII space before or after a
full-width bracket or punctuation mark, and no ASCII space between a Chinese character and a
name placeholder (`{ $who }`, `{ $department }`…), which Chinese text runs together
(`工单仍由住建局·市政道路负责。`, `已给刘师傅发放`). Spaces around numbers and case numbers
(`工单 C-000014`, `200 分`) are kept: that is the usual spacing between Chinese and Latin/digits."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast

from bot.i18n import t
from bot.wording import listed

ZH = sorted((Path(__file__).resolve().parents[2] / "bot" / "locales" / "zh").glob("*.ftl"))
FULL_WIDTH = "（）。，、：；！？「」『』《》“”"
NAMES = "who|name|department|to|from|owner|dept|branch"
HAN = r"[\u4e00-\u9fff]"
VARIANT_KEY = re.compile(r"\s*\*?\[[^\]\s]+\]\s*")
# Messages whose placeholder is what the user typed (an id or @name), not a name: spaced like Latin.
TYPED = {"points-user-unknown", "admin-bind-new-needs-name"}  # (a branch code as typed, in a command)
BAD = [
    (re.compile(rf"(?:{HAN}|[A-Za-z0-9>}}]) [{FULL_WIDTH}]"), "ASCII space before full-width punctuation"),
    (re.compile(rf"[{FULL_WIDTH}] (?={HAN})"), "ASCII space after full-width punctuation"),
    (re.compile(rf"{HAN} \{{ \$(?:{NAMES}) \}}"), "space between Chinese and a name"),
    (re.compile(rf"\{{ \$(?:{NAMES}) \}} {HAN}"), "space between a name and Chinese"),
]


def _messages(path: Path) -> list[tuple[str, str]]:
    """(message id, its source text) of every message and term in one catalogue."""
    resource = FluentParser().parse(path.read_text(encoding="utf-8"))
    out: list[tuple[str, str]] = []
    for entry in resource.body:
        if isinstance(entry, (ast.Message, ast.Term)) and entry.span is not None:
            text = path.read_text(encoding="utf-8")[entry.span.start:entry.span.end]
            body = text.split("=", 1)[1] if "=" in text else text
            body = VARIANT_KEY.sub("", body)  # `[one] ` / `*[other] `: syntax, not text
            out.append((entry.id.name, body))
    return out


@pytest.mark.parametrize("path", ZH, ids=lambda p: p.name)
def test_zh_catalogue_has_no_ascii_space_at_full_width_punctuation_or_names(path: Path) -> None:
    found = [f"{key}: {why}: {m.group()!r}" for key, text in _messages(path) for rx, why in BAD
             for m in [rx.search(text)] if m and key not in TYPED]
    assert not found, "\n".join(found)


def test_the_board_title_and_list_separator_read_naturally() -> None:
    assert t("zh", "board-title", title=t("zh", "board-title-all")).endswith("问题上报与解决</b>（全部支部）")
    assert listed(["周一", "周三", "周五"], "zh") == "周一、周三和周五" and listed(["A", "B"], "en") == "A and B"
    assert listed(["Rider00", "Rider01"], "zh", more=True) == "Rider00、Rider01"
    assert listed(["Rider00", "Rider01"], "en", more=True) == "Rider00, Rider01" and listed([], "zh") == ""
