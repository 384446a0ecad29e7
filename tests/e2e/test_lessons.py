"""Micro lessons through the real bot: plans and permissions, stored jobs across restarts,
pushes with buttons, one-tap completion (repeated and concurrent), the quiz, /lesson, /stats lessons."""
from __future__ import annotations

import asyncio
import json
import logging
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from bot.app import Core
from bot.lessons.catalog import load_catalog
from bot.lessons.shifts import DEFAULT_PROFILE, ShiftProfile, parse_profile
from bot.scheduling import build_scheduler, jobstore_url
from bot.services.lessons import REFERENCE_WEEK, job_id
from storage.deferred import DeferredInserts
from storage.models import Branch, OutboxMessage
from storage.models.lessons import LessonCompletion, LessonDelivery, LessonQuizAnswer, LessonSchedule
from storage.repositories.lessons import LessonRepository
from tests.conftest import (AMY, BOSS, GROUP, GROUP_B, LI, SEC, SEC_B, WANG, answer_for, buttons, ledger, private,
                            said, two_branches, until, with_boss)
from tests.e2e.test_delivery import _count

TZ = ZoneInfo("Asia/Shanghai")
MONDAY_LULL = datetime(2025, 3, 3, 14, 30, tzinfo=TZ)  # a Monday, in the lunch lull
MON_WED_FRI = [job_id(GROUP["id"], d) for d in (4, 0, 2)]  # sorted: fri, mon, wed
FIRST = load_catalog().lessons[0]  # report-a-hazard, with a quiz whose answer is B
LESSON_POINTS, QUIZ_POINTS = 2, 1  # rules lesson_completed, quiz_correct in bot/points/rules_default.toml


@pytest.fixture
def settings(settings):
    return with_boss(settings)


def at(when: datetime):
    return lambda: when.astimezone(UTC)


async def _jobs(bot, prefix: str = "lesson:-") -> list[str]:
    return await asyncio.to_thread(bot.core.jobs.ids, prefix)


async def _jobs_are(bot, expected: list[str]) -> None:
    async def check() -> bool:
        return await _jobs(bot) == sorted(expected)
    await until(check)


async def _plan(tg, bot, days: str = "一三五") -> dict:
    reply = await said(tg, GROUP, SEC, f"/lessons plan {days}")
    await until(lambda: _has_jobs(bot))
    return reply


async def _has_jobs(bot) -> bool:
    return bool(await _jobs(bot))


async def _push(tg, bot, when: datetime = MONDAY_LULL, chat: dict = GROUP) -> dict:
    """Run the group's stored push job for `when`'s weekday, as the scheduler would."""
    bot.core.lessons.clock = at(when)
    before = len(await tg.messages(chat["id"]))
    await bot.core.run_job("lesson-push", chat["id"], when.weekday())
    return (await tg.wait(chat["id"], before + 1))[before]


async def _credits(db, count: int) -> list[tuple[int, str, str, int]]:
    """The points ledger as (rider, rule, source key, points), once it has `count` lines."""
    return [(e.user_id, e.rule, e.source_key, e.points) for e in await ledger(db, at_least=count)]


def _lesson_credit(user: dict) -> tuple[int, str, str, int]:
    return user["id"], "lesson_completed", f"lesson:{FIRST.id}:{user['id']}", LESSON_POINTS


def _quiz_credit(user: dict) -> tuple[int, str, str, int]:
    return user["id"], "quiz_correct", f"quiz:{FIRST.id}:{user['id']}", QUIZ_POINTS


def _local_minute(when: datetime) -> int:
    local = when.astimezone(TZ)
    return local.hour * 60 + local.minute


# --- plans and permissions -------------------------------------------------------------------
async def test_plan_is_refused_to_riders_and_to_other_branches(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG)
    refused = await said(tg, GROUP, LI, "/lessons plan 一三五")
    assert "只有本支部的书记" in refused["text"]
    other = await said(tg, GROUP, SEC_B, "/lessons plan mon,wed,fri")
    assert "Only a secretary of this branch" in other["text"]
    # in private, a secretary can only choose among their own branch's groups
    forged = await said(tg, private(SEC_B), SEC_B, f"/lessons {GROUP['id']} plan mon")
    assert "No group" in forged["text"]
    assert "只有本支部的书记" in (await said(tg, private(LI), LI, "/lessons plan 一三五"))["text"]
    await asyncio.sleep(0.3)
    assert await _count(db, LessonSchedule) == 0 and await _jobs(bot) == []


