"""The points bank through the real bot: case events award the reporter once, secretaries
grant within their branch (riders cannot), /me, /shop, /redeem and its approval, /privacy,
and the monthly leaderboard job."""
from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlmodel import select

from storage.models.points import PointsAccount, PointsItem, Redemption
from tests.conftest import AMY, BOSS, GROUP, GROUP_B, LI, SEC, SEC_B, WANG, buttons, ledger, private, two_branches, until, with_boss
from tests.factories import blocks_the_bot


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _ledger(db, user_id: int) -> list[tuple[str, int, str]]:
    return [(e.rule, e.points, e.source_key) for e in await ledger(db, user_id)]


async def _balance(db, user_id: int) -> int:
    return sum(points for _, points, _ in await _ledger(db, user_id))


async def _said(tg, chat_id: int, needle: str) -> dict:
    async def find() -> dict | None:
        return next((m for m in reversed(await tg.messages(chat_id)) if needle in m["text"]), None)
    return await until(find)


async def _command(tg, who: dict, text: str, needle: str, chat: dict | None = None, **extra: Any) -> dict:
    """Send a command and wait for the bot's answer containing `needle`."""
    chat = chat or private(who)
    before = len(await tg.messages(chat["id"]))
    await tg.send(chat, who, text, **extra)
    async def answered() -> dict | None:
        return next((m for m in (await tg.messages(chat["id"]))[before:] if needle in m["text"]), None)
    return await until(answered)


