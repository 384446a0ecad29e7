"""The proposal lifecycle table, the vote's outcome rule, and the button data read at the edge."""
from __future__ import annotations

import pytest

from bot.deliberation import lifecycle as lc
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