async def test_plan_stores_jobs_with_stable_ids_inside_off_peak_windows(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG)
    reply = await _plan(tg, bot)
    assert "推送日：周一、周三、周五" in reply["text"] and "14:00-16:00" in reply["text"], reply["text"]
    await _jobs_are(bot, MON_WED_FRI)
    allowed = DEFAULT_PROFILE.allowed_minutes()
    runs = {jid: bot.core.jobs.next_run(jid) for jid in MON_WED_FRI}
    for jid, when in runs.items():
        assert _local_minute(when) in allowed, (jid, when)
        assert when.astimezone(TZ).strftime("%a").lower() == jid.rsplit(":", 1)[1]
    # the same plan again moves nothing: same ids, same next runs
    await said(tg, GROUP, SEC, "/lessons plan mon,wed,fri")
    assert {jid: bot.core.jobs.next_run(jid) for jid in await _jobs(bot)} == runs
    # fewer days: the dropped days' jobs go
    await said(tg, GROUP, SEC, "/lessons plan 周一")
    await _jobs_are(bot, [job_id(GROUP["id"], 0)])
    assert bot.core.jobs.next_run(job_id(GROUP["id"], 0)) == runs[job_id(GROUP["id"], 0)]


async def test_groups_of_one_branch_never_share_a_minute(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG)
    await said(tg, GROUP_B, BOSS, "/bind cy")  # both groups in branch cy now
    await said(tg, GROUP, SEC, "/lessons plan 每天")
    await said(tg, GROUP_B, SEC, "/lessons plan daily")
    await _jobs_are(bot, [job_id(g, d) for g in (GROUP["id"], GROUP_B["id"]) for d in range(7)])
    async with db() as s:
        slots = {r.chat_id: r.slots for r in (await s.exec(select(LessonSchedule))).all()}
    a, b = slots[GROUP["id"]], slots[GROUP_B["id"]]
    assert a.keys() == b.keys() == {str(d) for d in range(7)}
    assert all(a[d] != b[d] for d in a)
    for chat, planned in slots.items():  # what is stored is what the jobs run
        for d, minute in planned.items():
            assert _local_minute(bot.core.jobs.next_run(job_id(chat, int(d)))) == minute


async def test_shifts_command_moves_the_times_and_off_stops_them(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG)
    await _plan(tg, bot)
    reply = await said(tg, GROUP, SEC, "/lessons shifts 错峰 15:00-15:30; 早会 none")
    assert "15:00-15:30" in reply["text"], reply["text"]
    window = parse_profile("错峰 15:00-15:30; 早会 none").allowed_minutes()

    async def moved() -> bool:
        runs = [bot.core.jobs.next_run(jid) for jid in MON_WED_FRI]
        return all(r is not None and _local_minute(r) in window for r in runs)
    await until(moved)
    bad = await said(tg, GROUP, SEC, "/lessons shifts 高峰 25:00-26:00")
    assert "看不懂这个班次" in bad["text"]
    await said(tg, GROUP, SEC, "/lessons off")
    await _jobs_are(bot, [])
    assert "未开启推送" in (await said(tg, GROUP, SEC, "/lessons"))["text"]


async def test_secretary_plans_from_private_by_group_number(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG)
    await said(tg, GROUP_B, BOSS, "/bind cy")
    listing = await said(tg, private(SEC), SEC, "/lessons")
    assert "1. Riders East" in listing["text"] and "2. 朝阳骑手一群" in listing["text"], listing["text"]
    reply = await said(tg, private(SEC), SEC, "/lessons 2 plan mon,wed,fri")
    assert "朝阳骑手一群" in reply["text"] and "周一" in reply["text"]
    await _jobs_are(bot, MON_WED_FRI)


async def test_bad_input_gets_a_clear_answer(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG)
    assert "用法" in (await said(tg, GROUP, SEC, "/lessons <b>&amp;</b>"))["text"]
    assert "用法" in (await said(tg, GROUP, SEC, "/lessons plan"))["text"]
    long = await said(tg, GROUP, SEC, "/lessons plan " + "周八<&>" * 900)
    assert "看不懂这些星期" in long["text"] and len(long["text"]) < 1000
    assert "看不懂这个班次" in (await said(tg, GROUP, SEC, "/lessons shifts 高峰 10:30"))["text"]
    assert "找不到群" in (await said(tg, private(SEC), SEC, "/lessons 99999999999999999999 plan mon"))["text"]
    assert "/stats lessons 7" in (await said(tg, private(SEC), SEC, "/stats lessons soon"))["text"]
    await _plan(tg, bot)
    lesson = await _push(tg, bot)
    for forged in ("ls:999:d", "ls:1:7"):  # no such push; no such option
        gone = await answer_for(tg, await tg.press(GROUP["id"], lesson["message_id"], LI, forged))
        assert "已经不在了" in gone["text"]
    assert await _count(db, LessonCompletion) == 0 and await _count(db, LessonQuizAnswer) == 0


