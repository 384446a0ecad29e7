"""小哥议事会, as a fresh tester met it (issue 19), through the real bot and the emulator on SQLite and
PostgreSQL, in zh and en:
- `/vote N <option>` that names no option is told the options (1–3 and their texts), not that the
  proposal does not exist, nor the usage;
- a rider who never reported in but is known in the branch's groups votes privately; anyone else is
  told so in private-chat words, the same for another branch's proposal as for no proposal at all;
- the 👍 card shows the live support count (edits through the outbox, coalesced while one waits),
  and keeps the final count when the button goes;
- `/proposals` alone lists the open ones and says how many the other lists hold and which filter
  shows them; `closed` and `all` show rejected and declined ones; a bad filter gets `/proposals`' usage;
- a rider's secretary-only step is refused for the role, whatever the proposal's status;
- an ended proposal's forum topic is closed (closeForumTopic) after its last news."""
from __future__ import annotations

import functools

import aiohttp
from sqlmodel import col, select

from storage.models import Case, OutboxMessage
from storage.models.deliberation import Proposal, ProposalVote
from tests.factories import answer_text, new_message, open_vote
from tests.factories import propose
from tests.conftest import (AMY, GROUP, GROUP_B, LI, SEC, SEC_B, TOKEN, WANG, answer_for, buttons, said,
                            two_branches, until, with_boss)

import pytest

ZHAO = {"id": 503, "first_name": "赵姐", "language_code": "zh"}   # reports a case in branch cy's group
QIAN = {"id": 504, "first_name": "钱师傅", "language_code": "zh"}  # has only started the bot

propose_card = functools.partial(propose, timeout=20)  # this module's wait for a card


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _press(tg, chat_id: int, message: dict, who: dict, data: str) -> str:
    return (await answer_for(tg, await tg.press(chat_id, message["message_id"], who, data)))["text"]


async def _new(tg, chat_id: int, before: int, needle: str, timeout: float = 20) -> dict:
    """The bot's first message in the chat after the first `before` that contains `needle`."""
    return await new_message(tg, chat_id, before, needle, field="plain_text", timeout=timeout)


async def _message(tg, chat_id: int, message_id: int) -> dict:
    return next(m for m in await tg.messages(chat_id) if m["message_id"] == message_id)


async def _reads(tg, chat_id: int, message_id: int, needle: str, timeout: float = 30) -> dict:
    """The message, once (edited so that) it contains `needle`."""
    async def edited() -> dict | None:
        msg = await _message(tg, chat_id, message_id)
        return msg if needle in msg["plain_text"] else None
    return await until(edited, timeout=timeout)


async def test_a_vote_naming_no_option_is_told_the_options(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG, AMY)
    await propose_card(tg, LI, "夜间充电柜开放时间 | 晚上十点后没地方换电", 1)
    await open_vote(tg, 1, "早上 | 中午 | 晚上")

    told = "议题 #1 没有这个选项（请选 1–3：1 早上；2 中午；3 晚上）"
    for command in ("/vote 1 9", "/vote 1 0", "/vote 1 半夜"):  # too big, zero, a word that is no option
        text = await answer_text(tg, GROUP, LI, command)
        assert told in text and "不存在" not in text and "投票：/vote" not in text, (command, text)
    assert "has no such option (choose 1–3: 1 早上; 2 中午; 3 晚上)" in await answer_text(tg, GROUP, AMY, "/vote 1 4")
    assert "已投票：中午" in await answer_text(tg, GROUP, LI, "/vote 1 中午")  # an option's own text
    assert "已投票：晚上" in await answer_text(tg, GROUP, WANG, "/vote 1 3")

    # a for/against vote: its options in the reader's language
    await propose_card(tg, WANG, "统一工服 | 夏天太热", 2)
    await open_vote(tg, 2)
    assert "请选 1–3：1 赞成；2 反对；3 弃权" in await answer_text(tg, GROUP, LI, "/vote 2 5")
    assert "choose 1–3: 1 For; 2 Against; 3 Abstain" in await answer_text(tg, GROUP, AMY, "/vote 2 0")
    assert "Voted: Against" in await answer_text(tg, GROUP, AMY, "/vote 2 against")
    assert "投票：/vote" in await answer_text(tg, GROUP, LI, "/vote 2")  # no option at all: the usage
    assert "不存在" in await answer_text(tg, GROUP, LI, "/vote 9 1")  # no such proposal
    async with db() as s:
        votes = (await s.exec(select(ProposalVote).order_by(col(ProposalVote.proposal_id),
                                                            col(ProposalVote.user_id)))).all()
    assert [(v.proposal_id, v.user_id, v.option) for v in votes] == [
        (1, LI["id"], 1), (1, WANG["id"], 2), (2, AMY["id"], 1)]


