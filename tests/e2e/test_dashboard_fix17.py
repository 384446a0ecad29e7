# ruff: noqa: F811  (the fixtures imported from test_dashboard are parameters here)
"""Issue 17's outside tester, on the web dashboard, in a real browser (Debian's Chromium, Playwright)
against the real `sentinel web`, the real bot on the emulator and a real database (SQLite and PG).

Each test reproduces one kind of fault the tester found: ID numbers with a wrong check digit shown in
full, a declined transfer marking a case accepted, a page 1755 px wide on a phone, a department shown
by its code, exports offered to people they are refused to, leaderboards with "None" or "暂无", pages
before login always in Chinese.
"""
from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlmodel import select

from bot.config import Settings, WebSettings
from bot.i18n import t
from emulator.client import EmulatorClient
from storage.models import Branch, Case
from storage.models.points import PointsAccount, PointsEntry
from tests.conftest import BOSS, GROUP, LI, SEC, SEC_B, private, said, session, with_boss
from tests.e2e.test_dashboard import (_free_port, bound, browser, link_for, logged_in, open_link,  # noqa: F401
                                      web)
from tests.factories import read_case

WATER = {"id": 703, "first_name": "Wang", "language_code": "en"}  # a member of water_authority, in English
LONG_URL = "https://example.com/" + "a" * 180
BAD_IDS = ("身份证110101199003077777", "我身份证11010119900307777X")  # check digits that do not validate


@pytest.fixture
def settings(settings: Settings) -> Settings:
    port = _free_port()
    return with_boss(settings, web=WebSettings(port=port, public_url=f"http://127.0.0.1:{port}"))


async def _branch_id(db: Any, code: str) -> int:
    async with session(db) as s:
        return int((await s.exec(select(Branch).where(Branch.code == code))).one().id or 0)


async def _case(db: Any, text: str, location: str, department: str = "water_authority") -> int:
    """A case written straight to the database, in branch cy."""
    now = datetime.now(timezone.utc)
    async with session(db) as s:
        case = Case(category="water", urgency="normal", status="new", text=text, location=location,
                    reporter_id=LI["id"], chat_id=GROUP["id"], branch_id=await _branch_id(db, "cy"),
                    department=department, created_at=now, updated_at=now, due_at=now + timedelta(days=1),
                    fix_due_at=now + timedelta(days=5))
        s.add(case)
        await s.commit()
        return int(case.id or 0)


# --- #1: ID numbers after an ID cue, whatever their check digit; #5: a long word on a phone ---------
async def test_cued_id_numbers_are_masked_everywhere_and_long_words_wrap_on_a_phone(
        web: str, tg: EmulatorClient, db: Any, browser: Any) -> None:
    await bound(tg, db)
    cid = await _case(db, f"积水很深 {BAD_IDS[0]}，{BAD_IDS[1]} 见 {LONG_URL}", f"幸福路 {LONG_URL}")
    number = f"C-{cid:06d}"
    context = await browser.new_context(viewport={"width": 390, "height": 800}, accept_downloads=True)
    page = await context.new_page()
    await open_link(page, await link_for(tg, SEC))
    for path in ("/dash/cases", f"/dash/cases/{number}", f"/dash/api/cases/{number}.json"):
        r = await page.goto(f"{web}{path}")
        assert r is not None and r.status == 200
        body = await page.content()
        for raw in ("110101199003077777", "11010119900307777X", "1199003077"):
            assert raw not in body, (path, raw)
    await page.goto(f"{web}/dash/cases/{number}")
    assert "110" in await page.inner_text("#case-text") and "*" in await page.inner_text("#case-text")
    width = await page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, width  # was 1755 px: the URL did not wrap
    await page.goto(f"{web}/dash/cases")  # #21: the status shows on a phone before the table scrolls
    box = await page.locator("#cases tbody td.st").first.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 390, box
    await page.goto(f"{web}/dash/exports")
    async with page.expect_download() as info:
        await page.click("#export-csv")
    text = Path(await (await info.value).path()).read_text(encoding="utf-8-sig")
    assert number in text and "1199003077" not in text
    await page.fill("input[name=since]", "2025-01-02")  # #19: the summary follows the chosen date
    async with page.expect_download() as info:
        await page.click("#export-summary")
    assert (await info.value).suggested_filename.startswith("cases-20250102-")


