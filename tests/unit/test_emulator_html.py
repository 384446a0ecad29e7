"""Unit tests for the emulator's Telegram-compatible entity parsers."""

from __future__ import annotations

import pytest

from emulator.html import EntityParseError, UnsupportedParseMode, parse_text, utf16_len


def test_plain_text_untouched():
    parsed = parse_text("a < b & c", None)
    assert parsed.text == "a < b & c" and parsed.entities == []


def test_entities_offsets_in_utf16():
    parsed = parse_text("😀 <b>bold</b> <i>it</i>", "HTML")
    assert parsed.text == "😀 bold it"
    assert parsed.entities == [{"type": "bold", "offset": 3, "length": 4},
                               {"type": "italic", "offset": 8, "length": 2}]


def test_allowed_tags():
    parsed = parse_text(
        '<strong>s</strong><em>e</em><u>u</u><ins>i</ins><s>x</s><strike>y</strike><del>d</del>'
        '<a href="https://t.me/x?a=1&amp;b=2">l</a><code>c</code>'
        '<pre><code class="language-python">p</code></pre>'
        '<span class="tg-spoiler">sp</span><tg-spoiler>t</tg-spoiler>'
        '<blockquote expandable>q</blockquote><tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>',
        "html",
    )
    types = [e["type"] for e in parsed.entities]
    assert types == ["bold", "italic", "underline", "underline", "strikethrough", "strikethrough",
                     "strikethrough", "text_link", "code", "pre", "spoiler", "spoiler",
                     "expandable_blockquote", "custom_emoji"]
    link = parsed.entities[7]
    assert link["url"] == "https://t.me/x?a=1&b=2"
    assert parsed.entities[9]["language"] == "python"


def test_character_entities():
    assert parse_text("&lt;&gt;&amp;&quot;&#65;&#x42;", "HTML").text == '<>&"AB'


@pytest.mark.parametrize("text, message", [
    ("<script>", 'Unsupported start tag "script" at byte offset 0'),
    ("ok <foo>x</foo>", 'Unsupported start tag "foo" at byte offset 3'),
    ("Tom & Jerry", "Character entity expected at byte offset 4"),
    ("&bogus;", "Character entity expected at byte offset 0"),
    ("1 < 2", 'Unsupported start tag "" at byte offset 2'),
    ("trailing <", "Unclosed start tag at byte offset 9"),
    ("<b>open", 'Can\'t find end tag corresponding to start tag "b"'),
    ("<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
    ("x</b>", "Unexpected end tag at byte offset 1"),
    ('<span class="x">s</span>', 'Tag "span" must have class "tg-spoiler"'),
    ("<b", "Unclosed start tag at byte offset 0"),
])
def test_html_errors(text, message):
    with pytest.raises(EntityParseError) as info:
        parse_text(text, "HTML")
    assert message in str(info.value)


def test_byte_offsets_count_utf8():
    with pytest.raises(EntityParseError, match="byte offset 7"):
        parse_text("骑手 <x>", "HTML")  # two 3-byte chars + space


def test_markdown_v2():
    parsed = parse_text(r"*b* _i_ __u__ ~s~ ||sp|| `c` [l](https://x.y) 1\.5", "MarkdownV2")
    assert parsed.text == "b i u s sp c l 1.5"
    assert [e["type"] for e in parsed.entities] == [
        "bold", "italic", "underline", "strikethrough", "spoiler", "code", "text_link"]
    with pytest.raises(EntityParseError, match="Character '.' is reserved"):
        parse_text("v1.2", "MarkdownV2")
    with pytest.raises(EntityParseError, match="Can't find end of Bold entity"):
        parse_text("*open", "MarkdownV2")


def test_legacy_markdown_and_unknown_mode():
    parsed = parse_text("*b* _i_ `c` [l](https://x.y)", "Markdown")
    assert parsed.text == "b i c l" and len(parsed.entities) == 4
    with pytest.raises(UnsupportedParseMode):
        parse_text("x", "BBCode")


def test_utf16_len():
    assert utf16_len("a😀骑") == 4
