"""A rider's words in reply to a case's message, in private, are answered about that case (outsider trial 6).

Before: 李师傅 replied "还是没修好，灯还是黑的" to the bot's private message "工单 C-000001 已处理完毕…", or
"什么时候修？" to its registration, and got the whole /help manual back: as if the bot had not seen
which case he meant, and without a word that nobody handling the case reads replies there.
"""
from __future__ import annotations

import pytest

from tests.conftest import AMY, GROUP, GROUP_B, LI, SEC, SEC_B, said, two_branches, until, with_boss
from tests.factories import new_message, read_case, report


@pytest.fixture
def settings(settings):
    return with_boss(settings)


@pytest.mark.parametrize("chat, rider, staff, text, words", [
    (GROUP, LI, SEC, "幸福小区3号门的路灯坏了 晚上黑乎乎的",
     {"asked": "什么时候修？", "still": "还是没修好，灯还是黑的", "about": "这条回复是关于 C-000001 的",
      "reopen": "/reopen C-000001", "help": "使用说明", "reopened": "仍未解决"}),
    (GROUP_B, AMY, SEC_B, "The street light is out on Keyuan Rd gate 2, completely dark at night",
     {"asked": "when will it be fixed", "still": "still dark, not fixed", "about": "This reply is about C-000001",
      "reopen": "/reopen C-000001", "help": "how to use", "reopened": "still there"}),
])
async def test_a_reply_to_a_cases_message_in_private_is_answered_about_that_case(bot, tg, db, chat, rider, staff,
                                                                                 text, words) -> None:
    await two_branches(tg, rider)
    await report(tg, chat, rider, text)
    before = len(await tg.messages(rider["id"]))
    await said(tg, staff["id"], staff, "/accept C-000001")
    accepted = await new_message(tg, rider["id"], before, "C-000001")
    answer = (await said(tg, rider["id"], rider, words["asked"], reply_to_message_id=accepted["message_id"]))["text"]
    assert words["about"] in answer and words["help"] not in answer and words["reopen"] not in answer, answer
    before = len(await tg.messages(rider["id"]))
    await said(tg, staff["id"], staff, "/resolve C-000001 已修复")
    resolved = await new_message(tg, rider["id"], before, "C-000001")
    answer = (await said(tg, rider["id"], rider, words["asked"], reply_to_message_id=resolved["message_id"]))["text"]
    assert words["about"] in answer and words["reopen"] in answer, answer  # a question: how to reopen
    # "not fixed" said to the resolved message is the ❌ in words (bot.cases.verdicts): it reopens the case
    answer = (await said(tg, rider["id"], rider, words["still"], reply_to_message_id=resolved["message_id"]))["text"]
    assert "C-000001" in answer and words["reopened"] in answer, answer

    async def reopened() -> bool:
        return (await read_case(db)).status == "in_progress"
    await until(reopened)
    # a thanks is still a thanks, and a plain message no reply: the manual
    thanks = (await said(tg, rider["id"], rider, "谢谢", reply_to_message_id=resolved["message_id"]))["text"]
    assert words["about"] not in thanks, thanks
    assert words["help"] in (await said(tg, rider["id"], rider, "？？？"))["text"]


async def test_a_reply_to_a_cases_message_in_the_group_is_answered_about_that_case(bot, tg, db) -> None:
    """Before: the same words in the group, in reply to the bot's registration there, met silence
    (only a private chat answered them), so the rider who asked the bot heard nothing. Now the
    reporter is answered about the case there; a thanks and another rider's words stay unanswered."""
    await two_branches(tg, LI, AMY)
    registered = await report(tg, GROUP_B, AMY, "The street light is out on Keyuan Rd gate 2, completely dark at night")
    assert "C-000001" in registered["text"], registered
    await tg.send(GROUP_B, AMY, "thanks", reply_to_message_id=registered["message_id"])  # a thanks: no answer
    await tg.send(GROUP_B, LI, "什么时候修？", reply_to_message_id=registered["message_id"])  # not his case: none
    answer = (await said(tg, GROUP_B, AMY, "when will it be fixed?", reply_to_message_id=registered["message_id"]))
    assert "This reply is about C-000001" in answer["text"] and "/case C-000001" in answer["text"], answer
    assert len(await tg.messages(GROUP_B["id"])) == 3, "a thanks or another rider's words answered"
