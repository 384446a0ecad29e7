# ruff: noqa: F811  (the fixtures imported from test_dashboard_trial are parameters here)
"""An outsider's trial of the dashboard over real HTTP (aiohttp's client, logged in through the bot's
`/web` link) against the real `sentinel web` beside the real bot on the emulator and a migrated
database (SQLite, and PostgreSQL when configured). Each test is one kind of fault they found:
control characters from the address or a form reaching PostgreSQL (a 500 there), a fault answered
with aiohttp's bare English 500, and redirects built from the address that could not be sent.
"""
from __future__ import annotations

import base64
import html
import json
import os
import re
from datetime import date, datetime, timedelta, timezone
from typing import Any

import aiohttp
import pytest
from sqlalchemy import delete
from sqlmodel import col, select
from yarl import URL

from bot.i18n import t
from bot.services.dashboard import DashboardService
from emulator.client import EmulatorClient
from storage.models import Branch, Case, CaseEvent, User
from storage.models.points import PointsEntry
from storage.models.web import WebToken
from tests.conftest import BOSS, GROUP, LI, SEC, said, session, until
from tests.e2e.test_dashboard import CHROMIUM, bound, browser, logged_in, web  # noqa: F401
from tests.e2e.test_dashboard_trial import log_in, settings  # noqa: F401
from tests.e2e.test_open311_trial import HOME_PIN, chat_case
from tests.e2e.test_telegram_real import emu


async def _csrf(http: aiohttp.ClientSession, web: str, number: str) -> str:
    async with http.get(f"{web}/dash/cases/{number}") as r:
        found = re.search(r'name="csrf" value="([^"]+)"', await r.text())
    assert found, number
    return found.group(1)


async def test_control_characters_in_a_filter_or_a_note_are_dropped_not_a_500(
        web: str, tg: EmulatorClient, db: Any, http: aiohttp.ClientSession) -> None:
    """`?department=%00` and a note with a NUL in it: PostgreSQL refuses a NUL in text, and both
    were a bare 500 there (SQLite took them)."""
    await bound(tg, db)
    number = f"C-{await chat_case(db, '路面塌陷'):06d}"
    await log_in(http, tg, web)
    for path in ("/dash/cases?department=%00", "/dash/?department=a%00b", "/dash/api/overview.json?department=%00",
                 "/dash/api/map.json?department=%00&status=new%00", "/dash/needs?days=%00"):
        async with http.get(URL(f"{web}{path}", encoded=True)) as r:
            assert r.status == 200, (path, r.status, (await r.text())[:200])
    async with http.get(URL(f"{web}/dash/api/overview.json?status=new%00", encoded=True)) as r:
        assert (await r.json())["total"]["total"] == 1  # the filter read as typed without it
    csrf = await _csrf(http, web, number)
    async with http.post(f"{web}/dash/cases/{number}/act", data={"csrf": csrf, "action": "note",
                                                                  "text": "已到\x00现场\x07查看"},
                         allow_redirects=False) as r:
        assert r.status == 303 and r.headers["Location"].endswith("?done=1"), (r.status, await r.text())
    async with session(db) as s:
        notes = [e.note for e in (await s.exec(select(CaseEvent))).all()]
    assert "已到现场查看" in notes, notes


