"""Case lifecycle rules: table, permissions, transfers, mandatory inputs, numbers."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from bot.cases import lifecycle as lc
from bot.cases.lifecycle import (
    ACTIONS, STATUSES, TABLE, Actor, CaseSnapshot, IllegalTransition, InvalidInput,
    MissingInput, NotPermitted, TransferLimitReached, actor_for, allowed_actions, apply,
    decide, is_open,
)
from bot.cases.numbers import format_case_no, parse_case_no

REPORTER_ID = 1001


def snap(status: str = "new", department: str | None = "road_maintenance", **kw) -> CaseSnapshot:
    base = dict(status=status, department=department, pending_department=None,
                transfers=0, reopens=0, reporter_id=REPORTER_ID, branch_id=7)
    base.update(kw)
    return CaseSnapshot(**base)


def actor(*roles: str, user_id: int | None = 2002) -> Actor:
    return Actor(user_id, frozenset(roles))


REPORTER = actor("rider", "reporter", user_id=REPORTER_ID)
RIDER = actor("rider", user_id=3003)
DEPT = actor("department_member", user_id=4004)
TARGET = actor("target_department_member", user_id=5005)
SECRETARY = actor("secretary", user_id=6006)
SYSTEM = Actor.system()
EVERYONE = actor(*lc.ROLES, user_id=REPORTER_ID)

# inputs sufficient for any action
FULL = dict(note="reason / note", department="street_office", master="C-000009")

# The legal (status, action) pairs, written out from the brief independently of TABLE.
EXPECTED_LEGAL = {
    ("new", "accept"), ("new", "assign"), ("accepted", "assign"),
    ("in_progress", "assign"), ("transferred", "assign"),
    ("accepted", "start"),
    *{(s, "note") for s in ("new", "accepted", "in_progress", "transferred", "resolved")},
    ("accepted", "resolve"), ("in_progress", "resolve"),
    ("resolved", "confirm"), ("resolved", "reopen"), ("resolved", "auto_close"),
    ("new", "transfer_request"), ("accepted", "transfer_request"),
    ("in_progress", "transfer_request"),
    ("transferred", "transfer_accept"), ("transferred", "transfer_decline"),
    *{(s, "mark_duplicate") for s in ("new", "accepted", "in_progress", "transferred")},
    *{(s, "reject") for s in ("new", "accepted", "in_progress", "transferred")},
    ("accepted", "cannot_fix"), ("in_progress", "cannot_fix"),
}


def step(case: CaseSnapshot, action: str, who: Actor, **kw) -> CaseSnapshot:
    return apply(case, decide(case, action, who, **kw))


# --- happy paths -------------------------------------------------------------------
def test_full_happy_path_new_to_closed():
    case = snap("new")
    t = decide(case, "accept", DEPT)
    assert (t.from_status, t.to_status) == ("new", "accepted")
    assert t.changes == {"status": "accepted"}
    assert t.event_kind == "accepted" and t.announce and t.announce_key == "case-ev-accepted"
    case = apply(case, t)

    t = decide(case, "start", DEPT)
    assert t.to_status == "in_progress" and t.announce
    case = apply(case, t)

    t = decide(case, "note", DEPT, note="  crew on site  ")
    assert t.changes == {} and t.to_status == "in_progress"
    assert t.payload == {"note": "crew on site"} and t.announce   # progress is feedback
    case = apply(case, t)

    t = decide(case, "resolve", DEPT, note="filled the pothole", photo="file-123")
    assert t.to_status == "resolved" and t.payload["photo"] == "file-123"
    case = apply(case, t)

    t = decide(case, "confirm", REPORTER)
    assert t.to_status == "closed" and t.event_kind == "confirmed" and t.announce
    case = apply(case, t)
    assert not is_open(case.status)
    assert allowed_actions(case, EVERYONE) == []


def test_reopen_returns_to_in_progress_and_counts_against_department():
    case = snap("resolved")
    t = decide(case, "reopen", REPORTER, note="still broken")
    assert t.to_status == "in_progress"
    assert t.changes == {"status": "in_progress", "reopens": 1}
    assert t.payload["department"] == "road_maintenance"
    case = apply(case, t)
    case = step(case, "resolve", DEPT, note="fixed properly")
    case = step(case, "reopen", REPORTER)
    assert case.reopens == 2 and case.status == "in_progress"


def test_auto_close_by_system_only():
    case = snap("resolved")
    t = decide(case, "auto_close", SYSTEM)
    assert t.to_status == "closed" and t.event_kind == "auto_closed"
    with pytest.raises(NotPermitted):
        decide(case, "auto_close", SECRETARY)
    with pytest.raises(NotPermitted):
        decide(case, "auto_close", REPORTER)
    now = datetime(2025, 5, 1, 12)
    assert lc.auto_close_due(now - timedelta(hours=72), now)
    assert not lc.auto_close_due(now - timedelta(hours=71, minutes=59), now)


def test_secretary_accepts_and_routes_unrouted_case():
    case = snap("new", department=None)
    with pytest.raises(MissingInput) as e:
        decide(case, "accept", SECRETARY)
    assert e.value.key == "case-err-department-required"
    t = decide(case, "accept", SECRETARY, department="fire_service")
    assert t.changes == {"status": "accepted", "department": "fire_service"}
    assert t.payload["to_department"] == "fire_service"


def test_department_cannot_accept_into_another_department():
    with pytest.raises(NotPermitted):
        decide(snap("new"), "accept", DEPT, department="fire_service")
    # naming its own department is fine
    assert decide(snap("new"), "accept", DEPT, department="road_maintenance").to_status == "accepted"


def test_assign_sets_department_and_noop_is_not_announced():
    t = decide(snap("new"), "assign", SECRETARY, department="sanitation")
    assert t.to_status == "new" and t.changes == {"department": "sanitation"} and t.announce
    for status in ("new", "accepted", "in_progress"):  # issue 17: refused, not a silent no-op
        with pytest.raises(InvalidInput) as e:
            decide(snap(status), "assign", SECRETARY, department="road_maintenance")
        assert e.value.key == "case-err-already-assigned" and e.value.params["department"] == "road_maintenance"
    pending = snap("transferred", pending_department="street_office", transfers=1)  # keeps it with the owner
    assert decide(pending, "assign", SECRETARY, department="road_maintenance").changes["pending_department"] is None
    t = decide(snap("in_progress"), "assign", SECRETARY, department="sanitation")
    assert t.changes == {"status": "accepted", "department": "sanitation"}
    with pytest.raises(MissingInput):
        decide(snap("new"), "assign", SECRETARY)
    with pytest.raises(NotPermitted):
        decide(snap("new"), "assign", DEPT, department="sanitation")


def test_mark_duplicate_normalises_master():
    t = decide(snap("new"), "mark_duplicate", SECRETARY, master="#12")
    assert t.to_status == "duplicate" and t.payload["master"] == "C-000012"
    with pytest.raises(MissingInput) as e:
        decide(snap("new"), "mark_duplicate", SECRETARY)
    assert e.value.key == "case-err-master-required"
    with pytest.raises(InvalidInput) as e:
        decide(snap("new"), "mark_duplicate", SECRETARY, master="the other one")
    assert e.value.key == "case-err-master-invalid"


# --- the table sweep ---------------------------------------------------------------
def test_table_matches_the_brief():
    assert set(TABLE) == EXPECTED_LEGAL
    assert set(STATUSES) == {s for s, _ in TABLE} | lc.FINAL_STATUSES
    assert {a for _, a in TABLE} == set(ACTIONS)


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("action", ACTIONS)
def test_every_pair_outside_the_table_is_illegal(status, action):
    case = snap(status, pending_department="street_office" if status == "transferred" else None)
    if (status, action) in TABLE:
        t = decide(case, action, EVERYONE, **{**FULL, "department": "sanitation"})
        assert t.from_status == status
        assert t.to_status == (TABLE[(status, action)].to_status or status)
    else:
        with pytest.raises(IllegalTransition) as e:
            decide(case, action, EVERYONE, **FULL)
        assert e.value.key == "case-err-illegal"
        assert (e.value.status, e.value.action) == (status, action)
        assert action not in allowed_actions(case, EVERYONE)


def test_unknown_action_is_illegal_not_a_bare_exception():
    with pytest.raises(IllegalTransition) as e:
        decide(snap("new"), "explode", EVERYONE)
    assert e.value.key == "case-err-illegal"


def test_every_status_change_is_announced():
    for (status, action) in TABLE:
        case = snap(status, pending_department="street_office" if status == "transferred" else None)
        t = decide(case, action, EVERYONE, **{**FULL, "department": "sanitation"})
        if t.status_changed:
            assert t.announce, (status, action)


# --- permissions ---------------------------------------------------------------------
def test_rider_cannot_resolve_or_do_anything_staff_does():
    for status in ("accepted", "in_progress"):
        with pytest.raises(NotPermitted) as e:
            decide(snap(status), "resolve", RIDER, note="done")
        assert e.value.key == "case-err-not-permitted"
    for status in STATUSES:
        assert allowed_actions(snap(status), RIDER) == []


def test_reporter_confirms_and_reopens_only_own_case():
    assert allowed_actions(snap("resolved"), REPORTER) == ["confirm", "reopen"]
    stranger = actor("rider", "reporter", user_id=9999)   # role claimed, but not theirs
    for action in ("confirm", "reopen"):
        with pytest.raises(NotPermitted):
            decide(snap("resolved"), action, stranger)
    assert allowed_actions(snap("resolved"), stranger) == []


def test_staff_cannot_confirm_for_the_reporter():
    for who in (DEPT, SECRETARY, actor("superadmin")):
        with pytest.raises(NotPermitted):
            decide(snap("resolved"), "confirm", who)


def test_reporter_cannot_act_on_open_case():
    with pytest.raises(NotPermitted):
        decide(snap("in_progress"), "resolve", REPORTER, note="I fixed it myself")


def test_only_secretary_rejects_and_reason_is_mandatory():
    with pytest.raises(NotPermitted):
        decide(snap("new"), "reject", DEPT, note="spam")
    for note in (None, "", "   "):
        with pytest.raises(MissingInput) as e:
            decide(snap("new"), "reject", SECRETARY, note=note)
        assert e.value.key == "case-err-reason-required"
    t = decide(snap("new"), "reject", SECRETARY, note="not a public matter")
    assert t.to_status == "rejected" and t.payload["note"] == "not a public matter"


def test_cannot_fix_needs_reason_shown_to_reporter():
    with pytest.raises(MissingInput) as e:
        decide(snap("in_progress"), "cannot_fix", DEPT)
    assert e.value.key == "case-err-reason-required"
    t = decide(snap("in_progress"), "cannot_fix", DEPT, note="private land; owner informed")
    assert t.to_status == "closed_not_fixed" and t.announce
    assert t.payload["note"] == "private land; owner informed"


def test_resolve_needs_a_note():
    with pytest.raises(MissingInput) as e:
        decide(snap("in_progress"), "resolve", DEPT)
    assert e.value.key == "case-err-note-required"


def test_allowed_actions_per_role():
    assert allowed_actions(snap("resolved"), SYSTEM) == ["auto_close"]
    assert allowed_actions(snap("new"), DEPT) == [
        "accept", "note", "transfer_request", "mark_duplicate"]
    assert allowed_actions(snap("accepted"), SECRETARY) == [
        "assign", "start", "note", "resolve", "transfer_request", "mark_duplicate",
        "reject", "cannot_fix"]
    transferred = snap("transferred", pending_department="street_office", transfers=1)
    assert allowed_actions(transferred, TARGET) == ["transfer_accept", "transfer_decline"]
    assert allowed_actions(transferred, DEPT) == ["note", "mark_duplicate"]


# --- transfers (首问负责制) ------------------------------------------------------------
def test_transfer_keeps_owner_until_target_accepts():
    case = step(snap("new"), "accept", DEPT)
    t = decide(case, "transfer_request", DEPT, department="street_office", note="not a road")
    assert t.to_status == "transferred"
    assert t.changes == {"status": "transferred", "pending_department": "street_office",
                         "transfers": 1}
    case = apply(case, t)
    assert case.department == "road_maintenance"          # still the owner
    with pytest.raises(NotPermitted):                       # the owner cannot accept for them
        decide(case, "transfer_accept", DEPT)
    t = decide(case, "transfer_accept", TARGET)
    assert t.changes == {"status": "accepted", "department": "street_office",
                         "pending_department": None}
    assert t.payload == {"from_department": "road_maintenance", "to_department": "street_office"}


def test_transfer_decline_returns_to_owner_with_reason():
    case = snap("transferred", pending_department="street_office", transfers=1)
    with pytest.raises(MissingInput):
        decide(case, "transfer_decline", TARGET)
    t = decide(case, "transfer_decline", TARGET, note="this is a road defect")
    assert t.changes == {"status": "accepted", "pending_department": None}
    assert apply(case, t).department == "road_maintenance"


@pytest.mark.parametrize("before", ["new", "accepted", "in_progress"])
def test_transfer_decline_returns_to_status_before_request(before):
    """Issue 17 #22: New → 申请转办 → 拒绝转办 must not read 已受理 — nobody accepted it."""
    case = replace(snap(before), transfers=0)
    case = step(case, "transfer_request", DEPT, department="street_office")
    case = replace(case, before_transfer=before)  # the service reads it from the event log
    t = decide(case, "transfer_decline", TARGET, note="not ours")
    assert t.to_status == before
    assert t.changes == {"status": before, "pending_department": None}
    assert apply(case, t).department == "road_maintenance"