async def test_riders_known_in_the_branch_vote_privately_and_others_are_told_in_private_words(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG, AMY, ZHAO, QIAN)
    card = await propose_card(tg, LI, "建国路口设骑手休息点 | 中午没地方歇脚", 1)
    assert "已附议" in await _press(tg, GROUP["id"], card, WANG, "dp:1:s")  # WANG: known by a support
    await tg.send(GROUP, ZHAO, "建议在菜市场门口划个骑手临时停车区 取餐几分钟就走")  # ZHAO: by a case
    await tg.send(GROUP_B, AMY, "建议海淀桥下加个骑手休息亭 夏天太晒")  # AMY: known in the other branch only

    async def cases() -> bool:
        async with db() as s:
            return {(c.reporter_id, c.branch_id) for c in (await s.exec(select(Case))).all()} == {
                (ZHAO["id"], 1), (AMY["id"], 2)}
    await until(cases, timeout=30)
    await open_vote(tg, 1)

    # none of them reported in (users.branch_id): the groups are what the bot knows them from
    assert "已投票：赞成" in await answer_text(tg, WANG["id"], WANG, "/vote 1 1")
    assert "已投票：反对" in await answer_text(tg, ZHAO["id"], ZHAO, "/vote 1 反对")
    assert "已投票：弃权" in await answer_text(tg, LI["id"], LI, "/vote 1 3")  # the author
    assert "议题 #1" in await answer_text(tg, WANG["id"], WANG, "/proposal 1")  # and reads it privately

    # everyone else: private-chat words, and another branch's proposal reads as no proposal
    stranger = await answer_text(tg, QIAN["id"], QIAN, "/vote 1 1")
    assert "私聊里找不到你能投票的议题 #1" in stranger and "本群" not in stranger, stranger
    assert stranger == (await answer_text(tg, QIAN["id"], QIAN, "/vote 99 1")).replace("99", "1")
    other = await answer_text(tg, AMY["id"], AMY, "/vote 1 1")
    assert "There is no proposal #1 you can vote on privately" in other and "this chat" not in other, other
    assert other == (await answer_text(tg, AMY["id"], AMY, "/vote 99 1")).replace("99", "1")
    assert "There is no proposal #1" in await answer_text(tg, AMY["id"], AMY, "/proposal 1")
    async with db() as s:
        votes = (await s.exec(select(ProposalVote).order_by(col(ProposalVote.user_id)))).all()
    assert [(v.user_id, v.option, v.chat_id) for v in votes] == [
        (LI["id"], 2, LI["id"]), (WANG["id"], 0, WANG["id"]), (ZHAO["id"], 1, ZHAO["id"])]


async def _card_edits(db, chat_id: int, pid: int) -> list[OutboxMessage]:
    async with db() as s:
        return list((await s.exec(select(OutboxMessage).where(
            col(OutboxMessage.dedupe_key).like(f"dl-card-n:{pid}:{chat_id}:%")))).all())


