"""`/grant <who> dept <name>` names a department as the case commands do, and says so when the name
fits several: `/grant 501 dept 市政` answered 没有“市政”这个部门 (the candidates were thrown away)."""
from __future__ import annotations

import pytest

from tests.conftest import LI, SEC, said, two_branches, with_boss


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_a_name_several_departments_share_is_answered_with_them(bot, tg, db) -> None:
    await two_branches(tg, LI)
    text = (await said(tg, SEC["id"], SEC, f"/grant {LI['id']} dept 市政"))["text"]
    assert "城管局·市政照明" in text and "住建局·市政道路" in text and "没有" not in text, text
    assert "火星局" in (await said(tg, SEC["id"], SEC, f"/grant {LI['id']} dept 火星局"))["text"]
    await said(tg, SEC["id"], SEC, "/lang en")
    text = (await said(tg, SEC["id"], SEC, f"/grant {LI['id']} dept 市政"))["text"]
    assert "several departments" in text and "Road maintenance" in text, text
    granted = (await said(tg, SEC["id"], SEC, f"/grant {LI['id']} dept 市政道路"))["text"]
    assert "department member" in granted and "Road maintenance" in granted, granted
