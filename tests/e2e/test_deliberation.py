"""小哥议事会 through the real bot and the emulator: proposal → support threshold → agenda →
comments (masked) → vote (quorum met / not met) → adopted → commitment announced in the thread →
done; one vote per rider (command and forged buttons); another branch's secretary cannot open a
vote and learns nothing; results posted exactly once, also across a kill -9 after the close."""
from __future__ import annotations

import asyncio
import csv
import os
import signal
import sys
from datetime import timedelta
from pathlib import Path

from sqlmodel import select

from bot.deliberation.export import export_proposals
from storage.models import OutboxMessage, utcnow
from storage.models.deliberation import Proposal, ProposalComment, ProposalVote
from tests.conftest import (AMY, BOSS, GROUP, GROUP_B, LI, SEC, SEC_B, TOKEN, WANG, answer_for, buttons, ledger,
                            said, two_branches, until, with_boss)

import pytest

REPO = Path(__file__).resolve().parents[2]
VOTE_POINTS, ADOPTED_POINTS = 1, 10  # rules vote_cast, proposal_adopted in bot/points/rules_default.toml


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _press(tg, chat_id: int, message: dict, who: dict, data: str) -> str:
    return (await answer_for(tg, await tg.press(chat_id, message["message_id"], who, data)))["text"]


async def _new(tg, chat_id: int, before: int, needle: str, timeout: float = 20) -> dict:
    """The bot's first message in the chat after the first `before` that contains `needle`."""
    async def found() -> dict | None:
        return next((m for m in (await tg.messages(chat_id))[before:] if needle in m["plain_text"]), None)
    return await until(found, timeout=timeout)


async def _proposal(db, pid: int) -> Proposal:
    async with db() as s:
        return (await s.exec(select(Proposal).where(Proposal.id == pid))).one()


async def _texts(tg, chat_id: int, needle: str) -> list[str]:
    return [m["plain_text"] for m in await tg.messages(chat_id) if needle in m["plain_text"]]


