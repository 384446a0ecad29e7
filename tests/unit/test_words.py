"""The pure rules behind tests/e2e/test_words_trial.py: a mistyped schedule, the /cases filter words,
a home that is the problem's place (its compound shared, the rest kept in the reporter's chat)."""
from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from bot.cases.lifecycle import (CASE_FILTER_WORDS, CASE_FILTERS, FINAL_STATUSES, OPEN_STATUSES, PRE_LIFECYCLE_STATUSES,
                                 SHOWN_STATUSES, case_filter)
from bot.i18n import t
from bot.intake.places import locate
from bot.privacy import shareable_place
from bot.privacy.places import at_home, home_area
from bot.refusals import Refused
from bot.services.broadcasts import BroadcastService
from bot.timeparse import WhenError, mistyped_when, send_time

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



# --- a relative day alone leads a broadcast: its send time (bot/timeparse.BARE_DAYS) -------------
@pytest.mark.parametrize("text, local, body", [
    ("明天 你好", "12-03 09:00", "你好"), ("明天", "12-03 09:00", None), ("后天 例会", "12-04 09:00", "例会"),
    ("今晚 停电检修", "12-02 21:00", "停电检修"), ("明晚\n停电", "12-03 21:00", "停电"),
    ("tomorrow", "12-03 09:00", None), ("tomorrow\nThe road is closed", "12-03 09:00", "The road is closed"),
    ("day after tomorrow", "12-04 09:00", None), ("tonight 8pm meeting", "12-02 20:00", "meeting"),
    ("tonight 8:30 meeting", "12-02 20:30", "meeting"), ("明天 8点 例会", "12-03 08:00", "例会"),
    ("明早 例会", "12-03 09:00", "例会"), ("明早", "12-03 09:00", None), ("明早8点 例会", "12-03 08:00", "例会"),
    ("明早 8:30 例会", "12-03 08:30", "例会"), ("明早八点半\n例会", "12-03 08:30", "例会"),
])
def test_a_leading_day_word_is_the_send_time(text, local, body) -> None:
    args = f"all {text}"
    c = _parser().parse(args)
    assert c.when.kind == "at" and c.when.at is not None
    assert c.when.at.astimezone(TZ).strftime("%m-%d %H:%M") == local
    assert (args[c.body_at:] if c.body_at is not None else None) == body


@pytest.mark.parametrize("text", ["明天降温，注意保暖", "Tonight the road is closed", "tomorrow we meet at the station",
                                  "今天 例会照常", "Day after tomorrow we meet", "明早有雨，注意安全"])
def test_a_day_word_in_the_text_is_not_taken(text) -> None:
    c = _parser().parse(f"all {text}")
    assert c.when.kind == "now" and c.body_at == 4, text


def _late() -> BroadcastService:
    """22:30 in Shanghai: tonight's default hour (21:00) and 20:00 have passed."""
    return BroadcastService(None, _Cases(), 1.0, clock=lambda: datetime(2026, 12, 2, 14, 30, tzinfo=timezone.utc))  # type: ignore[arg-type]


@pytest.mark.parametrize("args, body", [("all 今晚 大家注意安全", "大家注意安全"), ("when=今晚 大家注意安全", "大家注意安全"),
                                        ("all tonight", None), ("all tonight\nStay safe", "Stay safe")])
def test_tonight_alone_after_its_hour_is_now(args, body) -> None:
    """Said at 22:30, a bare 今晚 is still this evening: it goes at once (after the preview's ✅),
    where it used to be refused as a time in the past."""
    c = _late().parse(args)
    assert c.when.kind == "now"
    assert (args[c.body_at:] if c.body_at is not None else None) == body
    assert _late().parse("all Tonight the road is closed").when.kind == "now"


@pytest.mark.parametrize("args, said, time", [
    ("all 今晚 20:00 大家注意安全", "今晚 20:00", "20:00"), ("all 今晚8点 大家注意安全", "今晚8点", "20:00"),
    ("when=今晚 20:00 大家注意安全", "今晚 20:00", "20:00"), ("all 今天 18:30 x", "今天 18:30", "18:30"),
    ("all tonight 8pm meeting", "tonight 8pm", "20:00"), ("when=today 9:15 x", "today 9:15", "09:15"),
])
def test_a_passed_time_today_says_so_and_what_to_write(args, said, time) -> None:
    with pytest.raises(WhenError) as e:
        _late().parse(args)
    assert e.value.key == "bc-err-past-today"
    assert e.value.params == {"said": said, "now": "22:30", "time": time}


