"""A rider's "+1" in a group, in reply to another rider's report or to the bot's message about its case,
tried from outside: they follow the case, and are told so once.

Before: 王哥 replied "+1" (or "我也遇到了", "同上", "me too") to 李师傅's report of a dark street light,
and got no answer: the bot did not count him among those who met the problem, he never heard what became
of it, and he had no way but a report of his own to say "me too"."""
from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import select

from storage.models import CaseWatcher
from tests.conftest import AMY, GROUP, GROUP_B, LI, SEC, SEC_B, WANG, said, two_branches, until, with_boss
from tests.factories import new_message, report

BOB = {"id": 603, "first_name": "Bob", "language_code": "en"}


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _watchers(db: Any) -> list[CaseWatcher]:
    async with db() as s:
        return list((await s.exec(select(CaseWatcher))).all())


async def test_a_plus_one_to_another_riders_report_follows_its_case_and_is_told_once(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG)
    sent = await tg.send(GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的，有事打13812345678")
    registered = await new_message(tg, GROUP["id"], 1, "C-000001")
    told = await said(tg, GROUP, WANG, "+1 我也遇到了", reply_to_message_id=sent["message_id"])
    text = told["plain_text"]
    assert "C-000001" in text and "关注" in text, text
    assert "13812345678" not in text and "路灯" not in text and "李师傅" not in text, text  # nothing of the report
    assert told["reply_to_message_id"] is not None
    [watcher] = await until(lambda: _watchers(db))
    assert (watcher.case_id, watcher.user_id, watcher.chat_id) == (1, WANG["id"], GROUP["id"]), watcher
    # again, in reply to the bot's message: already following, the group hears nothing more; nor does the
    # reporter's own "+1" get an answer (the group's next answer is the one to the words that follow)
    await tg.send(GROUP, WANG, "同上", reply_to_message_id=registered["message_id"])
    await tg.send(GROUP, LI, "+1", reply_to_message_id=registered["message_id"])
    hello = (await said(tg, GROUP, WANG, "@rider_sentinel_bot 你好"))["plain_text"]
    assert hello.startswith("你好！"), f"a second +1 answered: {hello}"
    assert len(await _watchers(db)) == 1
    before = len(await tg.messages(GROUP["id"]))
    await said(tg, SEC["id"], SEC, "/accept C-000001")
    news = await new_message(tg, GROUP["id"], before, "C-000001", field="plain_text")
    assert "已受理" in news["plain_text"] and WANG["first_name"] in news["plain_text"], news  # he hears the news


@pytest.mark.parametrize("words", ["me too", "Same here!", "同上"])
async def test_me_too_in_reply_to_the_bots_case_message_follows_the_case(bot, tg, db, words) -> None:
    await two_branches(tg, AMY, BOB)
    registered = await report(tg, GROUP_B, AMY, "The street light is out on Keyuan Rd gate 2, completely dark at night")
    assert "C-000001" in registered["text"], registered
    told = (await said(tg, GROUP_B, BOB, words, reply_to_message_id=registered["message_id"]))["plain_text"]
    assert "C-000001" in told and "follow" in told and "Amy" not in told, told
    before = len(await tg.messages(GROUP_B["id"]))
    await said(tg, SEC_B["id"], SEC_B, "/accept C-000001")
    news = await new_message(tg, GROUP_B["id"], before, "C-000001", field="plain_text")
    assert "Bob" in news["plain_text"], news


async def test_a_plus_one_that_reports_more_is_a_report(bot, tg, db) -> None:
    """"我也遇到了，光华路那边路灯也坏了" says more than "me too": another place, read as its own report."""
    await two_branches(tg, LI, WANG)
    sent = await tg.send(GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    await new_message(tg, GROUP["id"], 1, "C-000001")
    answer = await said(tg, GROUP, WANG, "我也遇到了，光华路和东三环路口的路灯也坏了",
                        reply_to_message_id=sent["message_id"])
    assert "C-000002" in answer["plain_text"], answer


ZHAO = {"id": 604, "first_name": "赵师傅", "language_code": "zh"}


async def test_a_plus_one_to_a_report_folded_into_a_case_follows_that_case(bot, tg, db) -> None:
    """Before: 王哥's report of the same light was folded into C-000001 ("已有人上报"); 赵师傅's "+1" in
    reply to 王哥's message was not recognised (only the first report's message was), and he heard nothing."""
    await two_branches(tg, LI, WANG, ZHAO)
    await report(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    before = len(await tg.messages(GROUP["id"]))
    again = await tg.send(GROUP, WANG, "幸福小区三号门口路灯不亮了")
    await new_message(tg, GROUP["id"], before, "已有人上报")
    told = (await said(tg, GROUP, ZHAO, "+1", reply_to_message_id=again["message_id"]))["plain_text"]
    assert "C-000001" in told and "关注" in told and "王哥" not in told, told
    watchers = await until(lambda: _two(db))
    assert {(w.case_id, w.user_id) for w in watchers} == {(1, WANG["id"]), (1, ZHAO["id"])}, watchers


async def _two(db: Any) -> list[CaseWatcher] | None:
    found = await _watchers(db)
    return found if len(found) >= 2 else None


async def test_a_plus_one_to_a_case_marked_duplicate_follows_the_case_it_was_folded_into(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG, ZHAO)
    await report(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    second = await tg.send(GROUP, WANG, "朝阳路和东三环路口红绿灯坏了")
    await new_message(tg, GROUP["id"], 1, "C-000002")
    await said(tg, SEC["id"], SEC, "/dup C-000002 C-000001")
    told = (await said(tg, GROUP, ZHAO, "同上", reply_to_message_id=second["message_id"]))["plain_text"]
    assert "C-000001" in told and "关注" in told, told
    [watcher] = [w for w in await until(lambda: _watchers(db)) if w.user_id == ZHAO["id"]]
    assert watcher.case_id == 1, watcher


@pytest.mark.parametrize("group, rider, other, secretary, words, closed, told", [
    (GROUP, LI, WANG, SEC, "+1", "/reject C-000001 不属于本辖区", ["C-000001", "已经结束", "不予受理", "重新上报"]),
    (GROUP_B, AMY, BOB, SEC_B, "me too", "/reject C-000001 not ours",
     ["C-000001", "no longer open", "Rejected", "report it again"]),
])
async def test_a_plus_one_to_a_closed_case_is_told_it_is_closed(bot, tg, db, group, rider, other, secretary,
                                                                 words, closed, told) -> None:
    """Before: "+1" in reply to a closed case's report or message got silence; now a short answer to
    the sender alone (a reply to their "+1"), in their language: closed, and a new report opens a case."""
    await two_branches(tg, rider, other)
    registered = await report(tg, group, rider, "幸福小区3号门的路灯坏了 晚上黑乎乎的" if group is GROUP
                              else "The street light is out on Keyuan Rd gate 2, completely dark at night")
    before = len(await tg.messages(group["id"]))
    await said(tg, secretary["id"], secretary, closed)
    await new_message(tg, group["id"], before, "C-000001")  # the group hears the case was rejected
    for target in (registered["reply_to_message_id"], registered["message_id"]):
        answer = await said(tg, group, other, words, reply_to_message_id=target)
        for word in told:
            assert word in answer["plain_text"], answer["plain_text"]
        assert answer["reply_to_message_id"] is not None
    assert not await _watchers(db)
