"""Earlier /broadcasts lists after a cancel, through the real bot on SQLite and PostgreSQL.
张书记 sent '/broadcasts' twice, then '/broadcasts cancel 1': both lists still showed ❌ #1 and
its line, as if it were still to go out; a press on that stale ❌ answered '推送 #1 不存在，或已发出/
已取消。' (which of the three?). Now every earlier list still showing it is shown again without
it, and a press on a ❌ of a broadcast already cancelled says just that, zh and en."""
from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import SEC, SEC_B, answer_for, buttons, said, two_branches, until, with_boss


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _schedule(tg, who: dict, *texts: str) -> None:
    for text in texts:
        preview = await said(tg, who["id"], who, f"/broadcast all 明天 08:30 {text}")
        await tg.press(who["id"], preview["message_id"], who, buttons(preview)[0])
        await _now(tg, who["id"], preview["message_id"], 0)  # confirmed: the preview settled


async def _now(tg, chat_id: int, message_id: int, want: int) -> dict[str, Any]:
    async def shown() -> dict[str, Any] | None:
        now = next(m for m in await tg.messages(chat_id) if m["message_id"] == message_id)
        return now if len(buttons(now)) == want else None
    return await until(shown)


async def test_earlier_lists_lose_a_broadcast_cancelled_by_command(bot, tg, db) -> None:
    await two_branches(tg)
    await _schedule(tg, SEC, "通知一", "通知二")
    first = await said(tg, SEC["id"], SEC, "/broadcasts")
    second = await said(tg, SEC["id"], SEC, "/broadcasts")
    assert buttons(first) == buttons(second) == ["bc:c:1", "bc:c:2"], (first, second)
    got = (await said(tg, SEC["id"], SEC, "/broadcasts cancel 1"))["plain_text"]
    assert got.startswith("🗑 推送 #1 已取消"), got
    for listed in (first, second):
        now = await _now(tg, SEC["id"], listed["message_id"], 1)
        assert buttons(now) == ["bc:c:2"], now
        assert "通知二" in now["plain_text"] and "通知一" not in now["plain_text"], now["plain_text"]
    # cancelled on one list: the other loses it too, and the last one leaves "none scheduled"
    await tg.press(SEC["id"], first["message_id"], SEC, "bc:c:2")
    now = await _now(tg, SEC["id"], second["message_id"], 0)
    assert now["plain_text"].startswith("没有定时推送"), now["plain_text"]


async def test_a_stale_press_says_it_is_already_cancelled(bot, tg, db) -> None:
    await two_branches(tg)
    await _schedule(tg, SEC, "通知一")
    await _schedule(tg, SEC_B, "Notice one")
    listed = await said(tg, SEC["id"], SEC, "/broadcasts")
    await said(tg, SEC["id"], SEC, "/broadcasts cancel 1")
    qid = await tg.press(SEC["id"], listed["message_id"], SEC, "bc:c:1")
    assert (await answer_for(tg, qid))["text"] == "推送 #1 已经取消过了，不会再发送。"
    got = (await said(tg, SEC["id"], SEC, "/broadcasts cancel 1"))["plain_text"]
    assert got == "推送 #1 已经取消过了，不会再发送。", got
    got = (await said(tg, SEC_B["id"], SEC_B, "/broadcasts cancel 1"))["plain_text"]  # another branch's: as none
    assert got == "Broadcast #1 does not exist, or was already sent or cancelled.", got
    await said(tg, SEC_B["id"], SEC_B, "/broadcasts cancel 2")
    got = (await said(tg, SEC_B["id"], SEC_B, "/broadcasts cancel 2"))["plain_text"]
    assert got == "Broadcast #2 was already cancelled; nothing more will be sent.", got
