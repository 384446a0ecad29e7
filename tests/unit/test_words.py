"""The pure rules behind tests/e2e/test_words_trial.py: a mistyped schedule, the /cases filter words,
a home that is the problem's place (its compound shared, the rest kept in the reporter's chat)."""
from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from bot.cases.lifecycle import CASE_FILTER_WORDS, CASE_FILTERS, FINAL_STATUSES, OPEN_STATUSES, case_filter
from bot.i18n import t
from bot.intake.places import locate
from bot.privacy import shareable_place
from bot.privacy.places import at_home, home_area
from bot.refusals import Refused
from bot.services.broadcasts import BroadcastService
from bot.timeparse import WhenError, mistyped_when

TZ = ZoneInfo("Asia/Shanghai")


# --- a mistyped schedule is not sent now ---------------------------------------------------------
MISTYPED = ["每周八 08:30 例会提醒", "每天25:00 交班", "明天 8点半半 开会", "周九 8点 开会", "星期八 9:00 开会",
            "每周一 8点半半 开会", "every mnday 8:30 meeting", "tomorrow at 25:00 meeting", "next mnday 9am meeting",
            "8点半半 开会"]
# texts that only start with a day word: a notice to send now, as before
NOTICES = ["明天起建国路封路施工，请绕行", "每周五晚上有例会", "Every rider must wear a helmet", "周知：明天封路",
           "8点起建国路封路", "Tomorrow the road is closed", "每周一 例会照常"]


class _Cases:
    tz = TZ


def _parser() -> BroadcastService:
    return BroadcastService(None, _Cases(), 1.0, clock=lambda: datetime(2026, 12, 2, 2, 0, tzinfo=timezone.utc))  # type: ignore[arg-type]


@pytest.mark.parametrize("text", MISTYPED)
def test_a_mistyped_schedule_is_refused_not_sent_now(text) -> None:
    assert mistyped_when(text) is not None, text
    with pytest.raises((Refused, WhenError)) as e:  # a time out of range (25:00) names its fault, as before
        _parser().parse(f"all {text}")
    assert e.value.key in ("bc-err-when-mistyped", "when-err-bad-time")


@pytest.mark.parametrize("text", NOTICES)
def test_a_notice_that_starts_with_a_day_word_is_still_a_text(text) -> None:
    c = _parser().parse(f"all {text}")
    assert c.when.kind == "now" and c.body_at == 4, text


def test_what_parses_is_still_a_schedule() -> None:
    for text, kind in (("每周一 08:30 x", "cron"), ("明天 8点半 x", "at"), ("every mon 8:30 x", "cron"),
                       ("now 每周八 08:30 x", "now")):
        assert _parser().parse(f"all {text}").when.kind == kind, text



# --- /cases filter words -------------------------------------------------------------------------
def test_case_filter_words() -> None:
    for word in ("未办结", "未完成", "办理中", "待办", "进行中", "open", "Open", "in progress", "未办结工单", None, ""):
        assert case_filter(word) == "open", word
    for word in ("已办结", "已完成", "办结", "closed", "done"):
        assert case_filter(word) == "closed", word
    for word in ("超期", "逾期", "overdue"):
        assert case_filter(word) == "overdue", word
    assert case_filter("我的") == case_filter("mine") == "mine"
    assert case_filter("随便") is None and case_filter("closedd") is None
    # one mapping: every word the usage text lists is one the filter reads, in both languages
    for lang in ("zh", "en"):
        usage = t(lang, "cases-usage")
        listed = [w.strip() for line in usage.splitlines()[1:]
                  for w in line.strip("· ").split("（")[0].split(" (")[0].split(" / ")]
        assert listed and all(case_filter(w) for w in listed), (lang, listed)
    assert set(CASE_FILTER_WORDS) == set(CASE_FILTERS)
    assert CASE_FILTERS["open"] == OPEN_STATUSES and CASE_FILTERS["closed"] == FINAL_STATUSES



# --- a home the problem is at -----------------------------------------------------------------------
@pytest.mark.parametrize("text, place, shared", [
    ("我住幸福小区5号楼，楼下路灯坏了", "幸福小区5号楼", "幸福小区"),
    ("我住幸福小区5号楼1203室，楼下路灯坏了", "幸福小区5号楼", "幸福小区"),
    ("我家住光明里3单元502，楼下井盖丢了", "光明里3单元", "光明里"),
    ("我住在阳光花园，小区门口有个大坑", "阳光花园", "阳光花园"),
    ("I live at Sunny Garden block 5, the street light downstairs is broken", "Sunny Garden", "Sunny Garden"),
])
def test_a_home_the_problem_is_at_is_the_place_shared_as_its_compound(text, place, shared) -> None:
    assert at_home(text)
    assert locate(text) == place
    assert shareable_place(place, text) == shared


@pytest.mark.parametrize("text", [
    "井盖丢了，我家住幸福小区3栋2单元501",  # the home said in passing: the problem is elsewhere
    "望京SOHO T3 楼下有人摔倒…我住望京花园5号楼1203室",
    "我住望京花园5号楼1203室，平时送单比较辛苦",
    "我家楼下路灯坏了",  # no address
])
def test_a_home_said_in_passing_is_not_the_place(text) -> None:
    assert not at_home(text)
    assert locate(text) in (None, "望京SOHO T3 楼下")
    assert shareable_place("望京花园5号楼", text) in ("", "望京花园5号楼")


def test_a_homes_compound() -> None:
    assert home_area("住望京花园5号楼1203室") == "望京花园" and home_area("5号楼") == ""
