"""A trial of what the group hears when the bot cannot write to a rider privately, and of /start
in a group, through the real bot and the emulator, on a real database:

1. a redemption fulfilled (or refused) with a note — a voucher code — for a rider the bot cannot
   write to: the group hears the verdict without the note, and the secretary is told privately,
   in their language, that the note did not reach the rider and is theirs to hand over;
2. volunteer hours and a report-in rejected with a reason for such a rider: the group hears the
   verdict by name, without the reason, and is sent to the secretary (as a refused redemption);
3. /start in a group gets a short answer (what the bot does there, the private chat for the
   rest), not the private welcome;
4. a check-in verdict (hours, report-in) is sent where `answered_privately` says, privately in the
   rider's language now, and the group's notice does not even store what it must not say.
"""
from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import AMY, GROUP, LI, SEC, WANG, private, said, two_branches, until, with_boss
from tests.e2e.test_checkins import create, local, next_in


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _new(tg: Any, chat_id: int, before: int, count: int = 1) -> list[str]:
    return [m["plain_text"] for m in (await tg.wait(chat_id, before + count))[before:]]


async def _item_id(db: Any, code: str) -> int:
    from sqlmodel import select

    from storage.models.points import PointsItem
    async with db() as s:
        item = (await s.exec(select(PointsItem).where(PointsItem.code == code))).one()
    assert item.id is not None
    return item.id


async def _asked(tg: Any, chat: Any, who: dict, text: str) -> None:
    """`who` asks for something the secretary decides; once the request's card reached SEC."""
    before = len(await tg.messages(SEC["id"]))
    await said(tg, chat, who, text)
    await next_in(tg, SEC["id"], before)


async def _redeemed_by_wang(tg: Any, db: Any, count: int) -> None:
    """WANG (who never started the bot) earns points and redeems `count` meal vouchers in the group."""
    sent = await tg.send(GROUP, WANG, "收到")
    await said(tg, GROUP, SEC, "/points grant 60 冬季志愿服务", reply_to_message_id=sent["message_id"])
    shop = await said(tg, GROUP, WANG, "/shop")
    for n in range(1, count + 1):
        before = len(await tg.messages(SEC["id"]))
        await tg.press(GROUP["id"], shop["message_id"], WANG, f"pt:r:{await _item_id(db, 'meal')}")
        assert f"R{n}" in (await next_in(tg, SEC["id"], before))["plain_text"]


# --- 1. the note that did not reach the rider -------------------------------------------------------
UNDELIVERED = {"zh": ("没能送到", "当面"), "en": ("did not reach", "in person")}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_note_the_rider_cannot_get_is_left_to_the_secretary(bot, tg, db, lang) -> None:
    await two_branches(tg, LI)
    await said(tg, SEC["id"], SEC, f"/lang {lang}")  # the secretary's language, not the rider's
    await _redeemed_by_wang(tg, db, 3)
    group_before, sec_before = len(await tg.messages(GROUP["id"])), len(await tg.messages(SEC["id"]))
    await tg.send(private(SEC), SEC, "/fulfil R1 券码 8842-1193")
    told_group = await _new(tg, GROUP["id"], group_before)
    told_sec = await _new(tg, SEC["id"], sec_before, 2)
    assert "王哥" in told_group[0] and "已发放" in told_group[0] and "8842" not in told_group[0], told_group
    [warning] = [x for x in told_sec if "R1" in x and "王哥" in x]
    assert all(w in warning for w in UNDELIVERED[lang]) and "8842" not in warning, warning
    # refused with a reason: the same
    sec_before = len(await tg.messages(SEC["id"]))
    await tg.send(private(SEC), SEC, "/refuse R2 本月餐券已发完")
    [warning] = [x for x in await _new(tg, SEC["id"], sec_before, 2) if "R2" in x and "王哥" in x]
    assert all(w in warning for w in UNDELIVERED[lang]) and "发完" not in warning, warning
    # no note, nothing to hand over: the receipt alone
    sec_before = len(await tg.messages(SEC["id"]))
    await said(tg, SEC["id"], SEC, "/fulfil R3")
    await said(tg, SEC["id"], SEC, "/mycases")  # the next answer: no warning came between
    assert not any(UNDELIVERED[lang][0] in x for x in await _new(tg, SEC["id"], sec_before, 2))


async def test_a_note_the_rider_gets_privately_needs_no_warning(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG)  # WANG started the bot
    await _redeemed_by_wang(tg, db, 1)
    sec_before = len(await tg.messages(SEC["id"]))
    await tg.send(private(SEC), SEC, "/fulfil R1 券码 8842-1193")

    async def delivered() -> bool:
        return any("8842-1193" in m["plain_text"] for m in await tg.messages(WANG["id"]))
    await until(delivered)
    await said(tg, SEC["id"], SEC, "/mycases")
    assert not any(UNDELIVERED["zh"][0] in x for x in await _new(tg, SEC["id"], sec_before, 2))


# --- 2. no reason in the group ----------------------------------------------------------------------
REASON = "体检报告显示那天住院"
ASK = {"zh": "书记", "en": "secretary"}


