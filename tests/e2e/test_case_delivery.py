"""Case announcements under pressure: a backed-up group gets a digest, a killed bot announces once."""
from __future__ import annotations

import asyncio
import re
import signal

import pytest
from sqlmodel import select

from storage.models import Case, CaseEvent, OutboxMessage
from tests.conftest import BOSS, GROUP, LI, SEC, private, two_branches, until, with_boss
from tests.e2e.test_cases import _report
from tests.e2e.test_delivery import _count, _no_pending, _spawn

WINDOW = 3.0  # the group window, scaled down from Telegram's minute so the test takes seconds
PER_WINDOW = 19


@pytest.fixture
def settings(settings):
    sender = settings.sender.model_copy(update={"group_per_min": PER_WINDOW, "group_window": WINDOW,
                                                "max_backoff": 0.3})
    return with_boss(settings, sender=sender)


async def test_thirty_changes_in_a_backed_up_group_arrive_in_at_most_twenty_messages(bot, tg, db) -> None:
    await two_branches(tg, LI)
    for n in range(1, 11):
        await _report(tg, f"幸福小区{n}号楼门口的路灯坏了")
    await asyncio.sleep(WINDOW)  # the reports' replies leave the window
    before = len(await tg.messages(GROUP["id"]))

    await tg.fault("sendMessage", 502, count=1_000_000)  # Telegram stalls while 30 changes are committed
    for n in range(1, 11):
        for command in (f"/accept C-{n:06d}", f"/work C-{n:06d}", f"/note C-{n:06d} 进展{n}号"):
            await tg.send(private(SEC), SEC, command)
    await until(lambda: _events(db, 30), timeout=90)  # generous: a loaded machine (CI's 4 processes) is slow
    await tg.http.delete(f"{tg.base_url}/_emu/faults")
    await until(lambda: _no_pending(db), timeout=90)

    group = (await tg.messages(GROUP["id"]))[before:]
    assert len(group) <= 20, len(group)
    digests = [m for m in group if m["text"].startswith("📋")]
    assert digests, "the backed-up group got no digest"
    singles = len(group) - len(digests)
    merged = sum(m["text"].count("\n• ") for m in digests)
    assert singles + merged == 30
    text = "\n".join(m["text"] for m in group)
    for n in range(1, 11):
        assert text.count(f"进展{n}号") == 1 and f"C-{n:06d}" in text
    assert await _count(db, OutboxMessage, OutboxMessage.status == "merged") == merged


async def _events(db, n: int) -> bool:
    async with db() as s:
        kinds = (await s.exec(select(CaseEvent.kind))).all()
    return len([k for k in kinds if k in ("accepted", "started", "noted")]) >= n


async def test_killed_between_commit_and_send_announces_once_after_restart(emu, tg, settings, db, tmp_path) -> None:
    env = {"SENTINEL_SUPERADMIN_IDS": f"[{BOSS['id']}]"}
    proc = await _spawn(settings, tmp_path, env)
    try:
        await two_branches(tg, LI)
        report_id = await _report(tg)
        await tg.fault("sendMessage", 502, count=1_000_000)
        await tg.send(private(SEC), SEC, "/accept C-000001")
        await until(lambda: _status(db, "accepted"), timeout=30)
    finally:
        proc.send_signal(signal.SIGKILL)
        await proc.wait()
    assert await _count(db, OutboxMessage, OutboxMessage.status == "pending") >= 1

    await tg.http.delete(f"{tg.base_url}/_emu/faults")
    proc = await _spawn(settings, tmp_path, env)
    try:
        await until(lambda: _no_pending(db), timeout=60)
        await asyncio.sleep(0.5)
    finally:
        proc.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(proc.wait(), 30) == 0
    accepted = [m for m in await tg.messages(GROUP["id"])
                if m.get("reply_to_message_id") == report_id and re.search("已受理", m["text"])]
    assert len(accepted) == 1
    li_private = [m for m in await tg.messages(LI["id"]) if "已受理" in m["text"]]
    assert len(li_private) == 1


async def _status(db, status: str) -> bool:
    async with db() as s:
        case = (await s.exec(select(Case).where(Case.id == 1))).first()
    return case is not None and case.status == status
