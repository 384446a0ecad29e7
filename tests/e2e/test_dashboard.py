"""The web dashboard in a real browser: headless Chromium from Debian's packages (/usr/bin/chromium)
driven by Playwright, against the real `sentinel web` server, the real bot on the emulator and a
real migrated database (SQLite, and PostgreSQL when configured).

Logins come through the bot (`/web` in a private chat, read back from the emulator); the map's and
the table's cases are rows written straight to the database (many, with coordinates: the point is
the aggregation); the case acted on from the web is a rider's real report, so its thread exists and
the announcement can be read from the group.
"""
from __future__ import annotations

import asyncio
import csv
import io
import os
import re
import socket
from collections.abc import AsyncIterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlalchemy import update
from sqlmodel import col, select

from bot.config import Settings, WebSettings
from bot.i18n import t
from emulator.client import EmulatorClient
from handlers.web.serve import serve
from storage.models import Branch, Case
from storage.models.web import WebToken
from tests.conftest import (BOSS, GROUP, GROUP_B, LI, SEC, SEC_B, RunningBot, private, said, session,
                            two_branches, until, with_boss)

CHROMIUM = Path("/usr/bin/chromium")
# The map screenshot for the README: written to docs/ only when asked (SENTINEL_SCREENSHOTS=docs), so
# a test run leaves the checkout as it found it.
DOCS = Path(__file__).resolve().parents[2] / "docs"
SHOTS = os.environ.get("SENTINEL_SCREENSHOTS", "")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists() and not os.environ.get("CI"),
                                reason="needs Debian's chromium (apt-get install chromium)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def settings(settings: Settings) -> Settings:
    port = _free_port()  # the bot writes links to this address before the server is up
    return with_boss(settings, web=WebSettings(port=port, public_url=f"http://127.0.0.1:{port}"))


@pytest.fixture
async def web(settings: Settings, bot: RunningBot) -> AsyncIterator[str]:
    """`sentinel web` beside the running bot, on the same database; its base URL."""
    stop, ports = asyncio.Event(), []
    task = asyncio.create_task(serve(settings, host="127.0.0.1", port=settings.web.port, stop=stop,
                                     ready=lambda s: ports.append(s.port)))
    await until(lambda: asyncio.sleep(0, ports or task.done()), timeout=60)
    if task.done():
        task.result()
    yield settings.web.base_url()
    stop.set()
    await asyncio.wait_for(task, 30)


@pytest.fixture
async def browser() -> AsyncIterator[Any]:
    from playwright.async_api import async_playwright
    async with async_playwright() as pw:
        b = await pw.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        yield b
        await b.close()


async def link_for(tg: EmulatorClient, who: dict[str, Any]) -> str:
    """`who` sends /web in private; the link the bot answers with. Looked for among all the bot says
    after it: a notice sent to `who` just before (a voice report's triage card) may come first."""
    before = len(await tg.messages(who["id"]))
    await tg.send(private(who), who, "/web")

    async def link() -> str | None:
        texts = [str(m.get("text")) for m in (await tg.messages(who["id"]))[before:]]
        return next((found[0] for text in texts if (found := _LINK.search(text))), None)
    return await until(link)


_LINK = re.compile(r"http://\S+/dash/login\?t=[\w-]+")


async def logged_in(browser: Any, tg: EmulatorClient, who: dict[str, Any]) -> Any:
    """A fresh browser context (a phone-sized one) logged in as `who`; its page."""
    context = await browser.new_context(viewport={"width": 1000, "height": 760}, accept_downloads=True)
    page = await context.new_page()
    await open_link(page, await link_for(tg, who))
    assert page.url.endswith("/dash/")
    return page


async def open_link(page: Any, link: str) -> int:
    """Opens a login link as a person does (the page, then its button); the status that answers."""
    r = await page.goto(link)
    assert r is not None and r.status == 200
    async with page.expect_navigation() as nav:
        await page.click("#open")
    return int((await nav.value).status)