async def test_the_card_shows_the_live_support_count(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG, AMY, ZHAO)
    assert "3 人附议即上议程" in await answer_text(tg, SEC["id"], SEC, "/proposals rule 3 7")
    card = await propose_card(tg, LI, "建国路口设骑手休息点 | 中午没地方歇脚", 1)
    assert "已有 0 人附议" in card["plain_text"]
    cid, mid = GROUP["id"], card["message_id"]

    await _press(tg, cid, card, WANG, "dp:1:s")
    edited = await _reads(tg, cid, mid, "已有 1 人附议")
    assert buttons(edited) == ["dp:1:s"] and "附议”" in edited["plain_text"]  # still open: button and hint

    # supports faster than the group's pace: an edit still waiting for the sender takes the newest
    # count. Telegram holds the next edit back (429, long enough for the presses below).
    await tg.fault("editMessageText", 429, count=1, retry_after=15)
    await _press(tg, cid, card, AMY, "dp:1:s")

    async def held() -> bool:
        rows = await _card_edits(db, cid, 1)
        return any(r.status == "pending" and (r.error or "").startswith("429") for r in rows)
    await until(held, timeout=30)  # the edit to 2 waits to be retried

    # the third support reaches the agenda: the held edit becomes the last one — final count, no button
    assert "上了议程" in await _press(tg, cid, card, ZHAO, "dp:1:s")
    async def settled() -> list[str]:
        return sorted(r.dedupe_key for r in await _card_edits(db, cid, 1) if r.dedupe_key.endswith(":end"))
    await until(settled)  # (the press is answered before its transaction commits)
    keys = sorted(r.dedupe_key for r in await _card_edits(db, cid, 1))
    assert keys == [f"dl-card-n:1:{cid}:1", f"dl-card-n:1:{cid}:end"], keys  # no third row queued
    final = await _reads(tg, cid, mid, "已有 3 人附议", timeout=60)
    assert buttons(final) == [] and "📌 已上议程" in final["plain_text"] and "附议”" not in final["plain_text"]
    assert "3 人附议" in (await _new(tg, cid, 0, "议题 #1 上议程"))["plain_text"]

    # in English (a group's posts are in the group's language: its latest case is English now), and
    # the card keeps the count when the secretary declines it
    await tg.send(GROUP, AMY, "The street light is out at Jianguo Road gate 3")

    async def english_case() -> bool:
        async with db() as s:
            return any(c.lang == "en" for c in (await s.exec(select(Case))).all())
    await until(english_case, timeout=30)
    en = await propose_card(tg, AMY, "A rest point at Jianguo Rd | nowhere to rest at noon", 2)
    assert "0 supporters so far" in en["plain_text"]
    await _press(tg, cid, en, WANG, "dp:2:s")
    assert buttons(await _reads(tg, cid, en["message_id"], "1 supporter so far")) == ["dp:2:s"]
    await answer_text(tg, SEC["id"], SEC, "/proposal 2 decline 不属于本支部能协调的事项")
    declined = await _reads(tg, cid, en["message_id"], "Declined")
    assert "1 supporter so far" in declined["plain_text"] and buttons(declined) == []


async def test_a_card_that_was_never_sent_is_not_edited(bot, tg, db) -> None:
    """The count's edit names the card's row (EDIT_OF): a card Telegram refused leaves nothing to
    edit, so the edit fails without a call instead of sending the card anew."""
    await two_branches(tg, LI, WANG)
    await tg.fault("sendMessage", 400, count=1, description="Bad Request: not enough rights to send text messages")
    await tg.send(GROUP, LI, "/propose 夜间照明 | 科园路地下通道太黑")

    async def card_failed() -> bool:
        async with db() as s:
            rows = (await s.exec(select(OutboxMessage).where(OutboxMessage.dedupe_key == f"dl-card:1:{GROUP['id']}"))).all()
        return bool(rows) and rows[0].status == "failed"
    await until(card_failed, timeout=30)
    anywhere = (await tg.messages(GROUP["id"]))[-1]  # the button forged onto another message of the group
    assert "已附议（1/5）" in await _press(tg, GROUP["id"], anywhere, WANG, "dp:1:s")

    async def edit_failed() -> list[OutboxMessage]:
        return [r for r in await _card_edits(db, GROUP["id"], 1) if r.status == "failed"]
    [row] = await until(edit_failed, timeout=30)
    assert "nothing to edit" in (row.error or "")
    assert (await tg.stats())["calls"].get("editMessageText", 0) == 0
    assert not [m for m in await tg.messages(GROUP["id"]) if "新议题 #1" in m["plain_text"]]


