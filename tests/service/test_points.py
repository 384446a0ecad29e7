"""The points bank as a service: once per source key under concurrency, no negative balance,
stock never oversold, reversals, caps, tiers, leaderboards and their opt-out, the export.

Every test runs on SQLite and, with SENTINEL_TEST_PG_URL set, on PostgreSQL, where the
concurrent units of work are real concurrent transactions on separate connections."""
from __future__ import annotations

import asyncio
import csv
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from bot.points import ADVANCED, BASIC, SPARK, load_points_config
from bot.points.export import export_points
from bot.services.points import PointsError, PointsService
from handlers.render import render
from bot.outbox import Outgoing
from storage.models import Branch, Chat, OutboxMessage, User
from storage.models.points import PointsEntry, PointsItem, Redemption
from tests.service.conftest import Factory

TZ = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def bank() -> PointsService:
    return PointsService(load_points_config(), TZ, superadmins=frozenset({900}))


async def _users(uows: Factory, *ids: int, started: bool = True, **values: object) -> None:
    async with uows() as uow:
        for i in ids:
            user = await uow.users.upsert(i, f"rider{i}", f"r{i}", "zh")
            user.started = started
            for k, v in values.items():
                setattr(user, k, v)
        await uow.commit()


async def _user(uows: Factory, user_id: int) -> User:
    async with uows() as uow:
        user = await uow.users.get(user_id)
        assert user is not None
        return user


async def _award(uows: Factory, bank: PointsService, user_id: int, rule: str, key: str, **kw: Any) -> int:
    async with uows() as uow:
        got = await bank.award(uow, user_id, rule, key, **kw)
        await uow.commit()
        return got


async def _balance(uows: Factory, bank: PointsService, user_id: int) -> int:
    async with uows() as uow:
        return await bank.balance(uow, user_id)


async def _entries(uows: Factory, user_id: int | None = None) -> list[PointsEntry]:
    async with uows() as uow:
        stmt = select(PointsEntry).order_by(PointsEntry.id)
        if user_id is not None:
            stmt = stmt.where(PointsEntry.user_id == user_id)
        return list((await uow.session.exec(stmt)).all())


async def _consistent(uows: Factory, bank: PointsService) -> None:
    async with uows() as uow:
        assert await bank.check(uow) == []


# --- once per source key ------------------------------------------------------------
async def test_concurrent_awards_of_one_key_credit_once(uows, bank) -> None:
    results = await asyncio.gather(*[_award(uows, bank, 501, "report_accepted", "case:C-000001:accepted",
                                            actor_id=801) for _ in range(20)])
    assert sorted(results) == [0] * 19 + [5]
    assert await _balance(uows, bank, 501) == 5
    assert [e.source_key for e in await _entries(uows)] == ["case:C-000001:accepted"]
    await _consistent(uows, bank)


async def test_concurrent_awards_of_different_keys_all_count(uows, bank) -> None:
    results = await asyncio.gather(*[_award(uows, bank, 501, "report_accepted", f"case:C-{i:06d}:accepted")
                                     for i in range(1, 9)])
    assert results == [5] * 8
    assert await _balance(uows, bank, 501) == 40
    await _consistent(uows, bank)


async def test_concurrent_awards_under_a_daily_cap_never_pass_it(uows, bank) -> None:
    # the cap is applied by the line's insert, under the rider's lock: on PostgreSQL these are
    # concurrent transactions, each seeing what the one before it committed
    results = await asyncio.gather(*[_award(uows, bank, 501, "quiz_correct", f"quiz:{i}:501") for i in range(12)])
    assert sorted(results) == [0] * 7 + [1] * 5
    results = await asyncio.gather(*[_award(uows, bank, 502, "volunteer_hour", f"vol:{i}", units=3, actor_id=801)
                                     for i in range(5)])
    assert sorted(results) == [0, 10, 30, 30, 30]  # the fourth clipped to what the day leaves
    assert await _balance(uows, bank, 501) == 5 and await _balance(uows, bank, 502) == 100
    await _consistent(uows, bank)


