"""Case numbers as secretaries and riders type them in a sentence, tried from outside: in brackets or
quotes, or with the sentence's punctuation after them. Before, `/case C-000001！`, `/case 【C-000001】`,
`/case C-000001,` answered "在你的范围内找不到工单“C-000001！”" (a case they could see), and
`/case「C-000001」` "没有这个命令：/case「c-000001」"."""
from __future__ import annotations

import pytest

from tests.conftest import AMY, GROUP, GROUP_B, LI, SEC, SEC_B, said, two_branches, with_boss
from tests.factories import report


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_case_number_in_brackets_or_before_punctuation_is_read(bot, tg, db) -> None:
    await two_branches(tg, LI, AMY)
    assert "C-000001" in (await report(tg, GROUP, LI, "建国路88号门口路灯坏了，晚上很黑"))["text"]
    assert "C-000002" in (await report(tg, GROUP_B, AMY, "The street light is out on Keyuan Rd gate 2"))["text"]
    for typed in ("/case C-000001！", "/case C-000001,", "/case【C-000001】", "/case「C-000001」",
                  "/case （C-000001）", "/case C一000001", "/case C～1", "/case c~000001。"):
        card = (await said(tg, SEC["id"], SEC, typed))["plain_text"]
        assert card.startswith("📋 C-000001") and "建国路88号门口" in card, (typed, card)
    card = (await said(tg, SEC_B["id"], SEC_B, "/case (C-000002)."))["plain_text"]
    assert card.startswith("📋 C-000002") and "Keyuan Rd" in card, card
    # a move with one: the number is read, the department after it too
    moved = (await said(tg, GROUP, SEC, "/accept 「C-000001」 住建局"))["plain_text"]
    assert "C-000001" in moved and "已受理" in moved and "住建局" in moved, moved
    # a department in brackets, glued to the number or not
    assert "C-000003" in (await report(tg, GROUP, LI, "光华路桥下积水很深，电动车过不去"))["text"]
    assert "C-000004" in (await report(tg, GROUP, LI, "人民路地铁站B口井盖没了，很危险"))["text"]
    for number, typed in (("C-000003", "/accept C-000003【水务局】"), ("C-000004", "/accept C-000004 「住建局」。")):
        moved = (await said(tg, GROUP, SEC, typed))["plain_text"]
        assert number in moved and "已受理" in moved and "没有叫" not in moved, (typed, moved)
    # the input method's 一 for the dash, with a note after it (free text from the number on)
    noted = (await said(tg, GROUP, SEC, "/note C一000001 已派人"))["plain_text"]
    assert "C-000001" in noted and "找不到" not in noted, noted
    # what is plainly no number (no digit in it) is answered with the usage, in the user's language
    # (tests/e2e/test_case_command_without_number.py)
    assert "用法：/case C-000123" in (await said(tg, SEC["id"], SEC, "/case 【abc】"))["plain_text"]
    assert "Usage: /case C-000123" in (await said(tg, SEC_B["id"], SEC_B, "/case (C-)"))["plain_text"]
