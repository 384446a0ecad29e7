"""The generated permission matrix (issue 12 §2): every admin command and every button the bot
registers, tried by someone with no business in another branch, must change nothing there and
tell nothing of it.

What is tried comes from the registries: the commands of every `Command` filter and the callback
patterns of every `F.data.regexp` filter on the real Dispatcher's routers. `test_matrix_covers_*`
fail when a command or a button is registered without a line below, so nothing added later goes
untried. Each template is sent by

* a rider of branch cy (LI),
* the secretary of branch cy (SEC),
* a member of cy's urban_lighting department (DEPT_A), the department that owns hd's case,

against branch hd's case, survey, redemption, activity, report-in, hours entry and broadcast
(forged callback data names them), and again against numbers and a branch code nobody used. After each attempt:

* **state**: hd's rows (cases and their events, roles, department memberships, group bindings,
  surveys and answers, redemptions and points, activities, check-ins, report-ins, hours,
  broadcasts, lesson plans, the audit) must be exactly as before;
* **disclosure**: nothing the attacker sees (their private chat, their own group, the button's
  answer) may contain hd's texts, places, names or the case's status;
* **same reading**: the answer about hd's object must read as the answer about a missing one.
"""
from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func
from sqlmodel import col, select

from bot.buttons import PREFIXES
from bot.cases.lifecycle import ACTIONS
from handlers.chat import build_routes
from storage.models import Case, CaseEvent, CaseWatcher, Chat, DepartmentMember, OutboxMessage, User
from storage.models.audit import AuditEntry
from storage.models.broadcasts import Broadcast, Survey, SurveyAnswer
from storage.models.deliberation import AgendaRule, Proposal, ProposalComment, ProposalSupport, ProposalVote
from storage.models.checkins import Activity, ActivityCheckin, ReportIn, VolunteerHours
from storage.models.lessons import LessonSchedule
from storage.models.points import PointsAccount, PointsEntry, Redemption
from tests.conftest import (GROUP, GROUP_B, LI, SEC, SEC_B, answer_for, private, said, two_branches, until,
                            with_boss)

TZ = ZoneInfo("Asia/Shanghai")
HD_RIDER = {"id": 503, "first_name": "海淀骑手甲", "language_code": "zh"}
HD_MEMBER = {"id": 505, "first_name": "海淀部门员", "language_code": "zh"}
DEPT_A = {"id": 504, "first_name": "朝阳部门员", "language_code": "zh"}
ATTACKERS = {"rider": LI, "secretary of another branch": SEC, "member of another branch's department": DEPT_A}

# What hd's objects say (texts, place, names, the case's status); none of it may reach an attacker.
SECRETS = [re.compile(p) for p in (
    "海淀黄庄", "漆黑", "海淀骑手", "海淀部门员", "海淀老家", "海淀清洁日", "海淀问卷", "海淀推送", "周末路面施工",
    "Haidian", "Sec B", r"处理中(?!\s*\d+\s*件)", "In progress")]  # (a board's "处理中 3 件" counts the own branch)

