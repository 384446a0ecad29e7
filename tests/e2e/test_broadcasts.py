"""Broadcasts through the real bot: compose in one or two messages, preview, confirm, pacing
within Telegram's limits, schedules that survive a restart, cancel, blocked chats, /needs."""
from __future__ import annotations

import asyncio
import time
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from bot.config import SenderSettings
from bot.timeparse import When, WhenError, next_fire, parse_when
from storage.models import Case, Chat, OutboxMessage
from storage.models.broadcasts import Broadcast, BroadcastRun
from tests.conftest import (AMY, BOSS, GROUP, GROUP_B, LI, SEC, WANG, answer_for, buttons, last, private, said,
                            until, with_boss)
from tests.factories import alerted

TZ = ZoneInfo("Asia/Shanghai")


# Telegram's limits ×10 in the emulator, and the sender just under them.
SCALED = {"limits": True, "global_per_sec": 300, "group_per_min": 200, "private_per_sec": 10}
SCALED_SENDER = SenderSettings(global_per_sec=280, group_per_min=190, private_per_sec=9)


@pytest.fixture
def sender() -> SenderSettings | None:
    """The sender's pacing for a test (parametrize `sender` to change it)."""
    return None


@pytest.fixture
def settings(settings, sender):
    return with_boss(settings, **({"sender": sender} if sender else {}))


# --- time expressions ---------------------------------------------------------------

NOW = datetime(2026, 11, 25, 6, 0, tzinfo=timezone.utc)  # Wednesday 14:00 in Shanghai


@pytest.mark.parametrize("text, local, days_hm", [
    ("现在", None, None), ("now", None, None),
    ("明天 08:30", "2026-11-26 08:30", None), ("明天08:30", "2026-11-26 08:30", None),
    ("2026-12-01 09:00", "2026-12-01 09:00", None), ("2026-12-01T09:00", "2026-12-01 09:00", None),
    ("tomorrow 8:30pm", "2026-11-26 20:30", None), ("今晚8点", "2026-11-25 20:00", None),
    ("后天 九点半", "2026-11-27 09:30", None), ("12月1日9点", "2026-12-01 09:00", None),
    ("周三 9:00", "2026-12-02 09:00", None), ("next mon 9am", "2026-11-30 09:00", None),
    ("08:30", "2026-11-26 08:30", None), ("30分钟后", "2026-11-25 14:30", None),
    ("ＩＮ 2 hours", "2026-11-25 16:00", None), ("明天　０８：３０", "2026-11-26 08:30", None),
    ("每周一 08:30", None, ((0,), 8, 30)), ("每周一08:30", None, ((0,), 8, 30)),
    ("每天 20:00", None, (tuple(range(7)), 20, 0)), ("every mon 08:30", None, ((0,), 8, 30)),
    ("every mon,wed 8:30", None, ((0, 2), 8, 30)), ("每周一至周五 7:30", None, ((0, 1, 2, 3, 4), 7, 30)),
    ("每周一三五 晚上8点", None, ((0, 2, 4), 20, 0)), ("weekdays 7:30", None, ((0, 1, 2, 3, 4), 7, 30)),
    ("daily 8pm", None, (tuple(range(7)), 20, 0)),
])
def test_time_expressions(text, local, days_hm) -> None:
    w = parse_when(text, NOW, TZ)
    if local is None and days_hm is None:
        assert w.kind == "now"
    elif local is not None:
        assert w.kind == "at" and w.at is not None and w.at.tzinfo is not None
        assert w.at.astimezone(TZ).strftime("%Y-%m-%d %H:%M") == local
    else:
        assert (w.kind, w.days, w.hour, w.minute) == ("cron", *days_hm)


@pytest.mark.parametrize("text, key", [
    ("2025-01-01 08:00", "when-err-past"), ("today 13:00", "when-err-past-today"), ("25:00", "when-err-bad-time"),
    ("明天", "when-err-need-time"), ("每周一", "when-err-need-time"), ("blah", "when-err-unknown"),
    ("every xyz 8:00", "when-err-need-day"), ("2026-02-30 08:00", "when-err-bad-date"), ("", "when-err-empty"),
])
def test_bad_time_expressions_name_the_problem(text, key) -> None:
    with pytest.raises(WhenError) as e:
        parse_when(text, NOW, TZ)
    assert e.value.key == key


