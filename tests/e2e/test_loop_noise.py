"""Noise (issue 13 §2): a status change is one message per group, in reply to the master report,
mentioning the riders who reported the same thing — not one message per follower thread."""
from __future__ import annotations

import pytest
from sqlmodel import select

from bot.wording import listed
from storage.models import CaseWatcher
from tests.conftest import AMY, GROUP, LI, SEC, WANG, private, said, two_branches, with_boss

ZHAO = {"id": 503, "first_name": "赵姐", "language_code": "zh"}
SUN = {"id": 504, "first_name": "孙哥", "language_code": "zh"}
BOB = {"id": 602, "first_name": "Bob", "language_code": "en"}
CAT = {"id": 603, "first_name": "Cat", "language_code": "en"}
DAN = {"id": 604, "first_name": "Dan", "language_code": "en"}


@pytest.fixture
def settings(settings):
    return with_boss(settings)


@pytest.mark.parametrize("reporter, followers, texts, word", [
    (LI, (WANG, ZHAO, SUN), ("幸福小区3号门的路灯坏了 晚上黑乎乎的", "幸福小区三号门口路灯不亮了", "幸福小区3号门路灯又坏了",
                              "幸福小区3号门那个路灯不亮"), "同样反映过的"),
    (AMY, (BOB, CAT, DAN), ("The street light is out at Xingfu Garden gate 3", "Street lamp at Xingfu Garden gate 3 is broken",
                            "Xingfu Garden gate 3 street light not working", "Street light at Xingfu Garden gate 3 is not working"),
     "Also reported by"),
])
async def test_one_group_message_per_change_mentioning_followers(bot, tg, db, reporter, followers, texts,
                                                                  word) -> None:
    await two_branches(tg, reporter)
    first = await said(tg, GROUP, reporter, texts[0])
    for who, text in zip(followers, texts[1:]):
        await said(tg, GROUP, who, text)
    async with db() as s:
        assert len((await s.exec(select(CaseWatcher))).all()) == 3
    before = len(await tg.messages(GROUP["id"]))
    await tg.send(private(SEC), SEC, "/transfer C-000001 road_maintenance")
    await tg.send(private(SEC), SEC, "/decline C-000001 不归道路管")
    await tg.wait(GROUP["id"], before + 2)
    msgs = (await tg.wait(GROUP["id"], before + 3, timeout=1.5))[before:]
    assert len(msgs) == 2, [m["text"][:50] for m in msgs]  # was 8: one per thread and change
    for m in msgs:
        assert m["reply_to_message_id"] == first["reply_to_message_id"]
        assert word in m["text"]
        assert all(f'tg://user?id={who["id"]}' in m["text"] for who in followers)
        # issue 13 B10: a list as the language writes one ("王师傅和Amy", "Wang and Amy"), not names run together
        names = listed((who["first_name"] for who in followers), "zh" if word == "同样反映过的" else "en")
        assert names in m["plain_text"] and ("和" in names or " and " in names), m["plain_text"]
