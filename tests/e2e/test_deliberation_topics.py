"""A proposal's thread in a forum group is a topic of its own (issue 19), through the real bot and the
emulator: the agenda item opens a topic named after the proposal (made through the outbox, once, even
when the first createForumTopic fails and is retried), and the agenda post, comments, the vote, its
results and the commitment's news go into it; a group without topics keeps the reply thread. Also the
emulator's createForumTopic itself (Bot API semantics and errors)."""
from __future__ import annotations

import aiohttp
from sqlmodel import select

from storage.models import Chat, OutboxMessage
from storage.models.deliberation import ProposalComment
from tests.conftest import AMY, BOSS, GROUP, GROUP_B, LI, SEC, TOKEN, WANG, answer_for, said, two_branches, until, with_boss

import pytest

FORUM = {**GROUP, "is_forum": True}  # branch cy's first group has topics
PLAIN = {"id": -100300, "type": "supergroup", "title": "朝阳骑手二群"}  # branch cy's second group: none


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _new(tg, chat_id: int, before: int, needle: str, timeout: float = 20) -> dict:
    async def found() -> dict | None:
        return next((m for m in (await tg.messages(chat_id))[before:] if needle in (m["plain_text"] or "")), None)
    return await until(found, timeout=timeout)


async def _api(tg, method: str, **params: object) -> tuple[int, dict]:
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{tg.base_url}/bot{TOKEN}/{method}", json=params) as r:
            return r.status, await r.json()


async def test_agenda_item_gets_its_own_topic_in_a_forum(bot, tg, db) -> None:
    await tg.chat(FORUM)
    await two_branches(tg, LI, WANG, AMY)
    await said(tg, PLAIN, BOSS, "/bind cy 朝阳支部")

    async def forum_known() -> bool:
        async with db() as s:
            chats = {c.id: c for c in (await s.exec(select(Chat))).all()}
        return chats[GROUP["id"]].is_forum and not chats[PLAIN["id"]].is_forum and not chats[GROUP_B["id"]].is_forum
    await until(forum_known)  # Chat.is_forum, as seen on the groups' messages
    await said(tg, SEC["id"], SEC, "/proposals rule 1 7")

    await tg.fault("createForumTopic", 502)  # the first try fails (nothing made): retried, one topic
    await tg.send(FORUM, LI, "/propose 建国路口设骑手休息点 | 中午没地方歇脚")
    card = await _new(tg, GROUP["id"], 0, "新议题 #1")
    assert card["message_thread_id"] is None  # proposed in the group itself: the card stays there
    await _new(tg, PLAIN["id"], 0, "新议题 #1")
    before, before_plain = len(await tg.messages(GROUP["id"])), len(await tg.messages(PLAIN["id"]))
    assert "on the agenda" in (await answer_for(tg, await tg.press(GROUP["id"], card["message_id"], AMY,
                                                                   "dp:1:s")))["text"]

    agenda = await _new(tg, GROUP["id"], before, "上议程")
    topics = await tg.topics(GROUP["id"])
    assert [t["name"] for t in topics] == ["#1 建国路口设骑手休息点"], topics
    topic = topics[0]["message_thread_id"]
    assert agenda["message_thread_id"] == topic
    plain_agenda = await _new(tg, PLAIN["id"], before_plain, "上议程")
    assert plain_agenda["message_thread_id"] is None and await tg.topics(PLAIN["id"]) == []
    stats = await tg.stats()
    assert stats["calls"].get("createForumTopic") == 2  # the failed try and its retry
    async with db() as s:
        rows = (await s.exec(select(OutboxMessage).where(OutboxMessage.kind == "dl-topic"))).all()
    assert [(r.chat_id, r.status, r.sent_message_id) for r in rows] == [(GROUP["id"], "sent", topic)]

    # comments: a message in the topic (no reply needed), and a reply to the agenda post in the plain group
    await tg.send(FORUM, WANG, "我家住幸福小区3号楼2单元501，中午可以来歇", message_thread_id=topic)
    await tg.send(PLAIN, AMY, "Not under the bridge please", reply_to_message_id=plain_agenda["message_id"])

    async def two_comments() -> list[ProposalComment]:
        async with db() as s:
            found = list((await s.exec(select(ProposalComment))).all())
        return found if len(found) == 2 else []
    comments = await until(two_comments)
    assert {c.chat_id for c in comments} == {GROUP["id"], PLAIN["id"]}
    assert all("501" not in c.text for c in comments)  # masked

    # the vote, its result and the commitment: in the topic there, replies to the agenda post here
    before, before_plain = len(await tg.messages(GROUP["id"])), len(await tg.messages(PLAIN["id"]))
    assert "开始表决" in (await said(tg, SEC["id"], SEC, "/proposal 1 vote quorum=1"))["plain_text"]
    post = await _new(tg, GROUP["id"], before, "开始表决")
    assert post["message_thread_id"] == topic
    plain_post = await _new(tg, PLAIN["id"], before_plain, "开始表决")
    assert plain_post["reply_to_message_id"] == plain_agenda["message_id"] and plain_post["message_thread_id"] is None
    await answer_for(tg, await tg.press(GROUP["id"], post["message_id"], LI, "dv:1:0"))
    await said(tg, SEC["id"], SEC, "/proposal 1 close")
    result = await _new(tg, GROUP["id"], before, "表决结果")
    assert result["message_thread_id"] == topic
    await said(tg, SEC["id"], SEC, "/proposal 1 commit 朝阳站点 due=2099-12-31")
    news = await _new(tg, GROUP["id"], before, "朝阳站点")
    assert news["message_thread_id"] == topic
    plain_news = await _new(tg, PLAIN["id"], before_plain, "朝阳站点")
    assert plain_news["message_thread_id"] is None
    assert len(await tg.topics(GROUP["id"])) == 1  # one topic, however many messages went into it


