"""Telegram-compatible parsers for ``parse_mode`` (HTML, MarkdownV2, Markdown).

The HTML parser follows tdlib's ``parse_html`` closely (byte offsets, tag set,
error wording) so that formatting bugs which would fail against the real Bot
API also fail against the emulator.  The one deliberate difference: a bare
``&`` that does not start a valid character entity is rejected (tdlib lets it
through), because such text is almost always a missing ``html.escape``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["EntityParseError", "UnsupportedParseMode", "ParsedText", "parse_text", "utf16_len"]


class EntityParseError(ValueError):
    """Raised with the text that follows "can't parse entities: "."""


class UnsupportedParseMode(ValueError):
    """parse_mode is not HTML/MarkdownV2/Markdown."""


@dataclass
class ParsedText:
    """Plain text (what the user sees) plus Telegram MessageEntity dicts."""

    text: str
    entities: list[dict] = field(default_factory=list)


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit Telegram counts limits/offsets in."""
    return len(text.encode("utf-16-le")) // 2


_ALLOWED_TAGS = {
    "a", "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "code", "pre",
    "span", "tg-spoiler", "tg-emoji", "blockquote",
}
_TAG_TYPES = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline",
    "ins": "underline", "s": "strikethrough", "strike": "strikethrough",
    "del": "strikethrough", "span": "spoiler", "tg-spoiler": "spoiler", "code": "code",
    "pre": "pre", "a": "text_link", "tg-emoji": "custom_emoji", "blockquote": "blockquote",
}
_NAMED = {b"lt": "<", b"gt": ">", b"amp": "&", b"quot": '"'}
_SPACE = b" \t\r\n\f\v"


def _utf16_units(lead: int) -> int:
    """UTF-16 units contributed by a UTF-8 byte (0 for continuation bytes)."""
    if lead < 0x80:
        return 1
    if lead < 0xC0:
        return 0
    if lead < 0xF0:
        return 1
    return 2


def _decode_entity(data: bytes, pos: int) -> tuple[str, int] | None:
    """Decode ``&...;`` at ``pos``; return (char, new_pos) or None if invalid."""
    n = len(data)
    end = pos + 1
    if end < n and data[end] == ord("#"):
        end += 1
        value = 0
        digits = 0
        if end < n and data[end] in b"xX":
            end += 1
            while end < n and chr(data[end]) in "0123456789abcdefABCDEF":
                value = value * 16 + int(chr(data[end]), 16)
                end += 1
                digits += 1
                if value >= 0x10FFFF:
                    return None
        else:
            while end < n and 48 <= data[end] <= 57:
                value = value * 10 + data[end] - 48
                end += 1
                digits += 1
                if value >= 0x10FFFF:
                    return None
        if not digits or value == 0 or end - pos >= 10 or 0xD800 <= value <= 0xDFFF:
            return None
        char = chr(value)
    else:
        while end < n and chr(data[end]).isascii() and chr(data[end]).isalpha():
            end += 1
        name = data[pos + 1:end]
        if name not in _NAMED:
            return None
        char = _NAMED[name]
    if end < n and data[end] == ord(";"):
        end += 1
    return char, end


@dataclass
class _Open:
    tag: str
    arg: str
    utf16_start: int
    byte_start: int
    lang: str = ""


