"""Check-ins through the real bot: activities, /checkin with and without a place, report-ins,
volunteer hours, /stats checkins and the attendance export. The check-in service's clock is
the test's (settings.tz is Asia/Shanghai, UTC+8)."""
from __future__ import annotations

import asyncio
import csv
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from bot.checkins.errors import CheckinError
from bot.checkins.parsing import CODE_ALPHABET, parse_activity, parse_hours, streak_days, streak_weeks
from storage.models.checkins import Activity, ActivityCheckin, ReportIn, VolunteerHours
from tests.conftest import (AMY, BOSS, GROUP, GROUP_B, LI, SEC, SEC_B, WANG, answer_for, buttons, ledger, private, said,
                            two_branches, until, with_boss)

TZ = ZoneInfo("Asia/Shanghai")
PLACE = {"latitude": 39.90870, "longitude": 116.39750}
NEAR = {"latitude": 39.90950, "longitude": 116.39750}   # ~89 m north
FAR = {"latitude": 39.92670, "longitude": 116.39750}    # ~2 km north


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=TZ)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now.astimezone(timezone.utc)


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def next_in(tg, chat_id: int, before: int) -> dict:
    msgs = await tg.wait(chat_id, before + 1)
    assert len(msgs) > before, f"nothing new in {chat_id}"
    return msgs[before]


async def pin_first(tg, who: dict, where: dict) -> tuple[dict, dict]:
    """`who` sends a pin alone in private (to reply to it with a command): the pin, and its answer."""
    before = len(await tg.messages(who["id"]))
    pin = await tg.send(private(who), who, location=where)
    return pin, await next_in(tg, who["id"], before)


async def activities(db) -> list[Activity]:
    async with db() as s:
        return list((await s.exec(select(Activity).order_by(Activity.id))).all())


async def create(tg, db, args: str = '"周六社区清洁" 2026-12-05 09:00 2h', who=SEC, **extra: Any) -> tuple[Activity, dict]:
    reply = await said(tg, who["id"], who, f"/activity new {args}", **extra)
    activity = (await activities(db))[-1]
    return activity, reply


async def test_secretary_creates_an_activity_and_a_rider_cannot(bot, tg, db, clock) -> None:
    await two_branches(tg, LI, WANG)
    activity, reply = await create(tg, db)
    assert activity.code in reply["text"] and "周六社区清洁" in reply["text"]
    assert "12-05 09:00–11:00" in reply["text"]
    assert re.fullmatch(f"[{CODE_ALPHABET}]{{5}}", activity.code)
    assert activity.starts_at == datetime(2026, 12, 5, 1, 0, tzinfo=timezone.utc)
    assert activity.ends_at - activity.starts_at == timedelta(hours=2)
    assert activity.radius_m is None and activity.status == "open"

    refused = await said(tg, LI["id"], LI, '/activity new "我的活动" 2026-12-05 09:00 2h')
    assert "只有支部书记" in refused["text"]
    assert len(await activities(db)) == 1

    bad = await said(tg, SEC["id"], SEC, '/activity new "清洁" 2026-12-05 09:00')
    assert "时长" in bad["text"]
    listing = await said(tg, SEC["id"], SEC, "/activity list")
    assert activity.code in listing["text"] and "朝阳支部" in listing["text"]
    # the other branch's secretary may not close it
    # the other branch's secretary may not close it, and learns nothing of it (issue 12 §2)
    assert "no activity" in (await said(tg, SEC_B["id"], SEC_B, f"/activity close {activity.code}"))["text"]
    assert (await activities(db))[0].status == "open"


