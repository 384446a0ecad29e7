"""An English group's lesson plan names its weekdays as a reader says them, through the real bot on
SQLite and PostgreSQL: Sec B's '/lessons plan daily' answered 'Days: mon,tue,wed,thu,fri,sat,sun' and
'Send times …: mon 14:02 · tue 21:27', the codes a command takes, where a Chinese group reads '周一、周三'.
Now 'Days: Mon, Tue, …' and 'Mon 14:02'."""
from __future__ import annotations

import re

import pytest

from tests.conftest import GROUP, GROUP_B, SEC, SEC_B, said, two_branches, with_boss


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_an_english_plan_names_its_weekdays(bot, tg, db) -> None:
    await two_branches(tg)
    got = (await said(tg, GROUP_B, SEC_B, "/lessons plan mon,wed,fri"))["plain_text"]
    assert "Days: Mon, Wed, Fri\n" in got, got
    assert re.search(r"staggered automatically\): Mon \d\d:\d\d · Wed \d\d:\d\d · Fri \d\d:\d\d\n", got), got
    got = (await said(tg, SEC_B["id"], SEC_B, "/lessons"))["plain_text"]  # privately too
    assert "Days: Mon, Wed, Fri\n" in got, got
    got = (await said(tg, GROUP, SEC, "/lessons plan 一三五"))["plain_text"]  # Chinese as before
    assert "推送日：周一、周三、周五\n" in got, got
