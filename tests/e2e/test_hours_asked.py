"""The hours asked for, answered with a bare number, through the real bot on SQLite and PostgreSQL.
李师傅's '/hours K7MPQ' (the code alone) was told '请写上时长，例如 /hours K7MPQ 2', and his answer '1.5'
got /help's text: nothing took it. Now the question is a reply prompt (as a case's note is asked
for): its answer, a reply in the group or in private (there also the next message alone while the
question is the bot's last word), logs the hours as '/hours K7MPQ 1.5' does."""
from __future__ import annotations

import pytest
from sqlmodel import select

from storage.models.checkins import VolunteerHours

from tests.conftest import AMY, GROUP, LI, SEC, WANG, said, two_branches, with_boss
from tests.e2e.test_checkins import activities


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_bare_number_answers_the_hours_question(bot, tg, db, clock) -> None:
    await two_branches(tg, LI, WANG, AMY)
    await said(tg, SEC["id"], SEC, '/activity new "社区清洁" 今天 9:00 2h')
    code = (await activities(db))[-1].code

    asked = await said(tg, LI["id"], LI, f"/hours {code}")  # privately, answered as a reply
    assert asked["text"].startswith("「社区清洁」登记多少小时？请直接回复时长"), asked["text"]
    assert asked["reply_markup"].get("force_reply") is True, asked
    got = (await said(tg, LI["id"], LI, "1.5", reply_to_message_id=asked["message_id"]))["plain_text"]
    assert got.startswith("📝 已登记「社区清洁」志愿时长 1.5 小时，"), got

    await said(tg, AMY["id"], AMY, f"/hours {code}")  # privately, the next message alone
    got = (await said(tg, AMY["id"], AMY, "90min"))["plain_text"]
    assert got.startswith("📝 1.5 h logged for “社区清洁”"), got
    got = (await said(tg, AMY["id"], AMY, "2"))["plain_text"]  # the question is answered: a number is no answer
    assert "logged" not in got, got

    asked = await said(tg, GROUP, WANG, f"/hours {code}")  # in the group, a reply to the question
    assert asked["text"].startswith("「社区清洁」登记多少小时？"), asked["text"]
    got = (await said(tg, GROUP, WANG, "两小时", reply_to_message_id=asked["message_id"]))["plain_text"]
    assert got.startswith("📝 已登记「社区清洁」志愿时长 2 小时，"), got
    await tg.send(GROUP, LI, "1", reply_to_message_id=asked["message_id"])  # not his question: chit-chat
    await said(tg, LI["id"], LI, "/hours")
    async with db() as s:
        rows = {r.user_id: r.halves for r in (await s.exec(select(VolunteerHours))).all()}
    assert rows == {LI["id"]: 3, AMY["id"]: 3, WANG["id"]: 4}, rows


async def test_an_unknown_code_is_refused_before_asking(bot, tg, db, clock) -> None:
    await two_branches(tg, LI)
    got = (await said(tg, LI["id"], LI, "/hours ABCDE"))
    assert "ABCDE" in got["plain_text"] and "没有签到码" in got["plain_text"], got
    assert not (got.get("reply_markup") or {}).get("force_reply"), got