async def seed(db: Any, n_cy: int = 60, n_hd: int = 20) -> dict[str, list[int]]:
    """Located cases straight into the database: a cluster in Chaoyang (cy), another in Haidian (hd).
    A third of cy's are lighting, every seventh urgent; some solved."""
    now = datetime.now(timezone.utc)
    ids: dict[str, list[int]] = {"cy": [], "hd": []}
    async with session(db) as s:
        branches = {b.code: b for b in (await s.exec(select(Branch))).all()}
        made = []
        for code, n, lat, lon, chat in (("cy", n_cy, 39.92, 116.46, GROUP["id"]), ("hd", n_hd, 39.96, 116.30,
                                                                                      GROUP_B["id"])):
            for i in range(n):
                status = "resolved" if i % 5 == 0 else "new"
                case = Case(category="lighting" if i % 3 == 0 else "road", urgency="urgent" if i % 7 == 0 else "normal",
                            status=status, text=f"{code} 测试路灯 {i} 电话13812345678", location=f"{code}路{i}号",
                            lat=lat + ((i * 37) % 23 - 11) * 0.0012 * (1 + i % 3) / 2,
                            lon=lon + ((i * 53) % 29 - 14) * 0.0012 * (1 + i % 2) / 2, reporter_id=LI["id"], chat_id=chat,
                            branch_id=branches[code].id, department="urban_lighting" if i % 3 == 0 else "roads",
                            created_at=now - timedelta(days=i % 20, hours=1), updated_at=now,
                            due_at=now + timedelta(days=1), fix_due_at=now + timedelta(days=5),
                            responded_at=now - timedelta(days=i % 20) if status == "resolved" else None,
                            resolved_at=now - timedelta(days=i % 20) + timedelta(hours=5) if status == "resolved" else None)
                s.add(case)
                made.append((code, case))
        await s.commit()
        for code, case in made:
            ids[code].append(case.id)
    return ids


async def bound(tg: EmulatorClient, db: Any) -> None:
    await two_branches(tg, LI)

    async def ready() -> bool:
        async with session(db) as s:
            return len((await s.exec(select(Branch))).all()) == 2
    await until(ready)


