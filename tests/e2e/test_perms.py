"""Issue 12 §2, each reproduction as a regression test: a secretary acts within their own branch.

Branch cy (GROUP, secretary SEC) and branch hd (GROUP_B, secretary SEC_B), as `two_branches`
sets them up; HD_RIDER reports in GROUP_B, LI and WANG are riders of cy.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from bot.services.audit_export import export_audit
from storage.models import Branch, Case, Chat, DepartmentMember, User
from storage.models.audit import AuditEntry
from tests.conftest import (BOSS, GROUP, GROUP_B, LI, SEC, SEC_B, WANG, answer_for, last, private, said, until,
                            two_branches, with_boss)
from tests.factories import report

HD_RIDER = {"id": 503, "first_name": "海淀骑手", "language_code": "zh"}
GROUP_C = {"id": -100300, "type": "supergroup", "title": "新群"}


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _rows(db, model, *where):
    async with db() as s:
        return list((await s.exec(select(model).where(*where))).all())


async def _branch_id(db, code: str) -> int:
    return (await _rows(db, Branch, Branch.code == code))[0].id


def _same(a: str, b: str) -> bool:
    """Two refusals read the same once the number the user typed is set aside."""
    return re.sub(r"\d+", "#", a) == re.sub(r"\d+", "#", b)


async def test_a_secretary_cannot_move_another_branchs_group_a_superadmin_can_and_the_old_secretary_hears(
        bot, tg, db) -> None:
    await two_branches(tg, LI, HD_RIDER)
    cy, hd = await _branch_id(db, "cy"), await _branch_id(db, "hd")
    refused = await said(tg, GROUP_B, SEC, "/bind cy")
    assert "只有超级管理员" in refused["text"]
    assert (await _rows(db, Chat, Chat.id == GROUP_B["id"]))[0].branch_id == hd
    await report(tg, GROUP_B, HD_RIDER)  # B's new reports still go to B
    assert (await _rows(db, Case))[0].branch_id == hd
    # an unbound group: a secretary binds it to their own branch only
    # (another branch's code reads as an unknown one: test_words_trial.py)
    assert "没有你能绑定的支部“hd”" in (await said(tg, GROUP_C, SEC, "/bind hd"))["text"]
    assert "朝阳支部" in (await said(tg, GROUP_C, SEC, "/bind cy"))["text"]
    assert (await _rows(db, Chat, Chat.id == GROUP_C["id"]))[0].branch_id == cy
    # the secretary of the group's own branch may unbind it; another may not
    assert "not allowed" in (await said(tg, GROUP_C, SEC_B, "/unbind"))["text"]
    # a superadmin moves B's group; B's secretary is told in private
    sec_b_before = len(await tg.messages(SEC_B["id"]))
    assert "朝阳支部" in (await said(tg, GROUP_B, BOSS, "/bind cy"))["text"]
    told = await last(tg, SEC_B["id"], sec_b_before + 1)
    assert "moved by a superadmin" in told["text"] and GROUP_B["title"] in told["text"]
    assert (await _rows(db, Chat, Chat.id == GROUP_B["id"]))[0].branch_id == cy
    assert (await _rows(db, Case))[0].branch_id == hd  # what B was told stays B's
    assert "解除" in (await said(tg, GROUP_C, SEC, "/unbind"))["text"]
    audit = await _rows(db, AuditEntry)
    assert [(a.action, a.target) for a in audit] == [
        ("bind", f"chat:{GROUP['id']}"), ("bind", f"chat:{GROUP_B['id']}"),
        ("grant", f"user:{SEC['id']}"), ("grant", f"user:{SEC_B['id']}"),
        ("bind", f"chat:{GROUP_C['id']}"), ("move", f"chat:{GROUP_B['id']}"), ("unbind", f"chat:{GROUP_C['id']}")]
    move = audit[5]
    assert move.actor_id == BOSS["id"] and move.before["branch"] == "hd" and move.after["branch"] == "cy"
    assert audit[2].before["role"] == "rider" and audit[2].after == {**audit[2].after, "role": "secretary",
                                                                      "branch": "cy"}


async def test_department_grants_hold_in_the_granting_secretarys_branch_only(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG, HD_RIDER)
    cy, hd = await _branch_id(db, "cy"), await _branch_id(db, "hd")
    await report(tg, GROUP_B, HD_RIDER)  # C-000001: hd, urban_lighting
    await report(tg, GROUP, WANG, "建国路口的路灯不亮了")  # C-000002: cy, urban_lighting
    assert {c.id: (c.branch_id, c.department) for c in await _rows(db, Case)} == {
        1: (hd, "urban_lighting"), 2: (cy, "urban_lighting")}

    # no self-grants, not even of a department
    assert "不能给自己" in (await said(tg, SEC["id"], SEC, f"/grant {SEC['id']} dept urban_lighting"))["text"]
    assert await _rows(db, DepartmentMember) == []
    # a rider made a member by cy's secretary acts for the department in cy only
    assert "已授予" in (await said(tg, SEC["id"], SEC, f"/grant {LI['id']} dept urban_lighting"))["text"]
    assert [(m.user_id, m.department, m.branch_id, m.granted_by) for m in await _rows(db, DepartmentMember)] == [
        (LI["id"], "urban_lighting", cy, SEC["id"])]
    missing = (await said(tg, LI["id"], LI, "/case C-000099"))["text"]
    for command in ("/case C-000001", "/accept C-000001", "/work C-000001", "/resolve C-000001 修好了",
                    "/note C-000001 看看", "/recat C-000001 road"):
        assert _same((await said(tg, LI["id"], LI, command))["text"], missing), command
    listing = (await said(tg, LI["id"], LI, "/cases"))["text"]
    assert "C-000002" in listing and "C-000001" not in listing
    assert (await _rows(db, Case, Case.id == 1))[0].status == "new"
    await said(tg, LI["id"], LI, "/accept C-000002")
    assert (await until(lambda: _status(db, 2))) == "accepted"

    # a secretary revokes within their own branch only, and learns nothing of the other's
    assert "is now a department member" in (await said(tg, SEC_B["id"], SEC_B, f"/grant {WANG['id']} dept urban_lighting"))["text"]
    assert "没有这个角色" in (await said(tg, SEC["id"], SEC, f"/revoke {WANG['id']} dept urban_lighting"))["text"]
    assert {(m.user_id, m.branch_id) for m in await _rows(db, DepartmentMember)} == {(LI["id"], cy), (WANG["id"], hd)}
    assert "没有权限" in (await said(tg, SEC["id"], SEC, f"/revoke {SEC['id']} secretary cy"))["text"]
    # a superadmin's grant holds in every branch, or in the one named
    await said(tg, BOSS["id"], BOSS, f"/grant {LI['id']} dept urban_lighting")
    assert "C-000001" in (await said(tg, LI["id"], LI, "/case C-000001"))["text"]
    await said(tg, BOSS["id"], BOSS, f"/revoke {LI['id']} dept urban_lighting")
    assert await _rows(db, DepartmentMember, DepartmentMember.user_id == LI["id"]) == []
    await said(tg, BOSS["id"], BOSS, f"/grant {LI['id']} dept urban_lighting hd")
    assert [(m.branch_id) for m in await _rows(db, DepartmentMember, DepartmentMember.user_id == LI["id"])] == [hd]
    assert "C-000001" in (await said(tg, LI["id"], LI, "/case C-000001"))["text"]
    assert _same((await said(tg, LI["id"], LI, "/case C-000002"))["text"], missing)  # not cy's any more
    # every change is audited, refusals are not
    grants = [(a.action, a.actor_id, a.branch_id) for a in await _rows(db, AuditEntry, AuditEntry.target.in_(
        [f"user:{LI['id']}", f"user:{WANG['id']}"]))]
    assert grants == [("grant", SEC["id"], cy), ("grant", SEC_B["id"], hd), ("grant", BOSS["id"], None),
                      ("revoke", BOSS["id"], None), ("grant", BOSS["id"], hd)]


async def _status(db, case_id: int) -> str | None:
    rows = await _rows(db, Case, Case.id == case_id)
    return rows[0].status if rows and rows[0].status != "new" else None


async def test_a_foreign_case_reads_exactly_as_a_missing_one(bot, tg, db) -> None:
    """Before: /case, /accept … on another branch's case answered with its status."""
    await two_branches(tg, LI)
    await report(tg, GROUP, LI)
    await said(tg, SEC["id"], SEC, "/accept C-000001")
    await said(tg, SEC["id"], SEC, "/work C-000001")
    missing = (await said(tg, SEC_B["id"], SEC_B, "/case C-000099"))["text"]
    assert "that you can see" in missing
    for command in ("/case C-000001", "/accept C-000001", "/work C-000001", "/resolve C-000001 done",
                    "/reject C-000001 no", "/dup C-000001 C-000099", "/transfer C-000001 road_maintenance",
                    "/take C-000001", "/cannotfix C-000001 no", "/confirm C-000001", "/recat C-000001 road"):
        text = (await said(tg, SEC_B["id"], SEC_B, command))["text"]
        assert _same(text, missing), (command, text)
        assert "progress" not in text and "幸福小区" not in text
    card = await said(tg, SEC["id"], SEC, "/case C-000001")
    forged = await answer_for(tg, await tg.press(SEC["id"], card["message_id"], SEC_B, "ca:1:resolve"))
    nothing = await answer_for(tg, await tg.press(SEC["id"], card["message_id"], SEC_B, "ca:99:start"))
    assert forged["text"] != "" and "progress" not in forged["text"]
    forged_start = await answer_for(tg, await tg.press(SEC["id"], card["message_id"], SEC_B, "ca:1:start"))
    assert _same(forged_start["text"], nothing["text"])
    assert (await _rows(db, Case))[0].status == "in_progress"


