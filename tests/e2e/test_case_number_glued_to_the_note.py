"""A department member types the case number and the note with no space between, through the real
bot on SQLite and PostgreSQL. Before: Len's '/note #1:crew on the way' was answered 'No case
“#1:crew” that you can see.', and 照明小陈's '/resolve 1号工单，已修好' '找不到工单“1号工单，已修好”…'
(a Chinese mark after 'C1' was already a space, an ASCII colon or a 号 number's mark was not). Now an
ASCII colon or semicolon after a case number, and a Chinese mark after '1号工单', part the number
from the note, which the reporter's group hears as typed."""
from __future__ import annotations

import pytest

from tests.conftest import GROUP, LI, SEC, said, two_branches, until, with_boss
from tests.factories import read_case, read_cases_at_least

LIGHT = {"id": 703, "first_name": "照明小陈", "language_code": "zh"}
LEN = {"id": 704, "first_name": "Len", "language_code": "en"}


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_case_number_glued_to_the_note(bot, tg, db) -> None:
    await two_branches(tg, LI, LIGHT, LEN)
    for who in (LIGHT, LEN):
        await said(tg, SEC["id"], SEC, f"/grant {who['id']} dept urban_lighting")
    await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    await read_cases_at_least(db, 1)
    await said(tg, LIGHT["id"], LIGHT, "/accept C1")

    got = (await said(tg, LEN["id"], LEN, "/note #1:crew on the way"))["plain_text"]
    assert got == "✅ Done for C-000001: Add update", got
    await until(lambda: _heard(tg, "工单 C-000001 进展：crew on the way"))
    got = (await said(tg, LIGHT["id"], LIGHT, "/resolve 1号工单，已修好"))["plain_text"]
    assert got == "✅ 已办理 C-000001：处理完毕", got
    assert (await read_case(db, 1)).status == "resolved"
    await until(lambda: _heard(tg, "工单 C-000001 已处理完毕：已修好。"))


async def _heard(tg, start: str) -> bool:
    return any((m.get("plain_text") or "").startswith(start) for m in await tg.messages(GROUP["id"]))