async def test_an_award_in_a_rolled_back_unit_of_work_leaves_nothing(uows, bank) -> None:
    async with uows() as uow:
        assert await bank.award(uow, 501, "lesson_completed", "lesson:1:501") == 2
        await uow.rollback()
    assert await _balance(uows, bank, 501) == 0
    assert await _award(uows, bank, 501, "lesson_completed", "lesson:1:501") == 2


async def test_rules_caps_and_self_awards(uows, bank) -> None:
    # quiz_correct: +1 each, at most 5 a day
    got = [await _award(uows, bank, 501, "quiz_correct", f"quiz:{i}:501") for i in range(8)]
    assert got == [1, 1, 1, 1, 1, 0, 0, 0]
    # a cap clips the last award to what is left of the day
    assert await _award(uows, bank, 502, "volunteer_hour", "vol:1", units=8, actor_id=801) == 80
    assert await _award(uows, bank, 502, "volunteer_hour", "vol:2", units=3, actor_id=801) == 20
    # a secretary accepting their own report earns nothing; learning on your own does
    assert await _award(uows, bank, 801, "report_accepted", "case:C-000009:accepted", actor_id=801) == 0
    assert await _award(uows, bank, 801, "lesson_completed", "lesson:1:801", actor_id=801) == 2
    # unknown rules and nonsense units give nothing and raise nothing
    assert await _award(uows, bank, 501, "no_such_rule", "x:1") == 0
    assert await _award(uows, bank, 501, "survey_answered", "survey:1:501", units=0) == 0
    assert await _award(uows, bank, 501, "survey_answered", "survey:1:501") == 3
    await _consistent(uows, bank)


# --- reversals ----------------------------------------------------------------------
async def test_reversal_is_an_entry_and_happens_once(uows, bank) -> None:
    await _award(uows, bank, 501, "report_accepted", "case:C-000001:accepted", branch_id=None)
    await _award(uows, bank, 501, "urgent_confirmed", "case:C-000001:urgent")
    assert await _balance(uows, bank, 501) == 15
    async with uows() as uow:
        assert await bank.reverse(uow, "case:C-000001:accepted", "duplicate of C-000002") == 5
        assert await bank.reverse(uow, "case:C-000001:accepted", "again") == 0
        assert await bank.reverse(uow, "case:C-404:accepted", "never awarded") == 0
        await uow.commit()
    assert await _balance(uows, bank, 501) == 10
    entries = await _entries(uows, 501)
    assert [(e.rule, e.points) for e in entries] == [("report_accepted", 5), ("urgent_confirmed", 10),
                                                     ("report_accepted", -5)]
    assert entries[2].reverses_id == entries[0].id and entries[2].note == "duplicate of C-000002"
    # the award's key stays used: the case cannot earn its acceptance again
    assert await _award(uows, bank, 501, "report_accepted", "case:C-000001:accepted") == 0
    await _consistent(uows, bank)


async def test_reversal_after_spending_never_goes_negative(uows, bank) -> None:
    await _users(uows, 501)
    rider = await _user(uows, 501)
    for i in range(4):
        await _award(uows, bank, 501, "report_accepted", f"case:C-{i:06d}:accepted")
    async with uows() as uow:
        await bank.seed_catalogue(uow)
        await bank.redeem(uow, rider, "meal", chat_id=501, lang="zh")  # 20 points
        await uow.commit()
    assert await _balance(uows, bank, 501) == 0
    async with uows() as uow:
        assert await bank.reverse(uow, "case:C-000000:accepted", "rejected") == 0
        await uow.commit()
    assert await _balance(uows, bank, 501) == 0
    async with uows() as uow:  # recorded all the same: the report no longer counts toward tiers
        assert (await bank.standing(uow, 501))["reports"] == 3
    await _consistent(uows, bank)


# --- the catalogue ------------------------------------------------------------------
async def _stocked(uows: Factory, bank: PointsService, code: str = "charging", stock: int = 5,
                   per_user: int = 0) -> int:
    async with uows() as uow:
        await bank.seed_catalogue(uow)
        item = await bank.repo(uow).item(code)
        assert item is not None
        item.stock, item.per_user = stock, per_user
        uow.session.add(item)
        await uow.commit()
        return item.id or 0