async def test_proposals_lists_every_state_and_has_its_own_usage(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG, AMY)
    await propose_card(tg, LI, "统一工服 | 夏天太热", 1)
    await answer_text(tg, SEC["id"], SEC, "/proposal 1 decline 不属于本支部能协调的事项")  # declined
    await propose_card(tg, LI, "夜间充电柜 | 晚上没地方换电", 2)
    await open_vote(tg, 2)
    assert "已投票" in await answer_text(tg, GROUP, WANG, "/vote 2 1")
    await answer_text(tg, SEC["id"], SEC, "/proposal 2 close")  # adopted
    await answer_text(tg, SEC["id"], SEC, "/proposal 2 commit 街道办 due=2027-01-31")
    await answer_text(tg, SEC["id"], SEC, "/proposal 2 done")  # done
    await propose_card(tg, LI, "午间休息点 | 建国路", 3)
    await open_vote(tg, 3)
    await answer_text(tg, SEC["id"], SEC, "/proposal 3 close")  # nobody voted: rejected
    assert [p.status for p in await _all(db)] == ["declined", "done", "rejected"]

    # nothing open: the overview says so, and where the others are
    text = await answer_text(tg, GROUP, WANG, "/proposals")
    assert "现在没有进行中的议题" in text and "还没有这类议题" not in text, text
    assert "已办结 1 个（/proposals done）" in text and "未通过或未采纳 2 个（/proposals closed）" in text, text
    await propose_card(tg, LI, "菜市场门口临时停车区", 4)
    text = await answer_text(tg, GROUP, WANG, "/proposals")
    assert "进行中的议题（1）" in text and "#4 菜市场门口临时停车区" in text and "#1" not in text, text
    en = await answer_text(tg, GROUP, AMY, "/proposals")
    assert "Open proposals (1)" in en and "2 not adopted or declined (/proposals closed)" in en, en
    assert "1 done (/proposals done)" in en

    closed = await answer_text(tg, GROUP, WANG, "/proposals closed")
    assert "#1 统一工服 · 未采纳" in closed and "#3 午间休息点 · 未通过" in closed and "#2" not in closed, closed
    everything = await answer_text(tg, GROUP, WANG, "/proposals all")
    assert "全部议题（4）" in everything and all(f"#{n} " in everything for n in range(1, 5)), everything
    assert "#2 夜间充电柜" in await answer_text(tg, GROUP, WANG, "/proposals 已办结")
    assert "No proposals" in await answer_text(tg, GROUP_B, AMY, "/proposals")  # the other branch has none

    for command in ("/proposals foo", "/proposals open extra"):
        usage = await answer_text(tg, GROUP, WANG, command)
        assert usage.startswith("用法：/proposals（") and "closed" in usage and "/proposal 编号" not in usage, usage
    assert "Usage: /proposals (the open proposals" in await answer_text(tg, GROUP, AMY, "/proposals foo")


async def _all(db) -> list[Proposal]:
    async with db() as s:
        return list((await s.exec(select(Proposal).order_by(col(Proposal.id)))).all())


STEPS = ("agenda", "decline 不合适", "vote quorum=1", "close", "commit 街道办 due=2027-01-31", "note 已联系物业", "done")


async def test_a_secretary_only_step_is_refused_for_the_role_before_the_state(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG, AMY)
    await propose_card(tg, LI, "统一工服 | 夏天太热", 1)
    await answer_text(tg, SEC["id"], SEC, "/proposal 1 decline 不属于本支部能协调的事项")  # no step applies now
    for step in STEPS:
        rider = await answer_text(tg, GROUP, WANG, f"/proposal 1 {step}")
        assert "只有本支部书记可以这样处理议题 #1" in rider and "不能这样处理" not in rider, (step, rider)
        assert "Only this branch's secretary" in await answer_text(tg, GROUP, AMY, f"/proposal 1 {step}"), step
        assert "There is no proposal #1" in await answer_text(tg, SEC_B["id"], SEC_B, f"/proposal 1 {step}"), step
        assert "不能这样处理" in await answer_text(tg, SEC["id"], SEC, f"/proposal 1 {step}"), step
    assert "只有本支部书记" in await answer_text(tg, GROUP, WANG, "/proposal 1 commit")  # no owner either: role first
    assert (await _all(db))[0].status == "declined"


# --- an ended proposal's forum topic is closed -----------------------------------------------------

FORUM = {**GROUP, "is_forum": True}  # branch cy's group has topics


async def _api(tg, method: str, **params: object) -> tuple[int, dict]:
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{tg.base_url}/bot{TOKEN}/{method}", json=params) as r:
            return r.status, await r.json()


async def _topic(tg, number: int) -> dict:
    async def made() -> dict | None:
        return next((t for t in await tg.topics(GROUP["id"]) if t["name"].startswith(f"#{number} ")), None)
    return await until(made, timeout=30)


async def _closed(tg, number: int) -> dict:
    async def closed() -> dict | None:
        topic = await _topic(tg, number)
        return topic if topic["is_closed"] else None
    return await until(closed, timeout=30)


