"""小哥议事会, as a second fresh tester met it (issue 19), through the real bot and the emulator on SQLite
and PostgreSQL, in zh and en:
- a reply to a finished proposal's post (declined, done: the agenda post, the card, the "已办结" post) is
  an ordinary group message: a report becomes a case, chit-chat stays unanswered and is no comment;
- a report replied to an open proposal's post becomes a case (the intake is sure it is a problem out
  there); an opinion on the proposal stays a comment;
- `due=` reads a date with an optional time, month-day, 12月31日, 明天; the secretary corrects a commitment;
- the group posts are in each group's language, not the proposer's;
- `/proposals` privately for a rider known from the branch's groups; the secretary's summary names
  real commands; a vote closed at its deadline is told to the secretaries and the proposer."""
from __future__ import annotations

import re

from sqlmodel import col, select

from storage.models import Case
from storage.models.deliberation import Proposal, ProposalComment
from tests.factories import answer_text, new_message
from tests.factories import propose as propose_card
from tests.conftest import (AMY, GROUP, GROUP_B, LI, SEC, SEC_B, WANG, two_branches, until, with_boss)

import pytest


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _new(tg, chat_id: int, before: int, needle: str, timeout: float = 30) -> dict:
    """The bot's first message in the chat after the first `before` that contains `needle`."""
    return await new_message(tg, chat_id, before, needle, field="plain_text", timeout=timeout)


async def _agenda(tg, number: int) -> dict:
    """The secretary puts proposal `number` on the agenda; its agenda post in GROUP."""
    before = len(await tg.messages(GROUP["id"]))
    await answer_text(tg, SEC["id"], SEC, f"/proposal {number} agenda")
    return await _new(tg, GROUP["id"], before, f"#{number}")


async def _cases(db) -> list[Case]:
    async with db() as s:
        return list((await s.exec(select(Case).order_by(col(Case.id)))).all())


async def _comments(db) -> list[ProposalComment]:
    async with db() as s:
        return list((await s.exec(select(ProposalComment).where(ProposalComment.kind == "comment")
                                  .order_by(col(ProposalComment.id)))).all())


async def _answered(tg, chat_id: int, message_id: int) -> list[dict]:
    return [m for m in await tg.messages(chat_id) if m.get("reply_to_message_id") == message_id]


async def _case_for(db, message_id: int) -> Case:
    async def made() -> Case | None:
        return next((c for c in await _cases(db) if c.message_id == message_id), None)
    return await until(made, timeout=30)


async def test_a_reply_to_a_finished_proposal_is_an_ordinary_group_message(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG, AMY)
    card1 = await propose_card(tg, LI, "统一工服 | 夏天太热", 1)
    agenda1 = await _agenda(tg, 1)
    before = len(await tg.messages(GROUP["id"]))
    await answer_text(tg, SEC["id"], SEC, "/proposal 1 decline 不属于本支部能协调的事项")
    declined = await _new(tg, GROUP["id"], before, "不属于本支部")

    card2 = await propose_card(tg, WANG, "建国路口设骑手休息点 | 中午没地方歇脚", 2)
    await _agenda(tg, 2)
    await answer_text(tg, SEC["id"], SEC, "/proposal 2 vote quorum=1")
    await answer_text(tg, GROUP, LI, "/vote 2 赞成")
    await answer_text(tg, SEC["id"], SEC, "/proposal 2 close")
    await answer_text(tg, SEC["id"], SEC, "/proposal 2 commit 街道办 due=2099-12-31")
    before = len(await tg.messages(GROUP["id"]))
    await answer_text(tg, SEC["id"], SEC, "/proposal 2 done 休息点已开放")
    done = await _new(tg, GROUP["id"], before, "已办结")
    assert (await _comments(db)) == []

    # reports replied to any post of a finished proposal: each a case, answered in the group
    reports = [(LI, declined, "建国路口的路灯坏了，晚上很黑"),
               (WANG, card1, "东四环辅路有个大坑，刚才有人摔了"),
               (AMY, done, "The street light is out at Jianguo Road gate 3"),
               (LI, agenda1, "光华路桥下积水很深，电动车过不去"),
               (WANG, card2, "朝阳路与建国路交叉口红绿灯坏了")]
    for who, post, text in reports:
        sent = (await tg.send(GROUP, who, text, reply_to_message_id=post["message_id"]))["message_id"]
        case = await _case_for(db, sent)
        assert case.reporter_id == who["id"], text
        await until(lambda s=sent: _answered(tg, GROUP["id"], s), timeout=30)  # the case is announced
    # chit-chat replied to them: nothing, neither a comment nor an answer
    chat = await tg.send(GROUP, WANG, "哈哈 今天天气不错", reply_to_message_id=done["message_id"])
    marker = await tg.send(GROUP, LI, "朝阳北路的井盖丢了，很危险")  # an ordinary report, after it
    await _case_for(db, marker["message_id"])
    await until(lambda: _answered(tg, GROUP["id"], marker["message_id"]), timeout=30)
    assert await _answered(tg, GROUP["id"], chat["message_id"]) == []
    assert len(await _cases(db)) == len(reports) + 1
    assert (await _comments(db)) == []


