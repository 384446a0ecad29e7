"""A department member takes a step the case's status does not allow yet, through the real bot on
SQLite and PostgreSQL. Before: 照明小陈's '/resolve C1 已更换灯泡' on a case nobody had accepted got
'工单当前状态为“待受理”，不能执行“处理完毕”。' and no word of what to do; Len's '/work C-000001' the
same in English. Now the refusal names the step they may take now as the command to type
('下一步可以“受理”：/accept C-000001'), and that command works; a case's status is unchanged by the
refused step."""
from __future__ import annotations

import pytest

from tests.conftest import GROUP, LI, SEC, said, two_branches, with_boss
from tests.factories import read_case, read_cases_at_least

LIGHT = {"id": 703, "first_name": "照明小陈", "language_code": "zh"}
LEN = {"id": 704, "first_name": "Len", "language_code": "en"}


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_step_out_of_order_names_the_next_one(bot, tg, db) -> None:
    await two_branches(tg, LI, LIGHT, LEN)
    for who in (LIGHT, LEN):
        await said(tg, SEC["id"], SEC, f"/grant {who['id']} dept urban_lighting")
    await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    await read_cases_at_least(db, 1)

    got = (await said(tg, LIGHT["id"], LIGHT, "/resolve C1 已更换灯泡"))["plain_text"]
    assert got == "工单当前状态为“待受理”，不能执行“处理完毕”。下一步可以“受理”：/accept C-000001", got
    got = (await said(tg, LEN["id"], LEN, "/work C-000001"))["plain_text"]
    assert got == ("This case is “New”; “Start work” is not possible now. "
                   "Next step: “Accept”, /accept C-000001"), got
    assert (await read_case(db, 1)).status == "new"

    await said(tg, LIGHT["id"], LIGHT, "/accept C-000001")
    assert (await read_case(db, 1)).status == "accepted"
    got = (await said(tg, LEN["id"], LEN, "/accept C-000001"))["plain_text"]
    assert "Next step: “Start work”, /work C-000001" in got, got
