"""Issue 13 §2: correcting a wrong manual grant (revoke a ledger line, a negative grant), the
daily cap on manual grants, and /top [month|week] in the viewer's language with /privacy."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from sqlmodel import select

from storage.models.points import PointsEntry

from tests.conftest import AMY, GROUP, LI, SEC, SEC_B, WANG, ledger, private, two_branches, until, with_boss


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _command(tg, who: dict, text: str, needle: str, chat: dict | None = None, **extra: Any) -> dict:
    chat = chat or private(who)
    before = len(await tg.messages(chat["id"]))
    await tg.send(chat, who, text, **extra)

    async def answered() -> dict | None:
        return next((m for m in (await tg.messages(chat["id"]))[before:] if needle in m["text"]), None)
    return await until(answered)


async def _balance(db, user_id: int, lines: int = 0) -> int:
    return sum(e.points for e in await ledger(db, user_id, at_least=lines))


async def test_revoke_a_wrong_grant_and_negative_grant_corrects(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG)
    hello = await tg.send(GROUP, LI, "大家注意安全")
    receipt = await _command(tg, SEC, "/points grant 30 协助处置积水", "已给", chat=GROUP,
                             reply_to_message_id=hello["message_id"])
    [entry] = await ledger(db, LI["id"], at_least=1)
    assert f"#{entry.id}" in receipt["text"] and "/points revoke" in receipt["text"]

    # another branch's secretary cannot see or touch it; a rider cannot revoke
    await _command(tg, SEC_B, f"/points revoke #{entry.id} mistake", "no points entry")
    await _command(tg, WANG, f"/points revoke #{entry.id} 不对", "只有书记")
    await _command(tg, SEC, f"/points revoke #{entry.id}", "用法")
    done = await _command(tg, SEC, f"/points revoke #{entry.id} 误发冲正", "已撤回")
    assert "30" in done["text"] and "李师傅" in done["text"]
    told = await _command(tg, LI, "/points", "积分记录")
    assert "撤回" in told["text"] and "误发冲正" in told["text"]
    lines = await ledger(db, LI["id"], at_least=2)
    assert [(e.points, e.reverses_id, e.actor_id, e.note) for e in lines][1] == (-30, entry.id, SEC["id"], "误发冲正")
    assert await _balance(db, LI["id"]) == 0
    await _command(tg, SEC, f"/points revoke #{entry.id} 再来", "已经撤回")
    listing = await _command(tg, SEC, f"/points ledger {LI['id']}", "李师傅的积分记录")
    assert f"#{entry.id}" in listing["text"] and "撤回" in listing["text"] and "误发冲正" in listing["text"]
    other = await _command(tg, SEC_B, f"/points ledger {LI['id']}", "no points entries")
    assert f"#{entry.id}" not in other["text"]  # another branch's lines are not hers to see

    # the reproduction: a negative grant corrects the matching grant
    await _command(tg, SEC, f"/points grant {LI['id']} 20 志愿服务", "已给")
    await _command(tg, SEC, f"/points grant {LI['id']} -30 误发冲正", "没有找到")
    fixed = await _command(tg, SEC, f"/points grant {LI['id']} -20 误发冲正", "已撤回")
    assert "20" in fixed["text"]
    assert await _balance(db, LI["id"], 4) == 0


async def test_manual_grants_have_a_daily_cap_that_revoked_grants_free(bot, tg, db) -> None:
    await two_branches(tg, LI)
    hello = await tg.send(GROUP, LI, "收到")
    await _command(tg, SEC, "/points grant 150 冬季志愿服务", "已给", chat=GROUP,
                   reply_to_message_id=hello["message_id"])
    refused = await _command(tg, SEC, f"/points grant {LI['id']} 100 再奖励", "每天最多")
    assert "200" in refused["text"] and "50" in refused["text"]
    [entry] = await ledger(db, LI["id"], at_least=1)
    await _command(tg, SEC, f"/points revoke {entry.id} 发多了", "已撤回")
    await _command(tg, SEC, f"/points grant {LI['id']} 100 更正后的奖励", "已给")
    assert await _balance(db, LI["id"], 3) == 100


async def _granted(tg, points: tuple[tuple[dict, int], ...]) -> None:
    """SEC grants each rider their points, as a reply to their message in the group."""
    for who, pts in points:
        hello = await tg.send(GROUP, who, "收到")
        await _command(tg, SEC, f"/points grant {pts} 志愿服务", "已给", chat=GROUP,
                       reply_to_message_id=hello["message_id"])


async def test_top_in_the_viewers_language_respects_privacy(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG, AMY)
    await _granted(tg, ((AMY, 40), (LI, 30), (WANG, 1)))
    await _command(tg, WANG, "/privacy", "不再显示")

    zh = await _command(tg, LI, "/top", "本月积分排行")
    text = zh["text"]
    assert text.index("Amy") < text.index("李师傅") and "王哥" not in text and "匿名骑手" in text
    assert "← 你" in text and "30 分" in text
    en = await _command(tg, AMY, "/top week", "Leaderboard this week")
    assert "40 points" in en["text"] and "1 point\n" in en["text"] + "\n" and "a rider" in en["text"]
    assert "王哥" not in en["text"] and "← you" in en["text"]
    grp = await _command(tg, AMY, "/top month", "Leaderboard this month", chat=GROUP)
    assert grp["reply_to_message_id"]
    await _command(tg, AMY, "/top forever", "Usage: /top")
    await _command(tg, SEC_B, "/top", "Leaderboard")  # her branch has nobody yet: an empty board, not cy's


async def test_top_in_a_group_does_not_point_at_a_hidden_rider(bot, tg, db) -> None:
    """A rider who chose /privacy and asks /top in the group: the answer (a reply to them, in front of
    everyone) must not mark the anonymous row as theirs; in private it still does."""
    await two_branches(tg, LI, WANG, AMY)
    await _granted(tg, ((LI, 30), (WANG, 12), (AMY, 5)))
    await _command(tg, WANG, "/privacy", "不再显示")
    await _command(tg, AMY, "/privacy", "will not be shown")

    grp = await _command(tg, WANG, "/top", "本月积分排行", chat=GROUP)
    assert "匿名骑手 — 12 分" in grp["text"] and "王哥" not in grp["text"]
    assert "← 你" not in grp["text"], grp["text"]
    en = await _command(tg, AMY, "/top", "Leaderboard this month", chat=GROUP)
    assert "a rider — 5 points" in en["text"] and "← you" not in en["text"], en["text"]
    named = await _command(tg, LI, "/top", "本月积分排行", chat=GROUP)  # a named rider's own row: marked
    assert "李师傅 — 30 分 ← 你" in named["text"]
    mine = await _command(tg, WANG, "/top", "本月积分排行")  # in private, only he reads it
    assert "匿名骑手 — 12 分 ← 你" in mine["text"]


async def test_grant_amounts_as_secretaries_type_them(bot, tg, db) -> None:
    """'10分', '20积分', full-width '＋5' and '-20分' are amounts of points: granted (or revoked),
    not a usage answer, and as a reply '10分' is not taken for a user called '10分'."""
    await two_branches(tg, LI)
    hello = await tg.send(GROUP, LI, "收到")
    await _command(tg, SEC, "/points grant 10分 帮助摔倒的老人", "已给", chat=GROUP,
                   reply_to_message_id=hello["message_id"])
    await _command(tg, SEC, f"/points grant {LI['id']} ＋5 志愿服务", "已给")
    await _command(tg, SEC, f"/points grant {LI['id']} 20积分 值班", "已给")
    assert await _balance(db, LI["id"], 3) == 35
    await _command(tg, SEC, f"/points grant {LI['id']} -20分 误发冲正", "已撤回")
    assert await _balance(db, LI["id"], 4) == 15
    assert [e.note for e in await ledger(db, LI["id"])][:3] == ["帮助摔倒的老人", "志愿服务", "值班"]


async def _moved(db, user_id: int, to: datetime) -> None:
    """The rider's ledger lines, as if earned at `to` (UTC)."""
    async with db() as s:
        for entry in (await s.exec(select(PointsEntry).where(PointsEntry.user_id == user_id))).all():
            entry.created_at = to.replace(tzinfo=None) if entry.created_at.tzinfo is None else to
            s.add(entry)
        await s.commit()