async def test_audit_for_superadmins_paged_and_exported(bot, tg, db, database_url, tmp_path: Path) -> None:
    await two_branches(tg, LI)
    for _ in range(9):  # 18 more changes: grant and revoke, back and forth
        await said(tg, SEC["id"], SEC, f"/grant {LI['id']} dept urban_lighting")
        await said(tg, SEC["id"], SEC, f"/revoke {LI['id']} dept urban_lighting")
    assert "没有权限" in (await said(tg, SEC["id"], SEC, "/audit"))["text"]
    before = len(await tg.messages(BOSS["id"]))
    await tg.send(private(BOSS), BOSS, "/audit 30")
    pages = (await tg.wait(BOSS["id"], before + 2))[before:]
    assert len(pages) == 2 and all(len(p["text"]) <= 4096 for p in pages), [p["text"][:300] for p in pages]
    assert "最近 22 条（共 22 条），第 1/2 页" in pages[0]["text"] and "第 2/2 页" in pages[1]["text"]
    assert "张书记 · 撤销 · user:501 李师傅：部门：城管局·市政照明 · 适用支部：cy → 部门：城管局·市政照明 · 适用支部：—" \
        in pages[0]["text"]  # labels, not codes (issue 13 wording)
    assert "绑定 · chat:-100100 朝阳骑手一群" in pages[1]["text"]
    assert "用法" in (await said(tg, BOSS["id"], BOSS, "/audit many"))["text"]

    from zoneinfo import ZoneInfo
    out = tmp_path / "audit.csv"
    assert await export_audit(database_url, out, "csv", ZoneInfo("Asia/Shanghai")) == 22
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert rows[0] == ["id", "at", "actor_id", "actor", "action", "target", "branch", "before", "after"]
    assert rows[1][4:7] == ["bind", f"chat:{GROUP['id']}", "cy"] and '"branch": "cy"' in rows[1][8]
    xlsx = tmp_path / "audit.xlsx"
    assert await export_audit(database_url, xlsx, "xlsx", ZoneInfo("Asia/Shanghai"), branch_code="hd") == 2
    sheet = load_workbook(xlsx).active
    assert [c.value for c in sheet[2]][4:7] == ["bind", f"chat:{GROUP_B['id']}", "hd"]


