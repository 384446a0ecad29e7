# ruff: noqa: F811  (the fixtures imported from test_open311 are parameters here)
"""A new user's trial of Open311, each kind of fault they found, over real HTTP against the real
`sentinel web` beside the real bot on the emulator and a migrated database (SQLite, and PostgreSQL
when configured): control characters, extreme dates, undecodable bodies, jurisdiction_id on GET,
address_id in clear, a merged request told to the riders' group, and the spec's statuses.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any

import pytest
from sqlmodel import select

from emulator.client import EmulatorClient
from storage.models import Branch, Case
from tests.conftest import GROUP, GROUP_B, LI, session
from tests.e2e.test_open311 import (Api, bound, check_error, group_texts, new_key, settings,  # noqa: F401
                                    web, xml_rows)

CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


async def chat_case(db: Any, text: str, branch: str = "cy", location: str | None = "光华路8号",
                    pin: tuple[float, float] | None = None) -> int:
    """A case as a rider's chat message makes it (its text as typed, control characters and all)."""
    now = datetime.now(timezone.utc)
    async with session(db) as s:
        b = (await s.exec(select(Branch).where(Branch.code == branch))).one()
        case = Case(category="road", urgency="normal", status="new", text=text, location=location,
                    lat=pin[0] if pin else None, lon=pin[1] if pin else None,
                    reporter_id=LI["id"], chat_id=GROUP["id"] if branch == "cy" else GROUP_B["id"],
                    branch_id=b.id, department="roads", created_at=now, updated_at=now)
        s.add(case)
        await s.commit()
        return int(case.id or 0)


async def posted_request(web: Api, tg: EmulatorClient, db: Any, database_url: str, monkeypatch: pytest.MonkeyPatch,
                         capsys: pytest.CaptureFixture[str], **fields: str) -> tuple[str, str]:
    """The bound groups, a city-wide key, and one road request of `fields` posted with it: (key, its id)."""
    await bound(tg, db)
    key = await new_key(monkeypatch, capsys, database_url, "city")
    status, _, body = await web.post("requests.json", api_key=key, jurisdiction_id="cy", service_code="road", **fields)
    assert status == 201, body
    return key, str(body[0]["service_request_id"])


async def raw_post(web: Api, path: str, body: bytes, content_type: str) -> tuple[int, str, Any]:
    async with web.http.post(f"{web.base}/open311/v2/{path}", data=body,
                             headers={"Content-Type": content_type}) as r:
        return r.status, r.content_type, await web._body(r, path)


