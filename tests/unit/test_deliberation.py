"""The proposal lifecycle table, the vote's outcome rule, and the button data read at the edge."""
from __future__ import annotations

from datetime import datetime as _dt, timedelta as _td, timezone as _tz

import pytest

from bot.deliberation import lifecycle as lc
from bot.deliberation import replies
from bot.deliberation.due import parse_due, shown
from bot.intake import Intake
from bot.deliberation.service import DeliberationError, DeliberationService
from bot.buttons import ProposeFromCase, SupportPress, VotePress, decode


@pytest.mark.parametrize("status, action, role, to", [
    ("proposed", "agenda", "system", "agenda"), ("proposed", "agenda", "secretary", "agenda"),
    ("agenda", "open_vote", "secretary", "voting"), ("voting", "adopt", "system", "adopted"),
    ("voting", "reject", "system", "rejected"), ("adopted", "commit", "secretary", "in_progress"),
    ("in_progress", "note", "secretary", "in_progress"), ("in_progress", "finish", "secretary", "done"),
    ("proposed", "decline", "secretary", "declined"), ("agenda", "decline", "secretary", "declined"),
])
def test_lifecycle_moves(status: str, action: str, role: str, to: str) -> None:
    assert lc.decide(status, action, role) == to


@pytest.mark.parametrize("status, action, role, key", [
    ("proposed", "agenda", "rider", "dl-err-role"), ("agenda", "open_vote", "rider", "dl-err-role"),
    ("agenda", "open_vote", "system", "dl-err-role"), ("voting", "decline", "secretary", "dl-err-state"),
    ("rejected", "commit", "secretary", "dl-err-state"), ("done", "note", "secretary", "dl-err-state"),
    ("proposed", "open_vote", "secretary", "dl-err-state"), ("in_progress", "adopt", "system", "dl-err-state"),
])
def test_lifecycle_refusals(status: str, action: str, role: str, key: str) -> None:
    with pytest.raises(lc.NotAllowed) as e:
        lc.decide(status, action, role)
    assert e.value.key == key


def test_every_status_is_reachable_and_every_one_is_listed_once_by_the_overview() -> None:
    reached = {lc.PROPOSED} | {rule.to for rule in lc.TABLE.values()}
    assert reached == set(lc.STATUSES)
    overview = [s for name in (lc.OVERVIEW_FIRST, *lc.OVERVIEW_REST) for s in lc.LISTS[name]]
    assert sorted(overview) == sorted(lc.STATUSES)  # `/proposals` alone accounts for every proposal, once
    assert set(lc.LISTS["all"]) == set(lc.STATUSES)


@pytest.mark.parametrize("status", lc.STATUSES)
@pytest.mark.parametrize("action", sorted({a for _, a in lc.TABLE if a not in ("adopt", "reject")}))
def test_a_rider_is_refused_for_the_role_whatever_the_status(status: str, action: str) -> None:
    """Permission before state: a rider never learns that the step merely does not apply now."""
    with pytest.raises(lc.NotAllowed) as e:
        lc.decide(status, action, lc.RIDER)
    assert e.value.key == "dl-err-role"


@pytest.mark.parametrize("counts, quorum, yes_no, expected", [
    ({0: 2}, 2, True, lc.Outcome(2, True, True, 0)),
    ({0: 1}, 2, True, lc.Outcome(1, False, False, 0)),          # carried, but no quorum
    ({0: 1, 1: 1, 2: 3}, 5, True, lc.Outcome(5, True, False, None)),  # abstentions count toward quorum
    ({0: 2, 1: 3}, 1, True, lc.Outcome(5, True, False, None)),
    ({}, 0, True, lc.Outcome(0, False, False, None)),           # nobody voted: never quorum
    ({1: 3, 0: 1}, 2, False, lc.Outcome(4, True, True, 1)),     # alternatives: the one ahead
    ({0: 2, 1: 2}, 2, False, lc.Outcome(4, True, False, None)),  # a tie at the top carries nothing
])
def test_outcome(counts: dict[int, int], quorum: int, yes_no: bool, expected: lc.Outcome) -> None:
    assert lc.outcome(counts, 3 if yes_no else 2, quorum, yes_no) == expected


