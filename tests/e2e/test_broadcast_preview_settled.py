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
