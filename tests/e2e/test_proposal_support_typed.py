"""Support typed as a reply to a proposal's card, through the real bot on SQLite and PostgreSQL: 王哥's
'附议' (or '+1', '支持！', '👍', 'agree') replying to the card of a proposal gathering support was taken as a
comment in silence and counted nowhere; the card said '已有 0 人附议'. Now it is the 👍 button typed: the
support counts (once), the card's count moves, and a short reply says so as the press's answer does. A
sentence is still a comment; on the agenda, a '+1' is a comment as before."""
from __future__ import annotations

import pytest

from tests.conftest import AMY, GROUP, LI, SEC, WANG, said, two_branches, until, with_boss

BOB = {"id": 603, "first_name": "Bob", "language_code": "en"}
ZHAO = {"id": 504, "first_name": "赵师傅", "language_code": "zh"}


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _card(tg) -> dict:
    return [m for m in await tg.messages(GROUP["id"]) if "新议题" in m["text"]][-1]


async def _supporters(db) -> int:
    from sqlmodel import select

    from storage.models.deliberation import ProposalSupport
    async with db() as s:
        return len((await s.exec(select(ProposalSupport))).all())


async def test_support_typed_in_reply_to_the_card_counts(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG, AMY)
    await said(tg, GROUP, LI, "/propose 驿站加装空调 | 夏天太热")
    card = await _card(tg)
    got = (await said(tg, GROUP, WANG, "附议！", reply_to_message_id=card["message_id"]))["plain_text"]
    assert got == "👍 已附议（1/5）", got
    got = (await said(tg, GROUP, WANG, "+1", reply_to_message_id=card["message_id"]))["plain_text"]
    assert got == "你已经附议过了。", got
    got = (await said(tg, GROUP, AMY, "agree 👍", reply_to_message_id=card["message_id"]))["plain_text"]
    assert got == "👍 Supported (2/5)", got
    got = (await said(tg, GROUP, ZHAO, "👍", reply_to_message_id=card["message_id"]))["plain_text"]
    assert got == "👍 已附议（3/5）", got
    got = (await said(tg, GROUP, LI, "支持", reply_to_message_id=card["message_id"]))["plain_text"]
    assert got == "这是你自己的议题，不用附议。", got
    assert await _supporters(db) == 3

    async def counted() -> bool:
        return "已有 3 人附议" in (await _card(tg))["text"]
    await until(counted)

    before = len(await tg.messages(GROUP["id"]))
    await tg.send(GROUP, BOB, "I agree, it is too hot in summer", reply_to_message_id=card["message_id"])
    await said(tg, SEC["id"], SEC, "/proposal 1")  # a later update: the comment is in by now
    assert len(await tg.messages(GROUP["id"])) == before  # a sentence: a comment, the group hears nothing
    assert await _supporters(db) == 3
    got = (await said(tg, SEC["id"], SEC, "/proposal 1"))["plain_text"]
    assert "1 条讨论" in got, got
