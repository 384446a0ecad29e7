"""A secretary (or a department member) types /help in the branch's group, through the real bot on
SQLite and PostgreSQL. Before: the riders' commands only, nothing of their own (/cases, /accept,
/bind …), and no word of where to find them. Now the same one answer the group reads, with one line
more: their commands are listed in the private chat (/help there). The group gets one message, not
the staff list; a rider's /help in the group has no such line; in private a secretary still gets both."""
from __future__ import annotations

import pytest

from tests.conftest import BOSS, GROUP, GROUP_B, LI, SEC, SEC_B, said, two_branches, until, with_boss
from tests.factories import answer_text

LIGHT = {"id": 703, "first_name": "照明小陈", "language_code": "zh"}   # urban_lighting


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _replies(tg, chat: dict, who: dict, text: str) -> list[str]:
    """Every message the bot sent in `chat` in reply to `who`'s `text`, once the first is there."""
    sent = await tg.send(chat, who, text)

    async def got() -> list[str]:
        return [str(m["plain_text"]) for m in await tg.messages(chat["id"])
                if m.get("reply_to_message_id") == sent["message_id"]]
    first = await until(got)
    await said(tg, LI["id"], LI, "/lang zh")  # a round trip: anything more for the group has been sent by now
    return await got() or first


async def test_staff_help_in_a_group_points_to_the_private_chat(bot, tg, db) -> None:
    await two_branches(tg, LI, LIGHT)
    await said(tg, BOSS["id"], BOSS, f"/grant {LIGHT['id']} dept urban_lighting")
    for who in (SEC, LIGHT):
        answers = await _replies(tg, GROUP, who, "/help")
        assert len(answers) == 1, answers  # one answer: the group is not flooded
        assert "/mycases" in answers[0] and "私聊我发 /help" in answers[0], answers
        assert "/accept" not in answers[0] and "/bind" not in answers[0], answers
    en = await _replies(tg, GROUP_B, SEC_B, "/help")
    assert len(en) == 1 and "send me /help in a private chat" in en[0], en
    rider = await _replies(tg, GROUP, LI, "/help")
    assert len(rider) == 1 and "/mycases" in rider[0] and "私聊我发 /help" not in rider[0], rider
    await answer_text(tg, SEC["id"], SEC, "/help")  # in private: the riders' help, then the staff commands
    staff = await until(lambda: _last_text(tg, SEC["id"], "/accept"))
    assert "/bind" in staff, staff
    # a department member's are a department's: before, the secretary's list (/bind, /grant, /broadcast …)
    await answer_text(tg, LIGHT["id"], LIGHT, "/help")
    dept = await until(lambda: _last_text(tg, LIGHT["id"], "/accept"))
    assert "部门命令" in dept and "/cannotfix" in dept and "/签收" in dept, dept
    assert not [c for c in ("/bind", "/grant", "/broadcast", "/assign", "/recat") if c in dept], dept


async def _last_text(tg, chat_id: int, needle: str) -> str | None:
    return next((str(m["plain_text"]) for m in reversed(await tg.messages(chat_id)) if needle in str(m["plain_text"])),
                None)
