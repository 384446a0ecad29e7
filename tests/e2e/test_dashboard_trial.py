# ruff: noqa: F811  (the fixtures imported from test_dashboard are parameters here)
"""A new user's trial of the dashboard, each kind of fault they found, over real HTTP (aiohttp's
client, logged in through the bot's `/web` link like a browser) against the real `sentinel web`
beside the real bot on the emulator and a migrated database (SQLite, and PostgreSQL when configured):
control characters in exports, extreme dates, huge page numbers, undecodable forms, 405s and JSON 404s.
"""
from __future__ import annotations

import asyncio
import io
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from openpyxl import load_workbook

from bot.config import Settings, WebSettings
from bot.i18n import t
from emulator.client import EmulatorClient
from tests.conftest import SEC, with_boss
from tests.e2e.test_cli_errors import CLI, clean_env
from tests.e2e.test_dashboard import _free_port, bound, link_for, web  # noqa: F401
from tests.e2e.test_open311_trial import HOME_PIN, chat_case

EXTREME = ("since=0001-01-01", "until=9999-12-31", "since=0001-01-01&until=9999-12-31")


@pytest.fixture
def settings(settings: Settings) -> Settings:
    port = _free_port()
    return with_boss(settings, web=WebSettings(port=port, public_url=f"http://127.0.0.1:{port}"))


async def log_in(http: aiohttp.ClientSession, tg: EmulatorClient, web: str) -> None:
    """The secretary's `/web` link, its button pressed (a POST of the token), as a browser does."""
    token = (await link_for(tg, SEC)).split("t=", 1)[1]
    async with http.post(f"{web}/dash/login", data={"t": token}, allow_redirects=False) as r:
        assert r.status == 303, await r.text()