async def test_an_unforeseen_fault_is_answered_in_the_users_language(
        web: str, tg: EmulatorClient, db: Any, http: aiohttp.ClientSession, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fault nobody foresaw was aiohttp's '500 Internal Server Error / Server got itself in
    trouble', in English, as plain text even under /dash/api/; and a flash cookie of a shape the
    server never writes made the case page such a 500."""
    await bound(tg, db)
    number = f"C-{await chat_case(db, '路面塌陷'):06d}"
    await log_in(http, tg, web)

    async def broken(*_: Any, **__: Any) -> Any:
        raise RuntimeError("the database went away")
    monkeypatch.setattr(DashboardService, "overview", broken)
    async with http.get(f"{web}/dash/") as r:
        body = await r.text()
        assert r.status == 500 and r.content_type == "text/html", (r.status, body[:200])
        assert t("zh", "web-error") in body and "Server got itself in trouble" not in body
        assert r.headers["Cache-Control"] == "no-store"  # still a dashboard answer
    async with http.get(f"{web}/dash/api/overview.json") as r:
        assert r.status == 500 and (await r.json()) == {"error": t("zh", "web-error")}
    async with http.get(f"{web}/dash/lang/en?next=/dash/") as r:  # the page follows the language chosen
        assert r.status == 500 and t("en", "web-error") in await r.text()

    for flash in ({"key": "case-err-illegal", "params": "x"}, {"key": ["x"]}, {"key": "case-err-illegal", "note": 5}):
        cookie = base64.urlsafe_b64encode(json.dumps(flash).encode()).decode()
        async with http.get(f"{web}/dash/cases/{number}", headers={"Cookie": f"sentinel_flash={cookie}"}) as r:
            assert r.status == 200, (flash, r.status)


async def test_redirects_built_from_the_address_are_sent(web: str, tg: EmulatorClient, db: Any,
                                                         http: aiohttp.ClientSession) -> None:
    """`/dash/lang/en?next=/dash/%0d%0a…` and a refused action on `/dash/cases/1%0a/act` put a line
    break in the Location header: aiohttp refused to send it and the client saw the connection drop."""
    await bound(tg, db)
    number = f"C-{await chat_case(db, '路面塌陷'):06d}"
    await log_in(http, tg, web)
    for query, where in (("next=/dash/%0d%0aSet-Cookie:%20x=1", "/dash/Set-Cookie:%20x=1"),
                         ("next=/dash/cases%0a", "/dash/cases"), ("next=http://evil.example/dash/", "/dash/"),
                         ("next=//evil.example/dash/", "/dash/"), ("next=/dash/%E5%9C%B0%E5%9B%BE", "/dash/%E5%9C%B0%E5%9B%BE")):
        async with http.get(URL(f"{web}/dash/lang/en?{query}", encoded=True), allow_redirects=False) as r:
            assert r.status == 303 and r.headers["Location"] == where, (query, r.status, r.headers.get("Location"))
            assert "x" not in r.cookies
    csrf = await _csrf(http, web, number)
    for path, where in (("1%0a", f"/dash/cases/{number}"), ("x%0d%0ay", "/dash/cases/x%0D%0Ay")):
        async with http.post(URL(f"{web}/dash/cases/{path}/act", encoded=True),
                             data={"csrf": csrf, "action": "explode"}, allow_redirects=False) as r:
            assert r.status == 303 and r.headers["Location"] == where, (path, r.status, r.headers.get("Location"))


async def test_an_edit_cut_for_the_timeline_never_shows_part_of_an_id_number(
        web: str, tg: EmulatorClient, db: Any, http: aiohttp.ClientSession) -> None:
    """A report edited to a long text: its timeline note is the text cut at 200 characters, and the
    cut went through an ID number; the part left ('身份证1101011') is no longer recognised, and the
    case page (and the chat's case card) showed its digits where the whole would have been masked."""
    await bound(tg, db)
    lamp = "幸福小区3号门的路灯坏了 晚上黑乎乎的"
    sent = await tg.send(GROUP, LI, lamp)
    await until(lambda: _said(tg, GROUP["id"], "C-000001"))
    edited = (lamp + "，" + "请尽快修理一下" * 30)[:190] + "身份证110101199003074514 有事联系我"
    await emu(tg, "edit", chat_id=GROUP["id"], message_id=sent["message_id"], text=edited)

    async def logged() -> list[str]:
        async with session(db) as s:
            return [e.note or "" for e in (await s.exec(select(CaseEvent))).all() if e.kind == "edited"]
    notes = await until(logged)
    await log_in(http, tg, web)
    for path in ("/dash/api/cases/C-000001.json", "/dash/cases/C-000001"):
        async with http.get(f"{web}{path}") as r:
            body = await r.text()
        assert r.status == 200 and "1101011" not in body and "19900307" not in body, path
    assert notes[0].startswith(lamp) and len(notes[0]) <= 200 and "1101011" not in notes[0], notes


async def _said(tg: EmulatorClient, chat_id: int, needle: str) -> bool:
    return any(needle in str(m.get("text") or "") for m in await tg.messages(chat_id))


async def test_a_home_without_a_marker_is_not_told_to_zoom_in_for(web: str, tg: EmulatorClient, db: Any,
                                                                  http: aiohttp.ClientSession) -> None:
    """A case at the reporter's home has no marker (bot.privacy), at any zoom; the map said
    'truncated' for it ('1 located, 0 shown as markers; zoom in for more'), which no zoom fulfils."""
    await bound(tg, db)
    await chat_case(db, "我住光明里3单元502，楼下路灯坏了", location="光明里3单元502", pin=HOME_PIN)
    await log_in(http, tg, web)
    for query in ("", "?zoom=18", "?bbox=39.9,116.4,39.95,116.5&zoom=18"):
        async with http.get(f"{web}/dash/api/map.json{query}") as r:
            got = await r.json()
        assert (got["located"], got["markers"], got["truncated"]) == (1, [], False), (query, got)


@pytest.mark.skipif(not CHROMIUM.exists() and not os.environ.get("CI"),
                    reason="needs Debian's chromium (apt-get install chromium)")
async def test_the_map_says_when_its_data_is_refused(web: str, tg: EmulatorClient, db: Any, browser: Any) -> None:
    """In a real browser: the session ends while the map is open; the next view's data is a 401
    ({"error": "请先登录…"}), and the map stayed as it was, silently, with nothing under it to say why."""
    await bound(tg, db)
    await chat_case(db, "路面塌陷", pin=(39.92, 116.46))
    page = await logged_in(browser, tg, SEC)
    await page.goto(f"{web}/dash/map")
    await page.locator("#map[data-ready='1']").wait_for(timeout=15000)
    async with session(db) as s:  # the session ends (12 hours on, or logged out elsewhere)
        await s.exec(delete(WebToken).where(col(WebToken.kind) == "session"))
        await s.commit()
    await page.click(".leaflet-control-zoom-out")  # a new view: its data is asked for
    await page.locator("#map[data-ready='error']").wait_for(timeout=15000)
    # no session any more: the refusal speaks the browser's language (headless Chromium's en-US)
    assert await page.inner_text("#map-note") == t("en", "web-login-needed")
    assert await page.locator("#map-note.error").count() == 1


@pytest.mark.parametrize("personal, gone, kept", [
    ("卡号6222021234567890123", "0212345678", "6222"),  # a card number whose Luhn digit is wrong
    ("电话一三八一二三四五六七八", "一二三四", "138****5678"),  # a mobile in Chinese digits
])
async def test_personal_numbers_the_negative_list_missed_are_masked(
        web: str, tg: EmulatorClient, db: Any, http: aiohttp.ClientSession, personal: str, gone: str,
        kept: str) -> None:
    """'卡号6222021234567890123' (its Luhn digit wrong, so taken for an order number) and a mobile
    read out in Chinese digits, in a rider's report: the case page, the table and the export showed
    them in full."""
    await bound(tg, db)
    await tg.send(GROUP, LI, f"建国路88号积水很深，电动车过不去 {personal}")
    await until(lambda: _said(tg, GROUP["id"], "C-000001"))
    await log_in(http, tg, web)
    for path in ("/dash/api/cases/C-000001.json", "/dash/cases/C-000001", "/dash/cases", "/dash/exports/cases.csv"):
        async with http.get(f"{web}{path}") as r:
            body = (await r.read()).decode()
        assert r.status == 200 and gone not in body and kept in body, (path, personal)


async def test_an_oversized_form_or_an_assets_folder_is_answered_as_a_page(
        web: str, tg: EmulatorClient, db: Any, http: aiohttp.ClientSession) -> None:
    """A login form over the body limit was aiohttp's 'Maximum request body size 262144 exceeded.'
    and an assets folder its '403: Forbidden', plain English text among the dashboard's pages."""
    await bound(tg, db)
    async with http.post(f"{web}/dash/login", data=b"t=" + b"a" * 300_000,
                         headers={"Content-Type": "application/x-www-form-urlencoded"}) as r:
        body = await r.text()
        assert r.status == 413 and r.content_type == "text/html" and t("zh", "web-too-large") in body, body[:200]
    for path in ("/dash/static/", "/dash/static/vendor/"):
        async with http.get(f"{web}{path}", headers={"Accept-Language": "en"}) as r:
            body = html.unescape(await r.text())
            assert r.status == 404 and t("en", "web-page-not-found") in body, (path, r.status, body[:200])


async def test_a_body_that_is_no_form_is_told_so(web: str, tg: EmulatorClient, db: Any,
                                                  http: aiohttp.ClientSession) -> None:
    """A case action posted as JSON (`{"csrf": …, "action": "accept"}`) was read as an empty form and
    answered '表单已过期，请刷新页面后重试' (403), and a JSON login 'the link has expired': neither was
    true. A body that is no form is a 415 saying so, in the page's language (JSON under /dash/api/);
    a POST without a body is still an empty form."""
    await bound(tg, db)
    number = f"C-{await chat_case(db, '路面塌陷'):06d}"
    await log_in(http, tg, web)
    csrf = await _csrf(http, web, number)
    for path, lang in ((f"/dash/cases/{number}/act", "zh"), ("/dash/login", "en")):  # the user's; else the browser's
        for ctype, body in (("application/json", json.dumps({"csrf": csrf, "action": "accept", "t": "x"})),
                            ("text/xml", "<form/>")):
            async with http.post(f"{web}{path}", data=body.encode(), allow_redirects=False,
                                 headers={"Content-Type": ctype, "Accept-Language": "en"}) as r:
                text = html.unescape(await r.text())
                assert r.status == 415 and t(lang, "web-not-a-form") in text, (path, ctype, r.status, text[-300:])
    async with session(db) as s:  # nothing was done
        assert [e.kind for e in (await s.exec(select(CaseEvent))).all()] == []
    async with http.post(f"{web}/dash/cases/{number}/act", allow_redirects=False) as r:  # no body
        assert r.status == 403 and t("zh", "web-forbidden") in await r.text()


async def test_an_oversized_form_without_a_photo_is_not_called_a_photo(
        web: str, tg: EmulatorClient, db: Any, http: aiohttp.ClientSession) -> None:
    """A case action posted as a url-encoded form of 400 KB (a note pasted from a document; no photo
    can be in such a form) came back '照片太大：最多 10 MB', and so did a logout with such a body: the
    photo's words are for a multipart form, anything else is 'what was sent is too large'."""
    await bound(tg, db)
    number = f"C-{await chat_case(db, '路面塌陷'):06d}"
    await log_in(http, tg, web)
    csrf = await _csrf(http, web, number)
    big = f"csrf={csrf}&action=note&text=".encode() + b"x" * 400_000
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    async with http.post(f"{web}/dash/cases/{number}/act", data=big, headers=form) as r:
        page = await r.text()
        assert r.status == 200 and r.url.path == f"/dash/cases/{number}", (r.status, r.url)
        assert t("zh", "web-too-large") in page and t("zh", "web-photo-too-big", mb=10) not in page, page[-600:]
    async with http.post(f"{web}/dash/logout", data=big, headers=form) as r:
        page = await r.text()
        assert r.status == 413 and t("zh", "web-too-large") in page and "照片" not in page, page[-300:]
    async with session(db) as s:  # nothing was done
        assert [e.kind for e in (await s.exec(select(CaseEvent))).all()] == []


async def test_a_secretary_whose_role_is_revoked_is_told_why(web: str, tg: EmulatorClient, db: Any,
                                                              http: aiohttp.ClientSession) -> None:
    """A secretary logged in, then the superadmin revoked the role: every page said '请先登录：在私聊中
    向机器人发送 /web' (401), though they were logged in, and /web then refuses them. The page says
    the dashboard is for staff (403), and shows nothing of the branch any more."""
    await bound(tg, db)
    number = f"C-{await chat_case(db, '路面塌陷'):06d}"
    await log_in(http, tg, web)
    async with http.get(f"{web}/dash/cases/{number}") as r:
        assert r.status == 200
    await said(tg, BOSS["id"], BOSS, f"/revoke {SEC['id']} secretary cy")
    for path in ("/dash/", f"/dash/cases/{number}", "/dash/needs"):
        async with http.get(f"{web}{path}") as r:
            body = await r.text()
            assert r.status == 403 and t("zh", "web-not-staff") in body and number not in body, (path, r.status)
            assert t("zh", "web-login-needed") not in body
    async with http.get(f"{web}/dash/api/map.json") as r:
        assert r.status == 403 and await r.json() == {"error": t("zh", "web-not-staff")}


async def test_a_voice_report_awaiting_triage_counts_as_open(web: str, tg: EmulatorClient, db: Any,
                                                             http: aiohttp.ClientSession) -> None:
    """A rider's voice note waits for the secretary's triage: the overview said '1 reported, 0 open',
    the '未办结' filter left it out, and no status filter could name it (`status=triage` was dropped,
    listing every case). It is open until someone classifies it, as on Open311 (1496ee1)."""
    await bound(tg, db)
    await chat_case(db, "路面塌陷")  # C-000001, new
    sec_before = len(await tg.messages(SEC["id"]))
    await tg.send(GROUP, LI, voice={"duration": 4})
    # the secretary's triage card, before /web: else it may come between /web and its answer
    await tg.wait(SEC["id"], sec_before + 1)
    async with session(db) as s:
        assert [c.status for c in (await s.exec(select(Case).order_by(col(Case.id)))).all()] == ["new", "triage"]
    await log_in(http, tg, web)
    async with http.get(f"{web}/dash/api/overview.json") as r:
        total = (await r.json())["total"]
    assert (total["total"], total["open"]) == (2, 2), total
    for query, shown in (("status=open", ["C-000002", "C-000001"]), ("status=triage", ["C-000002"]),
                         ("status=new", ["C-000001"])):
        async with http.get(f"{web}/dash/cases?{query}") as r:
            page = await r.text()
        assert re.findall(r'href="/dash/cases/(C-\d+)"', page) == shown, (query, page[-1500:])
    async with http.get(f"{web}/dash/cases?status=open") as r:  # the filter form says what is chosen
        assert re.search(r'<option value="open"\s+selected>', await r.text())
    async with http.get(f"{web}/dash/cases?status=triage") as r:
        assert re.search(r'<option value="triage"\s+selected>', await r.text())
    async with http.get(f"{web}/dash/cases/C-000002", headers={"Cookie": "sentinel_lang=en"}) as r:
        page = await r.text()  # no deadline before it is classified: a dash, not 'Answer by ; fix by'
    assert t("en", "web-case-due", due="—", fix_due="—") in html.unescape(page), page[-2000:]


async def test_a_date_filter_that_is_no_date_is_said_not_dropped(web: str, tg: EmulatorClient, db: Any,
                                                                  http: aiohttp.ClientSession) -> None:
    """`since=2026-13-01` (or a date typed 2026/12/01, 2026年12月1日, in full-width digits, where a
    browser shows a text box for the date) was dropped without a word: the overview, the table, the
    map and its JSON showed every date's figures as the ones asked for, and the export a file of the
    last 30 days. Dates as people type them are read; what is no date is a 400 that says so."""
    await bound(tg, db)
    await chat_case(db, "路面塌陷")
    await log_in(http, tg, web)
    today = date.today()
    later = today + timedelta(days=2)  # nothing reported since: an empty answer when the filter is read
    for typed in (later.isoformat(), f"{later.year}/{later.month}/{later.day}", f"{later.year}年{later.month}月{later.day}日",
                  later.isoformat().translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})):
        async with http.get(f"{web}/dash/api/overview.json", params={"since": typed}) as r:
            assert r.status == 200 and (await r.json())["total"]["total"] == 0, typed
    said_zh = t("zh", "web-bad-date", value="2026-13-01", field=t("zh", "web-filter-since"))
    for path in ("/dash/", "/dash/cases", "/dash/map"):
        async with http.get(f"{web}{path}?since=2026-13-01") as r:
            page = html.unescape(await r.text())
            assert r.status == 400 and said_zh in page and 'id="filters"' in page, (path, r.status)
    for path in ("/dash/api/overview.json", "/dash/api/map.json"):
        async with http.get(f"{web}{path}?until=yesterday") as r:
            assert r.status == 400, path
            assert (await r.json())["error"] == t("zh", "web-bad-date", value="yesterday",
                                                  field=t("zh", "web-filter-until"))
    async with http.get(f"{web}/dash/exports/cases.csv?since=2026-02-30") as r:
        page = html.unescape(await r.text())
        assert r.status == 400 and "2026-02-30" in page and r.content_type == "text/html", r.status
    async with http.get(f"{web}/dash/exports/cases.csv?since=2026/1/1") as r:
        assert r.status == 200 and "C-000001" in await r.text()