async def test_proposal_from_support_to_done(bot, tg, db, settings, tmp_path) -> None:
    await two_branches(tg, LI, WANG, AMY)
    assert "2 人附议即上议程" in (await said(tg, SEC["id"], SEC, "/proposals rule 2 7"))["plain_text"]
    assert "只有支部书记" in (await said(tg, LI["id"], LI, "/proposals rule 1 1"))["plain_text"]

    # a proposal in the group: its card, with the support button, replies to the command
    cmd = await tg.send(GROUP, LI, "/propose 建国路口设骑手休息点 | 中午没地方歇脚，想要个能充电喝水的地方")
    card = await _new(tg, GROUP["id"], 1, "新议题 #1")
    assert card["reply_to_message_id"] == cmd["message_id"] and buttons(card) == ["dp:1:s"]
    assert "7 天内满 2 人即上议程" in card["plain_text"]
    assert len(await tg.messages(GROUP_B["id"])) == 1  # another branch's group hears nothing

    assert "自己的议题" in await _press(tg, GROUP["id"], card, LI, "dp:1:s")
    assert "已附议（1/2）" in await _press(tg, GROUP["id"], card, WANG, "dp:1:s")
    assert "已经附议过" in await _press(tg, GROUP["id"], card, WANG, "dp:1:s")
    stray = await said(tg, AMY["id"], AMY, "/start")
    assert "does not exist" in await _press(tg, AMY["id"], stray, AMY, "dp:1:s")  # not where the card went
    sec_before = len(await tg.messages(SEC["id"]))
    before = len(await tg.messages(GROUP["id"]))
    assert "on the agenda" in await _press(tg, GROUP["id"], card, AMY, "dp:1:s")  # the threshold: 2

    agenda = await _new(tg, GROUP["id"], before, "上议程")
    assert "议题 #1 上议程" in agenda["plain_text"] and "2 人附议" in agenda["plain_text"]
    told = await _new(tg, SEC["id"], sec_before, "议题 #1")
    assert "/proposal 1 vote" in told["plain_text"]
    await until(lambda: _no_buttons(tg, GROUP["id"], card["message_id"]))  # the card is used up
    assert "不再征集" in await _press(tg, GROUP["id"], card, BOSS, "dp:1:s")

    # discussion: replies to the agenda post are comments (masked), never reports
    await tg.send(GROUP, WANG, "我家住幸福小区3号楼2单元501，中午可以来歇", reply_to_message_id=agenda["message_id"])
    await tg.send(GROUP, AMY, "The underpass on Keyuan Rd floods, not there please",
                  reply_to_message_id=agenda["message_id"])
    # it reads as a report: kept as a comment, and Amy is told once how to report (before the summary below)
    await _new(tg, GROUP["id"], 0, "Kept as discussion of proposal #1")
    async def two_comments() -> bool:
        async with db() as s:
            return len((await s.exec(select(ProposalComment))).all()) == 2
    await until(two_comments)
    summary = (await said(tg, GROUP, LI, "/proposal 1"))["plain_text"]
    assert "2 条讨论" in summary and "王哥：我家住***" in summary and "501" not in summary, summary
    assert "已上议程" in summary and "可以做" not in summary  # a rider sees no staff actions
    assert "👍 2 人附议" in summary and "上议程需要" not in summary, summary  # on it: no rule to reach it
    assert not await _texts(tg, GROUP["id"], "已登记工单")  # no comment became a case

    # permissions: a rider, and the secretary of another branch (who learns nothing)
    assert "只有本支部书记" in (await said(tg, GROUP, LI, "/proposal 1 vote"))["plain_text"]
    other = (await said(tg, SEC_B["id"], SEC_B, "/proposal 1 vote quorum=1"))["plain_text"]
    assert other == (await said(tg, SEC_B["id"], SEC_B, "/proposal 99 vote"))["plain_text"].replace("99", "1")
    assert "There is no proposal #1" in other
    assert "There is no proposal #1" in (await said(tg, SEC_B["id"], SEC_B, "/proposal 1"))["plain_text"]
    assert (await _proposal(db, 1)).status == "agenda"

    # the vote: quorum 2, named; one vote per rider, changeable, by button or command
    before = len(await tg.messages(GROUP["id"]))
    ok = (await said(tg, SEC["id"], SEC, "/proposal 1 vote quorum=2"))["plain_text"]
    assert "议题 #1 开始表决" in ok
    assert bot.core.jobs.ids("dv:") == ["dv:1"]
    post = await _new(tg, GROUP["id"], before, "开始表决")
    assert post["reply_to_message_id"] == agenda["message_id"]  # in the thread
    assert buttons(post) == ["dv:1:0", "dv:1:1", "dv:1:2"] and "赞成" in post["plain_text"]
    assert f"+{VOTE_POINTS} 积分" in await _press(tg, GROUP["id"], post, LI, "dv:1:1")
    assert "已改为：赞成" in await _press(tg, GROUP["id"], post, LI, "dv:1:0")
    assert "一人一票" in await _press(tg, GROUP["id"], post, LI, "dv:1:0")
    assert "一人一票" in (await said(tg, GROUP, LI, "/vote 1 1"))["plain_text"]
    assert "没有这个选项" in await _press(tg, GROUP["id"], post, LI, "dv:1:7")  # a forged option: said so
    lone = await said(tg, LI["id"], LI, "/start")
    assert "不存在" in await _press(tg, LI["id"], lone, LI, "dv:1:2")  # forged onto a chat it never went to
    assert "已投票：赞成" in (await said(tg, GROUP, WANG, "/vote 1 赞成"))["plain_text"]
    summary = (await said(tg, WANG["id"], WANG, "/proposal 1"))["plain_text"]  # privately: WANG took part
    assert "已有 2 人投票（法定 2 人）" in summary
    async with db() as s:
        votes = (await s.exec(select(ProposalVote).order_by(ProposalVote.user_id))).all()
    assert [(v.user_id, v.option, v.changes) for v in votes] == [(LI["id"], 0, 1), (WANG["id"], 0, 0)]
    assert [(e.user_id, e.rule, e.source_key) for e in await ledger(db, at_least=2)] == [
        (LI["id"], "vote_cast", f"dv:1:{LI['id']}"), (WANG["id"], "vote_cast", f"dv:1:{WANG['id']}")]

    # the closing job: results in the thread, once; a second run and the sweep add nothing
    before = len(await tg.messages(GROUP["id"]))
    await bot.core.run_job("delib-close", 1)
    result = await _new(tg, GROUP["id"], before, "表决结果")
    text = result["plain_text"]
    assert result["reply_to_message_id"] == agenda["message_id"]
    assert "1. 赞成 — 2 票" in text and "李师傅" in text and "共 2 人投票，法定人数 2 人：已达到" in text, text
    assert "议题通过" in text
    await bot.core.run_job("delib-close", 1)
    await bot.core.run_job("delib-sweep")
    assert "is closed" in await _press(tg, GROUP["id"], post, AMY, "dv:1:0")
    assert (await _proposal(db, 1)).status == "adopted"
    assert (LI["id"], "proposal_adopted", "proposal:1", ADOPTED_POINTS) in [
        (e.user_id, e.rule, e.source_key, e.points) for e in await ledger(db, at_least=3)]

    # the commitment: each step announced in the thread, like a case
    for command, needle in [("/proposal 1 commit 街道办 due=2027-01-31", "负责方街道办，2027-01-31 前完成"),
                            ("/proposal 1 note 已和物业谈好场地，电话13812345678", "已和物业谈好场地"),
                            ("/proposal 1 done 休息点已开放", "已办结")]:
        before = len(await tg.messages(GROUP["id"]))
        await said(tg, SEC["id"], SEC, command)
        news = await _new(tg, GROUP["id"], before, needle)
        assert news["reply_to_message_id"] == agenda["message_id"], command
        assert "13812345678" not in news["plain_text"]
    assert "#1 建国路口设骑手休息点" in (await said(tg, GROUP, WANG, "/proposals done"))["plain_text"]
    assert "还没有这类议题" in (await said(tg, GROUP, WANG, "/proposals adopted"))["plain_text"]
    assert "No proposals" in (await said(tg, GROUP_B, AMY, "/proposals"))["plain_text"]  # the other branch's list
    assert len(await _texts(tg, GROUP["id"], "表决结果")) == 1
    assert not await _texts(tg, GROUP_B["id"], "#1")  # nothing of branch cy reached branch hd's group

    # the export: one row from support to outcome, counts and no names
    out = tmp_path / "proposals.csv"
    assert await export_proposals(settings.database_url, out, "csv", settings.tz, branch_code="cy") == 1
    [row] = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert (row["title"], row["status"], row["supporters"], row["comments"], row["turnout"], row["quorum"],
            row["quorum_met"], row["adopted"], row["owner"], row["due"], row["notes"]) == (
        "建国路口设骑手休息点", "done", "2", "2", "2", "2", "yes", "yes", "街道办", "2027-01-31", "2")
    assert "13812345678" not in out.read_text(encoding="utf-8-sig") and "王哥" not in out.read_text(encoding="utf-8-sig")
    assert await export_proposals(settings.database_url, out, "csv", settings.tz, branch_code="hd") == 0