async def test_in_an_open_thread_an_emergency_is_a_case_and_a_report_a_comment_with_a_hint(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG, AMY)
    card = await propose_card(tg, LI, "建国路口设骑手休息点 | 中午没地方歇脚", 1)
    opinion = await tg.send(GROUP, WANG, "建国路口那边确实没有休息的地方", reply_to_message_id=card["message_id"])
    agenda = await _agenda(tg, 1)
    urgent = await tg.send(GROUP, WANG, "东四环辅路大坑边有人摔倒了起不来", reply_to_message_id=agenda["message_id"])
    case = await _case_for(db, urgent["message_id"])
    assert (case.reporter_id, case.urgency) == (WANG["id"], "urgent")
    sos = await tg.send(GROUP, AMY, "Someone collapsed at Jianguo Road gate 3, not breathing",
                        reply_to_message_id=agenda["message_id"])
    assert (await _case_for(db, sos["message_id"])).urgency == "urgent"

    # a report that is no emergency: a comment, and its author is told once how to report
    pothole = await tg.send(GROUP, LI, "东四环辅路有个大坑，刚才有人摔了", reply_to_message_id=agenda["message_id"])
    hint = (await until(lambda: _answered(tg, GROUP["id"], pothole["message_id"]), timeout=30))[0]["plain_text"]
    assert "已记为议题 #1 的讨论" in hint and "直接发到群里" in hint, hint
    light = await tg.send(GROUP, AMY, "The street light is out at Jianguo Road gate 3",
                          reply_to_message_id=agenda["message_id"])
    hint = (await until(lambda: _answered(tg, GROUP["id"], light["message_id"]), timeout=30))[0]["plain_text"]
    assert "Kept as discussion of proposal #1" in hint and "post it in the group itself" in hint, hint
    again = await tg.send(GROUP, LI, "建国路口的路灯坏了，晚上很黑", reply_to_message_id=agenda["message_id"])
    agree = await tg.send(GROUP, AMY, "I agree, we need this", reply_to_message_id=agenda["message_id"])

    async def five() -> list[ProposalComment] | None:
        found = await _comments(db)
        return found if len(found) == 5 else None
    comments = await until(five, timeout=30)
    assert [c.message_id for c in comments] == [opinion["message_id"], pothole["message_id"], light["message_id"],
                                                again["message_id"], agree["message_id"]]
    assert len(await _cases(db)) == 2
    # told once per rider and proposal; an opinion hears nothing back
    marker = await tg.send(GROUP, LI, "朝阳北路的井盖丢了，很危险")
    await until(lambda: _answered(tg, GROUP["id"], marker["message_id"]), timeout=30)
    for quiet in (again, agree, opinion):
        assert await _answered(tg, GROUP["id"], quiet["message_id"]) == []


async def _adopted(tg, who: dict, title: str, number: int, chat: dict = GROUP, sec: dict = SEC) -> None:
    """`who` proposes in `chat`; its secretary puts it on the agenda, opens the vote; `who` votes for; closed."""
    await propose_card(tg, who, title, number, chat)
    for step in ("agenda", "vote quorum=1"):
        await answer_text(tg, sec["id"], sec, f"/proposal {number} {step}")
    await answer_text(tg, chat, who, f"/vote {number} 1")
    await answer_text(tg, sec["id"], sec, f"/proposal {number} close")


