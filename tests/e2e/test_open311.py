"""Open311 GeoReport v2 conformance: the real `sentinel web` server over HTTP (aiohttp's client),
the real bot on the emulator, a real migrated database (SQLite, and PostgreSQL when configured).

Keys are made with the real command line (`sentinel api-key create|revoke`); a POSTed request
must become a case and be announced in the bound group, like a rider's report.
"""
from __future__ import annotations

import asyncio
import re
import xml.etree.ElementTree as ET
from collections.abc import AsyncIterator
from datetime import datetime, timedelta, timezone
from typing import Any

import aiohttp
import pytest
from sqlmodel import col, select

from bot.cli import main
from bot.config import Settings, WebSettings
from emulator.client import EmulatorClient
from handlers.web.serve import serve
from storage.models import Case, Chat
from tests.conftest import GROUP, GROUP_B, LI, RunningBot, private, session, two_branches, until, with_boss

SERVICE_FIELDS = {"service_code": str, "service_name": str, "description": str, "metadata": bool,
                  "type": str, "keywords": str, "group": str}
REQUEST_FIELDS = {"service_request_id": str, "status": str, "status_notes": str, "service_name": str,
                  "service_code": str, "description": str, "agency_responsible": str, "service_notice": str,
                  "requested_datetime": str, "updated_datetime": str, "expected_datetime": str, "address": str,
                  "address_id": str, "zipcode": str, "lat": (float, type(None)), "long": (float, type(None)),
                  "media_url": str}
ISO_TZ = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d([+-]\d\d:\d\d|Z)$")
PHONE, EMAIL, ROOM = "13812345678", "li.si@example.com", "1203"


async def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], database_url: str,
              *argv: str) -> tuple[int, str, str]:
    """`sentinel …` as an operator runs it (its own event loop, in a thread)."""
    monkeypatch.setenv("SENTINEL_DATABASE_URL", database_url)
    capsys.readouterr()
    code = await asyncio.to_thread(main, list(argv))
    out, err = capsys.readouterr()
    return code, out, err


class Api:
    """The Open311 endpoints of a running web server."""

    def __init__(self, http: aiohttp.ClientSession, base: str) -> None:
        self.http, self.base = http, base

    async def get(self, path: str, *, lang: str = "", **params: str) -> tuple[int, str, Any]:
        """GET; `lang`: the client's Accept-Language (none by default)."""
        headers = {"Accept-Language": lang} if lang else {}
        async with self.http.get(f"{self.base}/open311/v2/{path}", params=params, headers=headers) as r:
            assert r.charset == "utf-8"
            return r.status, r.content_type, await self._body(r, path)

    async def post(self, path: str, *, lang: str = "", **form: str) -> tuple[int, str, Any]:
        headers = {"Accept-Language": lang} if lang else {}
        async with self.http.post(f"{self.base}/open311/v2/{path}", data=form, headers=headers) as r:
            assert r.charset == "utf-8"
            return r.status, r.content_type, await self._body(r, path)

    @staticmethod
    async def _body(r: aiohttp.ClientResponse, path: str) -> Any:
        raw = await r.read()
        if path.endswith(".xml"):
            assert raw.startswith(b"<?xml version='1.0' encoding='UTF-8'?>"), raw[:60]
            return ET.fromstring(raw)
        return __import__("json").loads(raw.decode("utf-8"))


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return with_boss(settings)


@pytest.fixture
async def web(settings: Settings, bot: RunningBot) -> AsyncIterator[Api]:
    """`sentinel web` beside the running bot, on the same database (port 0: a free one)."""
    stop, ports = asyncio.Event(), []
    task = asyncio.create_task(serve(settings, host="127.0.0.1", port=0, stop=stop,
                                     ready=lambda s: ports.append(s.port)))
    await until(lambda: asyncio.sleep(0, ports or task.done()), timeout=60)
    if task.done():
        task.result()
    async with aiohttp.ClientSession() as http:
        yield Api(http, f"http://127.0.0.1:{ports[0]}")
    stop.set()
    await asyncio.wait_for(task, 30)


def xml_rows(root: ET.Element, root_tag: str, item: str) -> list[dict[str, str]]:
    assert root.tag == root_tag
    assert all(child.tag == item for child in root)
    return [{f.tag: (f.text or "") for f in child} for child in root]