async def test_checkin_wrong_code_window_and_duplicate(bot, tg, db, clock) -> None:
    await two_branches(tg, LI, WANG)
    activity, _ = await create(tg, db)
    wrong = next(c for c in ("ABCDE", "XYZ23") if c != activity.code)
    assert "没有签到码" in (await said(tg, GROUP, LI, f"/checkin {wrong}"))["text"]

    clock.now = local(2026, 12, 5, 8, 0)  # an hour early
    early = await said(tg, GROUP, LI, f"/checkin {activity.code}")
    assert "还没开始" in early["text"] and "08:45" in early["text"]

    clock.now = local(2026, 12, 5, 9, 30)
    listing = await said(tg, GROUP, LI, "/activity list")  # a rider sees the group's branch's open ones
    assert activity.code in listing["text"] and "签到中" in listing["text"]
    done = await said(tg, GROUP, LI, f"/checkin {activity.code.lower()}")
    assert "签到成功" in done["text"] and "09:30" in done["text"]
    clock.now = local(2026, 12, 5, 9, 40)
    again = await said(tg, GROUP, LI, f"/checkin {activity.code}")
    assert "签到过" in again["text"] and "09:30" in again["text"]

    clock.now = local(2026, 12, 5, 11, 1)
    late = await said(tg, GROUP, WANG, f"/checkin {activity.code}")
    assert "已经结束" in late["text"]
    async with db() as s:
        rows = (await s.exec(select(ActivityCheckin))).all()
    assert [(r.user_id, r.distance_m) for r in rows] == [(LI["id"], None)]

    closed = await said(tg, SEC["id"], SEC, f"/activity close {activity.code}")
    assert "1 人签到" in closed["text"]


async def test_a_private_activity_list_takes_the_riders_branch_by_the_one_rule(bot, tg, db, clock) -> None:
    """In private, /activity list lists the branch the bot knows the rider in (people.rider_branch:
    here by a check-in, with no report-in), and, known in several, refuses naming them."""
    await two_branches(tg, LI)
    mine, _ = await create(tg, db)
    theirs, _ = await create(tg, db, '"海淀巡河" 2026-12-05 09:00 2h', who=SEC_B)
    clock.now = local(2026, 12, 5, 9, 30)
    assert "工作群" in (await said(tg, LI["id"], LI, "/activity list"))["text"]  # known nowhere yet

    assert "签到成功" in (await said(tg, GROUP, LI, f"/checkin {mine.code}"))["text"]
    listing = await said(tg, LI["id"], LI, "/activity list")
    assert "朝阳支部" in listing["text"] and mine.code in listing["text"] and theirs.code not in listing["text"]

    assert "签到成功" in (await said(tg, GROUP_B, LI, f"/checkin {theirs.code}"))["text"]
    refused = await said(tg, LI["id"], LI, "/activity list")
    assert "几个支部" in refused["text"] and "朝阳支部" in refused["text"] and "Haidian" in refused["text"]
    assert mine.code not in refused["text"] and theirs.code not in refused["text"]


async def test_checkin_with_a_place_needs_a_pin_inside_the_radius(bot, tg, db, clock) -> None:
    await two_branches(tg, LI, WANG)
    activity, reply = await create(tg, db, '"防汛宣传" 2026-12-05 09:00-11:00 500m')
    assert "发送活动地点的位置" in reply["text"] and activity.radius_m == 500 and activity.lat is None
    clock.now = local(2026, 12, 5, 9, 5)  # the question of four days ago has expired: asked again
    no_place = await said(tg, GROUP, WANG, f"/checkin {activity.code}")
    assert "地点还没设好" in no_place["text"]
    assert "500 米" in (await said(tg, SEC["id"], SEC, f"/activity place {activity.code}"))["text"]
    place_set = await said(tg, SEC["id"], SEC, location=PLACE)
    assert "地点已设好" in place_set["text"]

    ask = await said(tg, GROUP, LI, f"/checkin {activity.code}")
    assert "私聊" in ask["text"]
    far = await said(tg, LI["id"], LI, location=FAR)
    assert "需要在 500 米内" in far["text"] and re.search(r"约 \d{4} 米", far["text"])
    near = await said(tg, LI["id"], LI, location=NEAR)
    assert "签到成功" in near["text"] and "米" in near["text"]
    async with db() as s:
        [row] = (await s.exec(select(ActivityCheckin))).all()
    assert row.user_id == LI["id"] and 60 <= (row.distance_m or 0) <= 120
    # the question is answered: a later pin in private is no check-in (and no error), only
    # what a pin is for
    later = await said(tg, LI["id"], LI, location=FAR)
    assert "没有事项在等它" in later["text"] and "签到成功" not in later["text"] and "米内" not in later["text"]

    # a group pin of another rider is still a report's business, not a check-in
    async with db() as s:
        assert len((await s.exec(select(ActivityCheckin))).all()) == 1


