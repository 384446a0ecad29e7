"""A case's history says how its place came: added where it was missing, corrected where the rider
said the one shown back was wrong. A corrected place was logged as "补充地点" (place added), so a
secretary reading /case could not tell a fix of a wrong place from a place given late."""
from __future__ import annotations

from typing import Any

import pytest

from bot.i18n import t
from tests.conftest import AMY, GROUP, LI, SEC, said, two_branches, until, with_boss
from tests.factories import read_cases


@pytest.fixture
def settings(settings):
    return with_boss(settings)


def _timeline(card: dict[str, Any]) -> list[str]:
    return [line for line in card["plain_text"].splitlines() if line.startswith("·")]


@pytest.mark.parametrize("who, text, fix, fixed", [
    (LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的", "不对，是幸福小区5号门", "幸福小区5号门"),
    (AMY, "The street light is out at Keyuan Rd gate 2", "No, it is Keyuan Rd gate 5", "Keyuan Rd gate 5"),
])
async def test_a_place_corrected_by_reply_is_logged_as_corrected(bot, tg, db, who, text, fix, fixed) -> None:
    await two_branches(tg, who)
    created = await said(tg, GROUP, who, text)
    answer = await tg.send(GROUP, who, fix, reply_to_message_id=created["message_id"])
    await until(lambda: _reply_to(tg, answer["message_id"]))
    [case] = await read_cases(db)
    assert case.location == fixed
    lines = _timeline(await said(tg, SEC["id"], SEC, "/case C-000001"))
    placed = [line for line in lines if fixed in line]
    assert len(placed) == 1 and t("zh", "ev-location_corrected") in placed[0], lines
    assert not any(t("zh", "ev-location") in line for line in lines), lines


async def test_a_place_corrected_without_reply_is_logged_as_corrected(bot, tg, db) -> None:
    await two_branches(tg, LI)
    await said(tg, GROUP, LI, "幸福小区3号门的路灯坏了 晚上黑乎乎的")
    await said(tg, GROUP, LI, "地点不对，是幸福小区5号门")
    lines = _timeline(await said(tg, SEC["id"], SEC, "/case C-000001"))
    assert any(t("zh", "ev-location_corrected") in line and "幸福小区5号门" in line for line in lines), lines


async def test_a_missing_place_given_later_is_logged_as_added(bot, tg, db) -> None:
    await two_branches(tg, LI)
    asked = await said(tg, GROUP, LI, "路灯坏了 黑乎乎的")
    assert "还缺地点" in asked["plain_text"], asked
    await said(tg, GROUP, LI, "在光华路和东三环路口")
    lines = _timeline(await said(tg, SEC["id"], SEC, "/case C-000001"))
    placed = [line for line in lines if "光华路和东三环路口" in line]
    assert len(placed) == 1 and t("zh", "ev-location") in placed[0], lines
    assert t("zh", "ev-location_corrected") not in placed[0]


async def _reply_to(tg, message_id: int) -> dict | None:
    return next((m for m in await tg.messages(GROUP["id"]) if m.get("reply_to_message_id") == message_id), None)