async def _redeem(uows: Factory, bank: PointsService, user: User, code: str) -> str:
    async with uows() as uow:
        try:
            await bank.redeem(uow, user, code, chat_id=user.id, lang="zh")
        except PointsError as e:
            await uow.rollback()
            return e.key
        await uow.commit()
        return "ok"


async def test_twenty_parallel_redemptions_of_five_in_stock(uows, bank) -> None:
    riders = list(range(1001, 1021))
    await _users(uows, *riders)
    for r in riders:
        await _award(uows, bank, r, "volunteer_hour", f"vol:{r}", units=5, actor_id=801)  # 50 points each
    item_id = await _stocked(uows, bank, "charging", stock=5)  # 40 points
    users = [await _user(uows, r) for r in riders]
    outcomes = await asyncio.gather(*[_redeem(uows, bank, u, "charging") for u in users])
    assert outcomes.count("ok") == 5 and outcomes.count("points-out-of-stock") == 15, outcomes
    async with uows() as uow:
        item = await uow.session.get(PointsItem, item_id)
        assert item is not None and item.stock == 0
        redemptions = (await uow.session.exec(select(Redemption))).all()
        assert len(redemptions) == 5
    balances = sorted([await _balance(uows, bank, r) for r in riders])
    assert balances == [10] * 5 + [50] * 15
    await _consistent(uows, bank)


async def test_parallel_redemptions_never_overdraw_a_balance(uows, bank) -> None:
    await _users(uows, 501)
    await _award(uows, bank, 501, "volunteer_hour", "vol:1", units=9, actor_id=801)  # 90 points
    await _stocked(uows, bank, "meal", stock=50)  # 20 points each: 4 affordable
    rider = await _user(uows, 501)
    outcomes = await asyncio.gather(*[_redeem(uows, bank, rider, "meal") for _ in range(10)])
    assert outcomes.count("ok") == 4 and outcomes.count("points-too-few") == 6, outcomes
    assert await _balance(uows, bank, 501) == 10
    await _consistent(uows, bank)


async def test_per_user_limit_and_unknown_items(uows, bank) -> None:
    await _users(uows, 501)
    await _award(uows, bank, 501, "volunteer_hour", "vol:1", units=10, actor_id=801)
    await _stocked(uows, bank, "meal", stock=50, per_user=2)
    rider = await _user(uows, 501)
    outcomes = await asyncio.gather(*[_redeem(uows, bank, rider, "meal") for _ in range(4)])
    assert outcomes.count("ok") == 2 and outcomes.count("points-limit") == 2
    assert await _redeem(uows, bank, rider, "yacht") == "points-item-unknown"


async def test_refused_redemption_is_refunded_by_an_entry(uows, bank) -> None:
    await _users(uows, 501)
    await _users(uows, 801, role="secretary")
    await _award(uows, bank, 501, "volunteer_hour", "vol:1", units=5, actor_id=801)
    item_id = await _stocked(uows, bank, "charging", stock=3)
    rider, secretary = await _user(uows, 501), await _user(uows, 801)
    assert await _redeem(uows, bank, rider, "charging") == "ok"
    assert await _balance(uows, bank, 501) == 10
    async with uows() as uow:
        with pytest.raises(PointsError) as refused:  # a secretary of no branch of this rider
            await bank.decide(uow, secretary, "R1", False, "out of vouchers")
        assert refused.value.key == "points-not-permitted"
        boss = User(id=900, first_name="boss")
        await bank.decide(uow, boss, "R1", False, "out of vouchers")
        await uow.commit()
    async with uows() as uow:
        with pytest.raises(PointsError) as twice:
            await bank.decide(uow, User(id=900, first_name="boss"), "#1", True, "code")
        assert twice.value.key == "points-redemption-decided"
    assert await _balance(uows, bank, 501) == 50
    assert [(e.rule, e.points) for e in await _entries(uows, 501)] == [
        ("volunteer_hour", 50), ("redeem", -40), ("refund", 40)]
    async with uows() as uow:
        item = await uow.session.get(PointsItem, item_id)
        assert item is not None and item.stock == 3
        told = (await uow.session.exec(select(OutboxMessage).where(OutboxMessage.chat_id == 501))).all()
        assert [m.kind for m in told] == ["points-refused"]
    await _consistent(uows, bank)