# --- login ---------------------------------------------------------------------------------------
async def test_login_link_opens_once_and_expires(web: str, tg: EmulatorClient, db: Any, browser: Any) -> None:
    await bound(tg, db)
    await seed(db, 10, 5)
    anon = await browser.new_context()
    page = await anon.new_page()
    r = await page.goto(f"{web}/dash/")  # no session: log in through the bot
    assert r is not None and r.status == 401 and "/web" in await page.inner_text("#message")

    link = await link_for(tg, SEC)
    async with aiohttp.ClientSession() as http:  # a link preview fetching the URL does not spend it
        async with http.get(link) as resp:
            assert resp.status == 200 and "sentinel_session" not in resp.cookies
    context = await browser.new_context()
    page = await context.new_page()
    assert await open_link(page, link) == 200
    assert await page.inner_text("#count-total") == "10"  # cy's cases only
    cookie = next(c for c in await context.cookies() if c["name"] == "sentinel_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax" and not cookie["secure"]  # http here

    again = await (await browser.new_context()).new_page()  # the same link, used: refused on sight
    r = await again.goto(link)
    assert r is not None and r.status == 403 and await again.locator("#open").count() == 0
    assert "/web" in await again.inner_text("#message")
    r = await again.goto(f"{web}/dash/cases")
    assert r is not None and r.status == 401

    late = await link_for(tg, BOSS)  # expired before it was opened
    async with session(db) as s:
        await s.exec(update(WebToken).where(col(WebToken.kind) == "login", col(WebToken.used_at).is_(None))
                     .values(expires_at=datetime.now(timezone.utc) - timedelta(seconds=1)))
        await s.commit()
    r = await again.goto(late)
    assert r is not None and r.status == 403 and await again.locator("#open").count() == 0
    r = await again.goto(f"{web}/dash/login?t=")  # no token at all
    assert r is not None and r.status == 403 and await again.locator("#open").count() == 0

    rider = await said(tg, LI["id"], LI, "/web")  # a rider has no dashboard
    assert "/dash/login" not in str(rider.get("text"))
    async with session(db) as s:
        assert not (await s.exec(select(WebToken).where(WebToken.user_id == LI["id"]))).all()

    # a form without the session's CSRF token is refused, and logging out ends the session
    async with aiohttp.ClientSession(cookies={"sentinel_session": "forged"}) as http:
        async with http.post(f"{web}/dash/logout", data={"csrf": "x"}, allow_redirects=False) as resp:
            assert resp.status == 401
    await page.click("text=退出")
    r = await page.goto(f"{web}/dash/")
    assert r is not None and r.status == 401


# --- scope ---------------------------------------------------------------------------------------
async def test_secretary_sees_only_their_branch(web: str, tg: EmulatorClient, db: Any, browser: Any) -> None:
    await bound(tg, db)
    ids = await seed(db, 12, 6)
    page = await logged_in(browser, tg, SEC)
    own, other = f"C-{ids['cy'][1]:06d}", f"C-{ids['hd'][1]:06d}"
    r = await page.goto(f"{web}/dash/cases/{own}")
    assert r is not None and r.status == 200 and "13812345678" not in await page.content()  # masked
    assert "138****5678" in await page.inner_text("#case-text")
    r = await page.goto(f"{web}/dash/cases/{other}")
    assert r is not None and r.status == 404
    hd_page = await page.content()
    r = await page.goto(f"{web}/dash/cases/C-999999")  # the same reading as a case nobody reported
    assert r is not None and r.status == 404 and await page.content() == hd_page.replace(other, "C-999999")
    for number, status in ((own, 200), (other, 404), ("C-999999", 404)):
        r = await page.goto(f"{web}/dash/api/cases/{number}.json")
        assert r is not None and r.status == status
    body = await (await page.goto(f"{web}/dash/api/cases/{other}.json")).json()  # type: ignore[union-attr]
    assert "hd" not in str(body) and other not in str(body)
    maps = await (await page.goto(f"{web}/dash/api/map.json")).json()  # type: ignore[union-attr]
    assert sum(h[3] for h in maps["heat"]) == 12 and maps["located"] == 12
    # acting on another branch's case is a 404 too, and changes nothing
    csrf = await (await page.goto(f"{web}/dash/cases/{own}")).text()  # type: ignore[union-attr]
    token = re.search(r'name="csrf" value="([^"]+)"', csrf)
    assert token
    r = await page.request.post(f"{web}/dash/cases/{other}/act", form={"csrf": token.group(1), "action": "accept"})
    assert r.status == 404
    async with session(db) as s:
        assert (await s.get(Case, ids["hd"][1])).status == "new"  # type: ignore[union-attr]

    # needs and participation: the branch's urgent open cases and its groups' lessons, nobody else's
    r = await page.goto(f"{web}/dash/needs")
    assert r is not None and r.status == 200
    urgent = await page.locator("#urgent li").all_inner_texts()
    assert len(urgent) == sum(1 for i in range(12) if i % 7 == 0 and i % 5 != 0) == 1  # as seeded
    assert f"C-{ids['cy'][7]:06d}" in urgent[0] and "13812345678" not in await page.content()
    lessons = await page.inner_text("#lessons")
    assert GROUP["title"] in lessons and GROUP_B["title"] not in lessons


# --- the map -------------------------------------------------------------------------------------
async def test_map_draws_markers_and_heat_and_filters(web: str, tg: EmulatorClient, db: Any, browser: Any,
                                                      tmp_path: Path) -> None:
    await bound(tg, db)
    await seed(db, 60, 20)
    page = await logged_in(browser, tg, BOSS)  # everything
    await page.locator("#trend[data-drawn='1']").wait_for()  # the overview's chart (vendored Chart.js)
    assert await page.inner_text("#count-total") == "80"
    assert await page.inner_text("#count-solved") == str(12 + 4)
    rows = await page.locator("#by-category tbody tr").all_inner_texts()
    assert len(rows) == 2 and any(t("zh", "cat-lighting") in r for r in rows)
    await page.goto(f"{web}/dash/map")
    mapped = page.locator("#map[data-ready='1']")
    await mapped.wait_for(timeout=15000)
    markers, heat = int(await mapped.get_attribute("data-markers") or 0), int(await mapped.get_attribute("data-heat") or 0)
    assert markers == 80 and 0 < heat <= 80
    urgent_open = sum(1 for n in (60, 20) for i in range(n) if i % 7 == 0 and i % 5 != 0)  # as seeded
    assert int(await mapped.get_attribute("data-urgent") or 0) == urgent_open == 9
    assert await page.locator("canvas.leaflet-heatmap-layer").count() == 1
    assert await page.locator(".leaflet-control-scale").count() == 1  # no tiles: a plain map with a scale
    await page.wait_for_timeout(400)
    shot = (DOCS if SHOTS == "docs" else tmp_path) / "dashboard-map.png"
    await page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000  # a drawn map, not an empty page

    await page.select_option("select[name=category]", "lighting")  # a filter
    await page.click("#apply")
    await page.locator("#map[data-ready='1']").wait_for()
    await until(lambda: page.evaluate("document.getElementById('map').dataset.markers === '27'"), timeout=10)

    await page.goto(f"{web}/dash/cases?status=resolved")  # the table's filter
    statuses = await page.locator("#cases tbody td.st").all_inner_texts()
    assert len(statuses) == 16 and set(statuses) == {t("zh", "case-status-resolved")}
    assert "共 16 个工单" in await page.inner_text("#cases-total")


# --- the overview's filters: a plain GET form ------------------------------------------------------
async def test_overview_filter_form_without_javascript_on_a_phone(web: str, tg: EmulatorClient, db: Any,
                                                                  browser: Any) -> None:
    await bound(tg, db)
    await seed(db, 60, 20)
    context = await browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 800})
    page = await context.new_page()
    assert await open_link(page, await link_for(tg, BOSS)) == 200
    assert await page.inner_text("#count-total") == "80"
    await page.select_option("#filters select[name=category]", "lighting")
    async with page.expect_navigation():
        await page.click("#apply")
    assert "category=lighting" in page.url and "days=30" in page.url
    assert await page.inner_text("#count-total") == "27"  # a third of cy's 60 and of hd's 20, as seeded
    assert len(await page.locator("#by-category tbody tr").all_inner_texts()) == 1
    assert await page.locator("#filters select[name=category]").input_value() == "lighting"  # the form keeps it
    await page.click("#days-90")  # the trend's links keep the filter
    assert "category=lighting" in page.url and "days=90" in page.url
    assert await page.inner_text("#count-total") == "27"
    async with page.expect_navigation():  # and the form keeps the trend's window
        await page.select_option("#filters select[name=category]", "road")
        await page.select_option("#filters select[name=department]", "urban_lighting")
        await page.click("#apply")
    assert "department=urban_lighting" in page.url and "days=90" in page.url and "category=road" in page.url
    assert await page.inner_text("#count-total") == "0"  # the seeded road cases are the roads department's
    async with page.expect_navigation():
        await page.select_option("#filters select[name=category]", "")
        await page.click("#apply")
    assert await page.inner_text("#count-total") == "27"
    assert len(await page.locator("#by-department tbody tr").all_inner_texts()) == 1
    box = await page.locator("#filters").bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390  # fits a phone's width
    await page.click("#clear-filters")
    assert await page.inner_text("#count-total") == "80" and "department" not in page.url
    await page.goto(f"{web}/dash/lang/en?next=/dash/%3Fstatus%3Dresolved")  # English, and a status
    assert await page.inner_text("#count-total") == "16"
    assert t("en", "web-filter-department-any") in await page.inner_text("#filters")