def parse_html(text: str) -> ParsedText:
    """Parse Telegram-flavoured HTML; raise EntityParseError like the Bot API."""
    data = text.encode("utf-8")
    n = len(data)
    out = bytearray()
    u16 = 0
    stack: list[_Open] = []
    entities: list[dict] = []
    i = 0
    while i < n:
        c = data[i]
        if c == 0x26:  # '&'
            decoded = _decode_entity(data, i)
            if decoded is None:
                raise EntityParseError(
                    f'Character entity expected at byte offset {i}; use "&amp;" to send a bare "&"'
                )
            char, i = decoded
            out += char.encode("utf-8")
            u16 += utf16_len(char)
            continue
        if c != 0x3C:  # not '<'
            out.append(c)
            u16 += _utf16_units(c)
            i += 1
            continue
        begin = i
        i += 1
        if i < n and data[i] == 0x2F:  # end tag
            i += 1
            if not stack:
                raise EntityParseError(f"Unexpected end tag at byte offset {begin}")
            name_start = i
            while i < n and data[i] not in _SPACE and data[i] != 0x3E:
                i += 1
            end_name = data[name_start:i].decode("utf-8", "replace").lower()
            while i < n and data[i] in _SPACE:
                i += 1
            if i >= n or data[i] != 0x3E:
                raise EntityParseError(f"Unclosed end tag at byte offset {begin}")
            i += 1
            top = stack.pop()
            if end_name and end_name != top.tag:
                raise EntityParseError(
                    f'Unmatched end tag at byte offset {begin}, expected "</{top.tag}>", '
                    f'found "</{end_name}>"'
                )
            _close(top, stack, u16, entities)
            continue
        # start tag
        name_start = i
        while i < n and data[i] not in _SPACE and data[i] != 0x3E:
            i += 1
        if i >= n:
            raise EntityParseError(f"Unclosed start tag at byte offset {begin}")
        tag = data[name_start:i].decode("utf-8", "replace").lower()
        if tag not in _ALLOWED_TAGS:
            raise EntityParseError(f'Unsupported start tag "{tag}" at byte offset {begin}')
        arg = ""
        while i < n and data[i] != 0x3E:
            while i < n and data[i] in _SPACE:
                i += 1
            if i < n and data[i] == 0x3E:
                break
            attr_start = i
            while i < n and data[i] not in _SPACE and data[i] not in b"=>":
                i += 1
            attr = data[attr_start:i].decode("utf-8", "replace").lower()
            if not attr:
                raise EntityParseError(
                    f'Empty attribute name in the tag "{tag}" at byte offset {begin}'
                )
            while i < n and data[i] in _SPACE:
                i += 1
            value = ""
            if i < n and data[i] == 0x3D:
                i += 1
                while i < n and data[i] in _SPACE:
                    i += 1
                if i >= n:
                    raise EntityParseError(f'Unclosed start tag "{tag}" at byte offset {begin}')
                if data[i] in b"'\"":
                    quote = data[i]
                    i += 1
                    buf = bytearray()
                    while i < n and data[i] != quote:
                        if data[i] == 0x26:
                            decoded = _decode_entity(data, i)
                            if decoded is not None:
                                buf += decoded[0].encode("utf-8")
                                i = decoded[1]
                                continue
                        buf.append(data[i])
                        i += 1
                    if i < n:
                        i += 1
                    value = buf.decode("utf-8", "replace")
                else:
                    tok_start = i
                    while i < n and (chr(data[i]).isalnum() or data[i] in b".-"):
                        i += 1
                    value = data[tok_start:i].decode("utf-8", "replace").lower()
                    if i < n and data[i] not in _SPACE and data[i] != 0x3E:
                        raise EntityParseError(
                            f"Unexpected end of name token at byte offset {tok_start}"
                        )
            elif not (tag == "blockquote" and attr == "expandable"):
                raise EntityParseError(
                    "Expected equal sign in declaration of an attribute of the tag "
                    f'"{tag}" at byte offset {begin}'
                )
            if i >= n:
                raise EntityParseError(f"Unclosed start tag at byte offset {begin}")
            if tag == "a" and attr == "href":
                arg = value
            elif tag == "code" and attr == "class" and value.startswith("language-"):
                arg = value[9:]
            elif tag == "span" and attr == "class" and value.startswith("tg-"):
                arg = value[3:]
            elif tag == "tg-emoji" and attr == "emoji-id":
                arg = value
            elif tag == "blockquote" and attr == "expandable":
                arg = "1"
        if i >= n:
            raise EntityParseError(f"Unclosed start tag at byte offset {begin}")
        i += 1  # '>'
        if tag == "span" and arg != "spoiler":
            raise EntityParseError(f'Tag "span" must have class "tg-spoiler" at byte offset {begin}')
        if tag == "tg-emoji" and not arg.isdigit():
            raise EntityParseError(f'Tag "tg-emoji" must have an "emoji-id" attribute at byte offset {begin}')
        stack.append(_Open(tag, arg, u16, begin))
    if stack:
        raise EntityParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1].tag}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return ParsedText(out.decode("utf-8", "replace"), entities)


