"""A broadcast's number typed on a phone, through the real bot on SQLite and PostgreSQL. 张书记's
'/broadcasts 取消 ＃1' (her input method's full-width ＃) and '/broadcasts 取消 2。' (a full stop
after the number) were answered '用法：/broadcasts 或 /broadcasts cancel 编号'; now the number is read
by the one reader of ids (bot.ids.parse_id: full width folded, a sentence's end after it forgiven)."""
from __future__ import annotations

import pytest

from tests.conftest import SEC, buttons, said, two_branches, until, with_boss


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_number_typed_on_a_phone(bot, tg, db) -> None:
    await two_branches(tg)
    for text in ("通知一", "通知二", "通知三"):
        preview = await said(tg, SEC["id"], SEC, f"/broadcast all 明天 08:30 {text}")
        await tg.press(SEC["id"], preview["message_id"], SEC, buttons(preview)[0])

        async def settled(mid: int = preview["message_id"]) -> bool:
            return not buttons(next(m for m in await tg.messages(SEC["id"]) if m["message_id"] == mid))
        await until(settled)
    for typed, number in (("/broadcasts 取消 ＃1", 1), ("/broadcasts 取消 2。", 2), ("/broadcasts cancel #３!", 3)):
        got = (await said(tg, SEC["id"], SEC, typed))["plain_text"]
        assert got == f"🗑 推送 #{number} 已取消，不会再发送。", (typed, got)
    got = (await said(tg, SEC["id"], SEC, "/broadcasts 取消 一"))["plain_text"]
    assert got.startswith("用法：/broadcasts"), got
