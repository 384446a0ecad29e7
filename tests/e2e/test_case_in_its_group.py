"""A rider's /case in the group where the case was reported shows its public card, as the group
saw it (outside trial: it answered "not found"). A case of another group or branch, or one asked
about elsewhere, still reads exactly like a number nobody reported."""
from __future__ import annotations

import re

from tests.conftest import GROUP, GROUP_B, LI, SEC_B, WANG, buttons, said, two_branches

HD_RIDER = {"id": 503, "first_name": "海淀骑手甲", "language_code": "zh"}
REPORT = "幸福小区3号门的路灯坏了 晚上黑乎乎的 有事打13912345678"


def _same(a: str, b: str) -> bool:
    return re.sub(r"C-0+\d+", "C-#", a) == re.sub(r"C-0+\d+", "C-#", b)


async def test_a_rider_sees_the_public_card_of_a_case_reported_in_their_group(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG)
    registered = await said(tg, GROUP, LI, REPORT)
    assert "C-000001" in registered["plain_text"]
    card = await said(tg, GROUP, WANG, "/case C-000001")
    text = card["plain_text"]
    assert "C-000001" in text and "找不到" not in text, text
    assert "13912345678" not in text and "幸福小区" in text, text  # masked, as the group saw it
    assert buttons(card) == []  # nothing for a rider to do on another's case
    # the reporter asking there sees it too
    assert "C-000001" in (await said(tg, GROUP, LI, "/case C-000001"))["plain_text"]


async def test_another_groups_case_reads_like_none(bot, tg, db) -> None:
    await two_branches(tg, LI, WANG, HD_RIDER)
    await said(tg, GROUP, LI, REPORT)  # C-000001, branch cy's group
    await said(tg, GROUP_B, HD_RIDER, "海淀黄庄北口的路灯坏了，晚上一片漆黑")  # C-000002, branch hd's
    # in hd's group, cy's case: as a number nobody reported
    missing = (await said(tg, GROUP_B, WANG, "/case C-000099"))["plain_text"]
    assert "找不到" in missing, missing
    assert _same((await said(tg, GROUP_B, WANG, "/case C-000001"))["plain_text"], missing)
    # in cy's group, hd's case
    missing = (await said(tg, GROUP, WANG, "/case C-000099"))["plain_text"]
    other = (await said(tg, GROUP, WANG, "/case C-000002"))["plain_text"]
    assert _same(other, missing) and "海淀" not in other, other
    # privately, another rider's case of the rider's own group: as before, none
    missing = (await said(tg, WANG["id"], WANG, "/case C-000099"))["plain_text"]
    assert _same((await said(tg, WANG["id"], WANG, "/case C-000001"))["plain_text"], missing)
    # another branch's secretary in that group sees the group's card, with no buttons
    card = await said(tg, GROUP, SEC_B, "/case C-000001")
    assert "C-000001" in card["plain_text"] and "找不到" not in card["plain_text"] and buttons(card) == []