# --- #22 on the web: a declined transfer goes back to where it was ---------------------------------
async def test_a_transfer_declined_on_the_web_leaves_the_case_new(web: str, tg: EmulatorClient, db: Any,
                                                                   browser: Any) -> None:
    await bound(tg, db)
    await tg.send(GROUP, LI, "光华路和东三环路口的路灯坏了，晚上很黑")
    await tg.wait(GROUP["id"], 2)
    case = await read_case(db)
    assert case.status == "new"
    number = f"C-{case.id:06d}"
    page = await logged_in(browser, tg, SEC)
    await page.goto(f"{web}/dash/cases/{number}")
    await page.fill("#act-text", "road_maintenance")
    await page.click("#do-transfer_request")
    await page.locator("#done").wait_for()
    assert await page.inner_text("#case-status") == t("zh", "case-status-transferred")
    await page.fill("#act-text", "不是道路问题")
    await page.click("#do-transfer_decline")
    await page.locator("#done").wait_for()
    assert await page.inner_text("#case-status") == t("zh", "case-status-new")  # not 已受理: nobody accepted
    case = await read_case(db)
    assert (case.status, case.pending_department, case.responded_at) == ("new", None, None)
    assert await page.locator("#do-accept").count() == 1  # it can still be accepted


# --- #4, #8: a department member's header and exports ----------------------------------------------
async def test_department_member_sees_department_names_and_no_exports(web: str, tg: EmulatorClient, db: Any,
                                                                        browser: Any) -> None:
    await bound(tg, db)
    await tg.send(private(WATER), WATER, "/start")
    await tg.wait(WATER["id"], 1)
    await said(tg, BOSS["id"], BOSS, f"/grant {WATER['id']} dept water_authority")
    await _case(db, "井盖下水道冒水", "幸福路")
    page = await logged_in(browser, tg, WATER)
    header = await page.inner_text("header.top")
    assert "Water authority" in header and "water_authority" not in header
    assert await page.locator("a[href='/dash/exports']").count() == 0
    r = await page.goto(f"{web}/dash/exports")
    assert r is not None and r.status == 403 and await page.locator("#export-csv").count() == 0
    await page.goto(f"{web}/dash/lang/zh?next=/dash/")
    assert "水务局" in await page.inner_text("header.top")
    secretary = await logged_in(browser, tg, SEC)  # who may export still sees it
    assert await secretary.locator("a[href='/dash/exports']").count() == 1


# --- #3, #9: the leaderboard names nobody who chose /privacy; the superadmin sees every branch ------
async def test_leaderboard_anonymous_label_and_superadmin_boards(web: str, tg: EmulatorClient, db: Any,
                                                                  browser: Any) -> None:
    await bound(tg, db)
    cy, hd = await _branch_id(db, "cy"), await _branch_id(db, "hd")
    now = datetime.now(timezone.utc)
    async with session(db) as s:
        s.add(PointsEntry(user_id=LI["id"], rule="report_verified", points=30, source_key="t17:1", branch_id=cy,
                          created_at=now))
        s.add(PointsEntry(user_id=SEC_B["id"], rule="report_verified", points=20, source_key="t17:2", branch_id=hd,
                          created_at=now))
        s.add(PointsAccount(user_id=LI["id"], balance=30, entries=1, hide_name=True))
        await s.commit()
    page = await logged_in(browser, tg, SEC)
    await page.goto(f"{web}/dash/needs")
    board = await page.inner_text("#leaderboard")
    assert "None" not in board and t("zh", "points-anonymous") in board and "李师傅" not in board
    boss = await logged_in(browser, tg, BOSS)
    await boss.goto(f"{web}/dash/needs")
    board = await boss.inner_text("#leaderboard")
    assert "朝阳支部" in board and "Haidian" in board  # one board per branch, each named
    assert t("zh", "points-anonymous") in board and "Sec B · 20" in board


# --- #7: the pages before login and after logout speak the user's or the browser's language --------
async def test_pages_before_login_and_after_logout_follow_the_language(web: str, tg: EmulatorClient, db: Any,
                                                                       browser: Any) -> None:
    await bound(tg, db)
    english = await browser.new_context(locale="en-GB", extra_http_headers={"Accept-Language": "en-GB,en;q=0.9"})
    page = await english.new_page()
    r = await page.goto(f"{web}/dash/")
    assert r is not None and r.status == 401
    assert await page.inner_text("#message") == t("en", "web-login-needed")
    chinese = await (await browser.new_context(extra_http_headers={"Accept-Language": "zh-CN,zh;q=0.9"})).new_page()
    await chinese.goto(f"{web}/dash/")
    assert await chinese.inner_text("#message") == t("zh", "web-login-needed")

    link = await link_for(tg, SEC_B)  # an English-speaking secretary, in a Chinese browser
    page = await (await browser.new_context(extra_http_headers={"Accept-Language": "zh-CN"})).new_page()
    await page.goto(link)
    assert await page.inner_text("#open") == t("en", "web-login-button")
    async with page.expect_navigation():
        await page.click("#open")
    await page.click(f"text={t('en', 'web-nav-logout')}")
    await page.wait_for_url("**/dash/bye")
    assert await page.inner_text("#message") == t("en", "web-login-needed")
    async with aiohttp.ClientSession() as http:  # and the JSON 401 too
        async with http.get(f"{web}/dash/api/overview.json", headers={"Accept-Language": "en"}) as resp:
            assert resp.status == 401 and "log in" in json.loads(await resp.text())["error"]