async def _proposal_row(db, number: int) -> Proposal:
    async with db() as s:
        return (await s.exec(select(Proposal).where(Proposal.id == number))).one()


async def test_due_dates_read_a_time_month_days_and_words_and_a_commitment_is_corrected(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG, AMY)
    await _adopted(tg, LI, "建国路口设骑手休息点 | 中午没地方歇脚", 1)
    for bad in ("due=每天 20:00", "due=soon", "due=2020-01-01"):
        told = await answer_text(tg, SEC["id"], SEC, f"/proposal 1 commit 街道办 {bad}")
        assert "例如 due=2026-12-31 或 due=12-31 18:00" in told and "每天" not in told, (bad, told)
    before = len(await tg.messages(GROUP["id"]))
    await answer_text(tg, SEC["id"], SEC, "/proposal 1 commit 街道办 due=2099-12-31 18:00")
    news = await _new(tg, GROUP["id"], before, "进入落实")
    assert "负责方街道办，2099-12-31 18:00 前完成" in news["plain_text"], news["plain_text"]
    p = await _proposal_row(db, 1)
    assert p.owner == "街道办" and p.status == "in_progress"

    # corrected while in progress: announced once; the same again announces nothing
    before = len(await tg.messages(GROUP["id"]))
    await answer_text(tg, SEC["id"], SEC, "/proposal 1 commit 朝阳区城管委 due=12月31日")
    news = await _new(tg, GROUP["id"], before, "落实安排有调整")
    assert "负责方朝阳区城管委" in news["plain_text"] and "-12-31 前完成" in news["plain_text"], news["plain_text"]
    await answer_text(tg, SEC["id"], SEC, "/proposal 1 commit 朝阳区城管委 due=12月31日")
    await answer_text(tg, SEC["id"], SEC, "/proposal 1 commit due=明天")  # the owner kept, the due date moved
    await _new(tg, GROUP["id"], before, "负责方朝阳区城管委，")
    summary = await answer_text(tg, GROUP, WANG, "/proposal 1")
    assert "朝阳区城管委" in summary
    changes = [m for m in (await tg.messages(GROUP["id"]))[before:] if "落实安排有调整" in (m["plain_text"] or "")]
    assert len(changes) == 2, [m["plain_text"] for m in changes]
    assert (await _proposal_row(db, 1)).owner == "朝阳区城管委"

    # month-day with a time, and tomorrow, in English (branch hd)
    await _adopted(tg, AMY, "Shade at Keyuan gate | too hot at noon", 2, GROUP_B, SEC_B)
    told = await answer_text(tg, SEC_B["id"], SEC_B, "/proposal 2 commit Street office due=daily 20:00")
    assert "e.g. due=2026-12-31 or due=12-31 18:00" in told, told
    before = len(await tg.messages(GROUP_B["id"]))
    await answer_text(tg, SEC_B["id"], SEC_B, "/proposal 2 commit Street office due=tomorrow 18:00")
    news = await _new(tg, GROUP_B["id"], before, "Street office")  # (the group's language: the default, zh)
    assert "负责方Street office，" in news["plain_text"] and "18:00 前完成" in news["plain_text"], news["plain_text"]
    assert "due 20" in await answer_text(tg, SEC_B["id"], SEC_B, "/proposal 2")  # the secretary reads English