# --- tiers --------------------------------------------------------------------------
def test_tier_thresholds() -> None:
    config = load_points_config()
    assert config.tier_for(0, 0) == BASIC
    assert config.tier_for(99, 50) == BASIC  # points short
    assert config.tier_for(100, 2) == BASIC  # reports short
    assert config.tier_for(100, 3) == ADVANCED
    assert config.tier_for(299, 20) == ADVANCED
    assert config.tier_for(300, 9) == ADVANCED
    assert config.tier_for(300, 10) == SPARK


async def _rider_501(uows: Factory, reports: int) -> tuple[PointsService, list[datetime]]:
    """A bank on a settable clock, and rider 501 with `reports` accepted reports (5 points each)
    and 8 volunteer hours (80 points) in the window."""
    now = [datetime(2026, 3, 10, 4, 0, tzinfo=timezone.utc)]
    bank = PointsService(load_points_config(), TZ, clock=lambda: now[0])
    await _users(uows, 501)
    for i in range(reports):
        await _award(uows, bank, 501, "report_accepted", f"case:C-{i:06d}:accepted")
    await _award(uows, bank, 501, "volunteer_hour", "vol:1", units=8, actor_id=801)
    return bank, now


async def test_promotion_is_announced_once_and_counts_only_the_window(uows) -> None:
    bank, now = await _rider_501(uows, reports=3)  # 95 points, 3 reports
    async with uows() as uow:
        assert (await bank.standing(uow, 501))["tier"] == BASIC
    await _award(uows, bank, 501, "lesson_completed", "lesson:1:501")  # 97
    await _award(uows, bank, 501, "survey_answered", "survey:1:501")  # 100: advanced
    await _award(uows, bank, 501, "quiz_correct", "quiz:1:501")
    async with uows() as uow:
        standing = await bank.standing(uow, 501)
        assert standing["tier"] == ADVANCED and standing["next"]["tier"] == SPARK
        notices = (await uow.session.exec(select(OutboxMessage).where(OutboxMessage.chat_id == 501))).all()
    assert [(n.kind, n.payload["tier"]) for n in notices] == [("points-promoted", ADVANCED)]
    assert "进阶骑手" in render(Outgoing(1, 501, "points-promoted", "zh", notices[0].payload, None)).text
    now[0] += timedelta(days=400)  # a year later those points no longer count
    async with uows() as uow:
        assert (await bank.standing(uow, 501))["tier"] == BASIC


async def test_awards_of_one_transition_count_as_one_after_another(uows) -> None:
    bank, _now = await _rider_501(uows, reports=2)  # 90 points, 2 reports
    awards = [("report_accepted", "case:C-000009:accepted", 801), ("urgent_confirmed", "case:C-000009:urgent", 801),
              ("report_accepted", "case:C-000009:accepted", 801)]
    async with uows() as uow:  # after the first, 95 (3 reports) is short of advanced: the second, at 105, promotes
        assert await bank.award_each(uow, 501, awards) == 15  # the repeated key: nothing
        assert await bank.award_each(uow, 801, [("report_accepted", "case:C-000010:accepted", 801)]) == 0  # own
        await uow.commit()
    async with uows() as uow:
        standing = await bank.standing(uow, 501)
        assert (standing["tier"], standing["earned"], standing["reports"]) == (ADVANCED, 105, 3)
        assert await bank.check(uow) == []
        notices = (await uow.session.exec(select(OutboxMessage).where(OutboxMessage.chat_id == 501))).all()
    assert [(n.kind, n.payload["tier"], n.payload["points"]) for n in notices] == [("points-promoted", ADVANCED, 105)]
    async with uows() as uow:  # the stored tier, as one award after another leaves it: no second write
        account = await bank.repo(uow).account(501)
        assert account is not None and account.tier == ADVANCED and account.balance == 105


