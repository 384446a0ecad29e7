"""A case command naming no case, through the real bot on SQLite and PostgreSQL. 张书记's
'/note 已派人查看' and Sec B's '/accept foo', sent as a reply to nothing, were answered
'找不到工单“已派人查看”，或者你无权查看它。…' / 'Case “foo” …' (the first word taken for a case
number); now a first word with no digit in it, plainly no case number, gets the command's usage.
A number that is none (C-999999) is still refused by name, and a reply to a case's message still
names that case."""
from __future__ import annotations

import pytest

from tests.conftest import SEC, SEC_B, said, two_branches, with_boss


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_word_that_is_no_case_number(bot, tg, db) -> None:
    await two_branches(tg)
    got = (await said(tg, SEC["id"], SEC, "/note 已派人查看"))["plain_text"]
    assert got.startswith("用法：/note C-000123 进展"), got
    got = (await said(tg, SEC["id"], SEC, "/case 路灯"))["plain_text"]
    assert got.startswith("用法：/case C-000123"), got
    got = (await said(tg, SEC_B["id"], SEC_B, "/accept foo"))["plain_text"]
    assert got.startswith("Usage: /accept C-000123"), got
    got = (await said(tg, SEC["id"], SEC, "/note C-999999 已派人查看"))["plain_text"]
    assert got.startswith("找不到工单“C-999999”"), got