async def test_group_posts_are_in_the_groups_language_not_the_proposers(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG, AMY)
    # Amy (en) proposes in the zh group: card, agenda post, vote and result in Chinese there
    await tg.send(GROUP, AMY, "/propose Shade at the Jianguo crossing | too hot at noon")
    await _new(tg, GROUP["id"], 0, "新议题 #1")
    await _agenda(tg, 1)
    await answer_text(tg, SEC["id"], SEC, "/proposal 1 vote quorum=1")
    await _new(tg, GROUP["id"], 0, "议题 #1 开始表决")
    await answer_text(tg, GROUP, AMY, "/vote 1 1")
    await answer_text(tg, SEC["id"], SEC, "/proposal 1 close")
    await _new(tg, GROUP["id"], 0, "议题 #1 表决结果")
    english = [m["plain_text"] for m in await tg.messages(GROUP["id"])
               if "Proposal #1" in (m["plain_text"] or "") or "proposal #1" in (m["plain_text"] or "")]
    assert english == [] or all(m.startswith("✅") for m in english), english  # only Amy's own answers

    # Li (zh) proposes in branch hd's group, which reads English (its cases are English)
    sent = await tg.send(GROUP_B, AMY, "The street light is out at Keyuan Road gate 3")
    await _case_for(db, sent["message_id"])
    await tg.send(GROUP_B, LI, "/propose 科苑路口设遮阳棚 | 中午太晒")
    card = await _new(tg, GROUP_B["id"], 0, "New proposal #2")
    assert "新议题" not in card["plain_text"]
    before = len(await tg.messages(GROUP_B["id"]))
    await answer_text(tg, SEC_B["id"], SEC_B, "/proposal 2 agenda")
    await _new(tg, GROUP_B["id"], before, "Proposal #2 is on the agenda")


QIAN = {"id": 504, "first_name": "钱师傅", "language_code": "zh"}  # has only started the bot


async def test_help_names_the_deliberation_commands(bot, tg, db) -> None:
    await two_branches(tg, LI, AMY)
    rider = await answer_text(tg, LI["id"], LI, "/help")
    assert all(c in rider for c in ("/propose", "/proposals", "/proposal 编号", "/vote 编号")), rider
    en = await answer_text(tg, AMY["id"], AMY, "/help")
    assert all(c in en for c in ("/propose", "/proposals", "/proposal N", "/vote N")), en
    for sec, needle in ((SEC, "议事会：/proposal 编号 agenda"), (SEC_B, "Riders' council: /proposal N agenda")):
        before = len(await tg.messages(sec["id"]))
        await tg.send({"id": sec["id"], "type": "private"}, sec, "/help")
        staff = await _new(tg, sec["id"], before, needle)
        assert "close" in staff["plain_text"] and "commit" in staff["plain_text"], staff["plain_text"]


async def test_proposals_privately_for_riders_known_from_the_branchs_groups(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG, AMY, QIAN)
    card = await propose_card(tg, LI, "建国路口设骑手休息点 | 中午没地方歇脚", 1)
    await tg.press(GROUP["id"], card["message_id"], WANG, "dp:1:s")  # WANG: known by a support

    async def supported() -> bool:
        return "#1 建国路口设骑手休息点" in await answer_text(tg, WANG["id"], WANG, "/proposals")
    await until(supported, timeout=30)
    assert "#1 建国路口设骑手休息点" in await answer_text(tg, LI["id"], LI, "/proposals")  # the author
    sent = await tg.send(GROUP_B, AMY, "The street light is out at Keyuan Road gate 3")  # AMY: branch hd
    await _case_for(db, sent["message_id"])
    other = await answer_text(tg, AMY["id"], AMY, "/proposals")
    assert "#1" not in other and "No proposals in this branch yet" in other, other  # her own branch's: none
    assert "报到" in await answer_text(tg, QIAN["id"], QIAN, "/proposals")  # known nowhere: told how


async def test_a_rider_known_in_two_branches_is_asked_privately_and_the_group_decides_there(bot, tg, db) -> None:
    """The one rule (people.rider_branch): known in several branches, a private /proposals or /propose
    is refused naming them (it used to take the first branch by id); in a group, the group's branch."""
    await two_branches(tg, LI, WANG)
    await propose_card(tg, LI, "建国路口设骑手休息点 | 中午没地方歇脚", 1)  # LI: known in cy
    sent = await tg.send(GROUP_B, LI, "科苑路3号门的路灯坏了，晚上很黑")  # LI: known in hd too
    await _case_for(db, sent["message_id"])
    listing = await answer_text(tg, LI["id"], LI, "/proposals")
    assert "几个支部" in listing and "朝阳支部" in listing and "Haidian" in listing and "#1" not in listing, listing
    refused = await answer_text(tg, LI["id"], LI, "/propose 科苑路口设遮阳棚 | 中午太晒")
    assert "几个支部" in refused, refused
    async with db() as s:
        assert len((await s.exec(select(Proposal))).all()) == 1
    in_b = await answer_text(tg, GROUP_B, LI, "/proposals")
    assert "#1" not in in_b and "几个支部" not in in_b, in_b  # branch hd's list, where LI asked
    assert "#1 建国路口设骑手休息点" in await answer_text(tg, GROUP, LI, "/proposals")


