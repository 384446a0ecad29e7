"""Volunteer hours and report-in request cards once decided, through the real bot on SQLite and
PostgreSQL. Each secretary of the branch gets a card with its two buttons (and a superadmin's
/hours pending or /reportins lists one more copy); decided by command or by a press on one copy,
the other copies kept live buttons that only answered '已经处理过了'. Now every copy loses them and
says who decided what, as a redemption's cards do (tests/e2e/test_redemption_cards.py)."""
from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import select

from storage.models.checkins import ReportIn

from tests.conftest import BOSS, GROUP, LI, SEC, WANG, buttons, private, said, two_branches, until, with_boss
from tests.e2e.test_checkins import activities


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _card(tg, chat_id: int, title: str) -> dict[str, Any]:
    async def live() -> dict[str, Any] | None:
        return next((m for m in await tg.messages(chat_id) if title in m["plain_text"] and buttons(m)), None)
    return await until(live)


async def _settled(tg, chat_id: int, title: str) -> list[dict[str, Any]]:
    async def bare() -> list[dict[str, Any]] | None:
        cards = [m for m in await tg.messages(chat_id) if title in m["plain_text"]]
        return cards if cards and not any(buttons(c) for c in cards) else None
    return await until(bare)


async def _two_secretaries(tg) -> None:
    await two_branches(tg, LI, WANG)
    await said(tg, BOSS["id"], BOSS, f"/grant {WANG['id']} secretary cy")


async def test_every_copy_of_an_hours_card_says_who_decided(bot, tg, db, clock) -> None:
    await _two_secretaries(tg)
    await said(tg, SEC["id"], SEC, '/activity new "社区清洁" 今天 9:00 2h')
    code = (await activities(db))[-1].code
    await said(tg, LI["id"], LI, f"/hours {code} 1.5")
    for staff in (SEC, WANG):
        await _card(tg, staff["id"], "志愿时长 #1")
    await said(tg, BOSS["id"], BOSS, "/hours pending cy")  # the superadmin's list: a third copy
    await _card(tg, BOSS["id"], "志愿时长 #1")

    got = (await said(tg, SEC["id"], SEC, "/hours approve 1"))["plain_text"]
    assert got.startswith("✅ 已认可李师傅的 1.5 小时"), got
    for staff in (SEC, WANG, BOSS):
        for card in await _settled(tg, staff["id"], "志愿时长 #1"):
            last_line = card["plain_text"].split("\n")[-1]
            assert "张书记" in last_line and "认可" in last_line, (staff, card["plain_text"])


async def test_every_copy_of_a_report_in_card_says_who_decided(bot, tg, db) -> None:
    await _two_secretaries(tg)
    await said(tg, GROUP, LI, "/reportin 河南省周口市某村党支部")
    sec_card = await _card(tg, SEC["id"], "党员报到 #1")
    wang_card = await _card(tg, WANG["id"], "党员报到 #1")
    await tg.press(WANG["id"], wang_card["message_id"], WANG, buttons(wang_card)[1])  # ❌ 驳回 on 王哥's copy
    card = (await _settled(tg, SEC["id"], "党员报到 #1"))[0]
    assert card["message_id"] == sec_card["message_id"]
    last_line = card["plain_text"].split("\n")[-1]
    assert "王哥" in last_line and "驳回" in last_line, card["plain_text"]
    assert "王哥" in (await _settled(tg, WANG["id"], "党员报到 #1"))[0]["plain_text"]


async def test_a_changed_request_settles_its_old_cards(bot, tg, db, clock) -> None:
    """李师傅's second '/hours K7MPQ 1.5' (replacing 2) or corrected '/reportin …' sent 张书记 a new card and
    left the old one with live buttons, showing what he no longer asks (a press on the hours' answered
    '已改为 1.5 小时', the report-in's approved the new organisation under the old one); now the old card
    loses them and says he changed it."""
    await two_branches(tg, LI)
    await said(tg, SEC["id"], SEC, '/activity new "社区清洁" 今天 9:00 2h')
    code = (await activities(db))[-1].code
    await said(tg, LI["id"], LI, f"/hours {code} 2")
    old = await _card(tg, SEC["id"], "申报 2 小时")
    await said(tg, LI["id"], LI, f"/hours {code} 1.5")
    assert buttons(await _card(tg, SEC["id"], "申报 1.5 小时"))
    card = (await _settled(tg, SEC["id"], "申报 2 小时"))[0]
    assert card["message_id"] == old["message_id"]
    assert card["plain_text"].endswith("✏️ 李师傅已修改申请，请按最新的消息处理。"), card["plain_text"]

    await said(tg, GROUP, LI, "/reportin 河南省周口市某村党支部")
    old = await _card(tg, SEC["id"], "组织关系所在：河南省周口市某村党支部")
    await said(tg, GROUP, LI, "/reportin 河南省周口市某某村党支部")
    assert buttons(await _card(tg, SEC["id"], "组织关系所在：河南省周口市某某村党支部"))
    card = (await _settled(tg, SEC["id"], "组织关系所在：河南省周口市某村党支部"))[0]
    assert card["message_id"] == old["message_id"] and "李师傅已修改申请" in card["plain_text"], card


async def test_a_card_decided_before_it_was_delivered_arrives_settled(bot, tg, db) -> None:
    """A card still queued when the request is decided (the platform asked the bot to slow down) went
    out later with live buttons: settling read only the copies already sent. Now the edit waits for it."""
    await _two_secretaries(tg)
    await tg.fault("sendMessage", 429, count=3, retry_after=2)  # the rider's receipt and both cards wait
    await tg.send(GROUP, LI, "/reportin 河南省周口市某村党支部")
    async def pending() -> bool:
        async with db() as s:
            rows = (await s.exec(select(ReportIn))).all()
        return bool(rows)
    await until(pending)
    await tg.send(private(SEC), SEC, "/reportins approve 1")
    for staff in (SEC, WANG):
        card = (await _settled(tg, staff["id"], "党员报到 #1"))[0]
        assert "张书记" in card["plain_text"].split("\n")[-1], (staff, card["plain_text"])