async def test_control_characters_never_break_an_xlsx_export(web: str, tg: EmulatorClient, db: Any,
                                                              http: aiohttp.ClientSession, settings: Settings,
                                                              tmp_path: Path) -> None:
    await bound(tg, db)
    await chat_case(db, "bad\x0bchar\x01here 路面塌陷")  # as a rider's chat message stores it
    await log_in(http, tg, web)
    async with http.get(f"{web}/dash/exports/cases.xlsx") as r:
        assert r.status == 200, await r.text()
        sheet = load_workbook(io.BytesIO(await r.read())).worksheets[0]
    assert any(c.value == "badcharhere 路面塌陷" for row in sheet.iter_rows() for c in row)
    # the command line's writer (bot.tabular) too
    proc = await asyncio.create_subprocess_exec(
        *CLI, "export", "cases", "--since", "2000-01-01", "--format", "xlsx", "--out", "-", cwd=tmp_path,
        env=clean_env(SENTINEL_DATABASE_URL=settings.database_url),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(proc.communicate(), 120)
    assert proc.returncode == 0, err.decode()
    sheet = load_workbook(io.BytesIO(out)).worksheets[0]
    assert any(c.value == "badcharhere 路面塌陷" for row in sheet.iter_rows() for c in row)


async def test_extreme_dates_and_huge_pages_are_answered(web: str, tg: EmulatorClient, db: Any,
                                                         http: aiohttp.ClientSession) -> None:
    await bound(tg, db)
    await chat_case(db, "路面塌陷")
    await log_in(http, tg, web)
    paths = [f"{p}?{q}" for p in ("/dash/", "/dash/cases", "/dash/map", "/dash/api/overview.json",
                                  "/dash/api/map.json", "/dash/exports/cases.csv", "/dash/exports/cases.xlsx")
             for q in EXTREME]
    paths += [f"/dash/cases?page={n}" for n in ("9223372036854775807", "99999999999999999999999", "²", "-3",
                                                "1" * 5000)]
    paths += [f"/dash/api/map.json?zoom={n}" for n in ("99999999999999999999999", "²")]
    for path in paths:
        async with http.get(f"{web}{path}") as r:
            assert r.status == 200, (path, r.status, (await r.text())[:300])
    async with http.get(f"{web}/dash/api/overview.json?since=0001-01-01") as r:
        assert (await r.json())["total"]["total"] == 1  # from the beginning: every case


async def test_undecodable_forms_are_a_400_in_the_users_language(web: str, tg: EmulatorClient, db: Any,
                                                                 http: aiohttp.ClientSession) -> None:
    await bound(tg, db)
    number = f"C-{await chat_case(db, '路面塌陷'):06d}"
    async with http.post(f"{web}/dash/login", data=b"t=\xff",  # before any login
                         headers={"Content-Type": "application/x-www-form-urlencoded"}) as r:
        assert r.status == 400 and t("zh", "web-bad-form") in await r.text()
    await log_in(http, tg, web)
    part = b'--zz\r\nContent-Disposition: form-data; name="text"\r\n'
    bodies = [(b"action=note&text=\xff", "application/x-www-form-urlencoded"),
              (b"action=note&text=ok", "application/x-www-form-urlencoded; charset=bogus"),
              (part + b"Content-Type: text/plain; charset=bogus\r\n\r\nx\r\n--zz--\r\n",
               "multipart/form-data; boundary=zz"),
              (part + b"\r\n\xff\xfe\r\n--zz--\r\n", "multipart/form-data; boundary=zz"),
              (part + b"\r\nx\r\n--zz--\r\n", "multipart/form-data"),  # no boundary
              (b"garbage", "multipart/form-data; boundary=zz")]
    for body, ctype in bodies:
        async with http.post(f"{web}/dash/cases/{number}/act", data=body, headers={"Content-Type": ctype},
                             allow_redirects=False) as r:
            assert r.status == 400, (body, ctype, r.status)
            assert t("zh", "web-bad-form") in await r.text()


async def test_wrong_methods_and_json_addresses_answer_in_kind(web: str, tg: EmulatorClient, db: Any,
                                                               http: aiohttp.ClientSession) -> None:
    await bound(tg, db)
    await log_in(http, tg, web)
    for path in ("/dash/", "/dash/cases", "/dash/exports/cases.csv"):
        async with http.post(f"{web}{path}", data={"x": "1"}, allow_redirects=False) as r:
            assert r.status == 405 and r.headers["Allow"] == "GET, HEAD", path
            body = await r.text()
            assert "这个地址不能这样使用" in body and "Method Not Allowed" not in body, body[:300]
    for method, path, status in (("POST", "/dash/api/overview.json", 405), ("DELETE", "/dash/api/map.json", 405),
                                 ("GET", "/dash/api/nope.json", 404), ("GET", "/dash/api/cases/C-1/x.json", 404)):
        async with http.request(method, f"{web}{path}", allow_redirects=False) as r:
            assert r.status == status and r.content_type == "application/json", (method, path, r.status)
            assert (await r.json())["error"], path
    async with http.get(f"{web}/dash/nope") as r:  # a page address: still the page in the user's language
        assert r.status == 404 and r.content_type == "text/html" and t("zh", "web-page-not-found") in await r.text()


async def test_a_pin_for_a_report_that_names_home_is_given_to_a_block(web: str, tg: EmulatorClient, db: Any,
                                                                      http: aiohttp.ClientSession) -> None:
    """The case page and the map: a pin near the reporter's home to a block, none for the home itself."""
    await bound(tg, db)
    near_home = await chat_case(db, "我住光明里3单元502，楼下路灯坏了好几天", location=None, pin=HOME_PIN)
    home = await chat_case(db, "我住光明里3单元502，楼下路灯坏了", location="光明里3单元502", pin=HOME_PIN)
    await log_in(http, tg, web)
    async with http.get(f"{web}/dash/api/cases/C-{near_home:06d}.json") as r:
        case = await r.json()
    assert (case["lat"], case["lon"]) == (39.921, 116.461), case
    async with http.get(f"{web}/dash/api/cases/C-{home:06d}.json") as r:
        case = await r.json()
    assert (case["lat"], case["lon"]) == (None, None), case
    async with http.get(f"{web}/dash/api/map.json?zoom=18") as r:
        markers = (await r.json())["markers"]
    assert [(m["number"], m["lat"], m["lon"]) for m in markers] == [(f"C-{near_home:06d}", 39.921, 116.461)]


async def test_no_box_finds_a_pin_closer_than_it_is_shown(web: str, tg: EmulatorClient, db: Any,
                                                          http: aiohttp.ClientSession) -> None:
    """The first view's box was the pins' own extremes (one case: its pin to the metre, a home's
    too), and a box narrowed around a pin said whether it was inside: both are whole blocks now."""
    await bound(tg, db)
    await chat_case(db, "我住光明里3单元502，楼下路灯坏了好几天", location=None, pin=HOME_PIN)
    await chat_case(db, "我住光明里5单元301，单元门口井盖松了", location="光明里5单元301", pin=(39.93377, 116.44451))
    await log_in(http, tg, web)
    async with http.get(f"{web}/dash/api/map.json?datum=wgs84") as r:
        extent = (await r.json())["extent"]
    assert extent == [39.921, 116.444, 39.934, 116.462], extent
    inside = "39.92122,116.46144,39.92124,116.46146"  # 2 m around the first pin
    beside = "39.92125,116.46144,39.92127,116.46146"  # 2 m north of it, in the same block
    found = []
    for box in (inside, beside):
        async with http.get(f"{web}/dash/api/map.json?datum=wgs84&bbox={box}") as r:
            found.append((await r.json())["located"])
    assert found[0] == found[1] == 1, found
