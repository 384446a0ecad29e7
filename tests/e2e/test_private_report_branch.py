"""A rider's report in their private chat with the bot belongs to their branch when the bot knows
them in exactly one (outside trial: it had no branch, so only superadmins heard of it). Known in
none, or in several, it stays without one: which branch would be a guess."""
from __future__ import annotations

import pytest
from sqlmodel import select

from storage.models import Chat
from tests.conftest import BOSS, GROUP, GROUP_B, LI, SEC, SEC_B, said, two_branches, with_boss
from tests.factories import read_cases


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _branch(db, group) -> int:
    async with db() as s:
        return (await s.exec(select(Chat.branch_id).where(Chat.id == group["id"]))).one()


async def test_a_private_report_belongs_to_the_riders_only_branch(bot, tg, db) -> None:
    await two_branches(tg, LI)
    assert "C-000001" in (await said(tg, GROUP, LI, "建国门外的路灯坏了"))["plain_text"]
    assert "C-000002" in (await said(tg, LI["id"], LI, "光华路口的井盖丢了，晚上很危险"))["plain_text"]
    first, second = await read_cases(db)
    assert second.chat_id == LI["id"] and second.branch_id == first.branch_id == await _branch(db, GROUP)
    card = (await said(tg, SEC["id"], SEC, "/case C-000002"))["plain_text"]  # the branch's secretary sees it
    assert "C-000002" in card and "找不到" not in card, card
    missing = (await said(tg, SEC_B["id"], SEC_B, "/case C-000099"))["plain_text"]
    other = (await said(tg, SEC_B["id"], SEC_B, "/case C-000002"))["plain_text"]
    assert other.replace("C-000002", "C-000099") == missing  # another branch's: as none


async def test_a_private_report_of_a_rider_known_in_two_branches_or_none_has_none(bot, tg, db) -> None:
    await two_branches(tg, LI)
    assert "C-000001" in (await said(tg, LI["id"], LI, "光华路口的井盖丢了，晚上很危险"))["plain_text"]
    await said(tg, GROUP, LI, "建国门外的路灯坏了")
    await said(tg, GROUP_B, LI, "海淀黄庄北口的路灯坏了，晚上一片漆黑")
    assert "C-000004" in (await said(tg, LI["id"], LI, "科源路的红绿灯坏了，车都乱开"))["plain_text"]
    cases = await read_cases(db)
    assert [c.branch_id is None for c in cases] == [True, False, False, True]
    assert "C-000004" in (await said(tg, BOSS["id"], BOSS, "/case C-000004"))["plain_text"]


async def test_a_private_voice_report_goes_to_the_riders_only_branch(bot, tg, db) -> None:
    """Its secretary, not only the superadmins, is asked to classify it."""
    await two_branches(tg, LI)
    await said(tg, GROUP, LI, "建国门外的路灯坏了")
    before = len(await tg.messages(SEC["id"]))
    await tg.send({"id": LI["id"], "type": "private"}, LI, voice={"duration": 4})
    await tg.wait(SEC["id"], before + 1)
    _, voiced = await read_cases(db)
    assert voiced.status == "triage" and voiced.branch_id == await _branch(db, GROUP)