async def test_top_of_a_past_period_and_of_the_year(bot, tg, db) -> None:
    """Before: `/top 上周`, `/top 上个月`, `/top 今年`, `/top last week` answered the usage. The ledger
    keeps every line, so a past week, month or year is summed as the current one is."""
    await two_branches(tg, LI, AMY)
    await _granted(tg, ((AMY, 40), (LI, 30)))
    [entry] = await ledger(db, LI["id"], at_least=1)
    await _moved(db, LI["id"], entry.created_at.replace(tzinfo=timezone.utc) - timedelta(days=7))
    last_week = (await _command(tg, LI, "/top 上周", "上周积分排行"))["text"]
    assert "李师傅" in last_week and "30 分" in last_week and "Amy" not in last_week and " 至 " in last_week
    this_week = (await _command(tg, LI, "/top 本周", "本周积分排行"))["text"]
    assert "李师傅" not in this_week and "Amy" in this_week and "起" in this_week
    en = (await _command(tg, AMY, "/top last week", "Leaderboard last week"))["text"]
    assert "李师傅" in en and "30 points" in en and " to " in en

    first = datetime.now(timezone.utc).replace(day=1, hour=12, minute=0, second=0, microsecond=0)
    await _moved(db, LI["id"], first - timedelta(days=5))  # the middle of last month, in any time zone
    last_month = (await _command(tg, LI, "/top 上个月", "上个月积分排行"))["text"]
    assert "李师傅" in last_month and "Amy" not in last_month, last_month
    assert "李师傅" not in (await _command(tg, LI, "/top", "本月积分排行"))["text"]
    year = (await _command(tg, AMY, "/top this year", "Leaderboard this year"))["text"]
    assert "Amy" in year and f"since {first:%Y}-01-01" in year, year
    assert "今年积分排行" in (await _command(tg, LI, "/top 本年", "积分排行"))["text"]
    empty = (await _command(tg, LI, "/top 去年", "去年"))["text"]
    assert "去年没有人获得积分" in empty and "还没有" not in empty, empty