@pytest.mark.parametrize("data, parsed", [
    ("dp:12:s", SupportPress(12)), ("dv:3:2", VotePress(3, 2)), ("dv:3:s", None), ("dp:3:1", None),
    ("dc:7", ProposeFromCase(7)), ("dc:7:1", None), ("dp:1234567890:s", None), ("dv:1:100", None), ("dv:-1:0", None), ("zz:1:0", None), (None, None),
])
def test_button_data(data: str | None, parsed: object) -> None:
    assert decode(data) == parsed


def test_proposal_text() -> None:
    parse = DeliberationService.parse_proposal
    assert parse("建国路口设休息点 | 中午没地方歇脚") == ("建国路口设休息点", "中午没地方歇脚")
    assert parse("建国路口设休息点｜中午\n可以充电") == ("建国路口设休息点", "中午\n可以充电")
    assert parse("只有标题") == ("只有标题", "")
    with pytest.raises(DeliberationError):
        parse(" | 只有说明")
    with pytest.raises(DeliberationError):
        parse("长" * 81)


def _list(lang: str, **payload: object) -> str:
    from bot.outbox import Outgoing
    from handlers.render import render
    return render(Outgoing(1, 1, "dl-list", lang, dict(payload), None)).text


def test_a_list_counts_everything_it_holds_and_says_when_it_shows_only_the_newest() -> None:
    items = [{"id": n, "title": f"议题{n}", "status": "declined", "supporters": 0} for n in range(20, 5, -1)]
    zh = _list("zh", which="closed", items=items, total=20)
    assert "未通过或未采纳的议题（20）" in zh and "只列出最新的 15 个" in zh
    en = _list("en", which="all", items=items[:2], total=2)
    assert "All proposals (2)" in en and "newest" not in en
    overview = _list("en", which="open", items=[], total=0, others={"adopted": 0, "done": 1, "closed": 3})
    assert "No open proposals right now." in overview
    assert "Also: 1 done (/proposals done); 3 not adopted or declined (/proposals closed)" in overview
    assert "adopted (" not in overview  # an empty list is not mentioned
    assert "还没有这类议题" in _list("zh", which="open", items=[], total=0, others={"adopted": 0})


def test_a_done_proposals_owner_follows_its_line_as_each_language_punctuates() -> None:
    """Before: "#1 休息点 · 已办结 · 👍 2 （街道办，2027-01-01 前）", a space before a full-width （."""
    item = {"id": 1, "title": "休息点", "status": "done", "supporters": 2, "owner": "街道办", "due": "2027-01-01"}
    assert "👍 2（街道办，2027-01-01 前）" in _list("zh", which="done", items=[item], total=1)
    assert "👍 2 (街道办, due 2027-01-01)" in _list("en", which="done", items=[item], total=1)


# --- which replies a proposal's thread takes (bot.deliberation.replies) ---------------------------


@pytest.mark.parametrize("status, takes", [
    ("proposed", True), ("agenda", True), ("voting", True), ("adopted", True), ("in_progress", True),
    ("done", False), ("declined", False), ("rejected", False)])
def test_only_an_open_proposal_takes_replies_as_comments(status, takes):
    assert replies.takes_comments(status) is takes


@pytest.mark.parametrize("intake, case, hint", [
    (None, False, False),
    (Intake(False, confidence=0.9), False, False),
    (Intake(True, "road", "normal", confidence=0.7), False, True),  # a confident problem out there: told how
    (Intake(True, "road", "normal", confidence=0.5), False, False),  # unsure: a comment
    (Intake(True, "person_in_need", "urgent", confidence=0.3), True, False),  # urgent: a case, always
    (Intake(True, "suggestion", "urgent", confidence=0.9), True, False),
    (Intake(True, "suggestion", "normal", confidence=0.95), False, False),  # what a discussion is made of
    (Intake(True, "rider_service", "low", confidence=0.8), False, False),
    (Intake(True, "rider_rights", "normal", confidence=0.8), False, False),
    (Intake(True, None, "normal", confidence=0.8), False, False),  # no category: "other"
])
def test_in_an_open_thread_an_emergency_is_a_case_and_a_sure_report_gets_a_hint(intake, case, hint):
    assert replies.is_report(intake) is case
    assert (replies.looks_like_report(intake) and not replies.is_report(intake)) is hint