def check_error(fmt: str, body: Any, status: int) -> str:
    """The spec's error shape; its description."""
    if fmt == "json":
        assert isinstance(body, list) and len(body) == 1 and set(body[0]) == {"code", "description"}
        assert body[0]["code"] == status and isinstance(body[0]["description"], str) and body[0]["description"]
        return str(body[0]["description"])
    rows = xml_rows(body, "errors", "error")
    assert len(rows) == 1 and rows[0]["code"] == str(status) and rows[0]["description"]
    return rows[0]["description"]


async def new_key(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], database_url: str,
                  name: str, *more: str) -> str:
    code, out, err = await cli(monkeypatch, capsys, database_url, "api-key", "create", name, *more)
    assert code == 0, err
    assert "not shown again" in err
    return out.strip()


async def bound(tg: EmulatorClient, db: Any, *riders: dict[str, Any]) -> None:
    """Branches cy (GROUP) and hd (GROUP_B), once committed (a command's answer may go out first)."""
    await two_branches(tg, *riders)

    async def ready() -> bool:
        async with session(db) as s:
            return len((await s.exec(select(Chat).where(col(Chat.branch_id).is_not(None)))).all()) == 2
    await until(ready)


async def group_texts(tg: EmulatorClient, chat_id: int) -> list[str]:
    return [str(m.get("text") or m.get("caption") or "") for m in await tg.messages(chat_id)]


# --- services ------------------------------------------------------------------------------
async def test_services_catalogue_and_definitions_in_both_formats(web: Api) -> None:
    status, ctype, body = await web.get("services.json")
    assert status == 200 and ctype == "application/json"
    assert len(body) == 14 and {s["service_code"] for s in body} >= {"lighting", "road", "waterlogging"}
    for service in body:
        assert set(service) == set(SERVICE_FIELDS)
        for name, kind in SERVICE_FIELDS.items():
            assert isinstance(service[name], kind), (name, service)
        assert service["metadata"] is False and service["type"] == "realtime"
    lighting = next(s for s in body if s["service_code"] == "lighting")
    assert lighting["service_name"] == "路灯照明" and lighting["group"] == "城管局·市政照明"
    assert "路灯" in lighting["keywords"].split(",")
    traffic = {s["service_code"] for s in body if s["group"] == "交警大队"}
    assert traffic == {"bike_lane", "traffic"}  # one department's categories share a group

    status, ctype, root = await web.get("services.xml")
    assert status == 200 and ctype == "text/xml"
    rows = xml_rows(root, "services", "service")
    assert [r["service_code"] for r in rows] == [s["service_code"] for s in body]
    assert all(set(r) == set(SERVICE_FIELDS) and r["metadata"] == "false" for r in rows)

    status, _, one = await web.get("services/road.json")
    assert status == 200 and one == {"service_code": "road", "attributes": []}
    status, _, root = await web.get("services/road.xml")
    assert status == 200 and root.tag == "service_definition"
    assert root.findtext("service_code") == "road" and root.find("attributes") is not None

    for fmt in ("json", "xml"):
        status, _, err = await web.get(f"services/potholes.{fmt}")
        assert status == 404 and "potholes" in check_error(fmt, err, 404)
    status, _, err = await web.get("services.csv")
    assert status == 404 and check_error("json", err, 404)
    for fmt in ("json", "xml"):  # issue 17: an unknown jurisdiction is a 404, as the README says
        status, _, err = await web.get(f"services.{fmt}", jurisdiction_id="zz")
        assert status == 404 and "jurisdiction_id" in check_error(fmt, err, 404)
        status, _, err = await web.get(f"services/road.{fmt}", jurisdiction_id="zz")
        assert status == 404 and "jurisdiction_id" in check_error(fmt, err, 404)