async def test_a_phone_number_in_a_riders_name_is_masked_on_the_board(web: str, tg: EmulatorClient, db: Any,
                                                                      http: aiohttp.ClientSession) -> None:
    """Riders often put their phone number in their name ('李师傅13812345678'); the needs page's
    points board showed it in full. A board's names pass the negative list, as its cases' text does."""
    await bound(tg, db)
    async with session(db) as s:
        branch = (await s.exec(select(Branch).where(Branch.code == "cy"))).one()
        rider = await s.get(User, LI["id"])
        assert rider is not None
        rider.first_name = "李师傅13812345678"
        s.add(rider)
        s.add(PointsEntry(user_id=LI["id"], rule="report_verified", points=30, source_key="outsider:1",
                          branch_id=branch.id, created_at=datetime.now(timezone.utc)))
        await s.commit()
    await log_in(http, tg, web)
    async with http.get(f"{web}/dash/needs") as r:
        board = (await r.text()).split('id="leaderboard"', 1)[1]
    assert "李师傅138****5678 · 30" in board and "13812345678" not in board, board[:300]
    named = {**LI, "first_name": "李师傅13812345678"}  # as Telegram sends the name with each message
    top = await said(tg, LI["id"], named, "/top")  # the chat's board, by the same rule
    assert "13812345678" not in str(top.get("text")) and "138****5678" in str(top.get("text")), top.get("text")