async def _no_buttons(tg, chat_id: int, message_id: int) -> bool:
    msg = next(m for m in await tg.messages(chat_id) if m["message_id"] == message_id)
    return not buttons(msg)


async def test_quorum_not_met_rejects_and_staff_steps_are_checked(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG)
    await tg.send(GROUP, WANG, "/propose 夜间充电柜 | 晚上十点后没地方换电", message_thread_id=77)  # a forum topic
    assert (await _new(tg, GROUP["id"], 1, "新议题 #1")).get("message_thread_id") == 77
    assert "没有编号为 1" not in (await said(tg, SEC["id"], SEC, "/proposal 1 agenda"))["plain_text"]
    assert "不能这样处理" in (await said(tg, SEC["id"], SEC, "/proposal 1 commit 街道办 due=2027-01-31"))["plain_text"]
    assert "There is no proposal #1" in (await said(tg, SEC_B["id"], SEC_B, "/proposal 1 close"))["plain_text"]
    before = len(await tg.messages(GROUP["id"]))
    await said(tg, SEC["id"], SEC, "/proposal 1 vote quorum=3 anon 19点开 | 22点开")
    post = await _new(tg, GROUP["id"], before, "开始表决")
    assert "匿名表决" in post["plain_text"] and buttons(post) == ["dv:1:0", "dv:1:1"]
    assert post.get("message_thread_id") == 77  # the proposal's news stays in its topic
    await _press(tg, GROUP["id"], post, LI, "dv:1:1")
    before = len(await tg.messages(GROUP["id"]))
    assert "表决已结束" in (await said(tg, SEC["id"], SEC, "/proposal 1 close"))["plain_text"]
    result = await _new(tg, GROUP["id"], before, "表决结果")
    assert "投票人数不足" in result["plain_text"] and "未达到" in result["plain_text"]
    assert result.get("message_thread_id") == 77
    assert "李师傅" not in result["plain_text"]  # anonymous
    assert bot.core.jobs.ids("dv:") == []
    assert (await _proposal(db, 1)).status == "rejected"
    assert "不能这样处理" in (await said(tg, SEC["id"], SEC, "/proposal 1 close"))["plain_text"]

    # a second proposal, declined with a reason (announced); a vote whose job was lost is swept
    await tg.send(GROUP, LI, "/propose 统一工服 | 夏天太热")
    await _new(tg, GROUP["id"], 1, "新议题 #2")
    before = len(await tg.messages(GROUP["id"]))
    await said(tg, SEC["id"], SEC, "/proposal 2 decline 不属于本支部能协调的事项")
    assert "不属于本支部" in (await _new(tg, GROUP["id"], before, "未予采纳"))["plain_text"]
    await tg.send(GROUP, LI, "/propose 午间休息点 | 建国路")
    await _new(tg, GROUP["id"], 1, "新议题 #3")
    await said(tg, SEC["id"], SEC, "/proposal 3 agenda")
    await said(tg, SEC["id"], SEC, "/proposal 3 vote quorum=1")
    async with db() as s:
        p = (await s.exec(select(Proposal).where(Proposal.id == 3))).one()
        p.vote_deadline = utcnow() - timedelta(seconds=1)
        s.add(p)
        await s.commit()
    bot.core.jobs.cancel("dv:3")
    before = len(await tg.messages(GROUP["id"]))
    await bot.core.run_job("delib-sweep")
    assert "议题 #3 表决结果" in (await _new(tg, GROUP["id"], before, "表决结果"))["plain_text"]

    # a suggestion case becomes a proposal with one button on the secretary's card
    report = await tg.send(GROUP, WANG, "建议在菜市场门口划个骑手临时停车区 取餐几分钟就走")
    assert "已登记工单" in (await _new(tg, GROUP["id"], 1, "C-000001"))["plain_text"]
    card = await said(tg, SEC["id"], SEC, "/case C-000001")
    assert "dc:1" in buttons(card)
    assert "Make it a proposal" not in str(card)  # the label is the secretary's language
    before = len(await tg.messages(GROUP["id"]))
    forged = await said(tg, SEC_B["id"], SEC_B, "/start")
    assert "There is no suggestion case C-000001" in await _press(tg, SEC_B["id"], forged, SEC_B, "dc:1")
    assert "已转为议题 #4" in await _press(tg, SEC["id"], card, SEC, "dc:1")
    proposal_card = await _new(tg, GROUP["id"], before, "新议题 #4")
    assert proposal_card["reply_to_message_id"] == report["message_id"] and buttons(proposal_card) == ["dp:4:s"]
    assert "菜市场门口" in proposal_card["plain_text"]
    assert "已经是议题 #4" in (await said(tg, SEC["id"], SEC, "/propose C-000001"))["plain_text"]
    assert "找不到可以转为议题" in (await said(tg, LI["id"], LI, "/propose C-000001"))["plain_text"]  # not theirs
    assert (await _proposal(db, 4)).author_id == WANG["id"]  # the reporter's proposal


