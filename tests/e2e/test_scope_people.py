"""A secretary naming a person (by id or @username) learns nothing of other branches from the refusal:
another branch's rider reads exactly like somebody the bot never met (the permission matrix tries
every command with hd's rider, but never against a person nobody knows)."""
from __future__ import annotations

import pytest

from tests.conftest import GROUP_B, SEC, SEC_B, said, two_branches, with_boss

HD_RIDER = {"id": 507, "first_name": "海淀骑手丙", "username": "hdbing", "language_code": "zh"}
NOBODY = ("99999", "@nobodyx")


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_another_branchs_rider_reads_as_nobody_in_every_refusal(bot, tg, db) -> None:
    await two_branches(tg, HD_RIDER)
    await said(tg, GROUP_B, HD_RIDER, "中关村大街的井盖丢了，很危险")  # known in hd only
    await said(tg, SEC_B["id"], SEC_B, f"/points grant {HD_RIDER['id']} 5 协助")  # a line in hd
    differing = []
    for template in ("/points grant {u} 5 协助", "/points grant {u} 0 协助", "/points grant {u} -5 协助",
                     "/points {u}", "/points ledger {u}", "/revoke {u} dept urban_lighting",
                     "/revoke {u} dept 不存在的部门", "/revoke {u} dept urban_lighting hd"):
        for rider, nobody in zip((str(HD_RIDER["id"]), "@hdbing"), NOBODY):
            seen = [(await said(tg, SEC["id"], SEC, template.format(u=u)))["text"].replace(u, "@")
                    for u in (rider, nobody)]
            assert "海淀" not in seen[0]
            if seen[0] != seen[1]:
                differing.append((template.format(u=rider), seen))
    assert not differing, differing
