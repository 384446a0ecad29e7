"""Naming a department the way people do: its display name in either language (`住建局·市政道路`,
`Road maintenance`), the part before the dot (`住建局`) or after it (`市政道路`), an unambiguous
prefix or part of a name (`道路`, `lighting`), or its code.

Pure: the routing table in, a department code (or a refusal with the candidates) out.
"""
from __future__ import annotations

import re

from bot.cases.lifecycle import InvalidInput
from bot.cases.routing import RoutingTable
from bot.commands import command_for
from bot.commandtext import typed_word
from bot.wording import listed

_DOTS = re.compile(r"[·・•．.\-_/\s]+")
CALLBACK_LIMIT = 64  # Telegram's callback data, in bytes
_TOKEN = re.compile(r"[\w-]{1,32}")  # what bot.buttons.DepartmentChoice reads back as a code


def _key(text: str) -> str:
    """A name as compared: the sentence, brackets or quotes typed around it ("/assign C-1 住建局。",
    "【住建局】") and its dots gone."""
    return _DOTS.sub("", typed_word(text)).casefold()


def _names(routing: RoutingTable, code: str) -> list[str]:
    d = routing.departments[code]
    return [code, d.name_zh, d.name_en]


class NoSuchDepartment(LookupError):
    """`typed` names no department (`candidates` empty) or several (their codes, at most six)."""

    def __init__(self, typed: str, candidates: list[str]) -> None:
        super().__init__(typed)
        self.typed = typed
        self.candidates = candidates


def find_department(routing: RoutingTable, text: str) -> str:
    """The code of the department `text` names; NoSuchDepartment when none or several fit."""
    wanted = _key(text)
    if not wanted:
        raise NoSuchDepartment(text, [])
    exact = [c for c in routing.departments if any(_key(n) == wanted for n in _names(routing, c))]
    if len(exact) == 1:
        return exact[0]
    heads = [c for c in routing.departments  # 住建局 for 住建局·市政道路
             if _key(_DOTS.split(routing.departments[c].name_zh)[0]) == wanted]
    if len(heads) == 1:
        return heads[0]
    tails = [c for c in routing.departments  # 市政道路 for 住建局·市政道路
             if any(_key(part) == wanted for part in _DOTS.split(routing.departments[c].name_zh)[1:])]
    if len(tails) == 1:
        return tails[0]
    for fits in (lambda name: name.startswith(wanted), lambda name: wanted in name):  # 住建, then 道路
        found = [c for c in routing.departments if any(fits(_key(n)) for n in _names(routing, c))]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise NoSuchDepartment(text, found[:6])
    raise NoSuchDepartment(text, [])


def resolve_department(routing: RoutingTable, text: str, *, action: str, number: str) -> str:
    """`find_department` for a case command: InvalidInput when nothing or more than one department
    fits, saying how to choose from buttons (the command typed, `action`'s, for case `number`)."""
    try:
        return find_department(routing, text)
    except NoSuchDepartment as e:
        said = {"action": action, "department": text[:40], "command": command_for(action) or "assign",
                "number": number}
        if not e.candidates:
            raise InvalidInput("case-err-unknown-department", **said) from None
        raise InvalidInput("case-err-ambiguous-department", **said,
                           candidates=listed((routing.departments[c].name_zh for c in e.candidates), "zh"),
                           candidates_en=listed((routing.departments[c].name_en for c in e.candidates), "en")) from None


def department_token(routing: RoutingTable, code: str) -> str:
    """What a button carries for a department: its code, or its index when the code is long (over 32
    bytes: the button's data must fit bot.buttons.MAX_DATA_BYTES) or has characters a button's
    department token may not carry (bot.buttons.DepartmentChoice)."""
    if len(code.encode()) <= 32 and _TOKEN.fullmatch(code):
        return code
    return f"#{list(routing.departments).index(code)}"


def department_from_token(routing: RoutingTable, token: str) -> str | None:
    if token.startswith("#") and token[1:].isdigit():
        codes = list(routing.departments)
        i = int(token[1:])
        return codes[i] if i < len(codes) else None
    return token if token in routing.departments else None