async def test_emulator_create_forum_topic(tg) -> None:
    await tg.chat(FORUM)
    await tg.chat(GROUP_B)
    status, body = await _api(tg, "createForumTopic", chat_id=GROUP["id"], name="议题 #7")
    assert status == 200 and body["result"]["name"] == "议题 #7" and body["result"]["icon_color"] == 0x6FB9F0
    thread = body["result"]["message_thread_id"]
    status, sent = await _api(tg, "sendMessage", chat_id=GROUP["id"], text="hi", message_thread_id=thread)
    assert status == 200 and sent["result"]["message_thread_id"] == thread and sent["result"]["is_topic_message"]
    assert sent["result"]["chat"]["is_forum"] is True
    assert [t["message_thread_id"] for t in await tg.topics(GROUP["id"])] == [thread]
    assert [m["plain_text"] for m in await tg.messages(GROUP["id"])] == ["hi"]  # the service message is not listed

    status, body = await _api(tg, "createForumTopic", chat_id=GROUP_B["id"], name="x")
    assert (status, body["description"]) == (400, "Bad Request: the chat is not a forum")
    status, body = await _api(tg, "createForumTopic", chat_id=GROUP["id"], name="长" * 129)
    assert status == 400 and "TOPIC_NAME_INVALID" in body["description"]
    status, body = await _api(tg, "createForumTopic", chat_id=GROUP["id"], name="")
    assert status == 400
    status, body = await _api(tg, "createForumTopic", chat_id=GROUP["id"], name="x", icon_color=123)
    assert status == 400 and "TOPIC_ICON_COLOR_INVALID" in body["description"]
    status, body = await _api(tg, "createForumTopic", chat_id=-1009999, name="x")
    assert (status, body["description"]) == (400, "Bad Request: chat not found")


async def test_a_topic_that_cannot_be_made_leaves_the_thread_in_the_group(bot, tg, db) -> None:
    """createForumTopic refused for good (the bot may not manage topics): the agenda item and its
    vote go to the group itself, the vote as a reply to the agenda post; nothing is retried."""
    await tg.chat(FORUM)
    await two_branches(tg, LI, WANG)
    await said(tg, SEC["id"], SEC, "/proposals rule 1 7")
    await tg.fault("createForumTopic", 400, description="Bad Request: not enough rights to create a topic")
    await tg.send(FORUM, LI, "/propose 夜间照明 | 科园路地下通道太黑")
    card = await _new(tg, GROUP["id"], 0, "新议题 #1")
    before = len(await tg.messages(GROUP["id"]))
    await answer_for(tg, await tg.press(GROUP["id"], card["message_id"], WANG, "dp:1:s"))
    agenda = await _new(tg, GROUP["id"], before, "上议程")
    assert agenda["message_thread_id"] is None and await tg.topics(GROUP["id"]) == []
    await said(tg, SEC["id"], SEC, "/proposal 1 vote quorum=1")
    post = await _new(tg, GROUP["id"], before, "开始表决")
    assert post["message_thread_id"] is None and post["reply_to_message_id"] == agenda["message_id"]
    assert (await tg.stats())["calls"].get("createForumTopic") == 1
    async with db() as s:
        row = (await s.exec(select(OutboxMessage).where(OutboxMessage.kind == "dl-topic"))).one()
    assert row.status == "failed" and row.sent_message_id is None
