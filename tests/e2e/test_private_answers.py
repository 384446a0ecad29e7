"""Issue 13 §2 "Private things in the group" and "Context", through the real bot and emulator.

/me, /points and /mycases asked in a work group answer in the rider's private chat (the group
gets one short pointer, or nothing when the bot cannot write to the rider privately); a case
update in a private chat says which case it is about (short description and place), masked
where the reader is not the reporter.
"""
from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import AMY, BOSS, GROUP, LI, SEC, WANG, last, private, said, two_branches, with_boss
from tests.factories import report


@pytest.fixture
def settings(settings):
    return with_boss(settings)


def body(msg: dict[str, Any]) -> str:
    return str(msg.get("plain_text") or msg.get("text") or msg.get("caption") or "")


@pytest.mark.parametrize("command, private_marker", [
    ("/me", "我的积分"), ("/points", "积分记录"), ("/mycases", "我上报的工单"),
])
async def test_personal_commands_in_a_group_answer_privately(bot, tg, command, private_marker) -> None:
    await two_branches(tg, LI)
    await report(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    li_before = len(await tg.messages(LI["id"]))
    sent = await tg.send(GROUP, LI, command)
    pointer = await last(tg, GROUP["id"], 3)  # bind, the report's answer, the pointer
    assert pointer["reply_to_message_id"] == sent["message_id"]
    assert "私信" in body(pointer) and private_marker not in body(pointer)
    answer = await last(tg, LI["id"], li_before + 1)
    assert private_marker in body(answer)
    if command == "/mycases":
        assert "C-000001" in body(answer)


async def test_in_english_the_pointer_is_english(bot, tg) -> None:
    await two_branches(tg, AMY)
    await tg.send(private(AMY), AMY, "/lang en")
    await tg.wait(AMY["id"], 2)
    await tg.send(GROUP, AMY, "/mycases")
    pointer = await last(tg, GROUP["id"], 2)
    assert "private chat" in body(pointer)
    assert "You have not reported" in body(await last(tg, AMY["id"], 3))


async def test_a_rider_who_never_started_the_bot_gets_nothing_in_the_group(bot, tg) -> None:
    await two_branches(tg)  # WANG has never written to the bot privately
    for command in ("/me", "/points", "/mycases"):
        await tg.send(GROUP, WANG, command)
    marker = await said(tg, GROUP, WANG, "/board")  # answered in order: nothing came before it
    assert "累计上报" in body(marker)
    group = await tg.messages(GROUP["id"])
    assert len(group) == 2, [body(m)[:40] for m in group]  # the /bind answer and the board
    assert not await tg.messages(WANG["id"])


async def test_a_rider_who_blocked_the_bot_gets_nothing_in_the_group(bot, tg, db) -> None:
    from storage.models import Chat

    await two_branches(tg, LI)
    async with db() as s:  # what the sender records when Telegram answers 403 "bot was blocked"
        chat = await s.get(Chat, LI["id"])
        chat.blocked = True
        s.add(chat)
        await s.commit()
    await tg.send(GROUP, LI, "/me")
    marker = await said(tg, GROUP, LI, "/board")
    assert "累计上报" in body(marker)
    assert len(await tg.messages(GROUP["id"])) == 2


async def test_points_grant_in_a_group_still_answers_there(bot, tg) -> None:
    await two_branches(tg, LI)
    reply = await said(tg, GROUP, SEC, f"/points grant {LI['id']} 5 协助处置积水")
    assert "积分" in body(reply) and "私信" not in body(reply)


# --- context in private updates --------------------------------------------------------------
async def test_a_private_update_names_the_case_by_description_and_place(bot, tg) -> None:
    await two_branches(tg, LI)
    await report(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    await report(tg, GROUP, LI, "光华路积水很深 电动车过不去")
    li_before = len(await tg.messages(LI["id"]))
    group_before = len(await tg.messages(GROUP["id"]))
    await tg.send(private(SEC), SEC, "/accept C-000002")
    update = await last(tg, LI["id"], li_before + 1)
    text = body(update)
    assert "C-000002" in text and "光华路积水很深" in text and "📝" in text
    assert "路灯" not in text  # the other case
    in_group = await last(tg, GROUP["id"], group_before + 1)
    assert "C-000002" in body(in_group) and "📝" not in body(in_group)  # the thread already says which


async def test_a_private_update_in_english_has_the_context_too(bot, tg) -> None:
    await two_branches(tg, AMY)
    await tg.send(private(AMY), AMY, "/lang en")
    await tg.wait(AMY["id"], 2)
    await report(tg, GROUP, AMY, "The underpass on Keyuan Rd is flooded, scooters cannot pass")
    amy_before = len(await tg.messages(AMY["id"]))
    await tg.send(private(SEC), SEC, "/accept C-000001")
    text = body(await last(tg, AMY["id"], amy_before + 1))
    assert "C-000001" in text and "“The underpass on Keyuan Rd" in text


async def test_the_reporters_own_context_is_as_written(bot, tg) -> None:
    await two_branches(tg, LI, WANG)
    await tg.send(private(LI), LI, "/report 建国路88号门口井盖丢了 我电话13812345678")
    await tg.wait(LI["id"], 2)
    li_before = len(await tg.messages(LI["id"]))
    await tg.send(private(BOSS), BOSS, "/accept C-000001")  # a private report: no branch yet
    text = body(await last(tg, LI["id"], li_before + 1))
    assert "C-000001" in text and "建国路88号" in text and "13812345678" in text  # their own chat
