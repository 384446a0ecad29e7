"""A secretary's '/points ledger' as a reply to a rider's message, through the real bot on SQLite and
PostgreSQL: it was answered with the usage ('用法：/points ledger @用户名 或 用户ID …'), though '/points grant 30
帮忙' said the same way names the rider by the message replied to. Now the ledger (and '/points' alone, as
'/points 501' is for staff) takes the rider the same way: the rider's lines, sent privately, named as the
secretary saw them. Typed, the id or @username still decides; a rider asking is refused as before."""
from __future__ import annotations

import pytest

from tests.conftest import GROUP, LI, SEC, WANG, said, two_branches, until, with_boss
from tests.e2e.test_points_bot import _command


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _privately(tg, text: str, to: dict, needle: str) -> str:
    """SEC says `text` in the group as a reply to `to`; the answer in her private chat."""
    before = len(await tg.messages(SEC["id"]))
    await tg.send(GROUP, SEC, text, reply_to_message_id=to["message_id"])

    async def answered() -> dict | None:
        return next((m for m in (await tg.messages(SEC["id"]))[before:] if needle in m["plain_text"]), None)
    return str((await until(answered))["plain_text"])


async def test_the_ledger_asked_as_a_reply_is_the_riders(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG)
    sent = await tg.send(GROUP, LI, "大家注意安全")
    await _command(tg, SEC, "/points grant 30 帮忙", "已给", chat=GROUP, reply_to_message_id=sent["message_id"])
    for typed in ("/points ledger", "/points 明细"):
        shown = await _privately(tg, typed, sent, "积分记录")
        assert "李师傅的积分记录" in shown and "+30" in shown and "帮忙" in shown, (typed, shown)
    quiet = await tg.send(GROUP, WANG, "收到")
    shown = await _privately(tg, "/points", quiet, "积分记录")  # as `/points 502` is for staff
    assert shown == "王哥在本支部还没有积分记录。", shown
    got = (await said(tg, GROUP, LI, "/points ledger", reply_to_message_id=quiet["message_id"]))["plain_text"]
    assert "只有" in got or "not" in got, got  # a rider: refused as before
    got = (await said(tg, SEC["id"], SEC, "/points ledger"))["plain_text"]  # no reply, no name: the usage
    assert got.startswith("用法：/points ledger"), got