# --- kill -9 -------------------------------------------------------------------------------------

async def _spawn(settings, tmp_path: Path) -> asyncio.subprocess.Process:
    env = {**os.environ, "SENTINEL_BOT_TOKEN": TOKEN, "SENTINEL_API_BASE": settings.api_base,
           "SENTINEL_DATABASE_URL": settings.database_url, "SENTINEL_POLL_TIMEOUT": "5",
           "SENTINEL_SUPERADMIN_IDS": str(BOSS["id"]), "SENTINEL_SCHEDULER_LEASE": "1",
           "SENTINEL_SENDER__GROUP_PER_MIN": "100000", "SENTINEL_SENDER__GLOBAL_PER_SEC": "10000",
           "PYTHONPATH": str(REPO)}
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "run", cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=(tmp_path / "bot.log").open("ab"))


async def _polling(tg, proc: asyncio.subprocess.Process) -> None:
    """Once the spawned bot polls again (a busy machine takes a while to start it)."""
    before = (await tg.stats())["calls"].get("getUpdates", 0)
    async def polls() -> bool:
        assert proc.returncode is None, "the bot exited"
        return (await tg.stats())["calls"].get("getUpdates", 0) > before
    await until(polls, timeout=180)


async def test_kill_9_during_the_vote_close_posts_the_results_exactly_once(emu, tg, settings, db,
                                                                          tmp_path) -> None:
    """The close commits status, tally and result messages together. Sends fail (502) while the
    job closes the vote, then the process is killed without warning: on restart the results go
    out once per group, and the closing job (or the sweep) finds nothing left to do."""
    proc = await _spawn(settings, tmp_path)
    try:
        await _polling(tg, proc)
        await two_branches(tg, LI, WANG)
        await tg.send(GROUP, LI, "/propose 建国路口设骑手休息点 | 中午没地方歇脚")
        await _new(tg, GROUP["id"], 1, "新议题 #1")
        await said(tg, SEC["id"], SEC, "/proposal 1 agenda")
        before = len(await tg.messages(GROUP["id"]))
        await said(tg, SEC["id"], SEC, "/proposal 1 vote quorum=1")
        post = await _new(tg, GROUP["id"], before, "开始表决")
        await _press(tg, GROUP["id"], post, WANG, "dv:1:0")
        async def voted() -> bool:
            async with db() as s:
                return len((await s.exec(select(ProposalVote))).all()) == 1
        await until(voted)

        await tg.fault("sendMessage", 502, count=100_000)
        await tg.fault("editMessageText", 502, count=100_000)
        # the stored job `dv:1`, brought forward: the running bot's scheduler sees it within a lease
        from apscheduler.triggers.date import DateTrigger
        from bot.scheduling import build_scheduler
        store = build_scheduler(settings.database_url, settings.tz)
        store.start(paused=True)
        try:
            store.reschedule_job("dv:1", trigger=DateTrigger(run_date=utcnow() + timedelta(seconds=1)))
        finally:
            store.shutdown(wait=False)

        async def closed() -> bool:
            return (await _proposal(db, 1)).status == "adopted"
        await until(closed, timeout=30)
        proc.send_signal(signal.SIGKILL)
        await proc.wait()
        async with db() as s:
            rows = (await s.exec(select(OutboxMessage).where(OutboxMessage.kind == "dl-result"))).all()
        assert [(r.chat_id, r.status) for r in rows] == [(GROUP["id"], "pending")]  # queued with the close
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()

    await tg.http.delete(f"{tg.base_url}/_emu/faults")
    proc = await _spawn(settings, tmp_path)
    try:
        await _polling(tg, proc)
        await _new(tg, GROUP["id"], 0, "表决结果", timeout=60)
        async def flushed() -> bool:
            async with db() as s:
                return not (await s.exec(select(OutboxMessage).where(OutboxMessage.status == "pending"))).all()
        await until(flushed, timeout=30)
        await asyncio.sleep(2.5)  # a lease or two: a stray job or sweep would have posted again by now
    finally:
        proc.send_signal(signal.SIGTERM)
        await asyncio.wait_for(proc.wait(), 30)
    results = await _texts(tg, GROUP["id"], "表决结果")
    assert len(results) == 1 and "议题通过" in results[0], results
    assert not await _texts(tg, GROUP_B["id"], "表决结果")