# --- POST requests -------------------------------------------------------------------------
async def test_posted_request_becomes_a_case_announced_in_the_branch_group(
        web: Api, tg: EmulatorClient, db: Any, database_url: str,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    await bound(tg, db, LI)
    key = await new_key(monkeypatch, capsys, database_url, "hotline-12345", "--jurisdiction", "12345-cy=cy",
                        "--jurisdiction", "12345-hd=hd")
    before = len(await tg.messages(GROUP["id"]))
    status, ctype, body = await web.post(
        "requests.json", api_key=key, jurisdiction_id="12345-cy", service_code="lighting",
        lat="39.9087", long="116.4605", address_string="建国路88号南门",
        description=f"建国路88号南门路灯不亮了，联系人手机{PHONE}", first_name="四", last_name="李",
        phone="13900001111", email=EMAIL)
    assert status == 201 and ctype == "application/json", body
    assert len(body) == 1 and set(body[0]) == {"service_request_id", "service_notice", "account_id"}
    number = body[0]["service_request_id"]
    assert re.fullmatch(r"C-\d{6}", number) and "城管局·市政照明" in body[0]["service_notice"]

    async with session(db) as s:
        case = (await s.exec(select(Case))).one()
    assert case.source == "open311" and case.chat_id == GROUP["id"] and case.category == "lighting"
    assert case.department == "urban_lighting" and case.due_at is not None and case.fix_due_at is not None
    assert case.lat == pytest.approx(39.9087) and case.location == "建国路88号南门"
    assert "13900001111" not in case.text and EMAIL not in case.text  # the caller's contact is not kept

    msgs = await tg.wait(GROUP["id"], before + 1)  # announced to the branch's group by the bot's sender
    announced = str(msgs[before].get("text"))
    assert number in announced and PHONE not in announced
    assert number not in "".join(await group_texts(tg, GROUP_B["id"]))

    # the lifecycle is the chat's: the secretary accepts it in chat, the API shows it
    status, _, got = await web.get(f"requests/{number}.json", api_key=key)
    assert status == 200 and len(got) == 1
    req = got[0]
    assert set(req) == set(REQUEST_FIELDS)
    for name, kind in REQUEST_FIELDS.items():
        assert isinstance(req[name], kind), (name, req[name])
    assert req["service_request_id"] == number and req["status"] == "open" and req["service_code"] == "lighting"
    assert req["status_notes"].startswith("new") and req["agency_responsible"] == "城管局·市政照明"
    for when in ("requested_datetime", "updated_datetime", "expected_datetime"):
        assert ISO_TZ.match(req[when]) and req[when].endswith("+08:00"), req[when]
    assert req["lat"] == pytest.approx(39.9087) and req["long"] == pytest.approx(116.4605)
    assert req["address"] == "建国路88号南门" and req["media_url"] == ""
    assert PHONE not in req["description"] and "路灯不亮" in req["description"]

    status, ctype, root = await web.get(f"requests/{number}.xml", api_key=key)
    assert status == 200 and ctype == "text/xml"
    rows = xml_rows(root, "service_requests", "request")
    assert len(rows) == 1 and set(rows[0]) == set(REQUEST_FIELDS) and rows[0]["status"] == "open"
    assert float(rows[0]["lat"]) == pytest.approx(39.9087)

    # XML POST, address only, to the other branch by its jurisdiction id
    before_b = len(await tg.messages(GROUP_B["id"]))
    status, ctype, root = await web.post("requests.xml", api_key=key, jurisdiction_id="12345-hd",
                                         service_code="waterlogging", address_string="科苑路下穿隧道",
                                         description="科苑路下穿隧道积水很深")
    assert status == 201 and ctype == "text/xml"
    rows = xml_rows(root, "service_requests", "request")
    assert set(rows[0]) == {"service_request_id", "service_notice", "account_id"}
    second = rows[0]["service_request_id"]
    msgs = await tg.wait(GROUP_B["id"], before_b + 1)
    assert second in str(msgs[before_b].get("text"))
    status, _, got = await web.get(f"requests/{second}.json", api_key=key)
    assert got[0]["lat"] is None and got[0]["long"] is None and got[0]["address"] == "科苑路下穿隧道"

    # a secretary moves it in chat: the API says closed once it is fixed, the state in status_notes
    from tests.conftest import SEC
    await tg.send(private(SEC), SEC, f"/accept {number}")
    await tg.send(private(SEC), SEC, f"/resolve {number} 已更换灯泡")

    async def closed() -> Any:
        _, _, rows = await web.get("requests.json", api_key=key, status="closed")
        return rows
    rows = await until(closed)
    assert [r["service_request_id"] for r in rows] == [number]
    assert rows[0]["status_notes"].startswith("resolved")
    _, _, rows = await web.get("requests.json", api_key=key, status="open")
    assert [r["service_request_id"] for r in rows] == [second]


async def test_post_refusals_in_the_spec_format(
        web: Api, tg: EmulatorClient, db: Any, database_url: str,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    await bound(tg, db)
    key = await new_key(monkeypatch, capsys, database_url, "portal")
    good = {"service_code": "road", "lat": "39.9", "long": "116.4", "jurisdiction_id": "cy"}
    cases: list[tuple[dict[str, str], int, str]] = [
        (good, 400, "api_key"),                                            # no key
        ({**good, "api_key": "not-a-key"}, 403, "api_key"),                 # unknown key
        ({**good, "api_key": key, "service_code": ""}, 400, "service_code"),
        ({**good, "api_key": key, "service_code": "potholes"}, 404, "service_code"),  # the spec: not found
        ({"api_key": key, "service_code": "road", "jurisdiction_id": "cy"}, 400, "缺少地点"),  # zh: the default
        ({**good, "api_key": key, "lat": "north"}, 400, "lat"),
        ({**good, "api_key": key, "long": "500"}, 400, "long"),
        ({**good, "api_key": key, "jurisdiction_id": "atlantis"}, 404, "jurisdiction_id"),
        ({**good, "api_key": key, "jurisdiction_id": ""}, 400, "jurisdiction_id"),  # two branches: say which
    ]
    for fmt in ("json", "xml"):
        for form, status, word in cases:
            got, _, body = await web.post(f"requests.{fmt}", **form)
            assert got == status, (form, body)
            assert word in check_error(fmt, body, status), (form, body)
    async with session(db) as s:
        assert (await s.exec(select(Case))).all() == []  # nothing refused became a case

    code, _, err = await cli(monkeypatch, capsys, database_url, "api-key", "revoke", "portal")
    assert code == 0
    for fmt in ("json", "xml"):
        got, _, body = await web.post(f"requests.{fmt}", **good, api_key=key)
        assert got == 403 and "吊销" in check_error(fmt, body, 403)
        got, _, body = await web.get(f"requests.{fmt}", api_key=key)
        assert got == 403 and check_error(fmt, body, 403)
    # the command line: one line and an exit code
    code, out, err = await cli(monkeypatch, capsys, database_url, "api-key", "revoke", "portal")
    assert code == 1 and err.count("\n") == 1 and "already revoked" in err
    code, out, err = await cli(monkeypatch, capsys, database_url, "api-key", "create", "x", "--branch", "zz")
    assert code == 1 and err.count("\n") == 1 and "zz" in err
    code, out, err = await cli(monkeypatch, capsys, database_url, "api-key", "list")
    assert code == 0 and "portal" in out and "revoked" in out and key not in out


# --- GET requests ---------------------------------------------------------------------------
async def test_request_filters_and_the_90_day_limit(
        web: Api, tg: EmulatorClient, db: Any, database_url: str,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    await bound(tg, db)
    key = await new_key(monkeypatch, capsys, database_url, "city")
    made = []
    for code, place in (("road", "光华路12号"), ("sanitation", "东三环路口"), ("road", "科苑路8号")):
        status, _, body = await web.post("requests.json", api_key=key, jurisdiction_id="cy", service_code=code,
                                         address_string=place, description=f"{place}有问题")
        assert status == 201
        made.append(body[0]["service_request_id"])

    status, _, rows = await web.get("requests.json", api_key=key)  # default: the last 90 days
    assert status == 200 and [r["service_request_id"] for r in rows] == made[::-1]
    _, _, rows = await web.get("requests.json", api_key=key, service_code="road")
    assert {r["service_request_id"] for r in rows} == {made[0], made[2]}
    _, _, rows = await web.get("requests.json", api_key=key, service_request_id=f"{made[0]},{made[1]}")
    assert {r["service_request_id"] for r in rows} == {made[0], made[1]}
    _, _, root = await web.get("requests.xml", api_key=key, service_code="sanitation")
    assert [r["service_request_id"] for r in xml_rows(root, "service_requests", "request")] == [made[1]]

    now = datetime.now(timezone.utc)
    recent = {"start_date": (now - timedelta(days=10)).isoformat(timespec="seconds"),
              "end_date": (now + timedelta(minutes=5)).isoformat(timespec="seconds")}
    _, _, rows = await web.get("requests.json", api_key=key, **recent)
    assert len(rows) == 3
    old = {"start_date": "2025-01-01T00:00:00+08:00", "end_date": "2025-03-01T00:00:00+08:00"}
    _, _, rows = await web.get("requests.json", api_key=key, **old)
    assert rows == []
    # issue 17: a start_date alone is the window up to now; within 90 days it finds them, beyond it a
    # 400 that says what to do (it was a silent [] of a window nobody asked for)
    _, _, rows = await web.get("requests.json", api_key=key, start_date=recent["start_date"])
    assert len(rows) == 3
    status, _, body = await web.get("requests.json", api_key=key,
                                    start_date=(now - timedelta(days=120)).isoformat(timespec="seconds"))
    assert status == 400 and "end_date" in check_error("json", body, 400)
    for fmt in ("json", "xml"):
        too_long = {"start_date": "2025-01-01T00:00:00Z", "end_date": "2025-06-01T00:00:00Z"}
        status, _, body = await web.get(f"requests.{fmt}", api_key=key, **too_long)
        assert status == 400 and "90 天" in check_error(fmt, body, 400)
        status, _, body = await web.get(f"requests.{fmt}", api_key=key, start_date="yesterday")
        assert status == 400 and "start_date" in check_error(fmt, body, 400)
        status, _, body = await web.get(f"requests.{fmt}", api_key=key, status="pending")
        assert status == 400 and "status" in check_error(fmt, body, 400)
        status, _, body = await web.get(f"requests.{fmt}")
        assert status == 400 and "api_key" in check_error(fmt, body, 400)
        status, _, body = await web.get(f"requests/C-999999.{fmt}", api_key=key)
        assert status == 404 and check_error(fmt, body, 404)


async def test_negative_list_never_reaches_the_api(
        web: Api, tg: EmulatorClient, db: Any, database_url: str,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    await bound(tg, db, LI)
    key = await new_key(monkeypatch, capsys, database_url, "city")
    # a rider's own report in the group, and one filed through the API, both full of personal data
    await tg.send(GROUP, LI, f"幸福小区3号门的路灯坏了 晚上黑乎乎的 有事打我{PHONE}")
    await tg.wait(GROUP["id"], 2)
    status, _, _ = await web.post("requests.json", api_key=key, jurisdiction_id="cy", service_code="lighting",
                                  lat="39.91", long="116.46", address_string=f"幸福小区5号楼{ROOM}室",
                                  description=f"我住幸福小区5号楼{ROOM}室，楼下的路灯坏了，电话{PHONE}，邮箱{EMAIL}")
    assert status == 201
    for fmt in ("json", "xml"):
        async with web.http.get(f"{web.base}/open311/v2/requests.{fmt}", params={"api_key": key}) as r:
            raw = (await r.read()).decode("utf-8")
        assert r.status == 200 and raw.count("C-0000") == 2, raw[:300]
        for secret in (PHONE, EMAIL, f"5号楼{ROOM}", "39.91", "116.46"):
            assert secret not in raw, (secret, fmt)
    _, _, rows = await web.get("requests.json", api_key=key)
    home = next(r for r in rows if r["service_code"] == "lighting" and r["address"] == "幸福小区")  # its compound
    assert home["lat"] is None and home["long"] is None  # a home's pin is the home


async def test_a_branch_key_sees_and_files_only_its_branch(
        web: Api, tg: EmulatorClient, db: Any, database_url: str,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    await bound(tg, db, LI)
    city = await new_key(monkeypatch, capsys, database_url, "city")
    haidian = await new_key(monkeypatch, capsys, database_url, "hd-portal", "--branch", "hd")
    _, _, body = await web.post("requests.json", api_key=city, jurisdiction_id="cy", service_code="road",
                                address_string="光华路12号", description="光华路12号路面塌陷")
    cy_case = body[0]["service_request_id"]
    before_b = len(await tg.messages(GROUP_B["id"]))
    status, _, body = await web.post("requests.json", api_key=haidian, service_code="road",
                                     address_string="科苑路8号", description="科苑路8号有个大坑")
    assert status == 201  # no jurisdiction_id needed: the key's own branch
    hd_case = body[0]["service_request_id"]
    assert hd_case in str((await tg.wait(GROUP_B["id"], before_b + 1))[before_b].get("text"))

    _, _, rows = await web.get("requests.json", api_key=haidian)
    assert [r["service_request_id"] for r in rows] == [hd_case]
    _, _, rows = await web.get("requests.json", api_key=haidian, service_request_id=f"{cy_case},{hd_case}")
    assert [r["service_request_id"] for r in rows] == [hd_case]
    unknown_status, _, unknown = await web.get("requests/C-999999.json", api_key=haidian)
    other_status, _, other = await web.get(f"requests/{cy_case}.json", api_key=haidian)
    assert other_status == unknown_status == 404  # another branch's request reads like none
    assert other[0]["description"].replace(cy_case, "X") == unknown[0]["description"].replace("C-999999", "X")
    # the same problem at the same place, filed for hd: hd's own case, never cy's number
    status, _, body = await web.post("requests.json", api_key=haidian, service_code="road",
                                     address_string="光华路12号", description="光华路12号路面塌陷")
    assert status == 201 and body[0]["service_request_id"] not in (cy_case, hd_case)
    hd_second = body[0]["service_request_id"]
    _, _, rows = await web.get(f"requests/{hd_second}.json", api_key=haidian)
    assert rows[0]["address"] == "光华路12号"
    status, _, body = await web.post("requests.json", api_key=haidian, jurisdiction_id="cy",
                                     service_code="road", address_string="光华路1号")
    assert status == 404 and check_error("json", body, 404)
    _, _, rows = await web.get("requests.json", api_key=city)
    assert {r["service_request_id"] for r in rows} == {cy_case, hd_case, hd_second}


async def test_web_server_inside_sentinel_run(settings: Settings, tg: EmulatorClient) -> None:
    """SENTINEL_WEB__ENABLED=true: `sentinel run` serves the API too."""
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    running = RunningBot(settings.model_copy(update={"web": WebSettings(enabled=True, port=port)}), tg)
    await running.start()
    try:
        async with aiohttp.ClientSession() as http:
            async with http.get(f"http://127.0.0.1:{port}/open311/v2/services.xml") as r:
                assert r.status == 200 and ET.fromstring(await r.read()).tag == "services"
    finally:
        await running.stop()


# --- issue 17: the group hears what came in, from where, in its language ------------------------------
async def test_an_open311_case_is_announced_as_one_with_its_source_in_the_groups_language(
        web: Api, tg: EmulatorClient, db: Any, database_url: str,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    tom = {"id": 560, "first_name": "Tom", "language_code": "en"}
    await bound(tg, db, tom)
    await tg.send(GROUP_B, tom, "The streetlight at the Keyuan Road gate is broken, very dark at night")
    await tg.wait(GROUP_B["id"], 2)  # the bind answer, then the registration: the group reads English
    key = await new_key(monkeypatch, capsys, database_url, "hotline", "--jurisdiction", "12345-hd=hd")
    before = len(await tg.messages(GROUP_B["id"]))
    status, _, body = await web.post(
        "requests.json", api_key=key, jurisdiction_id="12345-hd", service_code="waterlogging",
        address_string="科苑路下穿隧道", description="科苑路下穿隧道积水很深，我身份证11010119900307777X")
    assert status == 201, body
    number = body[0]["service_request_id"]
    text = str((await tg.wait(GROUP_B["id"], before + 1))[before].get("text"))
    assert number in text and "Open311" in text and "12345" in text  # the source is named
    assert "积水很深" in text and "科苑路下穿隧道" in text  # what and where
    assert "1199003077" not in text and "*" in text  # a cued ID number, check digit wrong: masked
    assert "Reply to this message" not in text and "回复本条消息" not in text and "回复你" not in text
    assert "Description" in text and "描述" not in text  # in the group's language, not the default zh
    status, _, got = await web.get(f"requests/{number}.json", api_key=key)
    assert "1199003077" not in got[0]["description"]
    # the same request again: merged into the open case, and the notice says so (issue 17 #13)
    status, _, again = await web.post(
        "requests.json", api_key=key, jurisdiction_id="12345-hd", service_code="waterlogging",
        address_string="科苑路下穿隧道", description="科苑路下穿隧道积水")
    assert status == 201 and again[0]["service_request_id"] == number
    assert number in again[0]["service_notice"] and "并入" in again[0]["service_notice"]
    status, _, _ = await web.get("services.json", jurisdiction_id="12345-hd")  # a key's mapping: known
    assert status == 200
    status, _, _ = await web.get("services.json", jurisdiction_id="hd")  # a branch code: known
    assert status == 200


async def test_address_id_is_kept_apart_from_the_address(
        web: Api, tg: EmulatorClient, db: Any, database_url: str,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 17 #11: `address_id` was stored as the address text."""
    await bound(tg, db)
    key = await new_key(monkeypatch, capsys, database_url, "city")
    status, _, body = await web.post("requests.json", api_key=key, jurisdiction_id="cy", service_code="road",
                                     address_string="光华路12号", address_id="BJ-CY-0042", description="路面塌陷")
    assert status == 201, body
    both = body[0]["service_request_id"]
    status, _, body = await web.post("requests.json", api_key=key, jurisdiction_id="cy", service_code="sanitation",
                                     address_id="BJ-CY-0077", description="垃圾桶满了")
    assert status == 201, body  # an address_id alone is a place, as the spec allows
    alone = body[0]["service_request_id"]
    status, _, rows = await web.get("requests.json", api_key=key)
    got = {r["service_request_id"]: r for r in rows}
    assert (got[both]["address"], got[both]["address_id"]) == ("光华路12号", "BJ-CY-0042")
    assert (got[alone]["address"], got[alone]["address_id"]) == ("", "BJ-CY-0077")
    _, _, one = await web.get(f"requests/{alone}.json", api_key=key)
    assert one[0]["address_id"] == "BJ-CY-0077"
    async with session(db) as s:
        assert {c.location for c in (await s.exec(select(Case))).all()} == {"光华路12号", None}
    assert "并入" not in body[0]["service_notice"]  # a new case is not said to be merged


async def test_errors_speak_the_clients_language(
        web: Api, tg: EmulatorClient, db: Any, database_url: str,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """An error's description follows the client's Accept-Language (zh, en), else the bot's default
    (zh); it was English whatever the client read. The spec's parameter names stay as they are."""
    await bound(tg, db)
    key = await new_key(monkeypatch, capsys, database_url, "portal")
    no_place = {"api_key": key, "service_code": "road", "jurisdiction_id": "cy"}
    span = {"start_date": "2025-01-01T00:00:00Z", "end_date": "2025-06-01T00:00:00Z"}
    for fmt in ("json", "xml"):
        for lang, words in (("", ("缺少地点", "address_string", "90 天")),
                            ("fr-FR, de;q=0.8", ("缺少地点", "address_string", "90 天")),
                            ("en-GB,en;q=0.9,zh;q=0.5", ("a location is required", "address_string", "90 days")),
                            ("zh-CN,zh;q=0.9,en;q=0.8", ("缺少地点", "address_string", "90 天"))):
            status, _, body = await web.post(f"requests.{fmt}", lang=lang, **no_place)
            said = check_error(fmt, body, 400)
            assert status == 400 and words[0] in said and words[1] in said, (lang, said)
            status, _, body = await web.get(f"requests.{fmt}", lang=lang, api_key=key, **span)
            assert status == 400 and words[2] in check_error(fmt, body, 400), (lang, body)
        async with web.http.request("PUT", f"{web.base}/open311/v2/requests.{fmt}",
                                    headers={"Accept-Language": "en"}) as r:
            assert r.status == 405 and "not allowed" in check_error(fmt, await web._body(r, f"x.{fmt}"), 405)
        async with web.http.request("PUT", f"{web.base}/open311/v2/requests.{fmt}") as r:
            assert r.status == 405 and "不接受 PUT" in check_error(fmt, await web._body(r, f"x.{fmt}"), 405)