async def test_riders_and_secretaries_get_no_roles_from_grant(bot, tg, db) -> None:
    await two_branches(tg, LI)
    assert "没有权限" in (await said(tg, LI["id"], LI, f"/grant {LI['id']} dept urban_lighting"))["text"]
    assert "没有权限" in (await said(tg, SEC["id"], SEC, f"/grant {LI['id']} secretary cy"))["text"]
    assert "没有权限" in (await said(tg, SEC["id"], SEC, f"/grant {SEC['id']} superadmin"))["text"]
    assert "没有权限" in (await said(tg, SEC["id"], SEC, f"/revoke {SEC_B['id']} secretary hd"))["text"]
    users = {u.id: (u.role, u.branch_id) for u in await _rows(db, User)}
    assert users[LI["id"]] == ("rider", None) and users[SEC_B["id"]][0] == "secretary"
    assert await _rows(db, DepartmentMember) == []


WATER = {"id": 8003, "first_name": "水务小周", "language_code": "zh"}


async def test_grant_confirmations_name_the_person_when_known(bot, tg, db) -> None:
    """A trial: `/grant 8003 dept 水务局` answered 已授予8003「部门成员」, the number, though 8003 had
    sent /start as 水务小周. Whoever grants, the answer names the person when the sender may know them:
    a superadmin always, a secretary their own branch's riders (another branch's stay as typed: the
    permission matrix)."""
    await two_branches(tg, LI, WATER, HD_RIDER)
    await report(tg, GROUP, LI)  # LI is known as one of cy's riders
    text = (await said(tg, BOSS["id"], BOSS, f"/grant {WATER['id']} dept 水务局"))["text"]
    assert text.startswith("✅ 已授予水务小周「部门成员」"), text
    text = (await said(tg, BOSS["id"], BOSS, f"/revoke {WATER['id']} dept 水务局"))["text"]
    assert "水务小周" in text and "8003" not in text, text
    text = (await said(tg, SEC["id"], SEC, f"/grant {LI['id']} dept urban_lighting"))["text"]
    assert text.startswith("✅ 已授予李师傅「部门成员」"), text
    text = (await said(tg, SEC["id"], SEC, f"/revoke {LI['id']} dept urban_lighting"))["text"]
    assert "李师傅" in text, text
    text = (await said(tg, SEC["id"], SEC, f"/grant {HD_RIDER['id']} dept urban_lighting"))["text"]
    assert text.startswith(f"✅ 已授予用户 {HD_RIDER['id']}「部门成员」") and "海淀" not in text, text
    text = (await said(tg, BOSS["id"], BOSS, f"/grant {SEC['id']} secretary cy"))["text"]
    assert "张书记" in text, text