def test_two_transfer_limit_then_secretary_decides():
    case = step(snap("new"), "accept", DEPT)
    case = step(case, "transfer_request", DEPT, department="street_office")
    case = step(case, "transfer_decline", TARGET, note="not ours")
    case = step(case, "transfer_request", DEPT, department="sanitation")
    case = step(case, "transfer_accept", TARGET)
    assert (case.department, case.transfers, case.status) == ("sanitation", 2, "accepted")

    for who in (DEPT, SECRETARY):
        with pytest.raises(TransferLimitReached) as e:
            decide(case, "transfer_request", who, department="road_maintenance")
        assert e.value.key == "case-err-transfer-limit"
        assert e.value.params["limit"] == 2
        assert "transfer_request" not in allowed_actions(case, who)

    case = step(case, "assign", SECRETARY, department="road_maintenance")
    assert (case.department, case.status, case.transfers) == ("road_maintenance", "accepted", 2)


def test_transfer_inputs_checked():
    with pytest.raises(MissingInput) as e:
        decide(snap("accepted"), "transfer_request", DEPT)
    assert e.value.key == "case-err-department-required"
    with pytest.raises(InvalidInput) as e:
        decide(snap("accepted"), "transfer_request", DEPT, department="road_maintenance")
    assert e.value.key == "case-err-transfer-same-department"
    with pytest.raises(IllegalTransition) as e:
        decide(snap("new", department=None), "transfer_request", SECRETARY, department="x")
    assert e.value.key == "case-err-no-owner"


