"""The command table (bot/commands.py) is the commands the bot answers, with texts that exist."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from aiogram import Router

from bot.commands import BY_NAME, COMMANDS, Where, find, menu, wrong_place
from bot.i18n import LANGS, has
from handlers.dispatcher import build_dispatcher


def _routers(router: Router) -> Iterator[Router]:
    yield router
    for sub in router.sub_routers:
        yield from _routers(sub)


def _registered() -> set[str]:
    dp = build_dispatcher(lambda: None, "zh")  # type: ignore[arg-type,return-value]
    names: set[str] = set()
    for router in _routers(dp):
        for handler in router.message.handlers:
            for f in handler.filters or ():
                names |= {c if isinstance(c, str) else c.pattern for c in getattr(f.callback, "commands", ())}
    return names


def test_the_table_is_what_the_dispatcher_answers() -> None:
    assert _registered() == set(BY_NAME)


@pytest.mark.parametrize("lang", LANGS)
def test_every_usage_place_and_menu_text_exists(lang: str) -> None:
    keys = {c.usage for c in COMMANDS} | {c.wrong_place for c in COMMANDS} | {f"cmd-{n}" for n in menu()}
    assert [k for k in sorted(k for k in keys if k) if not has(lang, k)] == []


def test_names_are_what_telegram_accepts_and_aliases_do_not_shadow_names() -> None:
    for c in COMMANDS:
        assert c.name.isascii() and c.name.islower() and 1 <= len(c.name) <= 32
        assert not set(c.aliases) & set(BY_NAME)
    assert find("/Accept") is BY_NAME["accept"] and find("nosuch") is None


def test_wrong_place_follows_the_table() -> None:
    assert wrong_place("broadcast", is_private=False) == "bc-err-private-only"
    assert wrong_place("broadcast", is_private=True) is None
    assert wrong_place("lesson", is_private=False) == "lesson-private-only"
    assert wrong_place("accept", is_private=False) is None and wrong_place("nosuch", is_private=False) is None
    private_only = {c.name for c in COMMANDS if c.where is Where.PRIVATE and c.wrong_place}
    assert private_only == {"broadcast", "broadcasts", "survey", "needs", "lesson", "link"}
