"""Two clocks, as the 12345 workflow has (issue 13 §2): respond (someone accepts) and resolve.
Accepting stops the first; a reopen restarts the second; texts quote the configured times."""
from __future__ import annotations

from datetime import timedelta

import pytest

from bot.app import Core
from storage.models import Case
from tests.conftest import AMY, GROUP, LI, SEC, private, said, two_branches, until, with_boss
from tests.factories import read_case

URGENT = "人民路地铁站B口井盖没了 很危险"


@pytest.fixture
def settings(settings, tmp_path):
    routing = tmp_path / "routing.toml"
    routing.write_text('[deadlines]\nurgent = "30m"\n[resolution]\nurgent = "2h"\nnormal = "5d"\n', encoding="utf-8")
    return with_boss(settings, routing_file=routing)


async def _sweep(settings, at) -> None:
    core = await Core.open(settings, migrate=False)
    try:
        async with core.uow() as uow:
            await core.deadlines.sweep(uow, at)
            await uow.commit()
    finally:
        await core.close()


async def _count(tg, chat_id: int, needle: str) -> int:
    return sum(needle in m["text"] for m in await tg.messages(chat_id))


async def test_texts_quote_the_configured_times(bot, tg, db) -> None:
    await two_branches(tg, LI)
    zh = await said(tg, GROUP, LI, URGENT)
    assert "30 分钟内必须有人响应" in zh["text"] and "2 小时内处置" in zh["text"] and "1 小时" not in zh["text"]
    alert = await until(lambda: _find(tg, SEC["id"], "紧急工单"))
    assert "30 分钟内必须响应" in alert
    en = await said(tg, GROUP, AMY, "The street light is out on Keyuan Rd, completely dark at night")
    assert "accepted within 3 days and fixed within 5 days" in en["text"]
    case = await read_case(db)
    assert case.due_at - case.created_at == timedelta(minutes=30)
    assert case.fix_due_at - case.created_at == timedelta(hours=2)


async def test_accepting_stops_the_response_clock_not_the_fix_clock(bot, tg, db, settings) -> None:
    await two_branches(tg, LI)
    await said(tg, GROUP, LI, URGENT)
    await until(lambda: _find(tg, SEC["id"], "紧急工单"))
    await tg.send(private(SEC), SEC, "/accept C-000001")
    case = await until(lambda: _accepted(db))
    assert case.responded_at is not None
    await _sweep(settings, case.created_at + timedelta(minutes=45))  # past the response deadline
    await _sweep(settings, case.created_at + timedelta(minutes=61))  # half of the fix clock
    case = await read_case(db)
    assert case.reminders == 0 and case.fix_reminders == 1
    assert await _count(tg, SEC["id"], "答复期限") == 0 and await _count(tg, SEC["id"], "超时") == 0
    await _sweep(settings, case.created_at + timedelta(hours=2, minutes=1))
    assert "超过办结期限" in await until(lambda: _find(tg, SEC["id"], "超过办结期限"))
    assert (await read_case(db)).fix_reminders == 3


async def test_a_reopen_restarts_the_resolution_clock(bot, tg, db, settings) -> None:
    await two_branches(tg, LI)
    await said(tg, GROUP, LI, URGENT)
    await tg.send(private(SEC), SEC, "/accept C-000001")
    await tg.send(private(SEC), SEC, "/resolve C-000001 已盖好")
    resolved = await until(lambda: _with_buttons(tg, LI["id"]))
    first = await read_case(db)
    await _sweep(settings, first.created_at + timedelta(hours=3))  # resolved: the fix clock rests
    assert (await read_case(db)).fix_reminders == 0
    await tg.press(LI["id"], resolved["message_id"], LI, "cf:1:n")
    case = await until(lambda: _reopened(db))
    assert case.fix_due_at > first.fix_due_at and case.fix_reminders == 0
    assert timedelta(hours=1, minutes=59) < case.fix_due_at - case.updated_at <= timedelta(hours=2)
    before = await _count(tg, SEC["id"], "超过办结期限")
    await _sweep(settings, case.fix_due_at + timedelta(minutes=1))
    await until(lambda: _more(tg, SEC["id"], "超过办结期限", before))
    assert (await read_case(db)).fix_reminders == 3


async def _find(tg, chat_id: int, needle: str) -> str | None:
    return next((m["text"] for m in reversed(await tg.messages(chat_id)) if needle in m["text"]), None)


async def _more(tg, chat_id: int, needle: str, before: int) -> bool:
    return await _count(tg, chat_id, needle) > before


async def _with_buttons(tg, chat_id: int) -> dict | None:
    return next((m for m in reversed(await tg.messages(chat_id)) if "cf:1:n" in str(m.get("reply_markup"))), None)


async def _accepted(db) -> Case | None:
    case = await read_case(db)
    return case if case.status == "accepted" else None


async def _reopened(db) -> Case | None:
    case = await read_case(db)
    return case if case.reopens == 1 else None