async def test_activity_created_as_a_reply_to_a_pin_has_its_place_at_once(bot, tg, db, clock) -> None:
    await two_branches(tg, LI, WANG)
    pin, hint = await pin_first(tg, SEC, PLACE)  # answered with what a pin is for (a secretary's: activities too)
    assert "/activity new" in hint["text"]
    activity, reply = await create(tg, db, '"驿站值班" 明天 14:00 3h', reply_to_message_id=pin["message_id"])
    assert "地点已设好" in reply["text"] and "300" in reply["text"]
    assert (activity.lat, activity.lon, activity.radius_m) == (PLACE["latitude"], PLACE["longitude"], 300)
    clock.now = local(2026, 12, 2, 14, 30)
    pin, hint = await pin_first(tg, LI, NEAR)
    assert "/checkin" in hint["text"] and "/activity" not in hint["text"]
    done = await said(tg, LI["id"], LI, f"/checkin {activity.code}", reply_to_message_id=pin["message_id"])
    assert "签到成功" in done["text"]


async def test_report_in_is_approved_only_by_the_branch_secretary(bot, tg, db, clock) -> None:
    await two_branches(tg, LI, WANG)
    sec_before = len(await tg.messages(SEC["id"]))
    ack = await said(tg, GROUP, LI, "/reportin 河南省周口市某某村党支部")
    assert "朝阳支部" in ack["text"] and ack["reply_to_message_id"] is not None
    card = await next_in(tg, SEC["id"], sec_before)
    assert "某某村党支部" in card["text"] and "李师傅" in card["text"]
    assert buttons(card) == ["ri:1:a", "ri:1:r"]

    # the other branch's secretary forges a press on the real card
    forged = await answer_for(tg, await tg.press(SEC["id"], card["message_id"], SEC_B, "ri:1:a"))
    assert forged["show_alert"] and "in your scope" in forged["text"]
    by_rider = await answer_for(tg, await tg.press(SEC["id"], card["message_id"], LI, "ri:1:a"))
    assert by_rider["show_alert"]
    async with db() as s:
        assert (await s.exec(select(ReportIn))).one().status == "pending"

    li_before = len(await tg.messages(LI["id"]))
    ok = await answer_for(tg, await tg.press(SEC["id"], card["message_id"], SEC, "ri:1:a"))
    assert "已通过" in ok["text"]
    told = await next_in(tg, LI["id"], li_before)
    assert "已确认" in told["text"] and "朝阳支部" in told["text"]
    async with db() as s:
        row = (await s.exec(select(ReportIn))).one()
    assert (row.status, row.branch_id, row.home_org, row.decided_by) == ("approved", 1, "河南省周口市某某村党支部", SEC["id"])
    again = await answer_for(tg, await tg.press(SEC["id"], card["message_id"], SEC, "ri:1:a"))
    assert "已经处理过" in again["text"]
    assert "已经" in (await said(tg, GROUP, LI, "/reportin 河南省周口市某某村党支部"))["text"]

    stats = await said(tg, SEC["id"], SEC, "/stats checkins")
    assert "已确认 1 人" in stats["text"] and "待确认 0 人" in stats["text"]
    assert "没有待确认的报到" in (await said(tg, SEC["id"], SEC, "/reportins"))["text"]
    assert "只有支部书记" in (await said(tg, LI["id"], LI, "/stats checkins"))["text"]


