"""Tried from outside (outsider trial 7): a rider checking on a report days later, an anonymous
admin, and a report of another problem said with chit-chat right after a report without a place."""
from __future__ import annotations

import pytest

from tests.conftest import AMY, GROUP, GROUP_B, LI, said, two_branches, with_boss
from tests.factories import report


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_mycases_tells_apart_two_cases_of_one_kind(bot, tg, db) -> None:
    """Before: /mycases listed "C-000002 · 路灯照明 · 待受理 · 12-04" and "C-000001 · 路灯照明 · 待受理 ·
    12-04": which was the light at the gate and which the one on the road, the rider could not tell.
    Now each line names its place (in the rider's own chat, as they gave it), or that it has none."""
    await two_branches(tg, LI, AMY)
    await report(tg, GROUP, LI, "幸福小区3号门路灯坏了")
    await report(tg, GROUP, LI, "光华路和东三环路口路灯不亮了")
    await report(tg, GROUP, LI, "路灯坏了")
    listed = (await said(tg, LI["id"], LI, "/mycases"))["plain_text"]
    assert "C-000001 · 路灯照明 · 幸福小区3号门 · 待受理" in listed, listed
    assert "C-000002 · 路灯照明 · 光华路和东三环路口 · 待受理" in listed, listed
    assert "C-000003 · 路灯照明 · 未填地点 · 待受理" in listed, listed
    await report(tg, GROUP_B, AMY, "The street light is out at 12 Keyuan Rd gate 2")
    mine = (await said(tg, AMY["id"], AMY, "/mycases"))["plain_text"]
    assert "C-000004 · Street lighting · 12 Keyuan Rd gate 2 · New" in mine, mine