async def test_the_secretarys_summary_names_the_commands_allowed_now(bot, tg, db) -> None:
    await two_branches(tg, LI, AMY)
    await propose_card(tg, LI, "建国路口设骑手休息点 | 中午没地方歇脚", 1)
    text = await answer_text(tg, SEC["id"], SEC, "/proposal 1")
    assert "/proposal 1 agenda — 上议程" in text and "/proposal 1 decline 理由 — 不予采纳" in text, text
    await answer_text(tg, SEC["id"], SEC, "/proposal 1 agenda")
    await answer_text(tg, SEC["id"], SEC, "/proposal 1 vote quorum=1")
    text = await answer_text(tg, SEC["id"], SEC, "/proposal 1")
    assert "/proposal 1 close — 现在结束表决" in text and "通过、不通过" not in text, text
    assert "/proposal 1 vote" not in text.split("书记可以")[1], text
    assert "书记可以" not in await answer_text(tg, GROUP, LI, "/proposal 1")  # a rider sees no steps
    await answer_text(tg, GROUP, LI, "/vote 1 赞成")
    await propose_card(tg, AMY, "Shade at Keyuan gate | too hot at noon", 2, GROUP_B)
    en = await answer_text(tg, SEC_B["id"], SEC_B, "/proposal 2")
    assert "The secretary can:\n/proposal 2 agenda — put on the agenda" in en, en
    # every command the summary names is taken (none answers with the usage)
    for step in ("/proposal 1 close", "/proposal 1 commit 街道办 due=12-31 18:00", "/proposal 1 note 已联系物业",
                 "/proposal 1 done"):
        text = await answer_text(tg, SEC["id"], SEC, "/proposal 1")
        assert step.split(" ", 3)[2] in text, (step, text)
        assert "用法" not in await answer_text(tg, SEC["id"], SEC, step), step
    assert "书记可以" not in await answer_text(tg, SEC["id"], SEC, "/proposal 1")  # done: nothing left


async def test_a_vote_closed_at_its_deadline_is_told_to_the_secretaries_and_the_proposer(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG, AMY)
    await propose_card(tg, LI, "建国路口设骑手休息点 | 中午没地方歇脚", 1)
    await _agenda(tg, 1)
    await answer_text(tg, SEC["id"], SEC, "/proposal 1 vote quorum=1")
    await answer_text(tg, GROUP, WANG, "/vote 1 赞成")
    sec_before, li_before = len(await tg.messages(SEC["id"])), len(await tg.messages(LI["id"]))
    sec_b_before = len(await tg.messages(SEC_B["id"]))
    await bot.core.run_job("delib-close", 1)
    staff = await _new(tg, SEC["id"], sec_before, "表决已截止")
    assert "通过（1 人投票，法定人数 1 人）" in staff["plain_text"], staff["plain_text"]
    assert "下一步：/proposal 1 commit 负责方" in staff["plain_text"], staff["plain_text"]
    author = await _new(tg, LI["id"], li_before, "你的议题 #1")
    assert "表决结束：通过" in author["plain_text"], author["plain_text"]
    await bot.core.run_job("delib-close", 1)  # again: nothing more
    await bot.core.run_job("delib-sweep")

    # branch hd, in English, without quorum; the other branch's secretary heard nothing of #1
    await propose_card(tg, AMY, "Shade at Keyuan gate | too hot at noon", 2, GROUP_B)
    await answer_text(tg, SEC_B["id"], SEC_B, "/proposal 2 agenda")
    await answer_text(tg, SEC_B["id"], SEC_B, "/proposal 2 vote quorum=3")
    amy_before = len(await tg.messages(AMY["id"]))
    await bot.core.run_job("delib-close", 2)
    staff = await _new(tg, SEC_B["id"], sec_b_before, "has closed")
    assert "#2" in staff["plain_text"] and "too few voters" in staff["plain_text"], staff["plain_text"]
    assert "The proposal has ended" in staff["plain_text"]
    assert "your proposal #2" in (await _new(tg, AMY["id"], amy_before, "your proposal"))["plain_text"]
    assert not [m for m in (await tg.messages(SEC_B["id"]))[sec_b_before:] if "#1" in (m["plain_text"] or "")]
    told = [m for m in (await tg.messages(SEC["id"]))[sec_before:] if "表决已截止" in (m["plain_text"] or "")]
    assert len(told) == 1, [m["plain_text"] for m in told]


