"""A role granted as a reply to the person's message, through the real bot on SQLite and PostgreSQL:
a secretary's '/grant dept 市政道路' replying to 李师傅's message in the group got the usage ('用法：/grant
用户ID或@用户名 …'), though '/points grant 30 帮忙' said the same way names the rider by the message replied
to. Now /grant and /revoke take the person the same way (the role first); a typed id or @username
still decides, and the scope rules are the same as typed."""
from __future__ import annotations

import pytest

from tests.conftest import GROUP, LI, SEC, said, two_branches, with_boss


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_role_granted_as_a_reply_names_the_person_replied_to(bot, tg, db) -> None:
    await two_branches(tg, LI)
    sent = await tg.send(GROUP, LI, "我是市政道路的")
    got = (await said(tg, GROUP, SEC, "/grant dept 市政道路", reply_to_message_id=sent["message_id"]))["plain_text"]
    assert got.startswith("✅ 已授予李师傅") and "市政道路" in got, got
    got = (await said(tg, GROUP, SEC, "/revoke 部门 市政道路", reply_to_message_id=sent["message_id"]))["plain_text"]
    assert "李师傅" in got and "用法" not in got, got
    got = (await said(tg, GROUP, SEC, "/grant superadmin", reply_to_message_id=sent["message_id"]))["plain_text"]
    assert "用法" not in got and "已授予" not in got, got  # a secretary may not: refused as typed