# --- the registry lines: every admin command, with what it is tried with ------------------------
# A template is (where, text): `private` (the attacker's chat with the bot), `group_b` (hd's group,
# which the attacker sits in). Placeholders name hd's objects; `missing` fills them with numbers
# nobody used.
P, B = "private", "group_b"
ADMIN_COMMANDS: dict[str, list[tuple[str, str]]] = {
    "accept": [(P, "/accept {case}"), (P, "/accept {case} road_maintenance")],
    "assign": [(P, "/assign {case} road_maintenance"), (P, "/assign {case}")],
    "work": [(P, "/work {case}")],
    "note": [(P, "/note {case} 看看"), (P, "/note {case}")],
    "resolve": [(P, "/resolve {case} 修好了"), (P, "/resolve {case}")],
    "reject": [(P, "/reject {case} 不受理"), (P, "/reject {case}")],
    "dup": [(P, "/dup {case} {own_case}"), (P, "/dup {own_case} {case}"), (P, "/dup {case}")],
    "transfer": [(P, "/transfer {case} road_maintenance"), (P, "/transfer {case}")],
    "take": [(P, "/take {case}")],
    "decline": [(P, "/decline {case} 不归我们"), (P, "/decline {case}")],
    "cannotfix": [(P, "/cannotfix {case} 修不了"), (P, "/cannotfix {case}")],
    "confirm": [(P, "/confirm {case}")],
    "reopen": [(P, "/reopen {case}")],
    "case": [(P, "/case {case}"), (B, "/case {case}")],
    "cases": [(P, "/cases"), (P, "/cases overdue")],
    "recat": [(P, "/recat {case} road urgent")],
    "board": [(P, "/board")],
    "grant": [(P, "/grant {hd_member} dept urban_lighting {branch_b}"), (P, "/grant {hd_rider} dept urban_lighting"),
              (P, "/grant {me} dept urban_lighting"),
              (P, "/grant {me} secretary {branch_b}"), (P, "/grant {me} superadmin"),
              (P, "/grant {hd_rider} secretary {branch_b}")],
    "revoke": [(P, "/revoke {hd_member} dept urban_lighting"), (P, "/revoke {hd_member} dept urban_lighting {branch_b}"),
               (P, "/revoke {sec_b} secretary {branch_b}")],
    "bind": [(B, "/bind {branch_a}"), (B, "/bind newcode 新支部")],
    "unbind": [(B, "/unbind")],
    "audit": [(P, "/audit 100")],
    "points": [(P, "/points grant {hd_rider} 5 协助"), (P, "/points ledger {hd_rider}"),
               (P, "/points grant {hd_rider} -5 协助"), (P, "/points revoke #{entry} 误发冲正")],
    "redemptions": [(P, "/redemptions")],
    "fulfil": [(P, "/fulfil {redemption} CODE-1")],
    "refuse": [(P, "/refuse {redemption} 没货了")],
    "activity": [(P, "/activity list"), (P, "/activity close {activity}"), (P, "/activity place {activity} 300m")],
    "reportins": [(P, "/reportins"), (P, "/reportins {branch_b}"), (P, "/reportins approve {reportin}"),
                  (P, "/reportins reject {reportin} 不对")],
    "hours": [(P, "/hours pending {branch_b}"), (P, "/hours approve {hours}"), (P, "/hours reject {hours} 不对")],
    "stats": [(P, "/stats checkins {branch_b}"), (P, "/stats lessons")],
    "broadcast": [(P, "/broadcast cancel"), (P, "/broadcast groups={group_b} now 你好")],
    "broadcasts": [(P, "/broadcasts"), (P, "/broadcasts cancel {broadcast}")],
    "survey": [(P, "/survey results {survey}"), (P, "/survey close {survey}"), (P, "/survey list"),
               (P, "/survey new groups={group_b} 问题 | 甲 | 乙")],
    "needs": [(P, "/needs"), (P, "/needs 30 {branch_b}")],
    "lessons": [(P, "/lessons"), (B, "/lessons off"), (B, "/lessons plan 一三五"), (P, "/lessons {group_b} plan 一三五")],
    "export": [(P, "/export cases"), (P, "/export cases 2026-01-01 csv")],
    "web": [(P, "/web"), (B, "/web")],
    "routing": [(P, "/routing")],
    "top": [(P, "/top"), (P, "/top week"), (B, "/top")],
    "propose": [(P, "/propose {case}")],  # (a new proposal in hd's group is any of its members' right)
    "proposal": [(P, "/proposal {proposal}"), (P, "/proposal {proposal} agenda"),
                 (P, "/proposal {proposal} decline 不行"), (P, "/proposal {proposal} vote quorum=1"),
                 (P, "/proposal {proposal} close"), (P, "/proposal {proposal} commit 街道办 due=2027-01-31"),
                 (P, "/proposal {proposal} note 进展"), (P, "/proposal {proposal} done")],
    "proposals": [(P, "/proposals"), (P, "/proposals adopted"), (P, "/proposals rule 1 1")],
    "vote": [(P, "/vote {proposal} 1"), (P, "/vote {proposal} 反对")],
    "link": [(P, "/link"), (P, "/link ABCD-EFGH")],  # a guessed code joins nobody
}
# Commands a rider uses on their own things only (nothing of a branch to reach).
RIDER_COMMANDS = {"start", "help", "lang", "mycases", "report", "me", "shop", "redeem", "privacy", "checkin",
                  "reportin", "lesson"}