async def test_a_done_proposals_summary_and_export_and_a_forged_option(bot, tg, db, settings, tmp_path) -> None:
    import csv

    from bot.deliberation.export import export_proposals

    await two_branches(tg, LI, WANG, AMY)
    await _adopted(tg, LI, "建国路口设骑手休息点 | 中午没地方歇脚", 1)
    await answer_text(tg, SEC["id"], SEC, "/proposal 1 commit 街道办 due=2099-12-31")
    await answer_text(tg, SEC["id"], SEC, "/proposal 1 note 已联系物业")
    await answer_text(tg, SEC["id"], SEC, "/proposal 1 done 休息点已开放")
    text = await answer_text(tg, GROUP, WANG, "/proposal 1")
    assert "表决通过" in text and "接下来由支部书记" not in text and "已办结：休息点已开放" in text, text
    assert "休息点已开放" not in text.split("已办结：")[0], text  # not under progress
    en = await answer_text(tg, GROUP, AMY, "/proposal 1")
    assert "The secretary now" not in en and "Done on " in en and ": 休息点已开放" in en, en

    # the decline reason is in the export
    await propose_card(tg, WANG, "统一工服 | 夏天太热", 2)
    await answer_text(tg, SEC["id"], SEC, "/proposal 2 decline 不属于本支部能协调的事项")
    out = tmp_path / "proposals.csv"
    await export_proposals(settings.database_url, out, "csv", settings.tz, branch_code="cy")
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert [(r["id"], r["decline_reason"]) for r in rows] == [("1", ""), ("2", "不属于本支部能协调的事项")]

    # a forged vote button naming no option: "no such option", like the command
    await propose_card(tg, LI, "夜间充电柜 | 晚上十点后没地方换电", 3)
    await _agenda(tg, 3)
    before = len(await tg.messages(GROUP["id"]))
    await answer_text(tg, SEC["id"], SEC, "/proposal 3 vote quorum=1")
    post = await _new(tg, GROUP["id"], before, "开始表决")
    from tests.conftest import answer_for
    told = (await answer_for(tg, await tg.press(GROUP["id"], post["message_id"], WANG, "dv:3:7")))["text"]
    assert "没有这个选项" in told and "不存在" not in told, told


async def test_an_anonymous_vote_by_command_in_the_group_names_no_choice(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG, AMY)
    await propose_card(tg, LI, "夜间充电柜 | 晚上十点后没地方换电", 1)
    await _agenda(tg, 1)
    await answer_text(tg, SEC["id"], SEC, "/proposal 1 vote quorum=1 anon")
    zh = await answer_text(tg, GROUP, WANG, "/vote 1 赞成")
    assert "匿名投票" in zh and "赞成" not in zh, zh
    again = await answer_text(tg, GROUP, WANG, "/vote 1 反对")  # changed: still no choice shown
    assert "匿名投票" in again and "反对" not in again, again
    en = await answer_text(tg, GROUP, AMY, "/vote 1 against")
    assert "anonymous vote on proposal #1 is recorded" in en and "Against" not in en, en
    assert "已投票：弃权" in await answer_text(tg, LI["id"], LI, "/vote 1 3")  # privately: the choice is named
    async with db() as s:
        from storage.models.deliberation import ProposalVote
        votes = sorted((v.user_id, v.option) for v in (await s.exec(select(ProposalVote))).all())
    assert votes == sorted([(WANG["id"], 1), (AMY["id"], 1), (LI["id"], 2)])


