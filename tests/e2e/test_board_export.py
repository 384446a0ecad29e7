"""/board in a group, and `sentinel export cases`: counts, median time to fix, masked personal data."""
from __future__ import annotations

import csv
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook

from bot.services.case_export import HEADERS, export_cases
from tests.conftest import BOSS, GROUP, GROUP_B, LI, SEC, WANG, last, private, two_branches, with_boss
from tests.e2e.test_cases import _report

PHONE_REPORT = "幸福小区3号门的路灯坏了 物业电话13812345678"


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _two_cases_one_solved(tg) -> None:
    await two_branches(tg, LI)
    await _report(tg, PHONE_REPORT)
    await _report(tg, "光华路积水很深 电动车过不去", who=WANG)
    await tg.send(private(SEC), SEC, "/accept C-000001")
    await tg.send(private(SEC), SEC, "/resolve C-000001 已修好")
    li = await tg.wait(LI["id"], 3)
    await tg.press(LI["id"], li[-1]["message_id"], LI, "cf:1:y")
    await tg.wait(GROUP["id"], 6)  # bind, 2 reports, accepted, resolved, closed


async def test_board_shows_counts_median_and_latest_without_personal_data(bot, tg) -> None:
    await _two_cases_one_solved(tg)
    before = len(await tg.messages(GROUP["id"]))
    await tg.send(GROUP, WANG, "/board")
    board = (await last(tg, GROUP["id"], before + 1))["text"]
    assert "处理中 1 件 · 已解决 1 件 · 累计上报 2 件" in board
    assert "中位时长" in board and "C-000002" in board and "C-000001" in board
    assert "13812345678" not in board

    # another branch's group sees none of it; a rider in private is told where to ask
    await tg.send(GROUP_B, WANG, "/board")
    assert "累计上报 0 件" in (await last(tg, GROUP_B["id"], 2))["text"]
    await tg.send(private(WANG), WANG, "/board")
    assert "/board" in (await last(tg, WANG["id"], 1))["text"]
    sec_before = len(await tg.messages(SEC["id"]))
    await tg.send(private(SEC), SEC, "/board")
    assert "累计上报 2 件" in (await last(tg, SEC["id"], sec_before + 1))["text"]


async def test_export_cases_csv_and_xlsx_mask_personal_data(bot, tg, settings, tmp_path) -> None:
    await _two_cases_one_solved(tg)
    out = tmp_path / "cases.csv"
    since = date.today() - timedelta(days=1)
    assert await export_cases(settings.database_url, out, "csv", since, settings.tz, "cy") == 2
    with out.open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert tuple(rows[0]) == HEADERS
    first = rows[0]
    assert first["case"] == "C-000001" and first["status"] == "closed" and first["branch"] == "cy"
    assert "138****5678" in first["text"] and "13812345678" not in out.read_text(encoding="utf-8-sig")
    assert first["hours_to_resolve"] != "" and rows[1]["hours_to_resolve"] == ""

    xlsx = tmp_path / "cases.xlsx"
    assert await export_cases(settings.database_url, xlsx, "xlsx", since, settings.tz) == 2
    sheet = load_workbook(xlsx).active
    assert [c.value for c in sheet[1]] == list(HEADERS) and sheet.max_row == 3
    assert await export_cases(settings.database_url, tmp_path / "none.csv", "csv",
                              date.today() + timedelta(days=2), settings.tz) == 0


async def test_a_group_bound_later_brings_its_earlier_cases_to_the_branch(bot, tg) -> None:
    await two_branches(tg, LI)
    late = {"id": -100300, "type": "supergroup", "title": "新群"}
    await tg.send(late, LI, "光华路积水很深 电动车过不去")
    await tg.wait(late["id"], 1)
    await tg.send(late, BOSS, "/bind cy")
    await tg.send(late, WANG, "/board")
    assert "累计上报 1 件" in (await last(tg, late["id"], 3))["text"]
    sec_before = len(await tg.messages(SEC["id"]))
    await tg.send(private(SEC), SEC, "/cases")
    assert "C-000001" in (await last(tg, SEC["id"], sec_before + 1))["text"]