async def test_report_in_from_private_goes_to_the_one_branch_known(bot, tg, db, clock) -> None:
    """Privately, the one rule (people.rider_branch): known in exactly one branch, that one — no
    question with a single button, as it used to ask."""
    await two_branches(tg, LI, WANG)
    assert "工作的群" in (await said(tg, WANG["id"], WANG, "/reportin 老家党支部"))["text"]
    activity, _ = await create(tg, db, '"清洁" 2026-12-01 09:30 2h')
    await said(tg, GROUP, WANG, f"/checkin {activity.code}")  # now WANG has been active in branch cy
    sec_before = len(await tg.messages(SEC["id"]))
    wang_before = len(await tg.messages(WANG["id"]))
    done = await said(tg, WANG["id"], WANG, "/reportin 老家党支部")
    assert buttons(done) == [] and "已向「朝阳支部」提交报到" in done["text"]
    card = await next_in(tg, SEC["id"], sec_before)
    assert buttons(card) == ["ri:1:a", "ri:1:r"]
    # reject by command, with a reason
    done = await said(tg, SEC["id"], SEC, "/reportins reject 1 请先提供流动党员证明")
    assert "已驳回" in done["text"]
    told = await next_in(tg, WANG["id"], wang_before + 1)  # after "submitted"
    assert "未通过" in told["text"] and "流动党员证明" in told["text"]


async def test_report_in_from_private_known_in_two_branches_asks_which(bot, tg, db, clock) -> None:
    """Known in several branches and writing privately: the rider picks one of them (each a button);
    a branch they are not known in cannot be forged into the press."""
    await two_branches(tg, LI, WANG)
    activity, _ = await create(tg, db, '"清洁" 2026-12-01 09:30 2h')
    await said(tg, GROUP, WANG, f"/checkin {activity.code}")  # known in cy by a check-in
    sent = await tg.send(GROUP_B, WANG, "大家注意安全")
    await said(tg, GROUP_B, SEC_B, "/points grant 5 值班", reply_to_message_id=sent["message_id"])
    await until(lambda: _ledger_names(db, WANG["id"], 2))  # known in hd by points (it used to offer cy alone)
    ask = await said(tg, WANG["id"], WANG, "/reportin 老家党支部")
    assert buttons(ask) == ["rb:1:1", "rb:1:2"], ask
    assert "朝阳支部" in str(ask["reply_markup"]) and "Haidian" in str(ask["reply_markup"])
    forged = await answer_for(tg, await tg.press(WANG["id"], ask["message_id"], WANG, "rb:1:3"))
    assert "已提交" not in forged["text"]
    sec_b_before = len(await tg.messages(SEC_B["id"]))
    chosen = await answer_for(tg, await tg.press(WANG["id"], ask["message_id"], WANG, "rb:1:2"))
    assert "已提交" in chosen["text"]
    card = await next_in(tg, SEC_B["id"], sec_b_before)
    assert buttons(card) == ["ri:1:a", "ri:1:r"]
    async with db() as s:
        row = (await s.exec(select(ReportIn))).one()
    assert (row.branch_id, row.status) == (2, "pending")


async def _ledger_names(db, user_id: int, branch_id: int) -> bool:
    return any(e.branch_id == branch_id for e in await ledger(db, user_id))


