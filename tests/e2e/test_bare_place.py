"""A place and nothing else ("在角门", "光华路和东三环路口") reports no problem, whatever the
classifier leans to: some bare places scored as reports just under its threshold (the group was
asked "is this a report?") or could score over it (a case with no problem). In a group it is
somebody's answer to somebody (silence); in the private chat the rider hears what to add."""
from __future__ import annotations

import pytest

from bot.intake import classify
from tests.conftest import AMY, GROUP, LI, said
from tests.factories import read_cases

BARE = ["在角门", "光华路和东三环路口", "幸福小区3号门"]


def test_the_classifier_leans_to_a_report_on_these() -> None:
    """What makes the trial below able to fail: each scores as a report (most below the threshold)."""
    leaning = [t for t in BARE if classify(t).is_report]
    assert leaning, [(t, classify(t)) for t in BARE]


@pytest.mark.parametrize("text", BARE)
async def test_a_bare_place_in_a_group_gets_no_answer(bot, tg, db, text: str) -> None:
    await tg.send(GROUP, LI, text)
    # the next thing the bot says in the group answers the next message: nothing was said to the place
    reply = await said(tg, GROUP, LI, "建国路88号门口井盖丢了")
    assert "C-000001" in reply["plain_text"], reply["plain_text"]
    assert len(await read_cases(db)) == 1


@pytest.mark.parametrize("who, lang, ask", [(LI, "zh", "出了什么问题"), (AMY, "en", "What is wrong there")])
async def test_a_bare_place_in_private_is_asked_what_is_wrong_there(bot, tg, db, who, lang, ask) -> None:
    told = await said(tg, who["id"], who, "在角门")
    assert ask in told["plain_text"] and "角门" in told["plain_text"], told["plain_text"]
    assert not told.get("reply_markup"), told  # no "is this a report?" buttons
    assert not await read_cases(db)
    # and saying what is wrong there is a report as ever
    assert "C-000001" in (await said(tg, who["id"], who, "角门路灯不亮"))["plain_text"]