async def test_control_characters_are_dropped_on_the_way_in_and_never_break_xml(
        web: Api, tg: EmulatorClient, db: Any, database_url: str,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    key, posted = await posted_request(web, tg, db, database_url, monkeypatch, capsys,
                                       address_string="光华路\x0c12号", description="bad\x0bchar\x01here\x7f")
    async with session(db) as s:
        case = (await s.exec(select(Case))).one()
    assert (case.text, case.location) == ("badcharhere", "光华路12号")  # stored without them
    from_chat = await chat_case(db, "路面\x0b塌陷\x01了")  # what a rider typed, stored as typed
    for fmt in ("xml", "json"):
        status, _, got = await web.get(f"requests.{fmt}", api_key=key)  # .xml: parsed, so well-formed
        assert status == 200, got
        rows = xml_rows(got, "service_requests", "request") if fmt == "xml" else got
        texts = {r["service_request_id"]: r["description"] for r in rows}
        assert texts[posted] == "badcharhere"
        assert not CONTROLS.search(texts[f"C-{from_chat:06d}"]) if fmt == "xml" else True
    status, _, got = await web.get(f"requests/C-{from_chat:06d}.xml", api_key=key)
    assert status == 200 and xml_rows(got, "service_requests", "request")[0]["description"] == "路面塌陷了"


async def test_extreme_dates_are_the_ends_of_time_not_a_500(
        web: Api, tg: EmulatorClient, db: Any, database_url: str,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    await bound(tg, db)
    key = await new_key(monkeypatch, capsys, database_url, "city")
    await chat_case(db, "路面塌陷")
    for fmt in ("json", "xml"):
        for dates in ({"end_date": "0001-01-05"}, {"start_date": "0001-01-01", "end_date": "0001-01-05T00:00:00+14:00"},
                      {"start_date": "9999-12-30", "end_date": "9999-12-31T23:59:59-14:00"}):
            status, _, got = await web.get(f"requests.{fmt}", api_key=key, **dates)
            assert status == 200, (dates, got)
            assert (len(got) if fmt == "json" else len(xml_rows(got, "service_requests", "request"))) == 0
        # a start after now with no end: the window's own rule, a clear 400 as for any future start
        status, _, got = await web.get(f"requests.{fmt}", api_key=key, start_date="9999-12-31T23:59:59-14:00")
        assert status == 400 and "end_date" in check_error(fmt, got, 400)
    status, _, got = await web.get("requests.json", api_key=key)
    assert status == 200 and len(got) == 1


async def test_undecodable_bodies_are_a_400_in_the_spec_shape(
        web: Api, tg: EmulatorClient, db: Any, database_url: str,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    await bound(tg, db)
    key = await new_key(monkeypatch, capsys, database_url, "city")
    form = f"api_key={key}&jurisdiction_id=cy&service_code=road&address_string=x&description=".encode()
    bodies = [(form + b"\xff", "application/x-www-form-urlencoded"),
              (form + b"ok", "application/x-www-form-urlencoded; charset=bogus"),
              (form + b"%ff", "application/x-www-form-urlencoded"),
              (b"--zz\r\nContent-Disposition: form-data; name=\"api_key\"\r\n\r\n" + key.encode()
               + b"\r\n--zz--\r\n", "multipart/form-data"),  # no boundary
              (b"garbage", "multipart/form-data; boundary=zz"),
              (b"--zz\r\nContent-Disposition: form-data; name=\"description\"\r\n"
               b"Content-Type: text/plain; charset=bogus\r\n\r\nx\r\n--zz--\r\n", "multipart/form-data; boundary=zz")]
    for fmt in ("json", "xml"):
        for body, ctype in bodies:
            status, _, got = await raw_post(web, f"requests.{fmt}", body, ctype)
            assert status == 400, (body, ctype, got)
            assert "表单" in check_error(fmt, got, 400)
    async with session(db) as s:
        assert (await s.exec(select(Case))).all() == []


async def test_get_requests_honours_jurisdiction_id(
        web: Api, tg: EmulatorClient, db: Any, database_url: str,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    await bound(tg, db)
    every = await new_key(monkeypatch, capsys, database_url, "city", "--jurisdiction", "12345-hd=hd")
    only_cy = await new_key(monkeypatch, capsys, database_url, "cy-portal", "--branch", "cy")
    cy, hd = f"C-{await chat_case(db, '路面塌陷'):06d}", f"C-{await chat_case(db, '井盖丢了', 'hd'):06d}"
    for fmt in ("json", "xml"):
        for jid, want in (("hd", {hd}), ("12345-hd", {hd}), ("cy", {cy}), ("", {cy, hd})):
            status, _, got = await web.get(f"requests.{fmt}", api_key=every, jurisdiction_id=jid)
            rows = xml_rows(got, "service_requests", "request") if fmt == "xml" else got
            assert status == 200 and {r["service_request_id"] for r in rows} == want, (jid, got)
        for key, jid in ((every, "nonexistent"), (only_cy, "hd"), (only_cy, "12345-hd")):
            for path in (f"requests.{fmt}", f"requests/{hd}.{fmt}", f"requests/{cy}.{fmt}"):
                status, _, got = await web.get(path, api_key=key, jurisdiction_id=jid)
                assert status == 404 and "jurisdiction_id" in check_error(fmt, got, 404), (key, jid, path)
        status, _, got = await web.get(f"requests/{cy}.{fmt}", api_key=every, jurisdiction_id="hd")
        assert status == 404, got  # a case outside the named jurisdiction reads like no such request
        status, _, got = await web.get(f"requests/{cy}.{fmt}", api_key=only_cy, jurisdiction_id="cy")
        assert status == 200, got


async def test_address_id_is_masked_like_every_free_text_field(
        web: Api, tg: EmulatorClient, db: Any, database_url: str,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    key, number = await posted_request(web, tg, db, database_url, monkeypatch, capsys,
                                       address_id="13800138000", description="路面塌陷")
    for path in ("requests.json", f"requests/{number}.json", "requests.xml", f"requests/{number}.xml"):
        status, _, got = await web.get(path, api_key=key)
        rows = xml_rows(got, "service_requests", "request") if path.endswith(".xml") else got
        assert status == 200 and "13800138000" not in str(rows), rows
        assert rows[0]["address_id"].startswith("138") and "*" in rows[0]["address_id"]


async def test_a_merged_request_is_not_told_to_the_riders_group(
        web: Api, tg: EmulatorClient, db: Any, database_url: str,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    await bound(tg, db)
    key = await new_key(monkeypatch, capsys, database_url, "city")
    form = {"api_key": key, "jurisdiction_id": "cy", "service_code": "waterlogging",
            "address_string": "光华路下穿隧道", "description": "光华路下穿隧道积水很深"}
    before = len(await tg.messages(GROUP["id"]))
    status, _, first = await web.post("requests.json", **form)
    assert status == 201, first
    await tg.wait(GROUP["id"], before + 1)  # the new case is announced
    for fmt in ("json", "xml"):
        status, _, again = await web.post(f"requests.{fmt}", **form)
        assert status == 201, again
        row = again[0] if fmt == "json" else xml_rows(again, "service_requests", "request")[0]
        assert row["service_request_id"] == first[0]["service_request_id"]
        assert "并入" in row["service_notice"] and "所在支部的群" in row["service_notice"]
        assert "分支群" not in row["service_notice"]
    # the outbox has sent everything queued before the next message: send one and wait for its answer
    count = len(await tg.messages(GROUP["id"]))
    await tg.send(GROUP, LI, "/help")
    await tg.wait(GROUP["id"], count + 1)
    texts = (await group_texts(tg, GROUP["id"]))[before + 1:]
    assert not any("上报过" in x or "already reported" in x or "你" in x.split("\n")[0] and "🔁" in x
                   for x in texts), texts
    assert not any("🔁" in x for x in texts), texts


async def test_statuses_follow_the_spec(web: Api, tg: EmulatorClient, db: Any, database_url: str,
                                        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    await bound(tg, db)
    key = await new_key(monkeypatch, capsys, database_url, "city")
    for fmt in ("json", "xml"):
        status, _, got = await web.post(f"requests.{fmt}", api_key=key, jurisdiction_id="cy",
                                        service_code="potholes", address_string="x")
        assert status == 404 and "service_code" in check_error(fmt, got, 404)  # GeoReport v2: not found
        for method in ("PUT", "DELETE", "PATCH"):
            for path in (f"requests.{fmt}", f"services.{fmt}", f"requests/C-000001.{fmt}"):
                async with web.http.request(method, f"{web.base}/open311/v2/{path}") as r:
                    assert r.status == 405 and "GET" in r.headers["Allow"], (method, path)
                    assert method in check_error(fmt, await web._body(r, path), 405)
        async with web.http.get(f"{web.base}/open311/v2/nothing.{fmt}") as r:
            assert r.status == 404 and check_error(fmt, await web._body(r, f"x.{fmt}"), 404)


HOME_PIN = (39.92123, 116.46145)


async def test_a_pin_for_a_report_that_names_home_is_given_to_a_block(web: Api, tg: EmulatorClient, db: Any,
                                                                      database_url: str,
                                                                      monkeypatch: pytest.MonkeyPatch,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """"我住光明里3单元502，楼下路灯坏了" placed by a pin: the description hid the home, the pin gave it
    to the metre; a place that is the home gives no pin at all; an incident's own pin is as sent."""
    await bound(tg, db)
    key = await new_key(monkeypatch, capsys, database_url, "city")
    near_home = await chat_case(db, "我住光明里3单元502，楼下路灯坏了好几天", location=None, pin=HOME_PIN)
    home = await chat_case(db, "我住光明里3单元502，楼下路灯坏了", location="光明里3单元502", pin=HOME_PIN)
    street = await chat_case(db, "朝阳路路灯坏了", location=None, pin=HOME_PIN)
    shown = {}
    for number in (near_home, home, street):
        status, _, got = await web.get(f"requests/C-{number:06d}.json", api_key=key)
        assert status == 200, got
        shown[number] = (got[0]["lat"], got[0]["long"])
    assert shown == {near_home: (39.921, 116.461), home: (None, None), street: HOME_PIN}
