"""Issue 13 §2, language: staff notices in the staff member's own language (Telegram's
language_code counts), codes in words, English plurals, Chinese punctuation, no "0 小时前" or
"还差 0 分", a superadmin's board titled, and a courtesy in private answered briefly."""
from __future__ import annotations


import pytest

from tests.conftest import AMY, BOSS, GROUP, GROUP_B, LI, SEC, SEC_B, private, said, two_branches, with_boss
from tests.factories import alerted, new_message


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_urgent_alert_in_the_staff_members_language(bot, tg, db) -> None:
    await two_branches(tg, AMY)
    boss_before, secb_before = len(await tg.messages(BOSS["id"])), len(await tg.messages(SEC_B["id"]))
    await tg.send(GROUP_B, AMY, "Manhole cover missing on Keyuan Rd near exit C, very dangerous, someone fell")
    zh = await new_message(tg, BOSS["id"], boss_before, "C-000001")  # BOSS never sent /lang: his Telegram says zh
    assert "紧急工单" in zh["text"] and "URGENT" not in zh["text"]
    en = await new_message(tg, SEC_B["id"], secb_before, "C-000001")
    assert "URGENT" in en["text"]


async def test_codes_in_words_and_punctuation(bot, tg, db) -> None:
    await two_branches(tg, LI)
    granted = await said(tg, BOSS["id"], BOSS, f"/grant {LI['id']} superadmin")
    assert "超级管理员" in granted["text"] and "superadmin" not in granted["text"]
    await said(tg, BOSS["id"], BOSS, f"/revoke {LI['id']} superadmin")
    dept = await said(tg, BOSS["id"], BOSS, f"/grant {LI['id']} dept road_maintenance")
    assert "部门成员" in dept["text"] and "住建局·市政道路" in dept["text"] and "road_maintenance" not in dept["text"]
    await said(tg, BOSS["id"], BOSS, f"/revoke {LI['id']} dept road_maintenance")
    before = len(await tg.messages(GROUP["id"]))
    await tg.send(GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    await new_message(tg, GROUP["id"], before, "C-000001")
    fixed = await said(tg, SEC["id"], SEC, "/recat C-000001 person_in_need urgent")
    assert "person_in_need" not in fixed["text"] and "urgent" not in fixed["text"], fixed["text"]
    await said(tg, SEC["id"], SEC, "/accept C-000001 城管局·市政照明")
    before = len(await tg.messages(GROUP["id"]))
    await tg.send(private(SEC), SEC, "/resolve C-000001 已更换路灯灯泡")
    resolved = await new_message(tg, GROUP["id"], before, "已更换路灯灯泡")
    assert "已更换路灯灯泡。请确认" in resolved["plain_text"], resolved["plain_text"]
    li_msgs = await tg.messages(LI["id"])
    confirm = next(m for m in reversed(li_msgs) if m.get("reply_markup"))
    before = len(await tg.messages(GROUP["id"]))
    await tg.press(LI["id"], confirm["message_id"], LI, "cf:1:n")
    reopened = await new_message(tg, GROUP["id"], before, "重新交由")
    assert "重新交由城管局·市政照明处理" in reopened["plain_text"], reopened["plain_text"]


async def test_numbers_plurals_and_the_superadmins_board(bot, tg, db) -> None:
    await two_branches(tg, LI, AMY)
    me = await said(tg, LI["id"], LI, "/me")
    assert "还差 0 分" not in me["text"] and "还差 100 分" in me["text"]
    shop = await said(tg, LI["id"], LI, "/shop")
    assert "/30 天)" not in shop["text"] and "/30 天）" in shop["text"]
    en = await said(tg, AMY["id"], AMY, "/me")
    assert "0 points earned" in en["text"] and "0 reports accepted" in en["text"]
    board = await said(tg, BOSS["id"], BOSS, "/board")
    first_line = board["plain_text"].splitlines()[0]
    assert "全部支部" in first_line, first_line
    before = len(await tg.messages(GROUP["id"]))
    await tg.send(GROUP, LI, "建国路和光华路路口的井盖丢了，很危险")
    await new_message(tg, GROUP["id"], before, "C-000001")
    await alerted(tg, SEC["id"], "C-000001")  # urgent: before it, the secretary's next message may be its alert
    needs = await said(tg, SEC["id"], SEC, "/needs")
    assert "0 小时前" not in needs["text"] and "不到 1 小时前" in needs["text"], needs["text"]
    hello = await tg.send(GROUP, AMY, "ok")
    await said(tg, GROUP, SEC, "/points grant 1 thanks", reply_to_message_id=hello["message_id"])
    top = await said(tg, AMY["id"], AMY, "/top")
    assert "Amy — 1 point" in top["plain_text"] and "1 points" not in top["plain_text"]


@pytest.mark.parametrize("who, text, needle", [(LI, "谢谢", "不客气"), (LI, "你好！", "你好"),
                                                (AMY, "hello", "Hello"), (AMY, "thanks a lot", "welcome")])
async def test_courtesy_in_private_gets_a_short_answer(bot, tg, who, text, needle) -> None:
    answer = await said(tg, who["id"], who, text)
    assert needle in answer["text"] and len(answer["plain_text"].splitlines()) <= 2, answer["plain_text"]
