"""An answer a rider asks for in a forum topic but gets privately (/mycases, /me: nothing for the
group to read) goes to the private chat as a private message, not into the group's topic: a
private chat has no topic of that number, and Telegram refuses the send ("message thread not
found"), so the rider read '已私信发给你' and found nothing there. The pointer stays in the topic."""
from __future__ import annotations

from tests.conftest import GROUP, LI, said, two_branches

FORUM = {**GROUP, "is_forum": True}
TOPIC = 77


async def test_private_answers_asked_in_a_topic_reach_the_private_chat(bot, tg, db) -> None:
    await tg.chat(FORUM)
    await two_branches(tg, LI)
    reported = await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的", message_thread_id=TOPIC)
    assert reported["message_thread_id"] == TOPIC
    for command, needle in (("/mycases", "C-000001"), ("/me", "可用积分")):
        before = len(await tg.messages(LI["id"]))
        pointer = await said(tg, GROUP, LI, command, message_thread_id=TOPIC)
        assert "私信" in pointer["plain_text"] and pointer["message_thread_id"] == TOPIC
        answers = await tg.wait(LI["id"], before + 1)
        assert len(answers) > before, f"{command}: nothing reached the private chat"
        answer = answers[before]
        assert needle in answer["plain_text"] and answer["message_thread_id"] is None