def _close(top: _Open, stack: list[_Open], u16: int, entities: list[dict]) -> None:
    """Turn a closed tag into an entity (skipping empty ones, as Telegram does)."""
    length = u16 - top.utf16_start
    if top.tag == "code" and top.arg and stack and stack[-1].tag == "pre" \
            and stack[-1].utf16_start == top.utf16_start:
        stack[-1].lang = top.arg  # <pre><code class="language-x"> -> pre(language)
        return
    if length <= 0:
        return
    kind = _TAG_TYPES[top.tag]
    entity: dict = {"type": kind, "offset": top.utf16_start, "length": length}
    if top.tag == "a":
        if top.arg.startswith("tg://user?id="):
            entity = {"type": "text_mention", "offset": top.utf16_start, "length": length,
                      "user": {"id": int(top.arg[13:]) if top.arg[13:].isdigit() else 0,
                               "is_bot": False, "first_name": ""}}
        elif not top.arg:
            return
        else:
            entity["url"] = top.arg
    elif top.tag == "pre" and top.lang:
        entity["language"] = top.lang
    elif top.tag == "tg-emoji":
        entity["custom_emoji_id"] = top.arg
    elif top.tag == "blockquote" and top.arg:
        entity["type"] = "expandable_blockquote"
    entities.append(entity)


_MDV2_RESERVED = set("_*[]()~`>#+-=|{}.!")
_MDV2_MARKS = {"*": "bold", "_": "italic", "__": "underline", "~": "strikethrough",
               "||": "spoiler"}
_MD_NAMES = {"bold": "Bold", "italic": "Italic", "underline": "Underline",
             "strikethrough": "Strikethrough", "spoiler": "Spoiler", "code": "Code",
             "pre": "Pre", "text_link": "TextUrl"}


def parse_markdown_v2(text: str) -> ParsedText:
    """Validate/parse MarkdownV2 with Telegram's reserved-character rules."""
    out: list[str] = []
    u16 = 0
    stack: list[tuple[str, int, int]] = []  # (mark, utf16_start, byte_offset)
    entities: list[dict] = []
    i = 0
    n = len(text)
    byte_pos = [0]
    for ch in text:  # byte offset of every char for error messages
        byte_pos.append(byte_pos[-1] + len(ch.encode("utf-8")))

    def emit(s: str) -> None:
        nonlocal u16
        out.append(s)
        u16 += utf16_len(s)

    while i < n:
        ch = text[i]
        if ch == "\\" and i + 1 < n and ord(text[i + 1]) < 127:
            emit(text[i + 1])
            i += 2
            continue
        if ch == "`":
            if text.startswith("```", i):
                end = text.find("```", i + 3)
                if end < 0:
                    raise EntityParseError(f"Can't find end of Pre entity at byte offset {byte_pos[i]}")
                body = text[i + 3:end]
                lang = ""
                if "\n" in body and body.split("\n", 1)[0].strip() and " " not in body.split("\n", 1)[0]:
                    lang, body = body.split("\n", 1)
                body = _unescape_code(body)
                start = u16
                emit(body)
                if body:
                    ent = {"type": "pre", "offset": start, "length": u16 - start}
                    if lang:
                        ent["language"] = lang
                    entities.append(ent)
                i = end + 3
                continue
            end = i + 1
            while end < n and text[end] != "`":
                end += 2 if text[end] == "\\" else 1
            if end >= n:
                raise EntityParseError(f"Can't find end of Code entity at byte offset {byte_pos[i]}")
            body = _unescape_code(text[i + 1:end])
            start = u16
            emit(body)
            if body:
                entities.append({"type": "code", "offset": start, "length": u16 - start})
            i = end + 1
            continue
        mark = None
        if text.startswith("__", i):
            mark = "__"
        elif text.startswith("||", i):
            mark = "||"
        elif ch in "*_~":
            mark = ch
        if mark is not None:
            if stack and stack[-1][0] == mark:
                _, start, _b = stack.pop()
                if u16 > start:
                    entities.append({"type": _MDV2_MARKS[mark], "offset": start, "length": u16 - start})
            elif any(m == mark for m, _, _ in stack):
                raise EntityParseError(
                    f"Can't find end of {_MD_NAMES[_MDV2_MARKS[stack[-1][0]]]} entity at byte offset {stack[-1][2]}"
                    if stack[-1][0] != "[" else f"Can't find end of TextUrl entity at byte offset {stack[-1][2]}"
                )
            else:
                stack.append((mark, u16, byte_pos[i]))
            i += len(mark)
            continue
        if ch == "[":
            stack.append(("[", u16, byte_pos[i]))
            i += 1
            continue
        if ch == "]" and stack and stack[-1][0] == "[":
            _, start, b = stack.pop()
            if i + 1 < n and text[i + 1] == "(":
                end = i + 2
                url = []
                while end < n and text[end] != ")":
                    if text[end] == "\\" and end + 1 < n:
                        end += 1
                    url.append(text[end])
                    end += 1
                if end >= n:
                    raise EntityParseError(f"Can't find end of a URL at byte offset {byte_pos[i + 1]}")
                if u16 > start:
                    entities.append({"type": "text_link", "offset": start, "length": u16 - start,
                                     "url": "".join(url)})
                i = end + 1
            else:
                i += 1
            continue
        if ch == ">" and (i == 0 or text[i - 1] == "\n"):
            i += 1  # blockquote marker: accepted, not modelled as an entity
            continue
        if ch in _MDV2_RESERVED:
            raise EntityParseError(
                f"Character '{ch}' is reserved and must be escaped with the preceding '\\'"
            )
        emit(ch)
        i += 1
    if stack:
        mark, _, b = stack[-1]
        name = "TextUrl" if mark == "[" else _MD_NAMES[_MDV2_MARKS[mark]]
        raise EntityParseError(f"Can't find end of {name} entity at byte offset {b}")
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return ParsedText("".join(out), entities)


