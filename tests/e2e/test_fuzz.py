"""Fuzz (issue 12 §6): ≥ 2,000 seeded hostile and clumsy updates through the real bot and emulator.

Asserts: every update confirmed and marked processed; no ERROR in the log (so nothing was
dead-lettered but the updates no client could parse); no message or button answer showing a
traceback, raw exception text or unrendered message key; no reply in the group that only had
chit-chat; every message accepted as HTML at the first try (none resent as plain text).
"""
from __future__ import annotations

import asyncio
import logging
import re
from typing import Any

import pytest
from aiogram.types import Update
from pydantic import ValidationError
from sqlalchemy import func
from sqlmodel import col, select

from bot.i18n import LANGS, message_keys, t
from storage.models import ProcessedUpdate
from storage.models.deadletter import DeadLetter
from tests.conftest import (AMY, BOSS, GROUP, GROUP_B, LI, SEC, SEC_B, WANG, private, two_branches, until,
                            with_boss)
from tests.fuzzgen import Action, FuzzGen, callback_prefixes, registered_commands

SEED, COUNT, CHUNK = 20261130, 2000, 25
QUIET = {"id": -100300, "type": "supergroup", "title": "闲聊群"}  # only chit-chat is ever said here
USERS = [LI, AMY, WANG, SEC, SEC_B, BOSS]
LEAKS = re.compile(r"Traceback|Exception|Error\b|sqlalchemy|asyncpg|aiogram|File \"|\{ ?\$|pydantic")
KEY_PREFIXES = {k.split("-")[0] for lang in LANGS for k in message_keys(lang) if "-" in k}
KEBAB = re.compile(r"(?<![\w/@.&#-])([a-z]+(?:-[a-z0-9_]+)+)(?![\w-])")
# words with a dash the catalogues themselves use ("report-in"): not keys
PROSE = {w for lang in LANGS for k in message_keys(lang) for w in KEBAB.findall(t(lang, k))}


@pytest.fixture
def settings(settings):
    return with_boss(settings)


def leaks(text: str, said: str = "") -> list[str]:
    """What in a text the bot sent must never be shown: tracebacks, exception text, raw keys
    (unless the users themselves wrote it, in `said`, and the bot quoted it back)."""
    found = LEAKS.findall(text)
    found += [k for k in KEBAB.findall(text) if k.split("-")[0] in KEY_PREFIXES and k not in PROSE]
    return [f for f in found if f not in said]


async def run(tg: Any, actions: list[Action], start_msgs: dict[int, int]) -> list[int]:
    """Play the actions, CHUNK at a time; the update ids created."""
    async def play(a: Action) -> int | None:
        if a.kind == "send":
            return (await tg.send(a.chat, a.user, a.text))["update_id"]
        if a.kind == "press":
            return await _press(tg, a.user["id"], start_msgs[a.user["id"]], a.user, a.data or "")
        return await tg.inject(a.update or {})
    ids: list[int] = []
    for i in range(0, len(actions), CHUNK):
        ids += [u for u in await asyncio.gather(*(play(a) for a in actions[i:i + CHUNK])) if u is not None]
    return ids


async def _press(tg: Any, chat_id: int, message_id: int, user: dict[str, Any], data: str) -> int:
    body = {"chat_id": chat_id, "message_id": message_id, "from": user, "data": data}
    return (await tg._call("POST", "press", json=tg._tok(body)))["update_id"]


def unparseable(action: Action) -> bool:
    if action.kind != "raw":
        return False
    try:
        Update.model_validate({"update_id": 1, **(action.update or {})})
    except ValidationError:
        return True
    return False


async def test_fuzz(bot, tg, db, caplog) -> None:
    caplog.set_level(logging.WARNING)
    await two_branches(tg, LI, AMY, WANG)
    await tg.send(QUIET, LI, "大家好")  # the quiet group exists
    start_msgs = {u["id"]: (await tg.wait(u["id"], 1))[0]["message_id"] for u in USERS}
    gen = FuzzGen(SEED, registered_commands(), callback_prefixes(), USERS, [GROUP, GROUP_B], QUIET,
                  {"id": 123456789, "is_bot": True, "first_name": "Rider Sentinel", "username": "rider_sentinel_bot"})
    actions = gen.actions(COUNT)
    assert {a.kind for a in actions} == {"send", "press", "raw"}
    ids = await run(tg, actions, start_msgs)
    assert len(ids) >= COUNT

    async def settled() -> bool:
        if (await tg.stats())["pending_updates"]:
            return False
        async with bot.core.uow() as uow:
            return await uow.outbox.pending_count() == 0
    await until(settled, timeout=240)

    async with db() as s:  # every update handled and marked, none forgotten
        done = (await s.exec(select(func.count()).select_from(ProcessedUpdate)
                             .where(col(ProcessedUpdate.update_id).in_(ids)))).one()
        letters = list((await s.exec(select(DeadLetter))).all())
    assert done == len(ids)
    assert len(letters) == sum(unparseable(a) for a in actions)  # only what no client could read
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [], [r.getMessage()[:300] for r in errors[:5]]

    shown: list[tuple[int, dict[str, Any]]] = []
    for chat_id in [GROUP["id"], GROUP_B["id"], QUIET["id"]] + [u["id"] for u in USERS]:
        shown += [(chat_id, m) for m in await tg.messages(chat_id)]
    assert not [m for c, m in shown if c == QUIET["id"]], "the bot answered group chit-chat"
    said = "\n".join(a.text or a.data or "" for a in actions)
    bad = {m["plain_text"][:200]: leaks(m["plain_text"] or "", said) for _, m in shown
           if leaks(m["plain_text"] or "", said)}
    assert bad == {}
    answers = [a.get("text") or "" for a in await tg.answers()]
    assert {a: leaks(a, said) for a in answers if leaks(a, said)} == {}
    plain = [m["plain_text"][:120] for _, m in shown if m.get("parse_mode") is None]
    assert plain == [], "rejected as HTML and resent as plain text"
    assert all(len(m["plain_text"] or "") <= 4096 for _, m in shown)