# --- a commitment's due date (bot.deliberation.due) -----------------------------------------------

_CN = _tz(_td(hours=8))
_NOW = _dt(2026, 11, 30, 18, 0, tzinfo=_CN)


@pytest.mark.parametrize("value, following, at, used", [
    ("2026-12-31", [], (2026, 12, 31, 23, 59), 0),
    ("2026-12-31", ["18:00"], (2026, 12, 31, 18, 0), 1),
    ("2026-12-31", ["街道办"], (2026, 12, 31, 23, 59), 0),
    ("2026/12/31", [], (2026, 12, 31, 23, 59), 0),
    ("12-31", ["18:00"], (2026, 12, 31, 18, 0), 1),
    ("12-31T18:00", [], (2026, 12, 31, 18, 0), 0),
    ("1-15", [], (2027, 1, 15, 23, 59), 0),  # passed this year: next year's
    ("12月31日", [], (2026, 12, 31, 23, 59), 0),
    ("2027年1月5日", ["9点"], (2027, 1, 5, 9, 0), 1),
    ("明天", [], (2026, 12, 1, 23, 59), 0),
    ("明天18:00", [], (2026, 12, 1, 18, 0), 0),
    ("后天", ["18点30"], (2026, 12, 2, 18, 30), 1),
    ("tomorrow", [], (2026, 12, 1, 23, 59), 0),
    ("２０２６－１２－３１", [], (2026, 12, 31, 23, 59), 0),  # full-width
])
def test_due_dates_as_a_secretary_writes_them(value, following, at, used):
    assert parse_due(value, following, _NOW) == (_dt(*at, tzinfo=_CN), used)


@pytest.mark.parametrize("value", ["每天 20:00", "soon", "2026-13-01", "12-32", "明天25:00", ""])
def test_what_is_no_due_date(value):
    assert parse_due(value, [], _NOW) is None


def test_a_due_date_is_shown_without_the_end_of_day_time():
    assert shown("2026-12-31 23:59") == "2026-12-31" and shown("2026-12-31 18:00") == "2026-12-31 18:00"


def test_the_secretarys_steps_are_named_by_real_commands():
    """The summary lists `/proposal N <word>` for each step allowed now: every secretary action of the
    table has a word, and every word is a step the command takes (handlers.deliberation.STEPS)."""
    from handlers.deliberation import STEPS

    staff = {a for (_, a), rule in lc.TABLE.items() if lc.SECRETARY in rule.roles}
    assert set(lc.COMMANDS) == staff and set(lc.COMMANDS.values()) == set(STEPS)
    assert lc.commands(lc.VOTING) == [("close", "close")]  # not adopt/reject: the tally decides
    assert [w for _, w in lc.commands(lc.AGENDA)] == ["decline", "vote"]
    assert [w for _, w in lc.commands(lc.IN_PROGRESS)] == ["commit", "note", "done"]
    assert lc.commands(lc.DONE) == []


@pytest.mark.parametrize("typed, rule", [
    ("5 7", (5, 7)), ("5人 7天", (5, 7)), ("5人，7天", (5, 7)), ("5人7天", (5, 7)), ("5 people 1 week", (5, 7)),
    ("３人 ２周", (3, 14)), ("5, 7", (5, 7)), ("5", None), ("5 7 8", None), ("a 7", None), ("", None),
])
def test_a_rule_as_secretaries_type_it(typed: str, rule: tuple[int, int] | None) -> None:
    from bot.deliberation.limits import read_rule
    assert read_rule(typed) == rule