def _unescape_code(body: str) -> str:
    return body.replace("\\\\", "\x00").replace("\\`", "`").replace("\x00", "\\")


def parse_markdown(text: str) -> ParsedText:
    """Legacy Markdown: *bold* _italic_ `code` ```pre``` [text](url)."""
    out: list[str] = []
    entities: list[dict] = []
    u16 = 0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in "*_`[":
            if text.startswith("```", i):
                end = text.find("```", i + 3)
                close_len = 3
                kind = "pre"
                body_start = i + 3
            elif ch == "[":
                end = text.find("](", i + 1)
                close = text.find(")", end + 2) if end >= 0 else -1
                if end < 0 or close < 0:
                    raise EntityParseError(
                        f"Can't find end of the entity starting at byte offset {len(text[:i].encode())}"
                    )
                body = text[i + 1:end]
                if body:
                    entities.append({"type": "text_link", "offset": u16, "length": utf16_len(body),
                                     "url": text[end + 2:close]})
                out.append(body)
                u16 += utf16_len(body)
                i = close + 1
                continue
            else:
                end = text.find(ch, i + 1)
                close_len = 1
                kind = {"*": "bold", "_": "italic", "`": "code"}[ch]
                body_start = i + 1
            if end < 0:
                raise EntityParseError(
                    f"Can't find end of the entity starting at byte offset {len(text[:i].encode())}"
                )
            body = text[body_start:end]
            if body:
                entities.append({"type": kind, "offset": u16, "length": utf16_len(body)})
            out.append(body)
            u16 += utf16_len(body)
            i = end + close_len
            continue
        out.append(ch)
        u16 += utf16_len(ch)
        i += 1
    return ParsedText("".join(out), entities)


def parse_text(text: str, parse_mode: str | None) -> ParsedText:
    """Dispatch on ``parse_mode`` (case-insensitive, like the Bot API)."""
    mode = (parse_mode or "").strip().lower()
    if mode == "html":
        return parse_html(text)
    if mode == "markdownv2":
        return parse_markdown_v2(text)
    if mode == "markdown":
        return parse_markdown(text)
    if mode:
        raise UnsupportedParseMode(parse_mode)
    return ParsedText(text, [])
