"""Fuzz (issue 12 §6): ≥ 2,000 seeded hostile and clumsy updates through the real bot and emulator.

Asserts: every update confirmed and marked processed; no ERROR in the log (so nothing was
dead-lettered but the updates no client could parse); no message or button answer showing a
traceback, raw exception text or unrendered message key; no reply in the group that only had
chit-chat; every message accepted as HTML at the first try (none resent as plain text).
"""
from __future__ import annotations

import logging

import pytest
from aiogram.types import Update

from tests.conftest import AMY, BOSS, GROUP, GROUP_B, LI, SEC, SEC_B, WANG, two_branches, until, with_boss
from tests.fuzzgen import FuzzGen, callback_prefixes, judge, play, registered_commands

SEED, COUNT = 20261130, 2000
QUIET = {"id": -100300, "type": "supergroup", "title": "闲聊群"}  # only chit-chat is ever said here
USERS = [LI, AMY, WANG, SEC, SEC_B, BOSS]


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_fuzz(bot, tg, db, caplog) -> None:
    caplog.set_level(logging.WARNING)
    await two_branches(tg, LI, AMY, WANG)
    await tg.send(QUIET, LI, "大家好")  # the quiet group exists
    start_msgs = {u["id"]: (await tg.wait(u["id"], 1))[0]["message_id"] for u in USERS}
    gen = FuzzGen(SEED, registered_commands(), callback_prefixes(), USERS, [GROUP, GROUP_B], QUIET,
                  {"id": 123456789, "is_bot": True, "first_name": "Rider Sentinel", "username": "rider_sentinel_bot"})
    actions = gen.actions(COUNT)
    assert {a.kind for a in actions} == {"send", "press", "raw"}
    kinds = {k for a in actions if a.update for k in a.update} | {"message", "callback_query"}
    assert set(Update.model_fields) - {"update_id"} <= kinds  # every update kind the Bot API has
    ids = await play(tg, actions, start_msgs)
    assert len(ids) >= COUNT

    async def settled() -> bool:
        if (await tg.stats())["pending_updates"]:
            return False
        async with bot.core.uow() as uow:
            return await uow.outbox.pending_count() == 0
    await until(settled, timeout=240)

    failures = await judge(tg, db, ids, actions, [GROUP["id"], GROUP_B["id"], QUIET["id"]] + [u["id"] for u in USERS],
                           QUIET["id"], caplog.records)
    sent = int(failures.pop("_sent")[0])
    assert sent > 500  # the bot did answer: commands, reports, presses
    assert {kind: examples[:5] for kind, examples in failures.items() if examples} == {}
