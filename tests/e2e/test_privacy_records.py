"""A customer's record in a group report (issue: the negative list kept a record's name and home).

Before: "顾客王小明，电话13812345678，地址朝阳区幸福路12号院3号楼2单元501室，说门口的路灯坏了" was announced in the
group and shown on the secretary's card with 王小明 and 朝阳区幸福路12号院3号楼2单元 in it (only the phone and the
room masked). Now the customer's name and address are masked wherever the case is shown outside the
reporter's own chat, the problem ("说门口的路灯坏了") is still read, and the reporter's private chat reads the
report as written."""
from __future__ import annotations

import pytest

from tests.conftest import AMY, GROUP, LI, SEC, said, two_branches, with_boss
from tests.factories import read_case, report


@pytest.fixture
def settings(settings):
    return with_boss(settings)


@pytest.mark.parametrize("who, text, leaks, kept", [
    (LI, "顾客王小明，电话13812345678，地址朝阳区幸福路12号院3号楼2单元501室，说门口的路灯坏了",
     ("王小明", "幸福路", "3号楼", "13812345678"), "路灯坏了"),
    (LI, "收货人：张三 13812345678 北京市朝阳区幸福路12号院3号楼501，小区门口路灯坏了好几天",
     ("张三", "幸福路", "3号楼", "13812345678"), "路灯坏了"),
    (AMY, "Customer: John Smith, 138 1234 5678, Flat 5B, 12 Keyuan Rd, says the street light outside is out",
     ("John Smith", "Keyuan", "Flat 5B", "1234 5678"), "street light outside is out"),
])
async def test_a_customers_record_is_masked_outside_the_reporters_chat(bot, tg, db, who, text, leaks, kept) -> None:
    await two_branches(tg, who)
    answer = (await report(tg, GROUP, who, text))["plain_text"]
    assert "C-000001" in answer, answer
    for leak in leaks:
        assert leak not in answer, answer
    case = await read_case(db)
    assert case.text == text  # stored as written: masked where it is shown, not where it is kept
    card = (await said(tg, SEC["id"], SEC, "/case C-000001"))["plain_text"]
    assert kept in card, card
    for leak in leaks:
        assert leak not in card, card
    board = (await said(tg, SEC["id"], SEC, "/board"))["plain_text"]
    for leak in leaks:
        assert leak not in board, board
    own = (await said(tg, who["id"], who, "/case C-000001"))["plain_text"]
    assert leaks[0] in own and leaks[1] in own, own