@pytest.mark.parametrize("who, lang", [(WANG, "zh"), (AMY, "en")])
async def test_hours_rejected_in_the_group_name_the_rider_without_the_reason(bot, tg, db, clock, who,
                                                                              lang) -> None:
    await two_branches(tg, LI)  # `who` never started the bot
    activity, _ = await create(tg, db)
    clock.now = local(2026, 12, 5, 11, 30)
    await _asked(tg, GROUP, who, f"/hours {activity.code} 2")
    before = len(await tg.messages(GROUP["id"]))
    receipt = (await said(tg, SEC["id"], SEC, f"/hours reject 1 {REASON}"))["plain_text"]
    [told] = await _new(tg, GROUP["id"], before)
    assert who["first_name"] in told and ASK[lang] in told, told
    assert REASON not in told and "住院" not in told, told
    # the secretary learns the reason is theirs to tell
    assert "已驳回" in receipt and "没能告诉" in receipt and "当面" in receipt and "住院" not in receipt, receipt


async def test_a_report_in_rejected_in_the_group_names_the_rider_without_the_reason(bot, tg, db) -> None:
    await two_branches(tg, LI)  # WANG never started the bot
    await _asked(tg, GROUP, WANG, "/reportin 河南省周口市某某村党支部")
    before = len(await tg.messages(GROUP["id"]))
    receipt = (await said(tg, SEC["id"], SEC, "/reportins reject 1 档案显示欠缴党费三年"))["plain_text"]
    assert "已驳回" in receipt and "当面" in receipt and "党费" not in receipt, receipt
    [told] = await _new(tg, GROUP["id"], before)
    assert "王哥" in told and "未通过" in told and "书记" in told, told
    assert "党费" not in told, told
    # privately (LI started the bot), the reason is theirs to read
    await _asked(tg, GROUP, LI, "/reportin 河南省某某村党支部")
    li_before = len(await tg.messages(LI["id"]))
    receipt = (await said(tg, SEC["id"], SEC, "/reportins reject 2 请先提供流动党员证明"))["plain_text"]
    assert "已驳回" in receipt and "当面" not in receipt, receipt
    assert "流动党员证明" in (await next_in(tg, LI["id"], li_before))["plain_text"]


# --- 3. /start in a group ---------------------------------------------------------------------------
WELCOME = {"zh": "/lesson、/checkin", "en": "/lesson, /checkin"}
PRIVATELY = {"zh": "私聊", "en": "private chat"}


@pytest.mark.parametrize("who, lang", [(LI, "zh"), (AMY, "en")])
async def test_start_in_a_group_is_short_and_points_to_the_private_chat(bot, tg, db, who, lang) -> None:
    welcome = await said(tg, who["id"], who, "/start")
    assert WELCOME[lang] in welcome["plain_text"]  # in private: the welcome
    answer = (await said(tg, GROUP, who, "/start"))["plain_text"]
    assert WELCOME[lang] not in answer and who["first_name"] not in answer, answer
    assert PRIVATELY[lang] in answer and "/help" in answer, answer
    assert len(answer) < len(welcome["plain_text"])


async def test_start_in_a_wecom_group_says_to_at_mention(wecom, db) -> None:
    driver = wecom[0]
    answer = (await said(driver, GROUP, LI, "/start"))["plain_text"]
    assert "@我" in answer and "私聊" in answer and WELCOME["zh"] not in answer, answer

    async def welcome() -> Any:
        return await said(driver, LI["id"], LI, "/start")
    assert WELCOME["zh"] in (await until(welcome))["plain_text"]


# --- 4. one decision: privately, or in the group ------------------------------------------------------
async def _outbox(db: Any, kind: str) -> list[Any]:
    from sqlmodel import select

    from storage.models import OutboxMessage
    async with db() as s:
        return list((await s.exec(select(OutboxMessage).where(OutboxMessage.kind == kind))).all())


async def test_a_verdict_for_the_group_stores_nothing_of_the_reason(bot, tg, db, clock) -> None:
    """The group's notice is written from its payload: what it must not say is not in it either."""
    await two_branches(tg, LI)  # WANG never started the bot
    activity, _ = await create(tg, db)
    clock.now = local(2026, 12, 5, 11, 30)
    await _asked(tg, GROUP, WANG, f"/hours {activity.code} 2")
    await said(tg, SEC["id"], SEC, f"/hours reject 1 {REASON}")
    await _asked(tg, GROUP, WANG, "/reportin 河南省周口市某某村党支部")
    await said(tg, SEC["id"], SEC, "/reportins reject 1 档案显示欠缴党费三年")
    [hours] = await until(lambda: _outbox(db, "hours-rejected-group"))
    [reportin] = await until(lambda: _outbox(db, "reportin-rejected-group"))
    assert (hours.chat_id, reportin.chat_id) == (GROUP["id"], GROUP["id"])
    assert "住院" not in str(hours.payload) and "党费" not in str(reportin.payload), (hours.payload, reportin.payload)


async def test_a_verdict_asked_privately_is_in_the_riders_language_even_if_blocked(bot, tg, db, clock) -> None:
    """A rider who logged hours in private, switched to English, then blocked the bot: the verdict
    is addressed to their private chat (where they asked) in their language now, as every private
    answer of the check-ins is; it went out in the language of the request."""
    from storage.models import Chat

    await two_branches(tg, LI)
    activity, _ = await create(tg, db)
    clock.now = local(2026, 12, 5, 11, 30)
    await _asked(tg, LI["id"], LI, f"/hours {activity.code} 2")
    await said(tg, LI["id"], LI, "/lang en")
    async with db() as s:  # what the sender records when Telegram answers 403 "bot was blocked"
        chat = await s.get(Chat, LI["id"])
        chat.blocked = True
        s.add(chat)
        await s.commit()
    await said(tg, SEC["id"], SEC, "/hours reject 1 没有签到记录")
    [told] = await until(lambda: _outbox(db, "hours-rejected"))
    assert (told.chat_id, told.lang) == (LI["id"], "en")
