"""A department member types `/cases 我的` (or `/cases mine`), through the real bot on SQLite and
PostgreSQL. Before: 照明小陈 of the lighting department got "我上报的工单": the one flooded underpass he
had reported himself, not the street lights his department holds. Now a department member's "mine"
is the cases their department holds in the branch they act in, open ones first, then the closed
ones; never another branch's, nor a case of another department he reported. A rider's "mine" stays
what they reported."""
from __future__ import annotations

import pytest

from tests.conftest import AMY, GROUP, GROUP_B, LI, SEC, private, said, two_branches, with_boss
from tests.factories import new_message, read_case, read_cases_at_least

LIGHT = {"id": 703, "first_name": "照明小陈", "language_code": "zh"}


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_department_members_cases_mine_are_the_departments(bot, tg, db) -> None:
    await two_branches(tg, LI, AMY, LIGHT)
    await said(tg, SEC["id"], SEC, f"/grant {LIGHT['id']} dept urban_lighting")
    await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    await said(tg, GROUP, LI, "光华路和东三环路口的路灯全灭了，一片漆黑")
    await said(tg, GROUP, LIGHT, "建国路地下通道积水很深，电动车过不去了")
    await said(tg, GROUP_B, AMY, "The street light at Keyuan Rd gate 2 is broken, it is pitch dark")
    cases = await read_cases_at_least(db, 4)
    assert [c.category for c in cases][:2] == ["lighting", "lighting"] and cases[2].category != "lighting"
    assert cases[3].department == "urban_lighting" and cases[3].branch_id != cases[0].branch_id
    await said(tg, LIGHT["id"], LIGHT, "/accept C-000001")
    await said(tg, LIGHT["id"], LIGHT, "/resolve C-000001 已更换灯泡")
    await said(tg, LI["id"], LI, "/confirm C-000001")
    assert (await read_case(db, 1)).status == "closed"

    for words in ("/cases 我的", "/cases mine"):
        before = len(await tg.messages(LIGHT["id"]))
        await tg.send(private(LIGHT), LIGHT, words)  # the list (an alert may come between: not it)
        listed = (await new_message(tg, LIGHT["id"], before, "的工单", field="plain_text"))["plain_text"]
        assert "本部门的工单" in listed, listed
        assert "C-000002" in listed and "C-000001" in listed, listed
        assert listed.index("C-000002") < listed.index("C-000001"), listed  # open ones first
        assert "C-000003" not in listed and "C-000004" not in listed, listed