async def test_volunteer_hours_are_approved_into_the_time_bank(bot, tg, db, clock) -> None:
    await two_branches(tg, LI, WANG)
    activity, _ = await create(tg, db)
    clock.now = local(2026, 12, 5, 9, 10)
    await said(tg, GROUP, LI, f"/checkin {activity.code}")
    clock.now = local(2026, 12, 5, 11, 30)
    too_many = await said(tg, LI["id"], LI, f"/hours {activity.code} 3")
    assert "最多登记 2 小时" in too_many["text"]

    sec_before = len(await tg.messages(SEC["id"]))
    logged = await said(tg, LI["id"], LI, f"/hours {activity.code} 2.5h")
    assert "最多" in logged["text"]
    logged = await said(tg, LI["id"], LI, f"/hours {activity.code} 1.5")
    assert "1.5 小时" in logged["text"] and "等待" in logged["text"]
    card = await next_in(tg, SEC["id"], sec_before)
    assert "已签到" in card["text"] and buttons(card) == ["vh:1:3:a", "vh:1:3:r"]

    forged = await answer_for(tg, await tg.press(SEC["id"], card["message_id"], SEC_B, "vh:1:3:a"))
    assert forged["show_alert"]
    li_before = len(await tg.messages(LI["id"]))
    ok = await answer_for(tg, await tg.press(SEC["id"], card["message_id"], SEC, "vh:1:3:a"))
    assert "1.5" in ok["text"]
    told = await next_in(tg, LI["id"], li_before)  # sent after the approval's commit
    assert "余额 1.5 小时" in told["text"] and "+10" in told["text"]
    # the points bank's rule volunteer_hour: +10 a whole hour (1.5 h is one), for the branch, by its secretary
    [credit] = await ledger(db)
    assert (credit.user_id, credit.rule, credit.source_key, credit.points, credit.branch_id, credit.actor_id) == (
        LI["id"], "volunteer_hour", "hours:1", 10, 1, SEC["id"])
    twice = await answer_for(tg, await tg.press(SEC["id"], card["message_id"], SEC, "vh:1:3:a"))
    assert "已经处理过" in twice["text"]

    # WANG did not check in: the secretary sees it and rejects by command
    sec_before = len(await tg.messages(SEC["id"]))
    await said(tg, WANG["id"], WANG, f"/hours {activity.code} 2")
    card = await next_in(tg, SEC["id"], sec_before)
    assert "未签到" in card["text"]
    assert "已驳回" in (await said(tg, SEC["id"], SEC, "/hours reject 2 没有签到记录"))["text"]

    mine = await said(tg, LI["id"], LI, "/hours")
    assert "1.5 小时" in mine["text"] and "已认可" in mine["text"]
    async with db() as s:
        entries = {e.user_id: e for e in (await s.exec(select(VolunteerHours))).all()}
    assert (entries[LI["id"]].status, entries[LI["id"]].halves, entries[LI["id"]].points) == ("approved", 3, 10)
    assert entries[WANG["id"]].status == "rejected" and not entries[WANG["id"]].checked_in
    assert [e.source_key for e in await ledger(db)] == ["hours:1"]  # nothing for the second press, nor WANG
    stats = await said(tg, SEC["id"], SEC, "/stats checkins")
    assert activity.code in stats["text"] and "签到 1 人" in stats["text"] and "认可时长 1.5 小时" in stats["text"]

    async with bot.core.uow() as uow:
        summary = await bot.core.checkins.summary(uow, LI["id"], local(2026, 12, 5, 12, 0).date())
        lines = await bot.core.checkins.me_lines(uow, await uow.users.get(LI["id"]), "zh")
    assert summary["checkins_month"] == 1 and summary["checkins_total"] == 1
    assert summary["activity_streak_weeks"] == 1
    assert summary["hours_balance"] == 1.5 and summary["hours_pending"] == 0
    assert summary["reportin"] is None and summary["lessons"]["month"] == 0
    assert [line["key"] for line in lines] == ["me-checkins-activities", "me-checkins-lessons",
                                               "me-checkins-hours", "me-checkins-reportin-none"]