async def test_case_lifecycle_awards_the_reporter_once(bot, tg, db) -> None:
    await two_branches(tg, LI)
    await tg.send(GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    await _said(tg, GROUP["id"], "C-000001")
    await tg.send(GROUP, WANG, "幸福小区3号门路灯不亮了")  # the same problem: Wang watches C-000001
    await _said(tg, GROUP["id"], "已有人上报")
    await _command(tg, SEC, "/accept C-000001", "")  # the thread hears it; the actor gets a receipt
    await _said(tg, GROUP["id"], "已受理")
    # again, and through a button on the card: refused, and no second award
    await _command(tg, SEC, "/accept C-000001", "不能")
    await _command(tg, SEC, "/case C-000001", "C-000001")
    assert await _ledger(db, LI["id"]) == [("report_accepted", 5, "case:C-000001:accepted")]
    assert await _ledger(db, WANG["id"]) == []  # watchers earn nothing

    await _command(tg, SEC, "/resolve C-000001 已更换灯泡", "")
    resolved = await _said(tg, LI["id"], "已更换灯泡")
    await asyncio.gather(*[tg.press(LI["id"], resolved["message_id"], LI, "cf:1:y") for _ in range(3)])
    await _said(tg, GROUP["id"], "已办结")
    assert await until(lambda: _ledger(db, LI["id"])) and (await _ledger(db, LI["id"]))[1:] == [
        ("report_resolved", 5, "case:C-000001:resolved"), ("fix_confirmed", 1, "case:C-000001:fix_confirmed")]

    # an urgent report accepted, then found to be a duplicate: both awards are reversed
    await tg.send(GROUP, LI, "解放路有个井盖没了，骑车差点掉进去")
    await _said(tg, GROUP["id"], "C-000002")
    await _command(tg, SEC, "/accept C-000002", "")
    await until(lambda: _balance(db, LI["id"]))
    await until(lambda: _has(db, LI["id"], "case:C-000002:urgent"))
    assert await _balance(db, LI["id"]) == 11 + 15
    await _command(tg, SEC, "/dup C-000002 C-000001", "")
    await until(lambda: _has(db, LI["id"], "reverse:case:C-000002:urgent"))
    assert await _balance(db, LI["id"]) == 11
    assert [k for _, _, k in await _ledger(db, LI["id"])][-2:] == [
        "reverse:case:C-000002:accepted", "reverse:case:C-000002:urgent"]


async def _has(db, user_id: int, key: str) -> bool:
    return any(k == key for _, _, k in await _ledger(db, user_id))


async def test_a_secretary_earns_nothing_for_accepting_their_own_report(bot, tg, db) -> None:
    await two_branches(tg, LI)
    await tg.send(GROUP, SEC, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    await _said(tg, GROUP["id"], "C-000001")
    await _command(tg, SEC, "/accept C-000001", "")
    await _said(tg, GROUP["id"], "已受理")
    await tg.send(private(LI), LI, "/me")  # a later update: the accept is committed by now
    await _said(tg, LI["id"], "我的积分")
    assert await _ledger(db, SEC["id"]) == []


async def test_grants_rider_refused_secretary_in_branch_only(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG)
    chat = await tg.send(GROUP, WANG, "今天单子好多啊")  # chit-chat: no case, but the group is cy's

    reply = await _command(tg, LI, f"/points grant {WANG['id']} 10 帮了我", "只有书记")
    assert reply and await _ledger(db, WANG["id"]) == []

    # a secretary of another branch, by id, in private: not her rider
    await _command(tg, SEC_B, f"/points grant {WANG['id']} 10 thanks", "own branch")
    # the secretary of cy, replying to the rider's message in cy's group
    await _command(tg, SEC, "/points grant 10 帮助摔倒的老人", "已给", chat=GROUP,
                   reply_to_message_id=chat["message_id"])
    granted = await _said(tg, WANG["id"], "书记奖励")
    assert "帮助摔倒的老人" in granted["text"] and "10" in granted["text"]
    [entry] = await ledger(db, WANG["id"])
    assert (entry.rule, entry.points) == ("manual", 10)
    assert entry.actor_id == SEC["id"] and entry.note == "帮助摔倒的老人" and entry.branch_id is not None
    # now Wang is cy's rider by his points too: by @username or id works from private
    await _command(tg, SEC, f"/points grant {WANG['id']} 5 志愿服务", "已给")
    await _command(tg, SEC, f"/points grant {SEC['id']} 5 me", "不能给自己")
    await _command(tg, SEC, f"/points grant {WANG['id']} 5000 too much", "1 到 200")
    assert await _balance(db, WANG["id"]) == 15


async def test_me_shop_redeem_and_approval(bot, tg, db) -> None:
    await two_branches(tg, LI)
    sent = await tg.send(GROUP, LI, "大家注意安全")
    await _command(tg, SEC, "/points grant 60 冬季志愿服务", "已给", chat=GROUP, reply_to_message_id=sent["message_id"])

    me = await _command(tg, LI, "/me", "我的积分")
    assert "60" in me["text"] and "基础骑手" in me["text"] and "书记奖励" in me["text"]
    assert "me-checkins" not in me["text"]  # the check-in lines, if any, come rendered

    shop = await _command(tg, LI, "/shop", "积分兑换")
    assert "meal" in shop["text"] and "驿站爱心餐券" in shop["text"]
    items = buttons(shop)
    assert len(items) == 4 and all(b.startswith("pt:r:") for b in items)

    await _command(tg, LI, "/redeem training", "积分不足")
    receipt = await _command(tg, LI, "/redeem meal", "已申请兑换")
    assert "R1" in receipt["text"] and "剩余 40 分" in receipt["text"]
    request = await _said(tg, SEC["id"], "兑换申请 R1")
    assert buttons(request) == ["pr:1:y", "pr:1:n"]
    assert not any("兑换申请" in m["text"] for m in await tg.messages(SEC_B["id"]))  # not her branch

    await tg.press(SEC["id"], request["message_id"], SEC, "pr:1:y")
    done = await _said(tg, LI["id"], "已发放")
    assert "驿站" in done["text"]
    await tg.press(SEC["id"], request["message_id"], SEC, "pr:1:n")  # too late: no refund
    await until(lambda: _answered(tg, "已经处理过"))

    # a redemption by button, refused by command with a reason: refunded
    meal = f"pt:r:{await _item_id(db, 'meal')}"
    assert meal in items
    await tg.press(LI["id"], shop["message_id"], LI, meal)
    await _said(tg, SEC["id"], "兑换申请 R2")
    await _command(tg, SEC, "/refuse R2 本月餐券已发完", "已处理")
    refused = await _said(tg, LI["id"], "未通过")
    assert "本月餐券已发完" in refused["text"]
    assert await _balance(db, LI["id"]) == 40
    async with db() as s:
        assert [r.status for r in (await s.exec(select(Redemption).order_by(Redemption.id))).all()] == [
            "fulfilled", "rejected"]
    await _command(tg, SEC, "/redemptions", "没有待处理")
    await _command(tg, LI, "/redemptions", "只有书记")


async def _answered(tg, needle: str) -> bool:
    return any(needle in (a.get("text") or "") for a in await tg.answers())


async def _item_id(db, code: str) -> int:
    async with db() as s:
        return (await s.exec(select(PointsItem.id).where(PointsItem.code == code))).one()


async def test_privacy_toggles_and_the_leaderboard_job_is_registered(bot, tg, db) -> None:
    await tg.send(private(AMY), AMY, "/privacy")
    assert "not be shown" in (await _said(tg, AMY["id"], "leaderboards"))["text"]
    await _command(tg, AMY, "/privacy", "will be shown")
    core = bot.core
    assert core is not None and "leaderboard" in core.passes
    assert "leaderboard-monthly" in core.jobs.ids()
    trigger = core.jobs.scheduler.get_job("leaderboard-monthly").trigger
    assert str(trigger.fields[2]) == "1" and str(trigger.fields[5]) == "9"  # day 1, 09:00
    await core.run_job("leaderboard")  # no points last month: nothing to post, nothing fails



async def test_a_secretary_does_not_fulfil_their_own_redemption(bot, tg, db) -> None:
    """A secretary's redemption goes to someone else to decide (here the superadmin); their own
    /fulfil or /refuse is refused, and the points stay spent until someone else decides."""
    await two_branches(tg, LI)
    await _command(tg, BOSS, f"/points grant {SEC['id']} 30 值班", "已给")
    await _command(tg, SEC, "/redeem meal", "已申请兑换")
    request = await _said(tg, BOSS["id"], "兑换申请 R1")
    assert buttons(request) == ["pr:1:y", "pr:1:n"]
    assert "你自己的" in (await _command(tg, SEC, "/fulfil R1 券码123", "R1"))["text"]
    assert "你自己的" in (await _command(tg, SEC, "/refuse R1 不要了", "R1"))["text"]
    assert not any(buttons(m) for m in await tg.messages(SEC["id"]))  # no request card of her own
    async with db() as s:
        assert (await s.exec(select(Redemption))).one().status == "pending"
    assert await _balance(db, SEC["id"]) == 10
    await tg.press(BOSS["id"], request["message_id"], BOSS, "pr:1:y")
    assert "已发放" in (await _said(tg, SEC["id"], "已发放"))["text"]


async def test_redeem_in_the_group_points_to_the_private_chat(bot, tg, db) -> None:
    """/redeem's receipt ('… 剩余 25 分') and its refusals ('你现在有 5 分') tell the rider's balance,
    which /me and /points keep private: typed in the group it redeems nothing and points to the
    private chat; a /shop button pressed in the group answers the presser alone."""
    await two_branches(tg, LI)
    sent = await tg.send(GROUP, LI, "大家注意安全")
    await _command(tg, SEC, "/points grant 45 冬季志愿服务", "已给", chat=GROUP, reply_to_message_id=sent["message_id"])
    pointer = await _command(tg, LI, "/redeem meal", "私聊", chat=GROUP)
    assert "/redeem" in pointer["text"] and "45" not in pointer["text"] and "25" not in pointer["text"]
    async with db() as s:
        assert (await s.exec(select(Redemption))).all() == []
    shop = await _command(tg, LI, "/shop", "积分兑换", chat=GROUP)
    group_before = len(await tg.messages(GROUP["id"]))
    meal = f"pt:r:{await _item_id(db, 'meal')}"
    await tg.press(GROUP["id"], shop["message_id"], LI, meal)
    await until(lambda: _answered(tg, "剩余 25 分"))
    await _said(tg, LI["id"], "剩余 25 分")  # the receipt, privately
    receipt = await _command(tg, LI, "/redeem meal", "已申请兑换")
    assert "剩余 5 分" in receipt["text"]
    group = [m["text"] for m in (await tg.messages(GROUP["id"]))[group_before:]]
    assert not any("剩余" in x or "积分不足" in x for x in group), group


async def test_privacy_in_the_group_toggles_nothing_and_points_to_the_private_chat(bot, tg, db) -> None:
    """Hiding one's name on the boards is the rider's own choice: /privacy typed in the group
    answered '排行榜上将不再显示你的名字' in front of everyone. It now changes nothing there and
    points to the private chat, where it toggles as before."""
    await two_branches(tg, LI)
    pointer = await _command(tg, LI, "/privacy", "私聊", chat=GROUP)
    assert "/privacy" in pointer["text"] and "不再显示" not in pointer["text"]
    async with db() as s:
        account = (await s.exec(select(PointsAccount).where(PointsAccount.user_id == LI["id"]))).first()
    assert account is None or not account.hide_name
    await _command(tg, LI, "/privacy", "不再显示")  # privately: hidden
    async with db() as s:
        assert (await s.exec(select(PointsAccount).where(PointsAccount.user_id == LI["id"]))).one().hide_name


async def test_a_fulfilment_the_rider_cannot_get_privately_keeps_its_code_out_of_the_group(bot, tg, db) -> None:
    """Before: a rider who redeemed by a /shop button in the group and then blocked the bot got
    '/fulfil R1 券码 8842-1193' as '✅ 你的兑换 R1「驿站爱心餐券」已发放。券码 8842-1193' in the
    group, the voucher code for anyone to use (and the bot then tested `started`, not whether it
    may write to them). In a group the verdict now names them and sends them to the secretary."""
    await two_branches(tg, LI)
    sent = await tg.send(GROUP, LI, "大家注意安全")
    await _command(tg, SEC, "/points grant 60 冬季志愿服务", "已给", chat=GROUP, reply_to_message_id=sent["message_id"])
    shop = await _command(tg, LI, "/shop", "积分兑换", chat=GROUP)
    await tg.press(GROUP["id"], shop["message_id"], LI, f"pt:r:{await _item_id(db, 'meal')}")
    await _said(tg, SEC["id"], "兑换申请 R1")
    await tg.press(GROUP["id"], shop["message_id"], LI, f"pt:r:{await _item_id(db, 'meal')}")
    await _said(tg, SEC["id"], "兑换申请 R2")
    await blocks_the_bot(tg, db, LI)
    before = len(await tg.messages(GROUP["id"]))
    await _command(tg, SEC, "/fulfil R1 券码 8842-1193", "已处理")
    await _command(tg, SEC, "/refuse R2 本月餐券已发完", "已处理")
    told = [m["text"] for m in (await tg.wait(GROUP["id"], before + 2))[before:]]
    assert "李师傅" in told[0] and "已发放" in told[0] and "书记" in told[0], told
    assert "未通过" in told[1] and "20 分已退回" in told[1], told
    assert not any("8842" in x or "发完" in x for x in told), told
    # a rider who never started the bot: the group, without the code, too
    said = await tg.send(GROUP, WANG, "收到")
    await _command(tg, SEC, "/points grant 30 值班", "已给", chat=GROUP, reply_to_message_id=said["message_id"])
    await tg.press(GROUP["id"], shop["message_id"], WANG, f"pt:r:{await _item_id(db, 'meal')}")
    await _said(tg, SEC["id"], "兑换申请 R3")
    before = len(await tg.messages(GROUP["id"]))
    await _command(tg, SEC, "/fulfil R3 券码 5521-0087", "已处理")
    [told_wang] = [m["text"] for m in (await tg.wait(GROUP["id"], before + 1))[before:]]
    assert "王哥" in told_wang and "书记" in told_wang and "5521" not in told_wang, told_wang


async def test_a_rider_known_in_two_branches_by_the_one_rule(bot, tg, db) -> None:
    """people.rider_branch for points: a grant needs the rider to be one of the secretary's (known in
    several, either secretary may; it used to take the latest ledger branch and refuse the other);
    privately /redeem and /top are refused naming the branches (a redemption used to go to the latest
    branch); a /shop button in a group redeems for that group's branch, /top there shows its board."""
    await two_branches(tg, LI)
    for secretary, group, points in ((SEC, GROUP, 30), (SEC_B, GROUP_B, 30)):
        sent = await tg.send(group, LI, "大家注意安全")
        await _command(tg, secretary, f"/points grant {points} 值班", "", chat=group,
                       reply_to_message_id=sent["message_id"])
    await until(lambda: _balance_is(db, LI["id"], 60))
    await _command(tg, SEC, f"/points grant {LI['id']} 5 志愿服务", "已给")  # privately: LI is cy's rider too
    assert await _balance(db, LI["id"]) == 65

    refused = await _command(tg, LI, "/redeem meal", "几个支部")
    assert "朝阳支部" in refused["text"] and "Haidian" in refused["text"] and "/shop" in refused["text"]
    top = await _command(tg, LI, "/top", "几个支部")
    assert "朝阳支部" in top["text"]
    async with db() as s:
        assert (await s.exec(select(Redemption))).all() == []

    shop = await _command(tg, LI, "/shop", "", chat=GROUP_B)
    await tg.press(GROUP_B["id"], shop["message_id"], LI, f"pt:r:{await _item_id(db, 'meal')}")
    await _said(tg, SEC_B["id"], "R1")  # branch hd's secretary hands it over
    async with db() as s:
        [redemption] = (await s.exec(select(Redemption))).all()
    assert redemption.branch_id == 2
    assert not any("R1" in m["text"] for m in await tg.messages(SEC["id"]))
    board = await _command(tg, LI, "/top", "", chat=GROUP_B)
    assert "几个支部" not in board["text"]


async def _balance_is(db, user_id: int, points: int) -> bool:
    return await _balance(db, user_id) == points