# Forged button data, per callback prefix.
CALLBACKS: dict[str, list[str]] = {
    "ca": [f"ca:{{case_id}}:{a}" for a in ACTIONS],
    "cf": ["cf:{case_id}:y", "cf:{case_id}:n"],
    "rp": ["rp:{case_id}:y", "rp:{case_id}:n"],
    "pt": ["pt:r:{item}"],  # the catalogue is every branch's: no foreign object to name
    "pr": ["pr:{redemption_id}:y", "pr:{redemption_id}:n"],
    "ri": ["ri:{reportin}:a", "ri:{reportin}:r"],
    "rb": ["rb:{reportin}:{branch_b_id}"],
    "vh": ["vh:{hours}:{halves}:a", "vh:{hours}:{halves}:r"],
    "bc": ["bc:go:{broadcast}", "bc:x:{broadcast}", "bc:c:{broadcast}"],
    "sv": ["sv:{survey}:0", "sv:{survey}:1"],
    "ls": ["ls:{case_id}:d", "ls:{case_id}:0"],
    "cd": ["cd:{case_id}:as:road_maintenance", "cd:{case_id}:tr:road_maintenance", "cd:{case_id}:ac:urban_lighting",
           "cd:{case_id}:x:-"],
    "vt": ["vt:{case_id}:road", "vt:{case_id}:x"],
    "vp": ["vp:{case_id}"],
    "dp": ["dp:{proposal}:s"],
    "dv": ["dv:{proposal}:0", "dv:{proposal}:1"],
    "dc": ["dc:{case_id}"],
}


# --- the registries -------------------------------------------------------------------------------
def registered() -> tuple[set[str], list[re.Pattern[str]]]:
    """Command names and callback-data patterns of every route the chat layer (handlers/chat.py) holds."""
    routes = build_routes()
    patterns = [PREFIXES[kind.prefix][1] for route in routes.buttons for kind in route.kinds]
    return set(routes.commands), patterns


def prefixes(pattern: re.Pattern[str]) -> set[str]:
    """The literal prefixes a button pattern accepts: ca:(…):(…) -> {ca}."""
    return set(re.findall(r"(?:^\^?\(?|\|)([a-z]+):", pattern.pattern))


def test_matrix_covers_every_registered_command() -> None:
    commands, _ = registered()
    missing = commands - set(ADMIN_COMMANDS) - RIDER_COMMANDS
    assert not missing, f"registered commands not in the permission matrix: {sorted(missing)}"
    assert not (set(ADMIN_COMMANDS) - commands), "matrix lines for commands no longer registered"


def test_matrix_covers_every_registered_button() -> None:
    _, patterns = registered()
    assert patterns, "no callback filters found: has the registry changed shape?"
    found = set().union(*(prefixes(p) for p in patterns))
    assert found - set(CALLBACKS) == set(), f"buttons not in the permission matrix: {sorted(found - set(CALLBACKS))}"
    sample = {"case_id": 1, "item": 1, "redemption_id": 1, "reportin": 1, "branch_b_id": 2, "hours": 1, "halves": 2,
              "broadcast": 1, "survey": 1, "proposal": 1}
    for templates in CALLBACKS.values():
        for template in templates:  # each forged press reaches a handler (else it would prove nothing)
            data = template.format(**sample)
            assert any(p.fullmatch(data) for p in patterns), f"{data} matches no registered button"
    for p in patterns:
        assert any(p.fullmatch(t.format(**sample)) for ts in CALLBACKS.values() for t in ts), p.pattern


# --- the world: branch hd's objects -------------------------------------------------------------
class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now.astimezone(timezone.utc)


@pytest.fixture
def settings(settings):
    return with_boss(settings)