async def test_export_attendance_csv_and_xlsx(bot, tg, db, clock, settings, tmp_path, monkeypatch) -> None:
    from bot import cli
    from storage.models.lessons import LessonCompletion

    await two_branches(tg, LI, WANG)
    activity, _ = await create(tg, db, '"=清洁 报名13812345678" 2026-12-05 09:00 2h')
    other, _ = await create(tg, db, '"Haidian walk" 2026-12-05 09:00 2h', who=SEC_B)
    clock.now = local(2026, 12, 5, 9, 30)
    await said(tg, GROUP, LI, f"/checkin {activity.code}")
    await said(tg, GROUP_B, WANG, f"/checkin {other.code}")
    async with db() as s:
        s.add(LessonCompletion(user_id=LI["id"], lesson_id="volunteer-time-bank", chat_id=GROUP["id"],
                               completed_at=local(2026, 12, 6, 21, 15)))
        await s.commit()

    monkeypatch.setenv("SENTINEL_DATABASE_URL", settings.database_url)
    out = tmp_path / "attendance.csv"
    code = await asyncio.to_thread(cli.main, ["export", "attendance", "--format", "csv", "--since", "2026-12-01",
                                              "--branch", "cy", "--out", str(out)])
    assert code == 0
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["kind", "date", "time", "branch", "ref", "title", "user_id", "name", "distance_m", "hours"]
    assert rows[1] == ["activity", "2026-12-05", "09:30", "cy", activity.code, "'=清洁 报名138****5678",
                       str(LI["id"]), "李师傅", "", ""]
    assert rows[2][:8] == ["lesson", "2026-12-06", "21:15", "cy", "volunteer-time-bank", "志愿服务和公益时间银行",
                           str(LI["id"]), "李师傅"]
    assert len(rows) == 3  # WANG's check-in belongs to branch hd

    xlsx = tmp_path / "all.xlsx"
    assert await asyncio.to_thread(cli.main, ["export", "attendance", "--format", "xlsx", "--out", str(xlsx)]) == 0
    from openpyxl import load_workbook
    sheet = load_workbook(xlsx).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert len(values) == 4 and {v[3] for v in values[1:]} == {"cy", "hd"}
    assert await asyncio.to_thread(cli.main, ["export", "attendance", "--branch", "nope",
                                              "--out", str(tmp_path / "x.csv")]) == 2


# --- the rules without a bot ---------------------------------------------------------------------
def test_parse_activity_forms() -> None:
    now = local(2026, 12, 1, 10, 0)
    spec = parse_activity("“周六 社区清洁” 12-05 9:00-11:30 1km", now)
    assert (spec.title, spec.starts_at, spec.ends_at, spec.radius_m) == (
        "周六 社区清洁", local(2026, 12, 5, 9, 0), local(2026, 12, 5, 11, 30), 1000)
    spec = parse_activity("社区清洁 明天 09:00 90m", now)
    assert (spec.title, spec.ends_at - spec.starts_at) == ("社区清洁", timedelta(minutes=90))
    assert parse_activity('"x" 11-01 09:00 1h', now).starts_at.year == 2027  # a past day means next year
    assert parse_activity('"x" 22:00-01:00', now).ends_at == local(2026, 12, 2, 1, 0)
    for bad, key in (('"x" 2026-02-30 09:00 1h', "activity-err-date"), ('"x" 09:00', "activity-err-duration"),
                     ('"x" 09:00 2h 10m', "activity-err-radius"), ('"x" 25:00 1h', "activity-err-time"),
                     ('"x" 09:00 25h', "activity-err-duration"), ("", "activity-err-usage")):
        with pytest.raises(CheckinError) as e:
            parse_activity(bad, now)
        assert e.value.key == key, bad


def test_parse_hours_in_half_hours() -> None:
    assert [parse_hours(x) for x in ("2.5", "2.5h", "2小时", "1:30", "２.５", "0.75")] == [5, 5, 4, 3, 5, 2]
    for bad in ("0", "0.2", "abc", "-1"):
        with pytest.raises(CheckinError):
            parse_hours(bad)


def test_streaks() -> None:
    today = local(2026, 12, 10, 0, 0).date()  # a Thursday
    days = {today - timedelta(days=n) for n in (1, 2, 3, 5)}
    assert streak_days(days, today) == 3
    assert streak_days(days | {today}, today) == 4
    weekly = {today - timedelta(weeks=n) for n in (1, 2, 4)}
    assert streak_weeks(weekly, today) == 2  # this week not yet, the two before
    assert streak_weeks(set(), today) == 0


