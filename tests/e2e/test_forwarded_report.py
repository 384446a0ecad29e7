"""A report forwarded into a group, tried from outside: the forwarder is the one reporting to us, so the
case is theirs (their /mycases, their thread, their confirmation); the original author, whose name
Telegram sends along with the forward, is somebody who never spoke to the bot: their name is personal
data, and is copied into nothing (the case, the group's answers, the card, the users table)."""
from __future__ import annotations

import pytest
from sqlmodel import select

from storage.models import Case, CaseEvent, OutboxMessage, User
from tests.conftest import GROUP, SEC, WANG, said, two_branches, with_boss
from tests.factories import read_cases_at_least

AUTHOR = {"id": 4444, "is_bot": False, "first_name": "老张", "last_name": "张建国", "username": "laozhang_1970"}
NAMES = ("老张", "张建国", "laozhang")


@pytest.fixture
def settings(settings):
    return with_boss(settings)


@pytest.mark.parametrize("origin", [{"type": "user", "date": 1, "sender_user": AUTHOR},
                                    {"type": "hidden_user", "date": 1, "sender_user_name": "老张 张建国"}],
                         ids=["user", "hidden"])
async def test_a_forwarded_report_is_the_forwarders_and_names_nobody_else(bot, tg, db, origin) -> None:
    await two_branches(tg, WANG)
    registered = await said(tg, GROUP, WANG, "科园路地铁站口路面塌陷了 一个大坑 很危险",
                            fields={"forward_origin": origin})
    assert "C-000001" in registered["plain_text"], registered
    [case] = await read_cases_at_least(db, 1)
    assert case.reporter_id == WANG["id"] and case.chat_id == GROUP["id"], case
    card = (await said(tg, SEC["id"], SEC, "/case C-000001"))["plain_text"]
    mine = (await said(tg, WANG["id"], WANG, "/mycases"))["plain_text"]
    assert "C-000001" in mine, mine
    async with db() as s:
        users = {u.id for u in (await s.exec(select(User))).all()}
        cases = list((await s.exec(select(Case))).all())
        events = list((await s.exec(select(CaseEvent))).all())
        sent = list((await s.exec(select(OutboxMessage))).all())
    assert AUTHOR["id"] not in users, users
    stored = " ".join([repr(c) for c in cases] + [repr(e) for e in events] + [repr(o.payload) for o in sent])
    shown = " ".join([m["plain_text"] for chat in (GROUP["id"], SEC["id"], WANG["id"])
                      for m in await tg.messages(chat)]) + card
    for name in NAMES:
        assert name not in stored and name not in shown, name