# --- a case action on the web, heard in the chat -------------------------------------------------------
async def test_case_action_on_the_web_is_announced_in_the_group(web: str, tg: EmulatorClient, db: Any,
                                                                   browser: Any) -> None:
    await bound(tg, db)
    report = await tg.send(GROUP, LI, "光华路和东三环路口的路灯坏了，晚上很黑")
    await tg.wait(GROUP["id"], 2)  # the bind answer, then the registration
    async with session(db) as s:
        case = (await s.exec(select(Case))).one()
    number = f"C-{case.id:06d}"
    before = len(await tg.messages(GROUP["id"]))
    page = await logged_in(browser, tg, SEC)
    await page.goto(f"{web}/dash/cases/{number}")
    await page.click("#do-accept")
    await page.locator("#done").wait_for()
    assert await page.inner_text("#case-status") == t("zh", "case-status-accepted")
    msgs = await tg.wait(GROUP["id"], before + 1)
    accepted = msgs[before]  # as a chat /accept is: a reply to the rider's report in the group
    assert number in str(accepted["text"]) and "已受理" in accepted["text"]
    assert accepted["reply_to_message_id"] == report["message_id"]
    async with session(db) as s:
        assert (await s.get(Case, case.id)).status == "accepted"  # type: ignore[union-attr]

    await page.fill("#act-text", "已修好")  # a note, through the same form
    await page.click("#do-note")
    await page.locator("#done").wait_for()
    msgs = await tg.wait(GROUP["id"], before + 2)
    assert "已修好" in str(msgs[before + 1].get("text"))
    before_refusal = len(await tg.messages(GROUP["id"]))
    await page.click("#do-resolve")  # no note: the service's own refusal, shown on the page
    assert t("zh", "case-err-note-required") in await page.locator("#error").inner_text()
    async with session(db) as s:
        assert (await s.get(Case, case.id)).status == "accepted"  # type: ignore[union-attr]
    assert len(await tg.messages(GROUP["id"])) == before_refusal  # nothing announced


# --- exports ------------------------------------------------------------------------------------------
async def test_export_download(web: str, tg: EmulatorClient, db: Any, browser: Any) -> None:
    await bound(tg, db)
    ids = await seed(db, 8, 4)
    page = await logged_in(browser, tg, SEC_B)
    await page.goto(f"{web}/dash/exports")
    async with page.expect_download() as info:
        await page.click("#export-csv")
    download = await info.value
    assert download.suggested_filename.endswith(".csv")
    text = Path(await download.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    numbers = {r[0] for r in rows[1:]}
    assert numbers == {f"C-{i:06d}" for i in ids["hd"]}  # hd's cases, none of cy's
    assert "13812345678" not in text
    async with page.expect_download() as info:
        await page.click("#export-xlsx")
    assert (await info.value).suggested_filename.endswith(".xlsx")
    assert private(SEC_B)["id"] == SEC_B["id"]