def test_both_catalogues_have_every_checkin_key() -> None:
    from bot import i18n
    root = Path(__file__).resolve().parents[2]
    used = set()
    files = sorted((root / "bot/checkins").glob("*.py")) + [root / "handlers/checkins.py",
                                                            root / "handlers/render_checkins.py"]
    for path in files:
        used |= set(re.findall(r'"((?:activity|checkin|reportins?|hours|stats-checkins|me-checkins)-[a-z-]+)"',
                               path.read_text(encoding="utf-8")))
    from handlers.render import _COMPOSED
    used -= {"checkin-pins"} | set(_COMPOSED)  # a router's name; kinds written by a composer
    assert len(used) > 60
    for lang in i18n.LANGS:
        assert not used - i18n.message_keys(lang), lang
    keys = {lang: set(re.findall(r"^([a-z][\w-]*) =", (root / f"bot/locales/{lang}/checkins.ftl").read_text(
        encoding="utf-8"), re.M)) for lang in i18n.LANGS}
    assert keys["zh"] == keys["en"]


async def test_nobody_decides_their_own_hours_or_report_in(bot, tg, db, clock) -> None:
    """A secretary's own volunteer hours and report-in go to someone else (here the superadmin,
    the branch having no other secretary); the secretary's own approve or reject is refused."""
    await two_branches(tg, LI)
    activity, _ = await create(tg, db)
    clock.now = local(2026, 12, 5, 11, 30)
    sec_before, boss_before = len(await tg.messages(SEC["id"])), len(await tg.messages(BOSS["id"]))
    logged = await said(tg, SEC["id"], SEC, f"/hours {activity.code} 2")
    assert "等待" in logged["text"]
    card = await next_in(tg, BOSS["id"], boss_before)
    assert "志愿时长 #1" in card["text"] and "张书记" in card["text"] and buttons(card) == ["vh:1:4:a", "vh:1:4:r"]
    for verdict in ("approve", "reject"):
        own = await said(tg, SEC["id"], SEC, f"/hours {verdict} 1")
        assert "你自己的申请" in own["text"], own["text"]
    assert not any(buttons(m) for m in (await tg.messages(SEC["id"]))[sec_before:])  # no card of his own
    async with db() as s:
        assert (await s.exec(select(VolunteerHours))).one().status == "pending"
    assert "余额 0 小时" not in (await said(tg, SEC["id"], SEC, "/hours"))["text"]  # still awaiting review
    assert "待审核 2 小时" in (await said(tg, SEC["id"], SEC, "/hours"))["text"]
    ok = await answer_for(tg, await tg.press(BOSS["id"], card["message_id"], BOSS, "vh:1:4:a"))
    assert "已认可" in ok["text"]
    async with db() as s:
        entry = (await s.exec(select(VolunteerHours))).one()
    assert (entry.status, entry.decided_by) == ("approved", BOSS["id"])

    boss_before = len(await tg.messages(BOSS["id"]))
    await said(tg, GROUP, SEC, "/reportin 河南省周口市某某村党支部")
    request = await next_in(tg, BOSS["id"], boss_before)
    assert "党员报到 #1" in request["text"] and buttons(request) == ["ri:1:a", "ri:1:r"]
    assert "你自己的" in (await said(tg, SEC["id"], SEC, "/reportins approve 1"))["text"]
    async with db() as s:
        assert (await s.exec(select(ReportIn))).one().status == "pending"
    assert not any(buttons(m) for m in await tg.messages(SEC["id"]))