# --- persistence --------------------------------------------------------------------------------
async def _move_next_run(settings, jid: str, when: datetime) -> None:
    """While the bot is down: pretend `jid` was due at `when` (the job store keeps the rest)."""
    scheduler = build_scheduler(settings.database_url, settings.tz)
    scheduler.start(paused=True)
    try:
        scheduler.modify_job(jid, next_run_time=when)
    finally:
        scheduler.shutdown(wait=False)


def _with_clock(bot, when: datetime) -> None:
    """Set the lesson clock of the next start before its scheduler runs anything."""
    ready = type(bot)._ready.__get__(bot)

    def hook(core: Any) -> None:
        ready(core)
        core.lessons.clock = at(when)
    bot._ready = hook


async def test_jobs_survive_a_restart_and_a_missed_run_is_delivered_once(bot, tg, db, settings, caplog) -> None:
    await two_branches(tg, LI, WANG)
    await _plan(tg, bot)
    await _jobs_are(bot, MON_WED_FRI)
    runs = {jid: bot.core.jobs.next_run(jid) for jid in MON_WED_FRI}
    await bot.stop()
    monday = job_id(GROUP["id"], 0)
    await _move_next_run(settings, monday, datetime.now(TZ) - timedelta(minutes=2))  # within grace
    friday = job_id(GROUP["id"], 4)
    await _move_next_run(settings, friday, datetime.now(TZ) - timedelta(hours=1))  # beyond grace
    before = len(await tg.messages(GROUP["id"]))
    _with_clock(bot, MONDAY_LULL)
    with caplog.at_level(logging.WARNING):
        await bot.start()
        lesson = (await tg.wait(GROUP["id"], before + 1))[before]
        assert FIRST.title_zh in lesson["text"] and "ls:1:d" in buttons(lesson)
        await until(lambda: _next_run_moved(bot, friday))
    assert any("was missed" in r.getMessage() and "day_of_week='fri'" in r.getMessage() for r in caplog.records)
    # every job is still there; those that did not run kept their times
    assert await _jobs(bot) == sorted(MON_WED_FRI)
    assert bot.core.jobs.next_run(job_id(GROUP["id"], 2)) == runs[job_id(GROUP["id"], 2)]
    # the same slot again (a second late run, a manual run): nothing new
    await bot.core.run_job("lesson-push", GROUP["id"], 0)
    await asyncio.sleep(0.5)
    assert len(await tg.messages(GROUP["id"])) == before + 1
    assert await _count(db, OutboxMessage, OutboxMessage.dedupe_key == f"lesson:{GROUP['id']}:2025-03-03") == 1
    assert await _count(db, LessonDelivery) == 1


async def _next_run_moved(bot, jid: str) -> bool:
    when = bot.core.jobs.next_run(jid)
    return when is not None and when > datetime.now(TZ)


async def test_sync_restores_a_lost_job_and_removes_a_stray_one(bot, tg) -> None:
    await two_branches(tg, LI, WANG)
    await _plan(tg, bot)
    await _jobs_are(bot, MON_WED_FRI)
    jobs = bot.core.jobs  # job store writes off the loop: on SQLite they may wait for the bot's commit
    await asyncio.to_thread(jobs.cancel, MON_WED_FRI[0])
    await asyncio.to_thread(lambda: jobs.cron("lesson:-999:mon", "lesson-push", -999, 0, day_of_week="mon", hour=14))
    await bot.core.run_job("lesson-sync")
    assert await _jobs(bot, "lesson:") == sorted(MON_WED_FRI)


