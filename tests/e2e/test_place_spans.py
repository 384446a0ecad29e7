"""The place shown back in the registration message ends where the place ends: "Keyuan Rd near the
metro exit is getting bigger" was registered at "Keyuan Rd near the metro exit is", and
"三里屯太古里北区门口的井盖没了" at "古里北区门口"; "合生汇B1层卫生间漏水了" had no place and was asked for one
("朝阳大悦城西门" came from the CRF alone; the rules now know it too)."""
from __future__ import annotations

import pytest

from tests.conftest import AMY, GROUP, LI, said
from tests.factories import read_case


@pytest.mark.parametrize("who, text, place, not_shown", [
    (AMY, "Pothole on Keyuan Rd near the metro exit is getting bigger", "Keyuan Rd near the metro exit", "exit is"),
    (AMY, "Water at gate 3 of Chaoyang Park is knee deep", "gate 3 of Chaoyang Park", "No place yet"),
    (LI, "三里屯太古里北区门口的井盖没了", "三里屯太古里北区门口", "还缺地点"),
    (LI, "朝阳大悦城西门路灯坏了", "朝阳大悦城西门", "还缺地点"),
    (LI, "合生汇B1层卫生间漏水了", "合生汇B1层", "还缺地点"),
    (LI, "潘家园旧货市场北门井盖没了", "潘家园旧货市场北门", "还缺地点"),
    (LI, "国贸CBD这边井盖没了，很危险", "国贸CBD", "还缺地点"),
    # a name holding a function word's character (对, 都), a terminal building
    (LI, "对外经济贸易大学东门路灯坏了", "对外经济贸易大学东门", "还缺地点"),
    (LI, "首都机场T3航站楼出口井盖没了", "首都机场T3航站楼出口", "还缺地点"),
])
async def test_the_place_shown_back_is_the_whole_place(bot, tg, db, who, text, place, not_shown) -> None:
    answer = (await said(tg, GROUP, who, text))["plain_text"]
    assert place in answer and not_shown not in answer, answer
    assert (await read_case(db)).location == place