def test_next_fire_of_a_weekly_schedule() -> None:
    w = parse_when("每周一 08:30", NOW, TZ)
    assert next_fire(w, NOW, TZ).astimezone(TZ).strftime("%Y-%m-%d %a %H:%M") == "2026-11-30 Mon 08:30"
    assert w.cron_fields() == {"day_of_week": "mon", "hour": 8, "minute": 30}
    assert When.from_dict(w.as_dict()) == w


# --- through the bot ---------------------------------------------------------------------

async def _setup(tg, groups=(GROUP, GROUP_B)) -> None:
    """Branch cy with its secretary; the groups bound to it."""
    for who in (BOSS, SEC):
        await tg.send(private(who), who, "/start")
    for g in groups:
        await tg.send(g, BOSS, "/bind cy 朝阳支部")
    await tg.send(private(BOSS), BOSS, f"/grant {SEC['id']} secretary cy")
    await tg.wait(BOSS["id"], 2)
    for g in groups:
        await tg.wait(g["id"], 1, timeout=30)


async def _say(tg, who: dict, text: str) -> dict:
    """`who` writes privately; returns the bot's next message to them."""
    return await said(tg, who["id"], who, text)


async def _confirm(tg, who: dict, preview: dict) -> dict:
    """Press ✅ on a preview; returns the confirmation message."""
    before = len(await tg.messages(who["id"]))
    go = next(d for d in buttons(preview) if d.startswith("bc:go:"))
    await tg.press(who["id"], preview["message_id"], who, go)
    return await last(tg, who["id"], before + 1)


async def test_one_shot_broadcast_preview_confirm_deliver_report(bot, tg, db) -> None:
    await _setup(tg)
    preview = await _say(tg, SEC, "/broadcast all now 今晚8点起 建国路<封路> & 施工，请绕行 🚧")
    assert "推送预览" in preview["plain_text"] and "2 个聊天" in preview["plain_text"]
    assert "建国路<封路> & 施工" in preview["plain_text"]
    assert buttons(preview) == ["bc:go:1", "bc:x:1"]
    assert len(await tg.messages(GROUP["id"])) == 1  # nothing goes out before ✅

    started = await _confirm(tg, SEC, preview)
    assert "开始发送" in started["plain_text"]
    for g in (GROUP, GROUP_B):
        got = await last(tg, g["id"], 2)
        assert got["plain_text"] == "今晚8点起 建国路<封路> & 施工，请绕行 🚧"
    report = await last(tg, SEC["id"], len(await tg.messages(SEC["id"])) + 1)
    assert "送达报告" in report["plain_text"] and "已送达 2" in report["plain_text"]
    assert "失败 0" in report["plain_text"] and "已屏蔽 0" in report["plain_text"]
    async with db() as s:
        b = (await s.exec(select(Broadcast))).one()
        run = (await s.exec(select(BroadcastRun))).one()
        rows = (await s.exec(select(OutboxMessage).where(OutboxMessage.kind == "bc-message"))).all()
    assert b.status == "done" and run.reported and run.planned == 2
    assert sorted(r.dedupe_key for r in rows) == [f"bc:1:{GROUP['id']}", f"bc:1:{GROUP_B['id']}"]
    assert {r.priority for r in rows} == {5}

    # a second press does not send again
    answer_id = await tg.press(SEC["id"], preview["message_id"], SEC, "bc:go:1")
    assert "已经确认" in (await answer_for(tg, answer_id))["text"]
    await asyncio.sleep(0.3)
    assert len(await tg.messages(GROUP["id"])) == 2


