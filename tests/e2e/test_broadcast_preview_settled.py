"""A broadcast preview's buttons go once its draft has ended, through the real bot on SQLite and
PostgreSQL. 张书记's preview kept ✅ 确认发送 / ❌ 取消 after she confirmed it, after '/broadcast
cancel', and after a newer '/broadcast …' replaced it: three previews in her chat, all looking
live, only the last one real (a press on the others answered '这份草稿已不存在或已处理。'). Now each
loses its buttons with one line saying how it ended, as a decided request's card does
(settle_copies), zh and en."""
from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import SEC, SEC_B, buttons, said, two_branches, until, with_boss


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _settled(tg, chat_id: int, message_id: int) -> dict[str, Any]:
    async def done() -> dict[str, Any] | None:
        now = next(m for m in await tg.messages(chat_id) if m["message_id"] == message_id)
        return None if buttons(now) else now
    return await until(done)


async def test_a_preview_loses_its_buttons_when_its_draft_ends(bot, tg, db) -> None:
    await two_branches(tg)
    first = await said(tg, SEC["id"], SEC, "/broadcast all 明天 08:30 通知一")
    assert buttons(first), first
    await said(tg, SEC["id"], SEC, "/broadcast cancel")
    got = (await _settled(tg, SEC["id"], first["message_id"]))["plain_text"]
    assert got.startswith("📢 推送预览 #1") and got.endswith("\n🗑 草稿已放弃，不会发出。"), got

    second = await said(tg, SEC["id"], SEC, "/broadcast all 明天 08:30 通知二")
    third = await said(tg, SEC["id"], SEC, "/broadcast all 明天 09:30 通知三")
    got = (await _settled(tg, SEC["id"], second["message_id"]))["plain_text"]
    assert got.endswith("\n✏️ 已被新的草稿替代，请看最新的预览。"), got
    assert buttons(third)

    await tg.press(SEC["id"], third["message_id"], SEC, buttons(third)[0])
    got = (await _settled(tg, SEC["id"], third["message_id"]))["plain_text"]
    assert "通知三" in got and got.endswith("\n⏰ 已确认，按时发送（/broadcasts 可查看或取消）。"), got


async def test_an_english_preview_sent_now_says_so(bot, tg, db) -> None:
    await two_branches(tg)
    preview = await said(tg, SEC_B["id"], SEC_B, "/broadcast all now Road closed tonight")
    await tg.press(SEC_B["id"], preview["message_id"], SEC_B, buttons(preview)[0])
    got = (await _settled(tg, SEC_B["id"], preview["message_id"]))["plain_text"]
    assert got.endswith("\n🚀 Confirmed: it is going out."), got


async def test_the_list_shows_a_cancelled_broadcast_gone(bot, tg, db) -> None:
    """张书记's ❌ #1 on '/broadcasts' cancelled it and left the list as it was, the ❌ still there
    (a second press: '推送 #1 不存在，或已发出/已取消。'); now the list is shown again as it stands."""
    await two_branches(tg)
    for text in ("通知一", "通知二"):
        preview = await said(tg, SEC["id"], SEC, f"/broadcast all 明天 08:30 {text}")
        await tg.press(SEC["id"], preview["message_id"], SEC, buttons(preview)[0])
        await _settled(tg, SEC["id"], preview["message_id"])
    listed = await said(tg, SEC["id"], SEC, "/broadcasts")
    assert len(buttons(listed)) == 2, listed
    await tg.press(SEC["id"], listed["message_id"], SEC, buttons(listed)[0])

    async def shown_again() -> dict[str, Any] | None:
        now = next(m for m in await tg.messages(SEC["id"]) if m["message_id"] == listed["message_id"])
        return now if len(buttons(now)) == 1 else None
    now = await until(shown_again)
    assert "通知二" in now["plain_text"] and "通知一" not in now["plain_text"], now["plain_text"]
