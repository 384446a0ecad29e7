"""bot.services.people.reply_lang's order: an explicit /lang choice, then the platform's
language_code (Telegram's), then a text's own language; a command or a press (no words of its own)
falls back to the language stored for the person (WeCom's: the one their last text was in), then
the default."""
from __future__ import annotations

import pytest

from bot.services.people import reply_lang
from storage.models import User


def person(lang: str | None = None, stored: str | None = None) -> User:
    return User(id=1, first_name="x", lang=lang, language_code=stored)


@pytest.mark.parametrize(("user", "code", "text", "expected"), [
    (person(lang="en", stored="zh"), "zh-hans", "路灯坏了", "en"),  # /lang wins over all
    (person(stored="en"), "zh-hans", "/me", "zh"),                  # Telegram's language_code wins over the stored one
    (person(stored="en"), "zh", "", "zh"),                          # ... for a press too
    (person(stored="en"), None, "路灯坏了 晚上黑乎乎的", "zh"),       # a text says its own language
    (person(stored="en"), None, "/me", "en"),                       # a command says none: the stored one
    (person(stored="en"), None, "／me", "en"),                       # typed full-width, still a command
    (person(stored="en-GB"), None, "", "en"),                       # a press (or an empty message)
    (person(stored="en"), None, "/report 路灯坏了", "en"),            # the stored one before a command's words
    (person(), None, "/checkin 5vw83", "zh"),                        # nothing stored: the default (a code says nothing)
    (person(), None, "/me", "zh"),
    (None, None, "", "zh"),
])
def test_reply_lang(user: User | None, code: str | None, text: str, expected: str) -> None:
    assert reply_lang(user, code, text, "zh") == expected