async def test_ids_plates_and_homes_are_masked_contacts_go_out_with_a_warning(bot, tg) -> None:
    """A broadcast carried a third person's ID number to every group, verbatim and unremarked."""
    await _setup(tg)
    preview = await _say(tg, SEC, "/broadcast all now 建国路88号井盖已修好，感谢李师傅（车牌京A12345，"
                                  "身份证110101199003077777）上报；有事联系书记 13912345678")
    text = preview["plain_text"]
    assert "110101199003077777" not in text and "A12345" not in text and "已按负面清单隐去（2 处）" in text
    assert "13912345678" in text and "将原样发出" in text
    await _confirm(tg, SEC, preview)
    got = (await last(tg, GROUP["id"], 2))["plain_text"]
    assert "110101199003077777" not in got and "A12345" not in got
    assert "建国路88号井盖已修好" in got and "13912345678" in got  # what locates, and the contact, stay
    plain = await _say(tg, SEC, "/broadcast all now 明天降温，注意保暖")  # nothing personal: no remark
    assert "负面清单" not in plain["plain_text"] and "原样发出" not in plain["plain_text"]


async def test_two_messages_schedule_list_and_cancel_before_send(bot, tg, db) -> None:
    await _setup(tg)
    ask = await _say(tg, SEC, "/broadcast groups=all when=明天08:30")
    assert "请把要推送的内容发给我" in ask["plain_text"]
    preview = await _say(tg, SEC, "明早8点半 站点例会，请准时参加")
    assert "推送预览" in preview["plain_text"] and "08:30" in preview["plain_text"]
    assert "明早8点半 站点例会" in preview["plain_text"]
    scheduled = await _confirm(tg, SEC, preview)
    assert "已安排" in scheduled["plain_text"]
    assert bot.core.jobs.ids("bc:") == ["bc:1"]
    fires = bot.core.jobs.next_run("bc:1").astimezone(TZ)
    assert (fires.date() - datetime.now(TZ).date()).days == 1 and (fires.hour, fires.minute) == (8, 30)

    listing = await _say(tg, SEC, "/broadcasts")
    assert "#1" in listing["plain_text"] and "明早8点半" in listing["plain_text"]
    assert buttons(listing) == ["bc:c:1"]
    qid = await tg.press(SEC["id"], listing["message_id"], SEC, "bc:c:1")
    assert "已取消" in (await answer_for(tg, qid))["text"]
    assert bot.core.jobs.ids("bc:") == []

    await bot.core.run_job("bc-fire", 1)  # a firing that raced the cancel finds nothing to send
    await asyncio.sleep(0.3)
    assert [len(await tg.messages(g["id"])) for g in (GROUP, GROUP_B)] == [1, 1]
    async with db() as s:
        assert (await s.exec(select(Broadcast))).one().status == "cancelled"
        assert (await s.exec(select(BroadcastRun))).all() == []
    assert "没有定时推送" in (await _say(tg, SEC, "/broadcasts"))["plain_text"]


async def test_recurring_schedule_survives_restart_and_fires(bot, tg, db) -> None:
    await _setup(tg)
    preview = await _say(tg, SEC, "/broadcast all 每周一 08:30 本周安全提示：雨天路滑，慢行")
    assert "每周一 08:30" in preview["plain_text"]
    assert "已安排" in (await _confirm(tg, SEC, preview))["plain_text"]
    assert bot.core.jobs.ids("bc:") == ["bc:1"]

    old = bot.core
    await bot.stop()
    await bot.start()
    await until(_ready(bot, old))  # start() returns on the first run's getUpdates count
    assert bot.core.jobs.ids("bc:") == ["bc:1"]
    nxt = bot.core.jobs.next_run("bc:1").astimezone(TZ)
    assert (nxt.weekday(), nxt.hour, nxt.minute) == (0, 8, 30)

    # make the stored job due now: the scheduler itself runs it, from the job store
    await asyncio.to_thread(bot.core.jobs.scheduler.modify_job, "bc:1", next_run_time=datetime.now(TZ))
    for g in (GROUP, GROUP_B):
        assert (await last(tg, g["id"], 2))["plain_text"] == "本周安全提示：雨天路滑，慢行"
    report = await last(tg, SEC["id"], len(await tg.messages(SEC["id"])) + 1)
    assert "已送达 2" in report["plain_text"] and "周期推送" in report["plain_text"]
    assert bot.core.jobs.ids("bc:") == ["bc:1"]  # still there for next week
    nxt = bot.core.jobs.next_run("bc:1").astimezone(TZ)
    assert (nxt.weekday(), nxt.hour, nxt.minute) == (0, 8, 30) and nxt > datetime.now(TZ)
    async with db() as s:
        assert (await s.exec(select(Broadcast))).one().status == "recurring"