AMY = {"id": 601, "first_name": "Amy", "language_code": "en"}


async def test_role_receipts_name_the_department_and_the_branch_in_words(bot, tg, db) -> None:
    """A trial: `/grant 503 dept 水务局` answered "已授予503「部门成员」（水务局 @cy）": a bare number, and the
    branch as its code ("@*" for every branch); `/revoke` of a role nobody had "…没有这个角色：dept 水务局",
    the role's code. Now the person by name, or "用户 503" when the sender may not know the name; the
    department and the branch by their names; in English as a sentence."""
    await two_branches(tg, LI, WATER, HD_RIDER, AMY)
    await report(tg, GROUP, LI)
    await report(tg, GROUP_B, AMY, "The street light is out on Keyuan Rd gate 2, completely dark at night")
    for who, command, expected in [
        (BOSS, f"/grant {WATER['id']} dept 水务局", "✅ 已授予水务小周「部门成员」（水务局，全部支部）。"),
        (BOSS, f"/grant {WATER['id']} dept 水务局 cy", "✅ 已授予水务小周「部门成员」（水务局，朝阳支部）。"),
        # SEC is cy's secretary already (two_branches): said so, in words, and nothing changes
        (BOSS, f"/grant {SEC['id']} secretary cy", "ℹ️ 张书记已经是「支部书记」（朝阳支部），无需重复授予"),
        (SEC, f"/grant {HD_RIDER['id']} dept 水务局", f"✅ 已授予用户 {HD_RIDER['id']}「部门成员」（水务局，朝阳支部）。"),
        (SEC, f"/revoke {HD_RIDER['id']} dept 水务局", f"✅ 已撤销用户 {HD_RIDER['id']} 的「部门成员」（水务局，朝阳支部）。"),
        (SEC, f"/revoke {WANG['id']} dept 水务局", f"在你的范围内，用户 {WANG['id']} 没有这个角色：「部门成员」（水务局，朝阳支部）。"),
        (SEC_B, f"/grant {AMY['id']} dept water", "✅ Amy is now a department member for Water authority in Haidian."),
        (SEC_B, f"/revoke {AMY['id']} dept road", "Amy is not a department member for Road maintenance in Haidian "
                                                  "within your scope; nothing was revoked."),
        # (an id begins the sentence: "Within your scope, User 8003 is not…" had it capitalised mid-sentence)
        (SEC_B, f"/revoke {WATER['id']} dept road", f"User {WATER['id']} is not a department member for Road "
                                                    "maintenance in Haidian within your scope; nothing was revoked."),
        (SEC_B, f"/grant {WATER['id']} dept water", f"✅ User {WATER['id']} is now a department member for Water "
                                                    "authority in Haidian."),
        (BOSS, f"/grant {AMY['id']} secretary hd", "✅ 已授予Amy「支部书记」（Haidian）。"),
    ]:
        text = (await said(tg, who["id"], who, command))["plain_text"]
        assert text.startswith(expected), (command, text)
        assert "@" not in text and " cy" not in text and "dept" not in text, text


async def test_roles_said_in_chinese_are_read(bot, tg, db) -> None:
    """`/grant 501 书记 cy` got the usage: only secretary, superadmin and dept were read (found trying
    the bot as a secretary). The role words a secretary says (书记, 超管, 部门, 部门成员) are read as those."""
    await two_branches(tg, LI, WATER)
    await report(tg, GROUP, LI)
    for who, command, expected in [
        (BOSS, f"/grant {WATER['id']} 部门 水务局 cy", "✅ 已授予水务小周「部门成员」（水务局，朝阳支部）。"),
        (BOSS, f"/grant {SEC['id']} 书记 cy", "ℹ️ 张书记已经是「支部书记」（朝阳支部）"),  # two_branches granted it
        (SEC, f"/revoke {WATER['id']} 部门成员 水务局", f"✅ 已撤销用户 {WATER['id']} 的「部门成员」（水务局，朝阳支部）。"),
    ]:
        text = (await said(tg, who["id"], who, command))["plain_text"]
        assert text.startswith(expected), (command, text)
    usage = (await said(tg, BOSS["id"], BOSS, f"/grant {LI['id']} 书记"))["plain_text"]
    assert usage.startswith("用法：/grant") and "书记" in usage, usage