def test_secretary_can_settle_a_pending_transfer_by_assign():
    case = snap("transferred", pending_department="street_office", transfers=1)
    t = decide(case, "assign", SECRETARY, department="street_office")
    assert t.changes == {"status": "accepted", "department": "street_office",
                         "pending_department": None}


# --- helpers -------------------------------------------------------------------------------
def test_is_open():
    assert [s for s in STATUSES if is_open(s)] == [
        "new", "accepted", "in_progress", "transferred", "resolved"]
    assert not is_open("closed") and not is_open("closed_not_fixed")


def test_actor_for_computes_roles_relative_to_case():
    case = snap("transferred", pending_department="street_office")
    assert actor_for(case, REPORTER_ID, is_rider=True).roles == {"rider", "reporter"}
    assert actor_for(case, 1, departments=["road_maintenance"]).roles == {"department_member"}
    assert actor_for(case, 1, departments=["street_office"]).roles == {"target_department_member"}
    assert actor_for(case, 1, departments=["fire_service"], is_secretary=True).roles == {"secretary"}


def test_every_message_key_is_in_both_catalogues():
    from bot import i18n
    keys = {v for k, v in vars(lc).items() if k.startswith("ERR_")}
    keys |= {lc.event_key(kind) for kind in lc.EVENT_KINDS.values()}
    keys |= {f"case-status-{s}" for s in STATUSES} | {f"case-action-{a}" for a in ACTIONS}
    for lang in i18n.LANGS:
        assert not keys - i18n.message_keys(lang), lang


