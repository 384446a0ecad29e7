"""The bot's message markup (Telegram's HTML subset, which the renderers write today) as WeCom
markdown, with the standard library's HTML parser.

WeCom's markdown (message/send, appchat/send, the AI bot's answers) knows **bold**, [links](url),
`code`, > quotes, # headings and <font color="info|comment|warning">; no italics, underline or strike:
those keep their text, and so does a Telegram mention (a `tg://` link, a follower named in a group
notice). Entities are unescaped (WeCom shows the text as written).

The markup is the HTML's tags alone: the text between them (a rider's words quoted in a secretary's
alert or a case card, a place, a name) is shown as written, as Telegram shows it. WeCom's markdown
has no escape character, so what it would read as markup in the text is broken up with a zero-width
space, which nobody sees: a masked phone's 138****5678 stays so (not an empty bold), a rider's
"[点这里](http://…)" is no link in the secretary's alert, a line starting with ">" or "#" is no
quote or heading, "<font …>" colours nothing.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

_SIMPLE = {"b": "**", "strong": "**", "code": "`"}
TELEGRAM_LINK = "tg://"  # a Telegram mention (`tg://user?id=…`) opens nothing on WeCom: the name is kept
_INVISIBLE = "\u200b"
# what WeCom's markdown reads as markup in text: a second * or `, a link's "](" , a tag's "<x",
# and ">" or "#" opening a line
_MARKUP_IN_TEXT = re.compile(r"(?<=[*`])(?=[*`])|(?<=\])(?=\()|(?<=<)(?=[A-Za-z/])|(?:^|(?<=\n))(?=[>#])")


def as_text(data: str) -> str:
    """`data` shown as written in WeCom's markdown (see the module's docstring)."""
    return _MARKUP_IN_TEXT.sub(_INVISIBLE, data)


class _ToMarkdown(HTMLParser):
    def __init__(self, plain: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.plain = plain  # the text alone, no markup
        self.out: list[str] = []
        self._href: list[str | None] = []
        self._pre = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.plain:
            if tag == "br":
                self.out.append("\n")
        elif tag in _SIMPLE and not self._pre:
            self.out.append(_SIMPLE[tag])
        elif tag == "pre":
            self._pre = True
            self.out.append("\n```\n")
        elif tag == "a":
            href = dict(attrs).get("href")
            if href is not None and href.startswith(TELEGRAM_LINK):
                self._href.append(TELEGRAM_LINK)  # a Telegram mention: its name alone
                return
            self._href.append(href)
            self.out.append("[")
        elif tag == "blockquote":
            self.out.append("\n> ")
        elif tag == "br":
            self.out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.plain:
            return
        if tag in _SIMPLE and not self._pre:
            self.out.append(_SIMPLE[tag])
        elif tag == "pre":
            self._pre = False
            self.out.append("\n```\n")
        elif tag == "a":
            href = self._href.pop() if self._href else None
            if href != TELEGRAM_LINK:
                self.out.append(f"]({href})" if href else "]")
        elif tag == "blockquote":
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        self.out.append(data if self.plain or self._pre else as_text(data))


def to_markdown(html_text: str) -> str:
    parser = _ToMarkdown()
    parser.feed(html_text)
    parser.close()
    return "".join(parser.out).strip("\n")


def to_plain(html_text: str) -> str:
    """The text alone (a card's title and description take no markup)."""
    parser = _ToMarkdown(plain=True)
    parser.feed(html_text)
    parser.close()
    return "".join(parser.out).strip("\n")
