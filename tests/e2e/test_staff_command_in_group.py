"""A rider who types a secretary's private command in the work group (`/survey results 1`, `/broadcast
…`, `/needs`) is told it is a secretary's, in their language, through the real bot on SQLite and
PostgreSQL. It used to be '🔒 请在与我的私聊中使用这个命令。', sending them to the private chat only to
be refused there ('⛔ 只有支部书记可以使用这个功能。'). A secretary still hears where to send it."""
from __future__ import annotations

import pytest

from tests.conftest import AMY, GROUP, LI, SEC, WANG, said, two_branches, with_boss
from tests.factories import answer_text


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_rider_is_told_whose_command_it_is_a_secretary_where_to_send_it(bot, tg, db) -> None:
    await two_branches(tg, LI, AMY)
    for typed in ("/survey results 1", "/broadcast all now 测试", "/needs", "/broadcasts", "/survey list"):
        told = await answer_text(tg, GROUP, LI, typed)
        assert told == "⛔ 只有支部书记可以使用这个功能。", (typed, told)
        private = (await said(tg, LI["id"], LI, typed))["plain_text"]
        assert private == told, (typed, private)  # the same answer wherever it is typed
    assert await answer_text(tg, GROUP, AMY, "/survey list") == "⛔ Only branch secretaries can use this."
    assert await answer_text(tg, GROUP, SEC, "/survey list") == "🔒 请在与我的私聊中使用这个命令。"
    assert "问卷" in (await said(tg, SEC["id"], SEC, "/survey list"))["plain_text"]


async def test_a_department_member_is_told_a_branch_command_is_the_secretarys(bot, tg, db) -> None:
    """A department member is staff, but a branch's broadcasts, surveys and needs are the secretary's:
    '/survey list' in the group sent them to the private chat, to be refused there."""
    await two_branches(tg, LI)
    await said(tg, WANG["id"], WANG, "/start")
    granted = (await said(tg, SEC["id"], SEC, f"/grant {WANG['id']} dept urban_lighting"))["plain_text"]
    assert "✅" in granted, granted
    for typed in ("/survey list", "/broadcast all now 测试", "/needs"):
        told = await answer_text(tg, GROUP, WANG, typed)
        assert told == "⛔ 只有支部书记可以使用这个功能。", (typed, told)
        assert (await said(tg, WANG["id"], WANG, typed))["plain_text"] == told, typed