@dataclass
class World:
    refs: dict[str, Any]
    missing: dict[str, Any]
    hd: int
    people: tuple[int, ...]
    press_on: dict[int, int] = field(default_factory=dict)  # attacker -> a bot message in their chat
    counts: dict[int, int] = field(default_factory=dict)  # chat -> the bot's messages there already read


async def _one(db, stmt) -> Any:
    async with db() as s:
        return (await s.exec(stmt)).first()


async def _bot_message(tg, chat_id: int, words: str) -> dict[str, Any] | None:
    """The bot's latest message in the chat that has `words`, if any yet."""
    return next((m for m in reversed(await tg.messages(chat_id)) if words in (m.get("plain_text") or "")), None)


async def build_world(bot, tg, db) -> World:
    bot.core.checkins.clock = Clock(datetime(2026, 12, 1, 10, 0, tzinfo=TZ))
    await two_branches(tg, LI, HD_RIDER, HD_MEMBER, DEPT_A)
    hd = (await _one(db, select(Chat.branch_id).where(Chat.id == GROUP_B["id"])))
    await said(tg, GROUP_B, HD_RIDER, "海淀黄庄北口的路灯坏了，晚上一片漆黑")  # C-000001
    await said(tg, GROUP, LI, "建国门外的路灯坏了")  # C-000002, cy's own
    for text in ("/accept C-000001", "/work C-000001", f"/grant {HD_MEMBER['id']} dept urban_lighting",
                 f"/points grant {HD_RIDER['id']} 50 海淀协助", '/activity new "海淀清洁日" 2026-12-01 09:00 3h',
                 "/survey new 海淀问卷：路灯满意吗 | 满意 | 不满意"):
        await said(tg, SEC_B["id"], SEC_B, text)
    await said(tg, SEC["id"], SEC, f"/grant {DEPT_A['id']} dept urban_lighting")
    code = await _one(db, select(Activity.code))
    await said(tg, HD_RIDER["id"], HD_RIDER, "/redeem meal")
    await said(tg, GROUP_B, HD_RIDER, "/reportin 海淀老家党支部")
    await said(tg, HD_RIDER["id"], HD_RIDER, f"/hours {code} 1")
    await tg.send(private(SEC_B), SEC_B, "/broadcast all 2026-12-24 08:30 海淀推送：周末路面施工")
    # the preview by what it is: the rider's redemption, report-in and hours cards reach the same chat
    # on their own time, and one may come after the command (a loaded machine)
    preview = await until(lambda: _bot_message(tg, SEC_B["id"], "海淀推送"))
    bc_id = await until(lambda: _one(db, select(Broadcast.id)))
    await answer_for(tg, await tg.press(SEC_B["id"], preview["message_id"], SEC_B, f"bc:go:{bc_id}"))
    await until(lambda: _one(db, select(Broadcast.id).where(Broadcast.status == "scheduled")))
    await said(tg, GROUP_B, HD_RIDER, "/propose 海淀黄庄设休息点 | 海淀骑手中午没处歇")  # proposal 1, being voted on
    for text in ("/proposal 1 agenda", "/proposal 1 vote quorum=1"):
        await said(tg, SEC_B["id"], SEC_B, text)
    refs = {"case": "C-000001", "case_id": 1, "item": 1, "own_case": "C-000002", "redemption": "R1", "redemption_id": 1,
            "activity": code, "reportin": 1, "hours": 1, "halves": 2, "survey": 1, "broadcast": bc_id,
            "branch_b": "hd", "branch_b_id": hd, "branch_a": "cy", "hd_member": HD_MEMBER["id"],
            "hd_rider": HD_RIDER["id"], "sec_b": SEC_B["id"], "proposal": 1, "group_b": GROUP_B["id"],
            "entry": await _one(db, select(PointsEntry.id).where(PointsEntry.user_id == HD_RIDER["id"]))}
    missing = {**refs, "case": "C-000099", "case_id": 99, "redemption": "R99", "redemption_id": 99,
               "activity": "ZZZZZ", "reportin": 99, "hours": 99, "survey": 99, "broadcast": 99, "proposal": 99,
               "branch_b": "zz", "branch_b_id": 99, "group_b": -100999, "entry": 99999}
    assert await _one(db, select(Case.status).where(Case.id == 1)) == "in_progress" and refs["entry"]
    assert await _one(db, select(Proposal.status).where(Proposal.id == 1)) == "voting"
    for what, model in (("survey", Survey), ("redemption", Redemption), ("report-in", ReportIn),
                        ("hours", VolunteerHours)):
        assert await _one(db, select(model.id)) == 1, what
    world = World(refs, missing, hd, (HD_RIDER["id"], HD_MEMBER["id"], SEC_B["id"]))
    for who in ATTACKERS.values():
        world.press_on[who["id"]] = (await tg.messages(who["id"]))[0]["message_id"]
    return world