# --- case numbers --------------------------------------------------------------------------
def test_format_case_no():
    assert format_case_no(123) == "C-000123"
    assert format_case_no(1234567) == "C-1234567"
    with pytest.raises(ValueError):
        format_case_no(0)


@pytest.mark.parametrize("text", ["C-000123", "c123", "C-123", "C000123", "#123", "123",
                                  "Ｃ－１２３", "＃１２３", " c 123 ", "C—123", "#C-123"])
def test_parse_case_no_tolerant(text):
    assert parse_case_no(text) == 123


@pytest.mark.parametrize("text", ["", None, "C-", "C-0", "abc", "C-12a", "123 456", "D-123"])
def test_parse_case_no_rejects(text):
    assert parse_case_no(text) is None


@pytest.mark.parametrize("text", ["C-000123！", "C-000123,", "C-000123，", "C-000123。", "C-123?",
                                  "【C-000123】", "「C-000123」", "（C-123）", "(c123)", "“C-123”", "《123》。"])
def test_parse_case_no_reads_a_number_in_brackets_or_before_a_mark(text):
    """A number as riders type it in a sentence: bracketed, quoted, or with the sentence's end after it."""
    assert parse_case_no(text) == 123


@pytest.mark.parametrize("text", ["(", "【】", "C-123)abc", "1.5", "C-12！3"])
def test_parse_case_no_still_rejects_what_is_no_number(text):
    assert parse_case_no(text) is None


def test_error_carries_params():
    err = IllegalTransition(status="closed", action="resolve")
    assert err.key == "case-err-illegal"
    assert err.params == {"status": "closed", "action": "resolve"}
    assert replace(snap(), status="closed").status == "closed"


def test_final_status_clears_pending_transfer():
    case = snap("transferred", pending_department="street_office", transfers=1)
    t = decide(case, "reject", SECRETARY, note="not a public matter")
    assert t.changes == {"status": "rejected", "pending_department": None}
    t = decide(case, "mark_duplicate", SECRETARY, master="C-5")
    assert t.changes == {"status": "duplicate", "pending_department": None}