def _ready(bot, old):
    async def check() -> bool:
        return bot.core is not old and bot.core.leading
    return check


async def _rider_case(tg, who: dict, text: str) -> None:
    before = len(await tg.messages(GROUP["id"]))
    await tg.send(GROUP, who, text)
    await tg.wait(GROUP["id"], before + 1)


async def test_blocked_rider_is_skipped_and_counted(bot, tg, db) -> None:
    await _setup(tg, groups=(GROUP,))
    for who in (LI, WANG, AMY):
        await tg.send(private(who), who, "/start")
    await _rider_case(tg, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    await _rider_case(tg, WANG, "光华路桥下积水很深 电动车过不去")
    await _rider_case(tg, AMY, "Manhole cover missing on Keyuan Rd near the metro exit")
    await alerted(tg, SEC["id"], "C-000003")  # urgent: before it, the secretary's next message may be its alert
    await tg.http.post(f"{tg.base_url}/_emu/block", json={"chat_id": AMY["id"], "blocked": True})
    rider_msgs = {w["id"]: len(await tg.messages(w["id"])) for w in (LI, WANG)}

    preview = await _say(tg, SEC, "/broadcast riders now 骑手驿站今天下午免费体检")
    assert "3 个聊天" in preview["plain_text"]
    await _confirm(tg, SEC, preview)
    report = await last(tg, SEC["id"], len(await tg.messages(SEC["id"])) + 1)
    assert "已送达 2" in report["plain_text"] and "已屏蔽 1" in report["plain_text"], report["plain_text"]
    for w in (LI, WANG):
        assert (await last(tg, w["id"], rider_msgs[w["id"]] + 1))["plain_text"] == "骑手驿站今天下午免费体检"
    async with db() as s:
        assert (await s.get(Chat, AMY["id"])).blocked

    # the next broadcast does not even try: the chat is skipped at fan-out, and counted
    calls = (await tg.stats())["calls"]["sendMessage"]
    preview = await _say(tg, SEC, "/broadcast riders now 明天降温，注意保暖")
    assert "2 个聊天" in preview["plain_text"] and "1 个聊天已屏蔽" in preview["plain_text"]
    await _confirm(tg, SEC, preview)
    report = await last(tg, SEC["id"], len(await tg.messages(SEC["id"])) + 1)
    assert "已送达 2" in report["plain_text"] and "已屏蔽 1" in report["plain_text"]
    async with db() as s:
        run = (await s.exec(select(BroadcastRun).where(BroadcastRun.id == 2))).one()
        assert (run.planned, run.skipped) == (2, 1)
        assert not (await s.exec(select(OutboxMessage).where(OutboxMessage.dedupe_key == f"bc:2:{AMY['id']}"))).all()
    # preview, confirmation, report and the two sends: no attempt on the blocked chat
    assert (await tg.stats())["calls"]["sendMessage"] == calls + 5


@pytest.mark.parametrize("sender", [SCALED_SENDER])
async def test_600_messages_across_50_groups_no_429_and_case_replies_overtake(bot, tg, db) -> None:
    groups = [{"id": -1009000 - i, "type": "supergroup", "title": f"骑手{i}群"} for i in range(50)]
    secretaries = [{"id": 1000 + i, "first_name": f"书记{i}", "language_code": "zh"} for i in range(12)]
    await tg.send(private(BOSS), BOSS, "/start")
    for g in groups:
        await tg.send(g, BOSS, "/bind cy 朝阳支部")
    for sec in secretaries:
        await tg.send(private(sec), sec, "/start")
        await tg.send(private(BOSS), BOSS, f"/grant {sec['id']} secretary cy")
    await tg.wait(BOSS["id"], 12, timeout=30)
    for g in groups:
        await tg.wait(g["id"], 1, timeout=30)
    previews = []
    for n, sec in enumerate(secretaries, 1):  # twelve drafts (one per secretary) of 50 messages each
        previews.append(await _say(tg, sec, f"/broadcast all now 第{n}号通知"))
    assert all("50 个聊天" in p["plain_text"] for p in previews)

    await tg.config(**SCALED)
    before = await tg.stats()
    started = time.monotonic()
    await asyncio.gather(*(tg.press(sec["id"], p["message_id"], sec, buttons(p)[0])
                           for sec, p in zip(secretaries, previews)))
    await until(lambda: _queued(db, 600), timeout=60)
    report = await tg.send(groups[0], LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")  # mid-broadcast

    for g in groups:
        got = await tg.wait(g["id"], 1 + 12 + (g is groups[0]), timeout=60)
        bodies = [m["plain_text"] for m in got if m["plain_text"].endswith("号通知")]
        assert sorted(bodies) == sorted(f"第{n}号通知" for n in range(1, 13)), g
    elapsed = time.monotonic() - started
    after = await tg.stats()
    assert after["errors"].get("429", 0) == before["errors"].get("429", 0) == 0, after["errors"]
    assert after["sent"] - before["sent"] >= 600

    async with db() as s:
        reply = (await s.exec(select(OutboxMessage).where(OutboxMessage.kind == "case-created"))).one()
        later = (await s.exec(select(OutboxMessage).where(OutboxMessage.kind == "bc-message",
                                                          OutboxMessage.sent_at > reply.sent_at))).all()
    assert reply.reply_to_message_id == report["message_id"]
    # Overtaking is an order, not a time (a loaded machine slows both): behind the queue, the reply
    # would have gone after every broadcast message; ahead of it, more than a hundred follow it.
    waited = (reply.sent_at - reply.created_at).total_seconds()
    assert len(later) > 100, (waited, len(later), elapsed)
    # every secretary gets their delivery report
    for sec in secretaries:
        msgs = await tg.wait(sec["id"], 4, timeout=30)
        assert "已送达 50" in msgs[-1]["plain_text"], msgs[-1]["plain_text"]


async def _queued(db, n: int) -> bool:
    async with db() as s:
        rows = (await s.exec(select(OutboxMessage.id).where(OutboxMessage.kind == "bc-message"))).all()
    return len(rows) >= n


async def test_refusals_and_bad_input_get_clear_answers(bot, tg, db) -> None:
    await _setup(tg)
    await _say(tg, LI, "/start")
    assert "只有支部书记" in (await _say(tg, LI, "/broadcast all now 大家好"))["plain_text"]
    assert "只有支部书记" in (await _say(tg, LI, "/broadcasts"))["plain_text"]
    before = len(await tg.messages(GROUP["id"]))
    await tg.send(GROUP, SEC, "/broadcast all now 大家好")
    assert "私聊" in (await last(tg, GROUP["id"], before + 1))["plain_text"]

    bad_when = (await _say(tg, SEC, "/broadcast when=下周八 开会"))["plain_text"]
    assert "没看懂这个时间" in bad_when and "每周一 08:30" in bad_when
    assert "已经过去" in (await _say(tg, SEC, "/broadcast all 2020-01-01 08:00 旧通知"))["plain_text"]
    assert "请写上几点" in (await _say(tg, SEC, "/broadcast all when=每周一 例会"))["plain_text"]
    unknown = (await _say(tg, SEC, "/broadcast groups=不存在 now 你好"))["plain_text"]
    assert "找不到群“不存在”" in unknown and str(GROUP["id"]) in unknown
    assert "内容太长" in (await _say(tg, SEC, "/broadcast all now " + "很长" * 2500))["plain_text"]
    assert "没有待发的草稿" in (await _say(tg, SEC, "/broadcast cancel"))["plain_text"]
    assert "不存在" in (await _say(tg, SEC, "/broadcasts cancel 99"))["plain_text"]
    assert "用法" in (await _say(tg, SEC, "/broadcasts cancel abc"))["plain_text"]
    assert "/broadcast all now" in (await _say(tg, SEC, "/broadcast help"))["plain_text"]

    # a draft waits for its body: a voice note is refused, a rider's private report is untouched
    assert "请把要推送的内容发给我" in (await _say(tg, SEC, "/broadcast"))["plain_text"]
    before = len(await tg.messages(SEC["id"]))
    await tg.send(private(SEC), SEC, voice={"duration": 3})
    assert "没法推送" in (await last(tg, SEC["id"], before + 1))["plain_text"]
    assert "已登记工单" in (await _say(tg, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的"))["plain_text"]
    assert "草稿已放弃" in (await _say(tg, SEC, "/broadcast cancel"))["plain_text"]
    preview = await _say(tg, SEC, "/broadcast all now 预览后取消")
    go, x = buttons(preview)
    drop = await tg.press(SEC["id"], preview["message_id"], SEC, x)
    assert "草稿已放弃" in (await answer_for(tg, drop))["text"]
    late = await tg.press(SEC["id"], preview["message_id"], SEC, go)
    assert "已不存在" in (await answer_for(tg, late))["text"]
    assert "推送预览" not in (await _say(tg, SEC, "站点今天几点开门"))["plain_text"]  # no draft: not captured
    assert [len(await tg.messages(g["id"])) for g in (GROUP, GROUP_B)] == [2, 1]  # bind reply, the refusal


async def test_chosen_groups_and_forwarded_formatting(bot, tg, db) -> None:
    await _setup(tg)
    preview = await _say(tg, SEC, "/broadcast groups=riders,-100100 when=now 两个群都收到")
    assert "选定的 2 个群（Riders East和朝阳骑手一群）（2 个聊天）" in preview["plain_text"], preview["plain_text"]
    await _say(tg, SEC, "/lang en")  # (the chosen groups in brackets as each language writes them)
    preview = await _say(tg, SEC, "/broadcast groups=riders,-100100 when=now 两个群都收到")
    assert "2 chosen groups (Riders East and 朝阳骑手一群) (2 chats)" in preview["plain_text"], preview["plain_text"]
    await _say(tg, SEC, "/lang zh")
    preview = await _say(tg, SEC, "/broadcast groups=riders,-100100 when=now 两个群都收到")
    await _confirm(tg, SEC, preview)
    for g in (GROUP, GROUP_B):
        assert (await last(tg, g["id"], 2))["plain_text"] == "两个群都收到"

    async def reported() -> bool:  # the delivery report, before the next command's answer is awaited
        return any("已送达 2" in str(m.get("plain_text")) for m in await tg.messages(SEC["id"]))
    await until(reported)
    preview = await _say(tg, SEC, "/broadcast groups=Riders")
    assert "请把要推送的内容发给我" in preview["plain_text"]
    before = len(await tg.messages(SEC["id"]))
    await tg.send(private(SEC), SEC, caption="<i>停电</i> 通知 & 安排", photo=True)  # a photo with a caption
    preview = await last(tg, SEC["id"], before + 1)
    assert preview["photo"] and "选定的 1 个群" in preview["plain_text"]
    await _confirm(tg, SEC, preview)
    got = await last(tg, GROUP_B["id"], 3)
    assert got["photo"] and got["plain_text"] == "<i>停电</i> 通知 & 安排"
    await asyncio.sleep(0.3)
    assert len(await tg.messages(GROUP["id"])) == 2


async def test_needs_overview_counts_the_branch_last_30_days(bot, tg, db) -> None:
    await _setup(tg, groups=(GROUP,))
    await tg.send(GROUP_B, BOSS, "/bind hd Haidian")
    await tg.wait(GROUP_B["id"], 1)
    now = datetime.now(timezone.utc)
    async with db() as s:
        cy = (await s.exec(select(Chat).where(Chat.id == GROUP["id"]))).one().branch_id
        hd = (await s.exec(select(Chat).where(Chat.id == GROUP_B["id"]))).one().branch_id
        rows = [("lighting", "幸福小区3号门", "normal", "new", cy, 1), ("lighting", "幸福小区3号门", "normal", "closed", cy, 2),
                ("waterlogging", "光华路桥下", "normal", "new", cy, 3), ("lighting", "建国路", "low", "new", cy, 4),
                ("road", "建设路 13812345678", "urgent", "accepted", cy, 5),
                ("road", "老地方", "urgent", "new", cy, 40),          # older than 30 days: only in the urgent list
                ("sanitation", "海淀某处", "urgent", "new", hd, 1)]   # another branch
        for cat, place, urgency, status, branch, days in rows:
            s.add(Case(category=cat, urgency=urgency, status=status, text="…", location=place, reporter_id=LI["id"],
                       chat_id=GROUP["id"], branch_id=branch, created_at=now - timedelta(days=days)))
        await s.commit()
    text = (await _say(tg, SEC, "/needs"))["plain_text"]
    assert "朝阳支部" in text and "近 30 天" in text and "共上报 5 件" in text, text
    assert text.index("路灯照明 — 3") < text.index("积水") and "幸福小区3号门 — 2" in text
    assert "13812345678" not in text and "138****5678" in text  # the negative list
    urgent = text[text.index("未结的紧急工单"):]
    assert "（2 件）" in urgent and "C-000005" in urgent and "C-000006" in urgent and "海淀" not in text
    assert "共上报 6 件" in (await _say(tg, SEC, "/needs 60"))["plain_text"]
    assert "用法" in (await _say(tg, SEC, "/needs 0"))["plain_text"]
    assert "范围内没有" in (await _say(tg, SEC, "/needs 30 hd"))["plain_text"]  # another branch reads as none
    await tg.send(private(BOSS), BOSS, "/needs 30 hd")
    assert "Haidian" in (await last(tg, BOSS["id"], 3))["plain_text"]


def test_catalogue_has_every_key_in_both_languages_once() -> None:
    """Every key the feature uses exists in zh and en, defined in broadcasts.ftl only."""
    import re
    from pathlib import Path

    from bot import i18n
    from handlers.render import _COMPOSED
    root = Path(__file__).resolve().parents[2]
    sources = ["bot/services/broadcasts.py", "bot/services/surveys.py", "bot/services/needs.py", "bot/timeparse.py",
               "handlers/broadcasts.py", "handlers/render_broadcasts.py"]
    used = {k for f in sources for k in re.findall(r'"((?:bc|sv|when|needs)-[a-z0-9-]+)"', (root / f).read_text())}
    used |= {f"when-dow-{d}" for d in range(7)} | {"sv-status-open", "sv-status-closed"}
    used -= set(_COMPOSED) | {"bc-fire"}  # notice kinds written by composers; a stored job's kind
    for lang in i18n.LANGS:
        assert not used - i18n.message_keys(lang), (lang, used - i18n.message_keys(lang))
        mine = set(re.findall(r"^([a-z][a-z0-9-]*) =", (root / f"bot/locales/{lang}/broadcasts.ftl").read_text(), re.M))
        others = {k for p in (root / f"bot/locales/{lang}").glob("*.ftl") if p.name != "broadcasts.ftl"
                  for k in re.findall(r"^([a-z][a-z0-9-]*) =", p.read_text(), re.M)}
        assert not mine & others, mine & others
    zh, en = (set(re.findall(r"^([a-z][a-z0-9-]*) =", (root / f"bot/locales/{lang}/broadcasts.ftl").read_text(), re.M))
              for lang in ("zh", "en"))
    assert zh == en, zh ^ en


async def test_broadcast_list_lists_and_sends_nothing(bot, tg, db) -> None:
    """'/broadcast list' (the secretary meaning /broadcasts, as '/survey list' is) was read as a text to
    send: '📢 推送预览 #2 · 发给：本支部全部群 · 时间：立即 · list', one tap from every group."""
    await _setup(tg)
    await _confirm(tg, SEC, await _say(tg, SEC, "/broadcast groups=Riders when=每周一08:30 午休提醒"))
    for word in ("list", "列表"):
        listing = (await _say(tg, SEC, f"/broadcast {word}"))["plain_text"]
        assert "推送预览" not in listing and "#1" in listing and "每周一" in listing, listing
    assert (await _say(tg, SEC, "/broadcast 列表 明天 早上8点开会"))["plain_text"].startswith("📢 推送预览")