async def test_awards_credited_together_keep_each_rules_cap_and_the_ledger_count(uows) -> None:
    """A transition's awards go in together (one INSERT of their lines, one move of the balance):
    each line is still cut to what its own rule's daily cap leaves, a rule whose cap is used up
    writes no line, an award the actor may not give themselves is left out, and the account counts
    the lines written (`check`), as one award after another would."""
    bank, _now = await _rider_501(uows, reports=9)  # report_accepted: 45 of its 50 today
    async with uows() as uow:  # 5 left of report_accepted's cap, urgent_confirmed's whole 10, fix_confirmed 1
        assert await bank.award_each(uow, 501, [("report_accepted", "case:C-000020:accepted", 801),
                                                ("urgent_confirmed", "case:C-000020:urgent", 801),
                                                ("fix_confirmed", "case:C-000020:fix_confirmed", 801)]) == 16
        await uow.commit()
    async with uows() as uow:  # report_accepted's cap is used up: only urgent_confirmed writes; the rider's
        # own report_resolved is refused (no self-award), their fix_confirmed is not
        assert await bank.award_each(uow, 501, [("report_accepted", "case:C-000021:accepted", 801),
                                                ("urgent_confirmed", "case:C-000021:urgent", 801),
                                                ("report_resolved", "case:C-000021:resolved", 501),
                                                ("fix_confirmed", "case:C-000021:fix_confirmed", 501)]) == 11
        assert await bank.award_each(uow, 501, [("urgent_confirmed", "case:C-000021:urgent", 801),
                                                ("fix_confirmed", "case:C-000021:fix_confirmed", 501)]) == 0  # again
        await uow.commit()
    lines = [(e.source_key, e.points) for e in await _entries(uows, 501) if e.source_key.startswith("case:C-00002")]
    assert sorted(lines) == [("case:C-000020:accepted", 5), ("case:C-000020:fix_confirmed", 1),
                             ("case:C-000020:urgent", 10), ("case:C-000021:fix_confirmed", 1),
                             ("case:C-000021:urgent", 10)]
    await _consistent(uows, bank)
    assert await _balance(uows, bank, 501) == 45 + 80 + 16 + 11


# --- leaderboards -------------------------------------------------------------------
async def _branch_with_group(uows: Factory) -> int:
    async with uows() as uow:
        branch = uow.branches.add(Branch(code="cy", name="朝阳"))
        await uow.session.flush()
        uow.session.add(Chat(id=-100100, type="supergroup", title="朝阳骑手", branch_id=branch.id))
        uow.session.add(Chat(id=-100300, type="supergroup", title="无支部"))
        await uow.commit()
        return branch.id or 0


async def test_monthly_leaderboard_names_only_those_who_allow_it(uows) -> None:
    now = [datetime(2026, 10, 15, 4, 0, tzinfo=timezone.utc)]
    bank = PointsService(load_points_config(), TZ, clock=lambda: now[0])
    branch = await _branch_with_group(uows)
    await _users(uows, 501, 502, 503)
    await _award(uows, bank, 501, "volunteer_hour", "vol:501", units=3, branch_id=branch, actor_id=801)
    await _award(uows, bank, 502, "volunteer_hour", "vol:502", units=5, branch_id=branch, actor_id=801)
    await _award(uows, bank, 503, "lesson_completed", "lesson:1:503", branch_id=branch)
    await _award(uows, bank, 504, "lesson_completed", "lesson:1:504", branch_id=None)  # no branch: no board
    async with uows() as uow:
        assert await bank.toggle_privacy(uow, await uow.users.get(502)) is True
        await uow.commit()
    now[0] = datetime(2026, 11, 1, 1, 0, tzinfo=timezone.utc)  # 09:00 on the 1st, Beijing time
    async with uows() as uow:
        assert await bank.leaderboard(uow) == 1
        await uow.commit()
    async with uows() as uow:  # the pass again (a restart, a late run): nothing twice
        assert await bank.leaderboard(uow) == 0
        await uow.commit()
        [post] = (await uow.session.exec(select(OutboxMessage).where(OutboxMessage.kind == "points-leaderboard"))).all()
    assert post.chat_id == -100100 and post.dedupe_key == f"leaderboard:{branch}:2026-10:-100100"
    assert [(r["rank"], r["name"], r["points"]) for r in post.payload["rows"]] == [
        (1, None, 50), (2, "rider501", 30), (3, "rider503", 2)]
    assert "rider502" not in str(post.payload)
    for lang, anon in (("zh", "匿名骑手"), ("en", "a rider")):
        text = render(Outgoing(1, post.chat_id, post.kind, lang, post.payload, None)).text
        assert f"1. {anon} — 50" in text and "rider501" in text and "rider502" not in text