async def test_codes_and_hours_typed_with_chinese_punctuation(bot, tg, db, clock) -> None:
    """What a Chinese input method types around a code and between it and the hours: a full-width
    comma, colon or full stop (also as the decimal point), quotes; each understood, in both languages."""
    await two_branches(tg, LI, WANG)
    await tg.send(private(AMY), AMY, "/start")
    activity, _ = await create(tg, db)
    code = activity.code
    clock.now = local(2026, 12, 5, 9, 30)
    assert "签到成功" in (await said(tg, GROUP, LI, f"/checkin {code}。"))["text"]
    assert "签到成功" in (await said(tg, WANG["id"], WANG, f"/checkin “{code}”"))["text"]
    clock.now = local(2026, 12, 5, 11, 30)
    for typed, shown in ((f"{code}，1.5", "1.5 小时"), (f"{code}：2", "2 小时"), (f"{code}， 1。5小时", "1.5 小时"),
                         (f"{code.lower()}、0.5。", "0.5 小时")):
        logged = await said(tg, LI["id"], LI, f"/hours {typed}")
        assert "已登记" in logged["text"] and shown in logged["text"], (typed, logged["text"])
        if typed != f"{code}，1.5":  # each later claim replaces the one before: said (it was silent)
            assert "（代替之前登记的 " in logged["text"], (typed, logged["text"])
        else:
            assert "代替" not in logged["text"], logged["text"]
    amy = await said(tg, AMY["id"], AMY, f"/hours {code}, 1:30")
    assert "1.5 h logged" in amy["text"] and "instead of" not in amy["text"], amy["text"]
    again = await said(tg, AMY["id"], AMY, f"/hours {code} 1.5h")
    assert "(instead of the 1.5 h you logged before)" in again["text"], again["text"]
    # no amount: what is missing, with the code typed (was the whole usage)
    assert f"Reply with the hours, e.g. 2, 1.5 or 90min (or send /hours {code} 2)" in (await said(tg, AMY["id"], AMY, f"/hours {code}，"))["text"]
    assert f"请直接回复时长，例如 2、1.5 或 90分钟（也可以发 /hours {code} 2）" in (await said(tg, LI["id"], LI, f"/hours {code.lower()}"))["text"]
    glued = await said(tg, LI["id"], LI, f"/hours {code}1")  # the hours glued to the code
    assert "已登记" in glued["text"] and "1 小时" in glued["text"], glued["text"]
    async with db() as s:
        rows = {r.user_id: r.halves for r in (await s.exec(select(VolunteerHours))).all()}
    assert rows == {LI["id"]: 2, AMY["id"]: 3}


async def test_a_pin_from_another_city_reads_in_kilometres(bot, tg, db, clock) -> None:
    """A check-in pin far away (a phone's stale location, another city): 'about 1068 km', in both
    languages, not a seven-digit count of metres; nearer than 10 km it stays in metres."""
    await two_branches(tg, LI)
    await tg.send(private(AMY), AMY, "/start")
    activity, _ = await create(tg, db, '"防汛宣传" 2026-12-01 09:30-11:00 500m')
    await said(tg, SEC["id"], SEC, location=PLACE)
    shanghai = {"latitude": 31.2304, "longitude": 121.4737}
    for who, far, near in ((LI, "约 1068 公里", "约 2002 米"), (AMY, "about 1068 km", "about 2002 m ")):
        ask = await said(tg, who["id"], who, f"/checkin {activity.code}")
        assert "📍" in ask["text"]
        away = await said(tg, who["id"], who, location=shanghai)
        assert far in away["text"], away["text"]
        closer = await said(tg, who["id"], who, location=FAR)  # still asked: a second pin is taken
        assert near in closer["text"], closer["text"]


async def test_cards_name_the_rider_with_one_space(bot, tg, db, clock) -> None:
    """The hours and report-in cards read '李师傅 · 「…」' and '小赵 @zhao_rider 申请向…', never with
    two spaces where a rider has no @username."""
    zhao = {"id": 503, "first_name": "小赵", "username": "zhao_rider", "language_code": "zh"}
    await two_branches(tg, LI, zhao)
    activity, _ = await create(tg, db)
    clock.now = local(2026, 12, 5, 11, 30)
    sec_before = len(await tg.messages(SEC["id"]))
    await said(tg, LI["id"], LI, f"/hours {activity.code} 2")
    card = await next_in(tg, SEC["id"], sec_before)
    assert "李师傅 · 「周六社区清洁」" in card["plain_text"], card["plain_text"]
    await said(tg, GROUP, zhao, "/reportin 河南省周口市某某村党支部")
    request = await next_in(tg, SEC["id"], sec_before + 1)
    assert "小赵 @zhao_rider 申请向「朝阳支部」报到" in request["plain_text"], request["plain_text"]
    assert "  " not in card["plain_text"] + request["plain_text"]