async def snapshot(db, w: World) -> dict[str, list[Any]]:
    """Branch hd's rows, everything an attacker could change there."""
    cases = select(Case.id).where(Case.branch_id == w.hd)
    activities = select(Activity.id).where(Activity.branch_id == w.hd)
    surveys = select(Survey.id).where(Survey.branch_id == w.hd)
    proposals = select(Proposal.id).where(Proposal.branch_id == w.hd)
    queries = {
        "cases": select(Case).where(Case.branch_id == w.hd),
        "case events": select(func.count(), func.max(CaseEvent.id)).where(col(CaseEvent.case_id).in_(cases)),
        "watchers": select(CaseWatcher).where(col(CaseWatcher.case_id).in_(cases)),
        "roles": select(User.id, User.role, User.branch_id),
        "memberships": select(DepartmentMember).where(  # in hd (a membership in cy is cy's business)
            (DepartmentMember.branch_id == w.hd) | col(DepartmentMember.branch_id).is_(None)),
        "groups": select(Chat.id, Chat.branch_id),
        "surveys": select(Survey).where(Survey.branch_id == w.hd),
        "answers": select(SurveyAnswer).where(col(SurveyAnswer.survey_id).in_(surveys)),
        "redemptions": select(Redemption).where(Redemption.branch_id == w.hd),
        "points": select(PointsEntry).where(col(PointsEntry.user_id).in_(w.people)),
        "balances": select(PointsAccount).where(col(PointsAccount.user_id).in_(w.people)),
        "activities": select(Activity).where(Activity.branch_id == w.hd),
        "check-ins": select(ActivityCheckin).where(col(ActivityCheckin.activity_id).in_(activities)),
        "report-ins": select(ReportIn).where((ReportIn.branch_id == w.hd) | col(ReportIn.user_id).in_(w.people)),
        "hours": select(VolunteerHours).where(col(VolunteerHours.activity_id).in_(activities)),
        "broadcasts": select(Broadcast).where(Broadcast.branch_id == w.hd),
        "lesson plans": select(LessonSchedule).where(LessonSchedule.chat_id == GROUP_B["id"]),
        "audit": select(AuditEntry).where(AuditEntry.branch_id == w.hd),
        "proposals": select(Proposal).where(Proposal.branch_id == w.hd),
        "supporters": select(ProposalSupport).where(col(ProposalSupport.proposal_id).in_(proposals)),
        "votes": select(ProposalVote).where(col(ProposalVote.proposal_id).in_(proposals)),
        "comments": select(ProposalComment).where(col(ProposalComment.proposal_id).in_(proposals)),
        "agenda rule": select(AgendaRule).where(AgendaRule.branch_id == w.hd),
    }
    out: dict[str, list[Any]] = {}
    async with db() as s:
        for name, stmt in queries.items():
            rows = (await s.exec(stmt)).all()
            out[name] = sorted((r.model_dump() if hasattr(r, "model_dump") else tuple(r) for r in rows), key=repr)
    return out


async def _soon(check, timeout: float = 20.0) -> Any:
    """Like `until`, polling faster: the matrix makes hundreds of attempts."""
    for _ in range(int(timeout / 0.01)):
        if value := await check():
            return value
        await asyncio.sleep(0.01)
    raise AssertionError("condition not reached in time")


