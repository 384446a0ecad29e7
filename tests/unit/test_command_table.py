"""The command table (bot/commands.py) is the commands the bot answers, with texts that exist."""
from __future__ import annotations

import pytest

from bot.buttons import KINDS
from bot.commands import BY_NAME, COMMANDS, Where, find, menu, wrong_place
from bot.i18n import LANGS, has
from handlers.chat import ChatRoutes, build_routes, parse_command


def test_the_table_is_what_the_dispatcher_answers() -> None:
    """Every command in the table has a route in the chat layer every platform runs, and no route
    answers a command the table does not know (ChatRoutes.command refuses one)."""
    routes = build_routes()
    assert set(routes.commands) == set(BY_NAME)
    assert all(routes.commands[name] for name in BY_NAME)
    with pytest.raises(ValueError):
        ChatRoutes().command(lambda: None, "nosuch")  # type: ignore[arg-type,return-value]


def test_every_button_kind_has_a_route() -> None:
    assert build_routes().button_kinds() == set(KINDS)


def test_a_command_is_read_by_its_canonical_name() -> None:
    call = parse_command("/accept@sentinel_bot C-1 road")
    assert call is not None and (call.command, call.args, call.mention) == ("accept", "C-1 road", "sentinel_bot")
    assert parse_command("/help") == parse_command("/help")
    assert parse_command("hello") is None


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
    # a rider is told a staff command is not theirs, not where to send it (to be refused there)
    assert wrong_place("survey", is_private=False, staff=False) == "bc-err-not-staff"
    assert wrong_place("survey", is_private=True, staff=False) is None  # the handler refuses, by its rule
    assert wrong_place("lesson", is_private=False, staff=False) == "lesson-private-only"  # everyone's
    private_only = {c.name for c in COMMANDS if c.where is Where.PRIVATE and c.wrong_place}
    assert private_only == {"broadcast", "broadcasts", "survey", "needs", "lesson", "link", "redeem", "privacy"}
