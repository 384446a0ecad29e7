"""Fluent catalogues (bot/locales/<lang>/*.ftl): every user-facing text, in zh and en.

A message may have a platform's own variant, `<key>--<platform>` (bot/locales/<lang>/wecom.ftl):
what is true of a chat on one platform is not on another ("reply to this message" on Telegram;
WeCom has no replies, and in a group hears only what @-mentions the bot). An adapter renders
within `wording(platform)`, and `t` takes the variant where there is one.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle, FluentResource
from fluent.runtime.types import fluent_number
from bot.typed import typed_key

LANGS: tuple[str, ...] = ("zh", "en")
_LOCALES = Path(__file__).with_name("locales")
_BUNDLE_LOCALE = {"zh": "zh-CN", "en": "en-US"}
_PLATFORM: ContextVar[str | None] = ContextVar("wording_platform", default=None)
VARIANT = "--"  # `<key>--<platform>`: the platform's own wording of `key`


@contextmanager
def wording(platform: str) -> Iterator[None]:
    """Messages formatted within take `platform`'s variants (`<key>--<platform>`) where they exist."""
    token = _PLATFORM.set(platform)
    try:
        yield
    finally:
        _PLATFORM.reset(token)


def normalize_lang(code: str | None) -> str | None:
    """Map a Telegram language_code ('zh-hans', 'en-GB', ...) to one of LANGS, or None."""
    if not code:
        return None
    code = code.lower()
    for lang in LANGS:
        if code == lang or code.startswith(lang + "-") or code.startswith(lang + "_"):
            return lang
    return None


# Our languages as people name them in /lang ("/lang 中文", "/lang English", "/lang 英语"), besides the codes.
LANG_NAMES: dict[str, str] = {
    "中文": "zh", "汉语": "zh", "简体中文": "zh", "简体": "zh", "普通话": "zh", "中": "zh", "chinese": "zh",
    "繁体中文": "zh", "繁体": "zh",
    "英文": "en", "英语": "en", "英": "en", "english": "en",
}


def lang_named(word: str | None) -> str | None:
    """The language `word` names: a code of ours or a Telegram/BCP 47 one ("zh", "zh-CN", "en-GB"),
    or a name (LANG_NAMES: 中文, English, 英语…; `英語`, `漢語` too: bot.typed.typed_key), any case; None
    when it names none of ours."""
    word = typed_key(word or "")
    return LANG_NAMES.get(word) or normalize_lang(word)


def accepted_lang(header: str) -> str | None:
    """The most preferred of our languages in an HTTP Accept-Language header ("en-GB,en;q=0.9,zh;q=0.5";
    RFC 9110 §12.5.4: q-values, 0 refuses); None when it names none of them."""
    ranked: list[tuple[float, int, str]] = []
    for i, item in enumerate(header.split(",")[:20]):
        tag, _, params = item.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        lang = normalize_lang(tag.strip())
        if lang is not None and q > 0:
            ranked.append((-q, i, lang))
    return min(ranked)[2] if ranked else None


@lru_cache(maxsize=None)
def _bundle(lang: str) -> FluentBundle:
    bundle = FluentBundle([_BUNDLE_LOCALE[lang]], use_isolating=False)
    for path in sorted((_LOCALES / lang).glob("*.ftl")):
        bundle.add_resource(FluentResource(path.read_text(encoding="utf-8")))
    return bundle


def has(lang: str, key: str) -> bool:
    return _bundle(lang).has_message(key)


def t(lang: str, key: str, **args: Any) -> str:
    """Format `key`; an unknown language falls back to zh, a missing key shows the key."""
    bundle = _bundle(lang if lang in LANGS else "zh")
    platform = _PLATFORM.get()
    if platform and bundle.has_message(variant := f"{key}{VARIANT}{platform}"):
        key = variant
    if not bundle.has_message(key):
        return key
    message = bundle.get_message(key)
    if message.value is None:
        return key
    # Numbers stay numbers (plural selectors need them), written without grouping (2026, not 2,026).
    args = {k: fluent_number(v, useGrouping=False) if isinstance(v, int) and not isinstance(v, bool) else v
            for k, v in args.items()}
    text, _errors = bundle.format_pattern(message.value, args)
    return text if isinstance(text, str) else key  # a message's pattern always formats to a str


def message_keys(lang: str) -> set[str]:
    return set(_bundle(lang)._messages)  # private: FluentBundle lists no keys (for the catalogue-parity test)