def test_the_passed_time_answer_in_both_languages() -> None:
    from handlers.render_broadcasts import _when_error
    with pytest.raises(WhenError) as e:
        _late().parse("all 今晚 20:00 大家注意安全")
    payload = {"key": e.value.key, "params": e.value.params}
    zh, en = _when_error("zh", payload), _when_error("en", payload)
    assert "今晚 20:00" in zh and "22:30" in zh and "“现在”" in zh and "“明天 20:00”" in zh, zh
    assert "22:30" in en and "“now”" in en and "“tomorrow 20:00”" in en, en
    # a survey's close or a vote's deadline: tomorrow, not "now"
    with pytest.raises(WhenError) as e:
        _late().parse_when("今晚 20:00")
    assert e.value.key == "when-err-past-today"
    zh = _when_error("zh", {"key": e.value.key, "params": e.value.params})
    assert "“明天 20:00”" in zh and "现在”" not in zh, zh


def test_a_day_alone_needs_a_time_outside_a_send_time() -> None:
    """A survey's close, a vote's deadline: "明天" still asks for the time of day."""
    for text in ("明天", "明早"):
        with pytest.raises(WhenError) as e:
            _parser().parse_when(text)
        assert e.value.key == "when-err-need-time", text


def test_tomorrow_morning_with_a_time_is_that_time_anywhere() -> None:
    """明早 reads as 明天早上: a survey's close or a vote's deadline takes it too."""
    for text, local in (("明早8点", "12-03 08:00"), ("明早 7:30", "12-03 07:30"), ("明早九点", "12-03 09:00")):
        when = _parser().parse_when(text)
        assert when.at is not None and when.at.astimezone(TZ).strftime("%m-%d %H:%M") == local, text


def test_a_mistyped_time_after_tomorrow_morning_is_refused() -> None:
    with pytest.raises(Refused):
        _parser().parse("all 明早 8点半半 开会")


# --- one reader of a send time: a day word, then perhaps a time (bot/timeparse.send_time) ---------
NOON = datetime(2026, 12, 2, 4, 0, tzinfo=timezone.utc)  # 12:00 in Shanghai


@pytest.mark.parametrize("text, key, local, used", [
    ("明天 08:30 例会", None, "12-03 08:30", 2), ("明天 你好", None, "12-03 09:00", 1),
    ("tomorrow\nThe road is closed", None, "12-03 09:00", 1), ("今晚 停电", None, "12-02 21:00", 1),
    ("例会", "明天", "12-03 09:00", 0), ("8点 例会", "明天", "12-03 08:00", 1), ("", "tonight", "12-02 21:00", 0),
])
def test_send_time_reads_a_day_then_perhaps_a_time(text, key, local, used) -> None:
    found = send_time(text, NOON, TZ, key)
    assert found is not None and found[0].at is not None
    assert (found[0].at.astimezone(TZ).strftime("%m-%d %H:%M"), found[1]) == (local, used)


@pytest.mark.parametrize("text", ["明天起建国路封路", "Tomorrow the road is closed", "你好"])
def test_send_time_leaves_a_text_that_merely_opens_with_a_day_word(text) -> None:
    assert send_time(text, NOON, TZ) is None


@pytest.mark.parametrize("text, key, said", [
    ("明天 8点半半 开会", None, "明天 8点半半"), ("每周八 08:30 例会", None, "每周八 08:30"),
    ("8点半半 开会", "明天", "明天 8点半半"),
])
def test_send_time_names_a_mistyped_time(text, key, said) -> None:
    with pytest.raises(WhenError) as e:
        send_time(text, NOON, TZ, key)
    assert (e.value.key, e.value.params) == ("when-err-mistyped", {"said": said})


def test_send_time_after_a_key_says_why_its_value_does_not_read() -> None:
    for text, key, error in (("x", "blah", "when-err-unknown"), ("x", "每周一", "when-err-need-time"),
                             ("x", "25:00", "when-err-bad-time")):
        with pytest.raises(WhenError) as e:
            send_time(text, NOON, TZ, key)
        assert e.value.key == error, (key, e.value.key)


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
    assert CASE_FILTERS["open"] == OPEN_STATUSES | PRE_LIFECYCLE_STATUSES and CASE_FILTERS["closed"] == FINAL_STATUSES
    assert CASE_FILTERS["all"] == set(SHOWN_STATUSES)  # a voice report awaiting triage is a case too



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
