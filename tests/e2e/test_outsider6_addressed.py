"""Messages addressed to a bot by name, tried from outside (outsider trial 6): ours reads as the words
after the handle; another bot's is said to be that bot's."""
from __future__ import annotations

import pytest

from tests.conftest import AMY, GROUP, GROUP_B, LI, SEC, SEC_B, said, two_branches, with_boss
from tests.factories import read_cases_at_least, report


@pytest.fixture
def settings(settings):
    return with_boss(settings)


@pytest.mark.parametrize("chat, rider, text, expected", [
    (GROUP, LI, "@rider_sentinel_bot 建国路88号门口井盖丢了", "建国路88号门口井盖丢了"),
    (GROUP_B, AMY, "The street light is out on Keyuan Rd gate 2 @Rider_Sentinel_Bot", "The street light is out on Keyuan Rd gate 2"),
])
async def test_a_report_addressed_to_the_bot_is_the_words_after_its_handle(bot, tg, db, chat, rider, text,
                                                                           expected) -> None:
    """Before: "@rider_sentinel_bot 建国路88号门口井盖丢了" became a case whose text, on the secretary's
    urgent alert, the case card and the exports, was 「@rider_sentinel_bot 建国路88号门口井盖丢了」."""
    await two_branches(tg, rider)
    registered = (await report(tg, chat, rider, text))["text"]
    assert "C-000001" in registered, registered
    [case] = await read_cases_at_least(db, 1)
    assert case.text == expected, case.text
    staff = SEC if chat is GROUP else SEC_B
    card = (await said(tg, staff["id"], staff, "/case C-000001"))["text"]
    assert expected in card and "rider_sentinel_bot" not in card.lower(), card


@pytest.mark.parametrize("rider, expected", [(LI, "这条命令是发给 @OtherBot 的"), (AMY, "addressed to @OtherBot")])
async def test_a_command_for_another_bot_in_private_is_said_to_be_that_bots(bot, tg, db, rider, expected) -> None:
    """Before: `/help@OtherBot` (copied from a group) in the private chat answered "没有这个命令：
    /help@otherbot": /help is ours, and the name was not what the rider typed."""
    await said(tg, rider["id"], rider, "/start")
    for typed in ("/help@OtherBot", "/mycases@OtherBot 1"):
        answer = (await said(tg, rider["id"], rider, typed))["text"]
        assert expected in answer and "/help" in answer, answer
        assert "没有这个命令" not in answer and "Unknown command" not in answer, answer
    # ours by name, and an unknown one, as before
    assert "C-" not in (await said(tg, rider["id"], rider, "/mycases@rider_sentinel_bot"))["text"]
    unknown = (await said(tg, rider["id"], rider, "/foo"))["text"]
    assert "没有这个命令" in unknown or "Unknown command" in unknown, unknown


async def test_chit_chat_addressed_to_the_bot_in_a_group_is_answered(bot, tg, db) -> None:
    """Before: "@rider_sentinel_bot 你好", "@rider_sentinel_bot" alone or "@bot what can you do?" in a group
    got silence, as unnamed chit-chat does: the rider who named the bot heard nothing. Now a courtesy
    gets its own answer and anything else what the bot does in a group; unnamed chit-chat stays silent."""
    await two_branches(tg, LI, AMY)
    await tg.send(GROUP, LI, "哈哈今天好累啊")  # not addressed: no answer (the next one is the mention's)
    hello = (await said(tg, GROUP, LI, "@rider_sentinel_bot 你好"))["plain_text"]
    assert hello.startswith("你好！") and "发给我" in hello, hello
    assert len(await tg.messages(GROUP["id"])) == 2, "chit-chat answered"  # the /bind answer and this one
    alone = (await said(tg, GROUP, LI, "@rider_sentinel_bot"))["plain_text"]
    assert "骑手哨兵" in alone and "登记工单" in alone, alone
    what = (await said(tg, GROUP_B, AMY, "@Rider_Sentinel_Bot what can you do?"))["plain_text"]
    assert "Rider Sentinel" in what and "register a case" in what, what
    # an unknown command addressed to us is named as the rider knows it, without our handle
    unknown = (await said(tg, GROUP_B, AMY, "/frob@rider_sentinel_bot"))["plain_text"]
    assert "Unknown command: /frob." in unknown and "rider_sentinel_bot" not in unknown, unknown