async def test_the_topic_of_an_ended_proposal_is_closed_after_its_last_news(bot, tg, db) -> None:
    await tg.chat(FORUM)
    await two_branches(tg, LI, WANG, AMY)
    await said(tg, SEC["id"], SEC, "/proposals rule 1 7")

    # rejected (nobody voted): the result in the topic, then the topic closed
    card = await propose_card(tg, LI, "统一工服 | 夏天太热", 1, chat=FORUM)
    await _press(tg, GROUP["id"], card, WANG, "dp:1:s")  # on the agenda: its topic
    thread = (await _topic(tg, 1))["message_thread_id"]
    await said(tg, SEC["id"], SEC, "/proposal 1 vote quorum=5")
    await said(tg, SEC["id"], SEC, "/proposal 1 close")
    result = await _new(tg, GROUP["id"], 0, "议题 #1 表决结果")
    assert result["message_thread_id"] == thread
    assert (await _closed(tg, 1))["message_thread_id"] == thread

    # declined from the agenda: closed too; done: closed after the done news
    card = await propose_card(tg, LI, "夜间充电柜 | 晚上没地方换电", 2, chat=FORUM)
    await _press(tg, GROUP["id"], card, WANG, "dp:2:s")
    await _topic(tg, 2)
    await said(tg, SEC["id"], SEC, "/proposal 2 decline 不属于本支部能协调的事项")
    await _closed(tg, 2)
    card = await propose_card(tg, LI, "午间休息点 | 建国路", 3, chat=FORUM)
    await _press(tg, GROUP["id"], card, WANG, "dp:3:s")
    await _topic(tg, 3)
    await said(tg, SEC["id"], SEC, "/proposal 3 vote quorum=1")
    await answer_text(tg, FORUM, AMY, "/vote 3 1")
    await said(tg, SEC["id"], SEC, "/proposal 3 close")
    await said(tg, SEC["id"], SEC, "/proposal 3 commit 街道办 due=2099-12-31")
    assert not (await _topic(tg, 3))["is_closed"]  # adopted, being carried out: still discussed
    await said(tg, SEC["id"], SEC, "/proposal 3 done 休息点已开放")
    await _closed(tg, 3)
    done = await _new(tg, GROUP["id"], 0, "议题 #3「午间休息点」已办结")
    assert done["message_thread_id"] == (await _topic(tg, 3))["message_thread_id"]

    # declined before the agenda: no topic was made, nothing is closed
    await propose_card(tg, LI, "统一头盔 | 旧的太重", 4, chat=FORUM)
    await said(tg, SEC["id"], SEC, "/proposal 4 decline 已有统一配发")
    async def flushed() -> bool:
        async with db() as s:
            found = (await s.exec(select(OutboxMessage).where(OutboxMessage.status == "pending"))).all()
        return not found
    await until(flushed, timeout=30)
    async with db() as s:
        rows = (await s.exec(select(OutboxMessage).where(col(OutboxMessage.kind).in_(
            ("dl-topic-close", "dl-result", "dl-done", "dl-declined"))))).all()
    closes = sorted((r.dedupe_key, r.status) for r in rows if r.kind == "dl-topic-close")
    assert closes == [(f"dl-topic-end:{n}:{GROUP['id']}", "sent") for n in (1, 2, 3)], closes
    last_news = {int(r.dedupe_key.split(":")[1]): r.sent_at for r in rows if r.kind != "dl-topic-close"}
    for r in rows:
        if r.kind == "dl-topic-close":  # each close went out after its proposal's last news
            assert r.sent_at >= last_news[int(r.dedupe_key.split(":")[1])]
    assert (await tg.stats())["calls"].get("closeForumTopic") == 3


async def test_emulator_close_and_reopen_forum_topic(tg) -> None:
    await tg.chat(FORUM)
    await tg.chat(GROUP_B)
    status, body = await _api(tg, "createForumTopic", chat_id=GROUP["id"], name="议题 #7")
    thread = body["result"]["message_thread_id"]
    assert [t["is_closed"] for t in await tg.topics(GROUP["id"])] == [False]
    assert await _api(tg, "closeForumTopic", chat_id=GROUP["id"], message_thread_id=thread) == (
        200, {"ok": True, "result": True})
    assert [t["is_closed"] for t in await tg.topics(GROUP["id"])] == [True]
    status, body = await _api(tg, "closeForumTopic", chat_id=GROUP["id"], message_thread_id=thread)
    assert (status, body["description"]) == (400, "Bad Request: TOPIC_NOT_MODIFIED")
    assert (await _api(tg, "reopenForumTopic", chat_id=GROUP["id"], message_thread_id=thread))[0] == 200
    assert [t["is_closed"] for t in await tg.topics(GROUP["id"])] == [False]
    status, body = await _api(tg, "reopenForumTopic", chat_id=GROUP["id"], message_thread_id=thread)
    assert (status, body["description"]) == (400, "Bad Request: TOPIC_NOT_MODIFIED")
    status, body = await _api(tg, "closeForumTopic", chat_id=GROUP["id"], message_thread_id=thread + 100)
    assert (status, body["description"]) == (400, "Bad Request: TOPIC_ID_INVALID")
    status, body = await _api(tg, "closeForumTopic", chat_id=GROUP_B["id"], message_thread_id=thread)
    assert (status, body["description"]) == (400, "Bad Request: the chat is not a forum")
    assert [m["plain_text"] for m in await tg.messages(GROUP["id"])] == []  # service messages are not listed
