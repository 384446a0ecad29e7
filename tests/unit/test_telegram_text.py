"""Telegram HTML without a client library (handlers/telegram_text.py): the same markup aiogram's
`html_decoration` makes, for every entity kind and nesting, and the same broadcast body through both
runtimes' message objects (aiogram's and python-telegram-bot's) — a python-telegram-bot worker
formats without importing aiogram, and must not format differently."""
from __future__ import annotations

from typing import Any

import pytest
import telegram
from aiogram.types import Message, MessageEntity
from aiogram.utils.text_decorations import html_decoration

from bot.domain import IncomingMessage, Person
from handlers.telegram_aiogram.convert import AiogramPort
from handlers.telegram_ptb.convert import PtbPort
from handlers.telegram_text import unparse

USER = {"id": 7, "is_bot": False, "first_name": "李"}
TEXT = "幸福小区 <3号门> & 路灯坏了 😀 看 https://x.cn @li #路灯 /case C-1 代码 引用 末尾"


def at(part: str, kind: str, **extra: Any) -> dict[str, Any]:
    """The entity of `kind` over `part` of TEXT (offsets in UTF-16 units, as Telegram counts)."""
    def units(text: str) -> int:
        return len(text.encode("utf-16-le")) // 2
    return {"type": kind, "offset": units(TEXT[:TEXT.index(part)]), "length": units(part), **extra}


CASES: dict[str, list[dict[str, Any]]] = {
    "none": [],
    "every kind": [
        at("幸福小区", "bold"), at("<3号门>", "italic"), at("&", "underline"), at("路灯坏了", "strikethrough"),
        at("😀", "spoiler"), at("https://x.cn", "url"), at("@li", "mention"), at("#路灯", "hashtag"),
        at("/case", "bot_command"), at("代码", "code"), at("引用", "blockquote")],
    "links and mentions": [
        at("幸福小区", "text_link", url="https://example.org/?a=1&b=2"), at("<3号门>", "text_mention", user=USER),
        at("😀", "custom_emoji", custom_emoji_id="5368324170671202286")],
    "pre": [at("幸福小区 <3号门>", "pre", language="python"), at("代码", "pre")],
    "nested": [at("幸福小区 <3号门> & 路灯坏了", "bold"), at("<3号门>", "italic"), at("3号", "code"),
               at("😀 看", "expandable_blockquote")],
    "unsorted": [at("路灯坏了", "italic"), at("幸福小区", "bold")],
}


@pytest.mark.parametrize("name", CASES)
def test_the_markup_is_aiogram_s(name: str) -> None:
    entities = CASES[name]
    assert unparse(TEXT, entities) == html_decoration.unparse(TEXT, [MessageEntity(**e) for e in entities])


MESSAGES: dict[str, dict[str, Any]] = {
    "text": {"text": "/notice 明天 <b>停电</b> 请注意", "entities": [
        {"type": "bot_command", "offset": 0, "length": 7}, {"type": "bold", "offset": 8, "length": 2},
        {"type": "italic", "offset": 21, "length": 3}]},
    "caption with a photo": {"caption": "通知 😀 <全体> 注意安全", "caption_entities": [
        {"type": "underline", "offset": 3, "length": 2}], "photo": [
        {"file_id": "small", "file_unique_id": "s", "width": 1, "height": 1},
        {"file_id": "big", "file_unique_id": "b", "width": 9, "height": 9}]},
    "a command to normalise": {"text": "/Notice@sentinel_bot 明天停电", "entities": [
        {"type": "bot_command", "offset": 0, "length": 20}]},
    "a sticker": {"sticker": {"file_id": "st", "file_unique_id": "stu", "type": "regular", "width": 1,
                              "height": 1, "is_animated": False, "is_video": False}},
}


@pytest.mark.parametrize("name", MESSAGES)
@pytest.mark.parametrize("skip", [0, 3, 8])
def test_a_body_is_the_same_through_both_runtimes(name: str, skip: int) -> None:
    raw = {"message_id": 5, "date": 1_700_000_000, "chat": {"id": -100, "type": "supergroup", "title": "群"},
           "from": USER, **MESSAGES[name]}

    def event(source: object) -> IncomingMessage:
        return IncomingMessage(chat_id=-100, chat_type="supergroup", chat_title="群", sender=Person(id=7),
                               message_id=5, text="", source=source)
    by_aiogram = AiogramPort(None).body(event(Message.model_validate(raw)), skip)  # type: ignore[arg-type]
    by_ptb = PtbPort(None).body(event(telegram.Message.de_json(raw, None)), skip)  # type: ignore[arg-type]
    assert by_aiogram == by_ptb
    assert (by_aiogram is None) == (name == "a sticker")