async def test_sync_pushes_the_slots_a_dead_leader_took_but_never_ran(bot, tg, db) -> None:
    """A leader killed mid-minute has moved its jobs' next run to next week (APScheduler does so
    when it hands a run over): the next leader's lesson-sync pushes today's slots of the last 15
    minutes that have no lesson, once, and leaves older ones (bench_city found 211 of 500 lost)."""
    await two_branches(tg, LI, WANG)
    await _plan(tg, bot, "mon")
    async with db() as s:
        slot = int((await s.exec(select(LessonSchedule))).one().slots["0"])
    monday_slot = MONDAY_LULL.replace(hour=slot // 60, minute=slot % 60)
    bot.core.lessons.clock = at(monday_slot + timedelta(minutes=16))  # too late: the slot is over
    await bot.core.run_job("lesson-sync")
    assert await _count(db, LessonDelivery) == 0
    bot.core.lessons.clock = at(monday_slot + timedelta(minutes=3))
    before = len(await tg.messages(GROUP["id"]))
    await bot.core.run_job("lesson-sync")
    lesson = (await tg.wait(GROUP["id"], before + 1))[before]
    assert lesson["text"].startswith(f"<b>{FIRST.title_zh}</b>")
    await bot.core.run_job("lesson-sync")  # the hourly sync, or the job's own late run: not again
    await bot.core.run_job("lesson-push", GROUP["id"], 0)
    await asyncio.sleep(0.5)
    assert len(await tg.messages(GROUP["id"])) == before + 1
    assert await _count(db, LessonDelivery) == 1


# --- pushes ------------------------------------------------------------------------------------
async def test_push_arrives_in_the_group_with_buttons_and_each_slot_once(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG)
    await _plan(tg, bot)
    lesson = await _push(tg, bot)
    assert lesson["text"].startswith(f"<b>{FIRST.title_zh}</b>") and "小测验" in lesson["text"]
    assert buttons(lesson) == ["ls:1:d", "ls:1:0", "ls:1:1", "ls:1:2"]
    assert lesson["reply_markup"]["inline_keyboard"][0][0]["text"] == "✅ 学完了"
    before = len(await tg.messages(GROUP["id"]))
    await bot.core.run_job("lesson-push", GROUP["id"], 0)  # the same Monday slot
    bot.core.lessons.clock = at(MONDAY_LULL.replace(hour=12))  # Friday's job run late into the lunch peak
    await bot.core.run_job("lesson-push", GROUP["id"], 4)
    await asyncio.sleep(0.5)
    assert len(await tg.messages(GROUP["id"])) == before
    second = await _push(tg, bot, MONDAY_LULL + timedelta(days=2))  # Wednesday: the next lesson in order
    assert load_catalog().lessons[1].title_zh in second["text"]
    async with db() as s:
        wednesday = (await s.exec(select(LessonDelivery).where(LessonDelivery.id != 1))).one()
    assert buttons(second)[0] == f"ls:{wednesday.id}:d" and str(wednesday.slot_date) == "2025-03-05"
    assert await _count(db, LessonDelivery) == 2


async def test_unplanned_weekday_pushes_nothing(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG)
    await _plan(tg, bot, "mon")
    bot.core.lessons.clock = at(MONDAY_LULL + timedelta(days=1))
    await bot.core.run_job("lesson-push", GROUP["id"], 1)
    assert await _count(db, LessonDelivery) == 0


# --- taking part -------------------------------------------------------------------------------
async def test_completion_counts_once_under_repeated_and_concurrent_presses(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG)
    await _plan(tg, bot)
    lesson = await _push(tg, bot)
    group_before = len(await tg.messages(GROUP["id"]))
    answers = [await answer_for(tg, await tg.press(GROUP["id"], lesson["message_id"], LI, "ls:1:d"))
               for _ in range(3)]
    assert "已记下" in answers[0]["text"] and f"积分 +{LESSON_POINTS}。" in answers[0]["text"]
    assert all("已经学过" in a["text"] for a in answers[1:])
    qids = await asyncio.gather(*(tg.press(GROUP["id"], lesson["message_id"], WANG, "ls:1:d") for _ in range(6)))
    texts = [(await answer_for(tg, q))["text"] for q in qids]
    assert sum("已记下" in x for x in texts) == 1 and sum("已经学过" in x for x in texts) == 5
    assert await _count(db, LessonCompletion) == 2
    assert await _count(db, LessonCompletion, LessonCompletion.user_id == WANG["id"]) == 1
    await asyncio.sleep(0.3)
    assert len(await tg.messages(GROUP["id"])) == group_before  # feedback went to the pressers alone
    assert await _credits(db, 2) == [_lesson_credit(LI), _lesson_credit(WANG)]
    async with db() as s:
        rows = (await s.exec(select(LessonCompletion))).all()
    assert {r.chat_id for r in rows} == {GROUP["id"]} and {r.delivery_id for r in rows} == {1}


async def test_quiz_feedback_is_a_callback_answer_only(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG)
    await _plan(tg, bot)
    lesson = await _push(tg, bot)
    group_before = len(await tg.messages(GROUP["id"]))
    wrong = await answer_for(tg, await tg.press(GROUP["id"], lesson["message_id"], LI, "ls:1:0"))
    assert wrong["show_alert"] and "正确答案：B." in wrong["text"]
    again = await answer_for(tg, await tg.press(GROUP["id"], lesson["message_id"], LI, "ls:1:1"))
    assert "已经答过" in again["text"]
    right = await answer_for(tg, await tg.press(GROUP["id"], lesson["message_id"], AMY, "ls:1:1"))
    assert "Correct" in right["text"] and f"+{LESSON_POINTS + QUIZ_POINTS} points" in right["text"]  # taking part + right
    done = await answer_for(tg, await tg.press(GROUP["id"], lesson["message_id"], AMY, "ls:1:d"))
    assert "already done" in done["text"]  # answering counted as taking part
    await asyncio.sleep(0.3)
    assert len(await tg.messages(GROUP["id"])) == group_before
    async with db() as s:
        answers = {a.user_id: (a.choice, a.correct) for a in (await s.exec(select(LessonQuizAnswer))).all()}
    assert answers == {LI["id"]: (0, False), AMY["id"]: (1, True)}
    # a wrong answer takes part too, and earns no more
    assert await _credits(db, 3) == [_lesson_credit(LI), _lesson_credit(AMY), _quiz_credit(AMY)]


async def test_the_points_bank_credits_a_lesson_and_a_right_answer_once(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG)
    await _plan(tg, bot)
    lesson = await _push(tg, bot)
    right = await answer_for(tg, await tg.press(GROUP["id"], lesson["message_id"], LI, "ls:1:1"))
    assert f"积分 +{LESSON_POINTS + QUIZ_POINTS}" in right["text"], right["text"]
    again = await answer_for(tg, await tg.press(GROUP["id"], lesson["message_id"], LI, "ls:1:d"))
    assert "已经学过" in again["text"]
    assert await _credits(db, 2) == [_lesson_credit(LI), _quiz_credit(LI)]


async def test_a_right_answer_after_done_earns_one_point_said_in_the_singular(bot, tg, db) -> None:
    """✅ first, then the right answer: the answer earns quiz_correct alone, one point, "+1 point"."""
    await two_branches(tg, LI, WANG)
    await tg.send(private(AMY), AMY, "/start")
    await _plan(tg, bot)
    lesson = await _push(tg, bot)
    done = await answer_for(tg, await tg.press(GROUP["id"], lesson["message_id"], AMY, "ls:1:d"))
    assert done["text"].endswith(f"+{LESSON_POINTS} points.")
    right = await answer_for(tg, await tg.press(GROUP["id"], lesson["message_id"], AMY, "ls:1:1"))
    assert "Correct" in right["text"] and right["text"].endswith("+1 point."), right["text"]
    assert await _credits(db, 2) == [_lesson_credit(AMY), _quiz_credit(AMY)]


async def test_quiz_answers_end_their_sentence(bot, tg, db) -> None:
    """Every quiz answer ends with its full stop, in Chinese (。) and in English (.), also the one a
    repeated press gets ('…正确答案：B. 每次状态变化，机器人都会在原消息下回复你' ended bare)."""
    await two_branches(tg, LI, WANG)
    await tg.send(private(AMY), AMY, "/start")
    await _plan(tg, bot)
    lesson = await _push(tg, bot)
    for who, ending in ((WANG, "原消息下回复你。"), (AMY, "at every status change.")):
        for option in ("ls:1:1", "ls:1:0"):  # the right answer, then again
            got = await answer_for(tg, await tg.press(GROUP["id"], lesson["message_id"], who, option))
            assert ending in got["text"], got["text"]
        assert got["text"].endswith(ending), got["text"]


async def test_lesson_in_private_catches_up_and_counts_once(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG)
    assert "还没有推送过" in (await said(tg, private(LI), LI, "/lesson"))["text"]
    await _plan(tg, bot)
    group_lesson = await _push(tg, bot)
    assert "/lesson" in (await said(tg, GROUP, LI, "/lesson"))["text"]  # in a group: a pointer to private
    mine = await said(tg, private(LI), LI, "/lesson")
    assert FIRST.title_zh in mine["text"] and buttons(mine) == buttons(group_lesson)
    caught = await answer_for(tg, await tg.press(LI["id"], mine["message_id"], LI, "ls:1:d"))
    assert "已记下" in caught["text"]
    late = await answer_for(tg, await tg.press(GROUP["id"], group_lesson["message_id"], LI, "ls:1:d"))
    assert "已经学过" in late["text"]
    async with db() as s:
        [row] = (await s.exec(select(LessonCompletion))).all()
    assert (row.user_id, row.chat_id, row.delivery_id, row.lesson_id) == (LI["id"], LI["id"], 1, FIRST.id)
    again = await said(tg, private(LI), LI, "/lesson")
    assert "你已经学完了" in again["text"]
    assert await _credits(db, 1) == [_lesson_credit(LI)]
    async with db() as s:
        assert [c.lesson_id for c in await _completions_of(s, LI["id"])] == [FIRST.id]


async def _completions_of(session: Any, user_id: int) -> list[LessonCompletion]:
    return await LessonRepository(session, DeferredInserts()).completions_of(user_id, datetime(2000, 1, 1, tzinfo=UTC))


# --- figures -----------------------------------------------------------------------------------
async def test_stats_lessons_per_group_of_the_secretarys_branch(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG)
    await _plan(tg, bot)
    await said(tg, GROUP, WANG, "幸福小区3号门的路灯坏了 晚上黑乎乎的")  # WANG is seen in the group
    lesson = await _push(tg, bot)
    await answer_for(tg, await tg.press(GROUP["id"], lesson["message_id"], LI, "ls:1:1"))
    bot.core.lessons.clock = at(datetime.now(TZ))
    stats = await said(tg, private(SEC), SEC, "/stats lessons")
    text = stats["text"]
    assert "朝阳骑手一群" in text and "Riders East" not in text, text
    # 1 lesson, 1 completion (LI, by quiz), riders known: WANG (reported) and LI
    assert "推送 1 课" in text and "学完 1 人次" in text and "参与 1/2 人" in text and "完成率 50%" in text
    assert "测验正确率 100%（1/1）" in text
    refused = await said(tg, private(LI), LI, "/stats lessons")
    assert "只有本支部的书记" in refused["text"]
    other = await said(tg, private(SEC_B), SEC_B, "/stats lessons 7")
    assert "Riders East" in other["text"] and "朝阳" not in other["text"] and "last 7 days" in other["text"]


# --- pure parts --------------------------------------------------------------------------------
def test_next_lesson_is_the_first_not_had_then_the_longest_ago() -> None:
    catalog = load_catalog()
    ids = [lesson.id for lesson in catalog.lessons]
    t0 = datetime(2025, 1, 1, tzinfo=UTC)
    assert catalog.next_for({}).id == ids[0]
    assert catalog.next_for({ids[0]: t0, ids[2]: t0}).id == ids[1]
    everything = {lesson_id: t0 + timedelta(days=i) for i, lesson_id in enumerate(ids)}
    everything[ids[0]] = t0 + timedelta(days=99)
    assert catalog.next_for(everything).id == ids[1]


def test_reference_week_is_a_monday_and_profiles_round_trip() -> None:
    assert REFERENCE_WEEK.weekday() == 0
    profile = parse_profile("高峰 10:00-12:00 17:00-19:00; 早会 08:30; 免打扰 22:00-06:30")
    assert ShiftProfile.from_dict(json.loads(json.dumps(profile.to_dict()))) == profile


async def test_a_job_can_be_stored_while_a_transaction_of_ours_holds_the_write_lock(settings) -> None:
    """On SQLite the job store has a file of its own: sharing ours, this write waited for a lock
    that only the blocked event loop could release (5 s, then 'database is locked')."""
    assert jobstore_url("sqlite+aiosqlite:////x/sentinel.db") == "sqlite:////x/sentinel.jobs.db"
    assert jobstore_url("postgresql+asyncpg://u@h/db") == "postgresql+psycopg://u@h/db"
    core = await Core.open(settings, migrate=False)
    core.jobs.scheduler.start(paused=True)
    try:
        async with core.uow() as uow:
            uow.branches.add(Branch(code="lock", name="lock"))
            await uow.session.flush()  # our transaction now holds SQLite's write lock
            started = asyncio.get_running_loop().time()
            core.jobs.cron("lesson:-1:mon", "lesson-push", -1, 0, day_of_week="mon", hour=14)
            assert asyncio.get_running_loop().time() - started < 1.0
            await uow.commit()
        assert core.jobs.ids("lesson:-1") == ["lesson:-1:mon"]
    finally:
        core.jobs.scheduler.shutdown(wait=False)
        await core.close()