# --- #16, #15: assigning on the web: the same department refused, the timeline names the new one ---
async def test_assign_on_the_web_same_department_refused_and_named_in_the_timeline(
        web: str, tg: EmulatorClient, db: Any, browser: Any) -> None:
    await bound(tg, db)
    await tg.send(GROUP, LI, "光华路和东三环路口的路灯坏了，晚上很黑")
    await tg.wait(GROUP["id"], 2)
    number = f"C-{(await read_case(db)).id:06d}"
    page = await logged_in(browser, tg, SEC)
    await page.goto(f"{web}/dash/cases/{number}")
    before = len(await tg.messages(GROUP["id"]))
    await page.fill("#act-text", "城管局·市政照明")  # its own department
    await page.click("#do-assign")
    error = await page.locator("#error").inner_text()
    assert "城管局·市政照明" in error and "无需重复指派" in error
    assert t("zh", "ev-assigned") not in await page.inner_text("#timeline")  # no line for nothing
    await page.fill("#act-text", "气象局")  # no such department: web wording, no chat command
    await page.click("#do-assign")
    error = await page.locator("#error").inner_text()
    assert "气象局" in error and "/assign" not in error
    await page.fill("#act-text", "住建局·市政道路")
    await page.click("#do-assign")
    await page.locator("#done").wait_for()
    timeline = await page.inner_text("#timeline")
    assert t("zh", "ev-assigned") in timeline and "住建局·市政道路" in timeline
    assert len(await tg.wait(GROUP["id"], before + 1)) == before + 1


# --- #14, #17, #18: a refused action keeps the note and survives a reload; a huge upload; addresses --
async def test_refusals_redirect_back_with_the_note_and_wrong_addresses_are_styled(
        web: str, tg: EmulatorClient, db: Any, browser: Any) -> None:
    await bound(tg, db)
    await tg.send(GROUP, LI, "光华路和东三环路口的路灯坏了，晚上很黑")
    await tg.wait(GROUP["id"], 2)
    number = f"C-{(await read_case(db)).id:06d}"
    page = await logged_in(browser, tg, SEC)
    await page.goto(f"{web}/dash/cases/{number}")
    await page.fill("#act-text", "气象局 请尽快处理")
    await page.click("#do-assign")  # refused: no such department
    assert await page.locator("#error").count() == 1
    assert page.url.endswith(f"/dash/cases/{number}")  # POST-redirect-GET: the case page's own address
    assert await page.input_value("#act-text") == "气象局 请尽快处理"  # the typed text is kept
    r = await page.reload()
    assert r is not None and r.status == 200 and await page.locator("#error").count() == 0  # shown once
    r = await page.goto(f"{web}/dash/cases/{number}/act")  # the old error page's address, reloaded
    assert r is not None and r.status == 200 and page.url.endswith(f"/dash/cases/{number}")

    html = await page.content()  # an upload far past the limit: the case page says why, not a bare 413
    token = re.search(r'name="csrf" value="([^"]+)"', html)
    assert token
    r2 = await page.request.post(f"{web}/dash/cases/{number}/act", multipart={
        "csrf": token.group(1), "action": "resolve", "text": "x",
        "photo": {"name": "big.jpg", "mimeType": "image/jpeg", "buffer": b"\xff\xd8\xff\xe0" + bytes(25 * 2**20)}})
    assert r2.status == 200 and "/dash/cases/" in r2.url
    assert t("zh", "web-photo-too-big", mb=10) in await r2.text()

    r = await page.goto(f"{web}/dash/cases?page=99999")  # clamped to the last page
    assert r is not None and r.status == 200
    assert "99999" not in await page.inner_text("main")
    for wrong, right in (("/dash", "/dash/"), ("/dash/cases/", "/dash/cases")):
        r = await page.goto(f"{web}{wrong}")
        assert r is not None and r.status == 200 and page.url == f"{web}{right}"
    r = await page.goto(f"{web}/dash/nowhere")
    assert r is not None and r.status == 404
    assert await page.inner_text("#message") == t("zh", "web-page-not-found")
    en = await (await browser.new_context(extra_http_headers={"Accept-Language": "en"})).new_page()
    r = await en.goto(f"{web}/dash/nowhere")
    assert r is not None and r.status == 404 and await en.inner_text("#message") == t("en", "web-page-not-found")
