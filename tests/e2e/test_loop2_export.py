"""Issue 13 §2, exports in chat: a secretary gets the cases table as a document in private
(xlsx with a summary sheet, or two CSVs), Chinese headers and labels (codes in extra columns),
coordinates, masked personal data, only her branch; refused in a group and for riders."""
from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from tests.conftest import (BOSS, GROUP, GROUP_B, LI, SEC, SEC_B, WANG, private, said, two_branches, with_boss)
from tests.factories import download, new_message


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def _three_cases(tg) -> None:
    await two_branches(tg, LI, WANG)
    before = len(await tg.messages(GROUP["id"]))
    await tg.send(GROUP, LI, "幸福小区3号门的路灯坏了 物业电话13812345678")
    await new_message(tg, GROUP["id"], before, lambda m: "C-000001" in m["text"])
    before = len(await tg.messages(GROUP["id"]))
    await tg.send(GROUP, WANG, "这里有个井盖丢了 很危险")  # no place: the pin that follows gives it
    await new_message(tg, GROUP["id"], before, lambda m: "C-000002" in m["text"])
    await tg.send(GROUP, WANG, location={"latitude": 39.9087, "longitude": 116.3975})
    await new_message(tg, GROUP["id"], before, lambda m: "39.9087" in m["text"])
    await tg.send(GROUP_B, WANG, "Keyuan Rd underpass is flooded, water knee deep")
    await said(tg, SEC["id"], SEC, "/accept C-000001")


async def test_secretary_gets_xlsx_with_chinese_headers_and_a_summary(bot, tg, db) -> None:
    await _three_cases(tg)
    before = len(await tg.messages(SEC["id"]))
    await tg.send(private(SEC), SEC, "/export cases 7天")
    doc = await new_message(tg, SEC["id"], before, lambda m: m.get("document"))
    assert doc["document"]["file_name"].endswith(".xlsx") and "第二个工作表为各部门汇总" in doc["caption"]
    wb = load_workbook(io.BytesIO(await download(tg, doc["document"]["file_id"])))
    cases_ws, summary_ws = wb.worksheets
    assert cases_ws.title == "工单" and summary_ws.title == "各部门汇总"
    rows = list(cases_ws.iter_rows(values_only=True))
    header = rows[0]
    assert header[:3] == ("工单号", "上报时间", "类别") and "纬度" in header and "类别代码" in header
    body = [dict(zip(header, r)) for r in rows[1:]]
    assert [r["工单号"] for r in body] == ["C-000001", "C-000002"]  # her branch only: not Haidian's flood
    row = body[0]
    assert body[1]["纬度"] == pytest.approx(39.9087) and body[1]["经度"] == pytest.approx(116.3975)
    assert row["类别"] == "路灯照明" or row["类别代码"] == "lighting"
    assert row["状态"] == "已受理" and row["状态代码"] == "accepted" and row["责任部门"] == "城管局·市政照明"
    assert "13812345678" not in str(row["描述"]) and row["受理时间"]
    # two clocks, two columns (issue 13 B3b): the response deadline and the resolution deadline
    assert row["答复期限"] and row["办结期限"] and row["办结期限"] != row["答复期限"]
    summary = list(summary_ws.iter_rows(values_only=True))
    assert summary[0][:4] == ("责任部门", "收到工单", "按时受理", "超时")
    lighting = next(r for r in summary[1:] if r[0] == "城管局·市政照明")
    assert lighting[1:4] == (1, 1, 0) and lighting[-1] == "urban_lighting"


async def test_csv_in_english_with_coordinates_and_refusals(bot, tg, db) -> None:
    await _three_cases(tg)
    before = len(await tg.messages(SEC_B["id"]))
    await tg.send(private(SEC_B), SEC_B, "/export cases 2026-01-01 csv")
    docs = []
    for _ in range(2):
        docs.append(await new_message(tg, SEC_B["id"], before + len(docs), lambda m: m.get("document")))
    names = [d["document"]["file_name"] for d in docs]
    assert all(n.endswith(".csv") for n in names) and sum(n.endswith("-summary.csv") for n in names) == 1
    table = next(d for d in docs if not d["document"]["file_name"].endswith("-summary.csv"))
    text = (await download(tg, table["document"]["file_id"])).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["Case"] for r in rows] == ["C-000003"] and rows[0]["Status code"] == "new"
    assert rows[0]["Department"] and rows[0]["Latitude"] == ""
    assert rows[0]["Response due"] and "Resolution due" in rows[0]
    assert "Cases since 2026-01-01 (1 case)" in table["caption"]

    boss_before = len(await tg.messages(BOSS["id"]))
    await tg.send(private(BOSS), BOSS, "/export cases xlsx")
    doc = await new_message(tg, BOSS["id"], boss_before, lambda m: m.get("document"))
    wb = load_workbook(io.BytesIO(await download(tg, doc["document"]["file_id"])))
    rows = list(wb.worksheets[0].iter_rows(values_only=True))
    lat = rows[0].index("纬度")
    assert len(rows) == 4 and any(r[lat] for r in rows[1:])  # every branch; the pinned case has coordinates

    assert "私聊" in (await said(tg, GROUP, SEC, "/export cases"))["text"]
    assert "只有支部书记" in (await said(tg, LI["id"], LI, "/export cases"))["text"]
    assert "没看懂“yesterday-ish”" in (await said(tg, SEC["id"], SEC, "/export cases yesterday-ish"))["text"]  # the word named