async def settled(tg, db) -> None:
    """Every update confirmed (so committed) and every reply it queued sent."""
    async def done() -> bool:
        if (await tg.stats())["pending_updates"]:
            return False
        async with db() as s:
            return not (await s.exec(select(OutboxMessage.id).where(OutboxMessage.status == "pending")
                                     .limit(1))).first()
    await _soon(done)


async def _answer(tg, qid: str) -> str:
    async def answered() -> dict[str, Any] | None:
        return next((a for a in await tg.answers() if a["callback_query_id"] == qid), None)
    return (await _soon(answered))["text"] or ""


@dataclass
class Outcome:
    changed: list[str]
    seen: str  # everything the attacker saw: new messages in their chats, the button's answer


async def attempt(tg, db, w: World, who: dict[str, Any], kind: str, where: str, text: str,
                  before: dict[str, list[Any]], check_state: bool = True) -> tuple[Outcome, dict[str, list[Any]]]:
    """One try; `before` is hd's snapshot before it, the snapshot after it is returned too.
    Without `check_state` no snapshot is taken: a change is then caught by the next one."""
    chats = (who["id"], GROUP["id"])
    for c in chats:
        if c not in w.counts:
            w.counts[c] = len(await tg.messages(c))
    answer = ""
    if kind == "press":
        answer = await _answer(tg, await tg.press(who["id"], w.press_on[who["id"]], who, text))
    else:
        await tg.send(private(who) if where == P else GROUP_B, who, text)
    await settled(tg, db)
    after = await snapshot(db, w) if check_state else before
    seen = [answer]
    for c in chats:
        new = (await tg.messages(c))[w.counts[c]:]
        w.counts[c] += len(new)
        seen += [m.get("text") or "" for m in new]
    return Outcome([k for k in before if before[k] != after[k]], "\n".join(seen)), after


def _normal(text: str, w: World) -> str:
    """A reply with the numbers and codes the user typed set aside."""
    for ref in (w.refs["activity"], w.missing["activity"]):
        text = text.replace(str(ref), "@")
    for code in (w.refs["branch_b"], w.missing["branch_b"]):  # a branch code as typed: “hd” and “zz”
        text = text.replace(f"“{code}”", "“@”").replace(f"\"{code}\"", '"@"')
    return re.sub(r"\d+", "#", text)


async def test_permission_matrix(bot, tg, db) -> None:
    w = await build_world(bot, tg, db)
    tries: list[tuple[str, str, str]] = [("send", where, text) for lines in ADMIN_COMMANDS.values()
                                          for where, text in lines]
    tries += [("press", P, data) for datas in CALLBACKS.values() for data in datas]
    attempts, allowed, disclosed, differing = 0, [], [], []
    state = await snapshot(db, w)
    for role, who in ATTACKERS.items():
        for kind, where, template in tries:
            outcomes = {}
            for label, refs in (("foreign", w.refs), ("missing", w.missing)):
                if label == "missing" and template.format(**refs, me=who["id"]) == template.format(**w.refs, me=who["id"]):
                    continue
                text = template.format(**refs, me=who["id"])
                # a try on a missing object is compared with the next snapshot (saves a third of the time)
                outcome, state = await attempt(tg, db, w, who, kind, where, text, state, label == "foreign")
                attempts += 1
                outcomes[label] = outcome
                if outcome.changed:
                    allowed.append((role, text, outcome.changed))
                leaks = [p.pattern for p in SECRETS if p.search(outcome.seen)]
                if leaks:
                    disclosed.append((role, text, leaks, outcome.seen[:200]))
            if "missing" in outcomes and where == P and \
                    _normal(outcomes["foreign"].seen, w) != _normal(outcomes["missing"].seen, w):
                differing.append((role, template, outcomes["foreign"].seen[:160], outcomes["missing"].seen[:160]))
    print(f"\npermission matrix: {attempts} attempts ({len(tries)} templates x {len(ATTACKERS)} attackers, "
          f"foreign and missing objects): wrongly allowed {len(allowed)}, disclosures {len(disclosed)}, "
          f"foreign read differently from missing {len(differing)}")
    assert not allowed, allowed
    assert not disclosed, disclosed
    assert not differing, differing
