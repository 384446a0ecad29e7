"""Telegram's formatted text, library-neutral: a message's text or caption with its entities as
Telegram's JSON describes them → Telegram HTML (a broadcast's body, the markup of a pressed button's
message). Both Telegram runtimes (aiogram, python-telegram-bot) build a `Wire` from their message
object and call the same functions here, so they send byte-identical markup; nothing here imports
a client library (a python-telegram-bot worker never loads aiogram).

`unparse` is aiogram's `html_decoration.unparse` (aiogram/utils/text_decorations.py) on plain
dicts: entities by UTF-16 offset, nested entities inside their parent, everything else escaped.
"""
from __future__ import annotations

import html
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from bot.commandtext import normalize_command
from bot.services.broadcasts import Body
from handlers.telegram_limits import TELEGRAM

GROUP_ANONYMOUS_BOT_ID = 1087968824  # Telegram's sender for a group admin posting as the group
# Telegram's own sender: what a channel posts, forwarded into its linked discussion group
TELEGRAM_SERVICE_ID = 777000


def venue_name(title: str | None, address: str | None) -> str | None:
    """A venue (a pin chosen from the map's places) as a place in words: its title, and its
    address when that says more ("幸福小区3号门（朝阳区幸福路12号）")."""
    title, address = (title or "").strip(), (address or "").strip()
    if not title or address in title:
        return title or address or None
    return f"{title}（{address}）" if address and title not in address else address


def bots_words(origin_type: str | None, origin_user_is_bot: bool, via_bot: bool) -> bool:
    """The words are a bot's, whoever posts them: a message forwarded from a bot (the bot's own
    "case registered" answer, shown to the group again) or sent through a bot's inline mode. A
    rider passing them on has not seen a problem: no report (bot/domain.IncomingMessage)."""
    return via_bot or (origin_type == "user" and origin_user_is_bot)


def no_person(sender_id: int | None, sender_is_bot: bool, automatic_forward: bool) -> bool:
    """Nobody in the chat wrote it: no sender, a bot (another bot, a channel posting through
    Channel_Bot), or Telegram itself forwarding a linked channel's post into its discussion
    group. Never a rider's report, never answered. (An admin posting as the group comes through
    GroupAnonymousBot, and is told apart before this: `is_anonymous_admin`.)"""
    return sender_id is None or sender_is_bot or sender_id == TELEGRAM_SERVICE_ID or automatic_forward


MAX_ANSWER = 200  # Telegram shows at most 200 characters in a callback answer

Entity = Mapping[str, Any]  # a MessageEntity as Telegram's JSON: type, offset, length, url, user …
_KEPT = {"bot_command", "url", "mention", "phone_number", "hashtag", "cashtag", "email"}
_TAGS = {"bold": "b", "italic": "i", "code": "code", "underline": "u", "strikethrough": "s",
         "spoiler": "tg-spoiler", "blockquote": "blockquote"}


@dataclass(frozen=True)
class Wire:
    """The parts of a message its formatted text is made of, as Telegram sent them."""
    text: str | None = None
    caption: str | None = None
    entities: Sequence[Entity] = ()
    caption_entities: Sequence[Entity] = ()
    photo: str | None = None  # the largest size's file_id

    @property
    def html_text(self) -> str:
        """The text (else the caption) as Telegram HTML, as aiogram's `Message.html_text`."""
        return unparse(self.text or self.caption or "", self.entities or self.caption_entities)


def _tag(tag: str, content: str, attrs: Mapping[str, Any] | None = None, flag: str = "") -> str:
    parts = [f'{k}="{v}"' for k, v in (attrs or {}).items()] + ([flag] if flag else [])
    return f"<{tag}{''.join(' ' + p for p in parts)}>{content}</{tag}>"


def _apply(entity: Entity, text: str) -> str:
    kind = str(entity.get("type"))
    if kind in _KEPT:
        return text
    if kind in _TAGS:
        return _tag(_TAGS[kind], text)
    if kind == "expandable_blockquote":
        return _tag("blockquote", text, flag="expandable")
    if kind == "pre":
        language = entity.get("language")
        return _tag("pre", _tag("code", text, {"language": f"language-{language}"}) if language else text)
    if kind == "text_mention":
        user = entity.get("user")
        user_id = user.get("id") if isinstance(user, Mapping) else getattr(user, "id", None)
        return _tag("a", text, {"href": f"tg://user?id={user_id}"})
    if kind == "text_link":
        return _tag("a", text, {"href": entity.get("url")})
    if kind == "custom_emoji":
        return _tag("tg-emoji", text, {"emoji-id": entity.get("custom_emoji_id")})
    if kind == "date_time":
        unix = entity.get("unix_time")
        attrs = {"unix": str(int(unix.timestamp()) if isinstance(unix, datetime) else unix)}
        if entity.get("date_time_format"):
            attrs["format"] = entity["date_time_format"]
        return _tag("tg-time", text, attrs)
    return html.escape(text, quote=False)  # an entity type newer than this code


def _quote(raw: bytes) -> str:
    return html.escape(raw.decode("utf-16-le"), quote=False)


def _parts(text: bytes, entities: list[Entity], offset: int = 0, length: int | None = None) -> Iterator[str]:
    length = length or len(text)
    for index, entity in enumerate(entities):
        at = int(entity["offset"]) * 2
        if at < offset:
            continue
        if at > offset:
            yield _quote(text[offset:at])
        start, offset = at, at + int(entity["length"]) * 2
        inner = [e for e in entities[index + 1:] if int(e["offset"]) * 2 < offset]
        yield _apply(entity, "".join(_parts(text, inner, start, offset)))
    if offset < length:
        yield _quote(text[offset:length])


def unparse(text: str, entities: Sequence[Entity] | None = None) -> str:
    """`text` with its entities as Telegram HTML (everything else escaped)."""
    ordered = sorted(entities or (), key=lambda e: int(e["offset"]))
    return "".join(_parts(text.encode("utf-16-le"), ordered))


def normalized(message: Wire) -> Wire:
    """The message with its command (in text or caption) normalised; itself if nothing changes
    (the formatting of a changed command's text is dropped, as the chat layer reads it plain)."""
    changes: dict[str, Any] = {}
    for field in ("text", "caption"):
        raw = getattr(message, field)
        command = normalize_command(raw)
        if command is not None and command != raw:
            changes[field] = command
            changes["entities" if field == "text" else "caption_entities"] = ()
    return replace(message, **changes) if changes else message


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def body_of(message: Wire, skip: int = 0) -> Body | None:
    """The message as recipients should get it: its text or caption from character `skip` on,
    formatting kept (entities → Telegram HTML, everything else escaped), and its photo.
    None when it carries nothing we can push (a sticker, a voice note …)."""
    text = message.text if message.text is not None else (message.caption or "")
    entities = message.entities if message.text is not None else message.caption_entities
    photo = message.photo
    if not text.strip() and photo is None:
        return None
    cut = _utf16(text[:skip])
    shifted: list[Entity] = []
    for e in entities or ():
        start, end = max(int(e["offset"]), cut), int(e["offset"]) + int(e["length"])
        if end > start:
            shifted.append({**e, "offset": start - cut, "length": end - start})
    body = text[skip:]
    html_text = unparse(body, shifted).strip()
    return Body(html=html_text, photo=photo, length=max(_utf16(body.strip()), len(html_text)),
                limit=TELEGRAM.max_caption if photo else TELEGRAM.max_text)