async def test_the_web_boards_of_a_rider_known_in_two_branches_are_both_named(uows, bank) -> None:
    """The web dashboard's boards follow the one rule (people.rider_branch): known in one branch, its
    board; known in several, each of them, named (it used to show the latest ledger branch's alone)."""
    from bot.services.top import boards
    cy = await _branch_with_group(uows)
    async with uows() as uow:
        hd = uow.branches.add(Branch(code="hd", name="海淀"))
        await uow.commit()
        hd_id = hd.id or 0
    await _users(uows, 501)
    await _award(uows, bank, 501, "volunteer_hour", "vol:501:cy", units=1, branch_id=cy, actor_id=801)
    async with uows() as uow:
        [one] = await boards(bank, uow, await _user(uows, 501), "month")
    assert "branch" not in one
    await _award(uows, bank, 501, "volunteer_hour", "vol:501:hd", units=2, branch_id=hd_id, actor_id=802)
    async with uows() as uow:
        both = await boards(bank, uow, await _user(uows, 501), "month")
    assert [b["branch"] for b in both] == ["朝阳", "海淀"]


# --- export -------------------------------------------------------------------------
async def test_export_keeps_hidden_riders_anonymous(uows, bank, database_url, tmp_path: Path) -> None:
    await _users(uows, 501, 502)
    await _award(uows, bank, 501, "lesson_completed", "lesson:1:501")
    await _award(uows, bank, 502, "lesson_completed", "lesson:1:502")
    await _award(uows, bank, 502, "quiz_correct", "quiz:1:502")
    async with uows() as uow:
        await bank.toggle_privacy(uow, await uow.users.get(502))
        await uow.commit()
    out = tmp_path / "points.csv"
    assert await export_points(database_url, out, "csv", TZ) == 3
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert [(r["rider"], r["rider_id"], r["points"]) for r in rows] == [
        ("rider501", "501", "2"), ("匿名骑手 #1", "", "2"), ("匿名骑手 #1", "", "1")]
    assert "502" not in out.read_text(encoding="utf-8-sig")  # not even inside a source key
    xlsx = tmp_path / "balances.xlsx"
    assert await export_points(database_url, xlsx, "xlsx", TZ, balances=True) == 2
    from openpyxl import load_workbook
    sheet = load_workbook(xlsx).active
    assert [c.value for c in sheet[3]][:4] == ["匿名骑手 #1", None, None, 3]


def test_rules_file_overrides_key_by_key_and_typos_fail_in_one_line(tmp_path: Path) -> None:
    from bot.points import ConfigError
    override = tmp_path / "points.toml"
    override.write_text('[rules.lesson_completed]\npoints = 3\n[items.bike_check]\nname_zh = "电动车检修"\n'
                        'name_en = "E-bike check-up"\ncost = 30\nstock = 20\n', encoding="utf-8")
    config = load_points_config(override)
    assert config.rules["lesson_completed"].points == 3 and config.rules["lesson_completed"].daily_cap == 10
    assert config.rules["report_accepted"].points == 5
    assert {"data_pack", "charging", "training", "meal", "bike_check"} <= set(config.items)
    override.write_text("[rules.lesson_completed]\npoits = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError) as bad:
        load_points_config(override)
    assert "poits" in str(bad.value) and "\n" not in str(bad.value)


async def test_sentinel_export_points_command(uows, bank, database_url, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys
    await _users(uows, 501)
    await _award(uows, bank, 501, "lesson_completed", "lesson:1:501")
    out = tmp_path / "points.xlsx"
    env = {k: v for k, v in os.environ.items() if not k.startswith("SENTINEL_")}
    run = await asyncio.to_thread(
        subprocess.run, [sys.executable, "-m", "bot.cli", "export", "points", "--format", "xlsx", "--out", str(out)],
        env={**env, "SENTINEL_DATABASE_URL": database_url, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
        cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    assert "1 rows written" in run.stdout
    from openpyxl import load_workbook
    assert [c.value for c in load_workbook(out).active[2]][2:8] == [
        "rider501", 501, "r501", "lesson_completed", 2, "lesson:1:501"]