async def test_a_closed_vote_post_says_it_ended_and_no_longer_invites_changes(bot, tg, db) -> None:
    """Item 12: the vote post, once closed, loses its buttons and its "change your vote before the
    deadline" line, and says the vote has ended."""
    await two_branches(tg, LI, WANG, AMY)
    await propose_card(tg, LI, "夜间充电柜 | 晚上十点后没地方换电", 1)
    await _agenda(tg, 1)
    before = len(await tg.messages(GROUP["id"]))
    await answer_text(tg, SEC["id"], SEC, "/proposal 1 vote quorum=1")
    post = await _new(tg, GROUP["id"], before, "开始表决")
    assert "截止前可以改票" in post["plain_text"] and post.get("reply_markup")
    await answer_text(tg, GROUP, WANG, "/vote 1 1")
    await answer_text(tg, SEC["id"], SEC, "/proposal 1 close")

    async def closed() -> dict | None:
        msg = next(m for m in await tg.messages(GROUP["id"]) if m["message_id"] == post["message_id"])
        return msg if "表决已结束" in msg["plain_text"] else None
    ended = await until(closed, timeout=30)
    assert "截止前可以改票" not in ended["plain_text"] and "开始表决" in ended["plain_text"]
    assert not (ended.get("reply_markup") or {}).get("inline_keyboard")
    # closed early by the secretary: the post says when it really ended, not the deadline it never reached
    deadline = re.search(r"截止 (\S+ \S+) ·", post["plain_text"])
    assert deadline and deadline.group(1) not in ended["plain_text"], ended["plain_text"]
    assert re.search(r"已于 \S+ \S+ 提前截止 ·", ended["plain_text"]), ended["plain_text"]


async def test_a_rule_out_of_range_names_the_ranges(bot, tg, db) -> None:
    """Item 13: `/proposals rule 9999 9999` says what is allowed, not only the usage."""
    await two_branches(tg, LI, WANG, AMY)
    zh = await answer_text(tg, SEC["id"], SEC, "/proposals rule 9999 9999")
    assert "1–500" in zh and "1–90" in zh, zh
    assert "5 人附议即上议程" in await answer_text(tg, SEC["id"], SEC, "/proposals rule 5 7")
    # the numbers with their units, as a secretary types them (got the usage)
    assert "14 天内 3 人附议即上议程" in await answer_text(tg, SEC["id"], SEC, "/proposals rule 3人，2周")
    assert "7 天内 4 人附议即上议程" in await answer_text(tg, SEC["id"], SEC, "/proposals rule 4人 7天")
    await answer_text(tg, SEC["id"], SEC, "/lang en")
    en = await answer_text(tg, SEC["id"], SEC, "/proposals rule 3 365")
    assert "1–500" in en and "1–90" in en, en


async def test_a_branch_without_a_secretary_tells_the_superadmin(bot, tg, db) -> None:
    """A branch run by a superadmin alone: the close at the deadline and the agenda by supports are told
    to the superadmin (as an unstaffed department's case falls back), never to nobody."""
    from tests.conftest import BOSS, private
    for who in (BOSS, LI, WANG, AMY):
        await tg.send(private(who), who, "/start")
    await tg.send(GROUP, BOSS, "/bind cy 朝阳支部")
    await tg.wait(GROUP["id"], 1)
    assert "1 人附议即上议程" in await answer_text(tg, GROUP, BOSS, "/proposals rule 1 7")  # in the branch's group
    boss_before = len(await tg.messages(BOSS["id"]))
    card = await propose_card(tg, LI, "建国路口设骑手休息点 | 中午没地方歇脚", 1)
    await tg.press(GROUP["id"], card["message_id"], WANG, card["reply_markup"]["inline_keyboard"][0][0]["callback_data"])
    assert "上了议程" in (await _new(tg, BOSS["id"], boss_before, "#1"))["plain_text"]
    await answer_text(tg, BOSS["id"], BOSS, "/proposal 1 vote quorum=1")
    await answer_text(tg, GROUP, WANG, "/vote 1 赞成")
    boss_before = len(await tg.messages(BOSS["id"]))
    await bot.core.run_job("delib-close", 1)
    told = await _new(tg, BOSS["id"], boss_before, "表决已截止")
    assert "下一步：/proposal 1 commit" in told["plain_text"], told["plain_text"]
