"""A reporter who blocked the bot is still asked to confirm the fix (outsider trial 6).

Before: a rider reported in the group, then blocked the bot (Telegram told the bot: my_chat_member
"kicked"). When the secretary resolved the case, the group heard "已处理完毕…请确认是否解决" with no
✅ / ❌ buttons, as if the rider would get them privately, and nothing was sent privately either
(the bot knew it could not write there). The rider had no way to confirm or reopen, and the case
closed itself 72 hours later as if they had been asked. A reporter the bot cannot write to
privately, whether they never started it or blocked it, gets the buttons on the group's message.
"""
from __future__ import annotations


import pytest

from tests.conftest import GROUP, LI, SEC, answer_for, buttons, private, said, two_branches, until, with_boss
from tests.factories import blocks_the_bot, new_message, read_case, report


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_reporter_who_blocked_the_bot_confirms_the_fix_in_the_group(bot, tg, db) -> None:
    await two_branches(tg, LI)
    await report(tg, GROUP, LI)  # C-000001, LI has started the bot
    assert "已办理" in (await said(tg, SEC["id"], SEC, "/accept C-000001"))["text"]
    await blocks_the_bot(tg, db, LI)
    before = len(await tg.messages(GROUP["id"]))
    assert "已办理" in (await said(tg, SEC["id"], SEC, "/resolve C-000001 已修复，灯亮了"))["text"]
    resolved = await new_message(tg, GROUP["id"], before, "已处理完毕")
    assert buttons(resolved) == ["cf:1:y", "cf:1:n"], resolved

    async def all_out() -> bool:  # every message the resolution queued has been dealt with
        async with db() as s:
            from sqlmodel import select
            from storage.models import OutboxMessage
            rows = (await s.exec(select(OutboxMessage).where(OutboxMessage.case_id == 1))).all()
            return bool(rows) and all(r.status != "pending" for r in rows)
    await until(all_out)
    # the resolution was not tried in the private chat the rider blocked (later news is: refused, it is
    # sent again when they are back)
    stats = await tg.stats()
    assert not stats["errors"], stats["errors"]
    # the rider answers there, and the case hears it
    answered = await answer_for(tg, await tg.press(GROUP["id"], resolved["message_id"], LI, "cf:1:n"))
    assert answered.get("text"), answered

    async def reopened() -> bool:
        return (await read_case(db)).status == "in_progress"
    await until(reopened)


async def test_a_reporter_who_can_be_reached_gets_the_buttons_privately_only(bot, tg, db) -> None:
    """The other side of it: a reachable reporter confirms privately; the group's message has no buttons."""
    await two_branches(tg, LI)
    await report(tg, GROUP, LI)
    await said(tg, SEC["id"], SEC, "/accept C-000001")
    before = len(await tg.messages(GROUP["id"]))
    private_before = len(await tg.messages(LI["id"]))
    await said(tg, SEC["id"], SEC, "/resolve C-000001 已修复")
    in_group = await new_message(tg, GROUP["id"], before, "已处理完毕")
    in_private = await new_message(tg, LI["id"], private_before, "已处理完毕")
    assert not buttons(in_group) and buttons(in_private) == ["cf:1:y", "cf:1:n"]


async def test_a_reporter_whose_block_was_found_by_a_send_is_asked_when_back(bot, tg, db) -> None:
    """The bot did not hear of the block (it was down, or Telegram's update was lost): the private
    question with the buttons was refused, and the group's message, sent as to a reachable rider,
    had none. When the rider comes back (/start), the question they missed is asked again."""
    await two_branches(tg, LI)
    await report(tg, GROUP, LI)
    await said(tg, SEC["id"], SEC, "/accept C-000001")
    await tg.block(LI["id"], True)  # untold
    await said(tg, SEC["id"], SEC, "/resolve C-000001 已修复，灯亮了")

    async def found_blocked() -> bool:
        async with db() as s:
            from storage.models import Chat
            chat = await s.get(Chat, LI["id"])
            return chat is not None and chat.blocked
    await until(found_blocked)
    await tg.block(LI["id"], False)
    before = len(await tg.messages(LI["id"]))
    await tg.send(private(LI), LI, "/start")
    asked = await new_message(tg, LI["id"], before, lambda m: buttons(m) == ["cf:1:y", "cf:1:n"])
    assert "C-000001" in asked["text"], asked["text"]
    await answer_for(tg, await tg.press(LI["id"], asked["message_id"], LI, "cf:1:y"))

    async def closed() -> bool:
        return (await read_case(db)).status == "closed"
    await until(closed)
