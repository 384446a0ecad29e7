# ruff: noqa: F811  (the fixtures imported from test_open311 are parameters here)
"""An outsider's trial of Open311 over real HTTP against the real `sentinel web` beside the real bot
on the emulator and a migrated database (SQLite, and PostgreSQL when configured): control
characters in a query's parameters, a voice report nobody has classified yet, and a UTC offset
whose '+' the URL turned into a space.
"""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from sqlmodel import select
from yarl import URL

from emulator.client import EmulatorClient
from storage.models import Case
from tests.conftest import GROUP, LI, last, session
from tests.e2e.test_open311 import Api, bound, check_error, new_key, settings, web, xml_rows  # noqa: F401
from tests.e2e.test_open311_trial import chat_case


async def test_control_characters_in_a_query_are_dropped_not_a_500(
        web: Api, tg: EmulatorClient, db: Any, database_url: str,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`service_code=%00`, `jurisdiction_id=%00`: PostgreSQL refuses a NUL in text, and each was a
    500 there ("internal error"); the parameters lose their control characters, as POST's fields do."""
    await bound(tg, db)
    key = await new_key(monkeypatch, capsys, database_url, "city")
    number = f"C-{await chat_case(db, '路面塌陷'):06d}"
    for query, status in ((f"requests.json?api_key={key}&service_code=ro%00ad", 200),
                          (f"requests.json?api_key={key}&jurisdiction_id=c%00y", 200),
                          (f"requests.json?api_key={key}&jurisdiction_id=%00", 200),  # none given
                          ("services.json?jurisdiction_id=%00z", 404),
                          (f"requests.xml?api_key={key}&service_code=%00&status=open%00", 200)):
        async with web.http.get(URL(f"{web.base}/open311/v2/{query}", encoded=True)) as r:
            got = await web._body(r, query.split("?")[0])
            assert r.status == status, (query, r.status, got)
        if status == 404:
            assert "jurisdiction_id" in check_error("json", got, 404)
    async with web.http.get(URL(f"{web.base}/open311/v2/requests.json?api_key={key}&service_code=ro%00ad",
                                encoded=True)) as r:
        assert [row["service_request_id"] for row in await r.json()] == [number]


async def test_a_voice_report_awaiting_triage_is_an_open_request(
        web: Api, tg: EmulatorClient, db: Any, database_url: str,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A rider's voice note is a case awaiting the secretary's triage: nobody has listened to it yet,
    but the hotline read it as `closed` (and `status=open` left it out)."""
    await bound(tg, db, LI)
    key = await new_key(monkeypatch, capsys, database_url, "city")
    before = len(await tg.messages(GROUP["id"]))
    await tg.send(GROUP, LI, voice={"duration": 4})
    assert "待分拣" in str((await last(tg, GROUP["id"], before + 1)).get("text"))
    status, _, got = await web.get("requests.json", api_key=key)
    assert status == 200 and [(r["status"], r["status_notes"].split(":")[0]) for r in got] == [("open", "triage")]
    status, _, got = await web.get("requests.json", api_key=key, status="open")
    assert [r["service_request_id"] for r in got] == ["C-000001"]
    status, _, got = await web.get("requests.json", api_key=key, status="closed")
    assert got == []


async def test_a_utc_offset_whose_plus_the_url_made_a_space_is_read(
        web: Api, tg: EmulatorClient, db: Any, database_url: str,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`start_date=2026-…T00:00:00+08:00` typed into a URL without encoding the '+' arrives as
    '… 08:00': a 400 for every client in UTC+8 that forgot to encode it."""
    await bound(tg, db)
    key = await new_key(monkeypatch, capsys, database_url, "city")
    number = f"C-{await chat_case(db, '路面塌陷'):06d}"
    now = datetime.now(timezone(timedelta(hours=8)))
    start, end = (now - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S"), (now + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    for fmt in ("json", "xml"):
        query = f"requests.{fmt}?api_key={key}&start_date={start}+08:00&end_date={end}+0800"
        async with web.http.get(URL(f"{web.base}/open311/v2/{query}", encoded=True)) as r:
            got = await web._body(r, f"requests.{fmt}")
            assert r.status == 200, (fmt, r.status, got)
        rows = xml_rows(got, "service_requests", "request") if fmt == "xml" else got
        assert [row["service_request_id"] for row in rows] == [number]


async def test_the_answers_words_follow_the_clients_language(
        web: Api, tg: EmulatorClient, db: Any, database_url: str,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """An English client (Accept-Language: en) had its errors in English but the catalogue
    ('路灯照明', '此类问题转交…'), a request's service_name, status_notes and agency_responsible, and
    the POST's service_notice in Chinese: every word of an answer now follows the client's language,
    else the bot's default (zh)."""
    await bound(tg, db)
    key = await new_key(monkeypatch, capsys, database_url, "city")
    await chat_case(db, "路面塌陷")
    for fmt in ("json", "xml"):
        _, _, services = await web.get(f"services.{fmt}", lang="en-GB,en;q=0.9")
        rows = xml_rows(services, "services", "service") if fmt == "xml" else services
        road = next(s for s in rows if s["service_code"] == "road")
        assert road["service_name"] == "Road damage" and "Reports of this kind go to" in road["description"], road
        assert "Road maintenance" in road["group"], road
        _, _, found = await web.get(f"requests.{fmt}", lang="en", api_key=key)
        rows = xml_rows(found, "service_requests", "request") if fmt == "xml" else found
        assert [(r["service_name"], r["status_notes"]) for r in rows] == [("Road damage", "new: New")], rows
        _, _, one = await web.get(f"requests/C-000001.{fmt}", lang="en", api_key=key)
        rows = xml_rows(one, "service_requests", "request") if fmt == "xml" else one
        assert rows[0]["service_name"] == "Road damage", rows
    status, _, made = await web.post("requests.json", lang="en", api_key=key, jurisdiction_id="cy",
                                     service_code="lighting", address_string="光华路8号")
    assert status == 201 and made[0]["service_notice"].startswith("Received and routed to"), made
    _, _, found = await web.get("requests.json", lang="en", api_key=key, service_code="lighting")
    assert found[0]["agency_responsible"] == "Urban lighting", found
    _, _, services = await web.get("services.json")  # no Accept-Language: the bot's default
    assert next(s for s in services if s["service_code"] == "road")["service_name"] == "道路破损"
    _, _, found = await web.get("requests.json", api_key=key, service_code="lighting")
    assert found[0]["status_notes"] == "new: 待受理" and found[0]["agency_responsible"] == "城管局·市政照明", found


async def test_a_body_that_is_no_form_is_told_so(
        web: Api, tg: EmulatorClient, db: Any, database_url: str,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A POST of JSON (`{"api_key": …, "service_code": "road", …}`), the commonest first try of an
    integration, was read as an empty form and answered 'api_key is required' (400), though the key
    was there; with the key in the query, 'service_code is required'. GeoReport v2 posts a form: a
    body of another type is a 415 that says so, in the spec's shape and the client's language."""
    await bound(tg, db)
    key = await new_key(monkeypatch, capsys, database_url, "city")
    fields = {"api_key": key, "service_code": "road", "jurisdiction_id": "cy", "address_string": "光华路8号"}
    for fmt in ("json", "xml"):
        for path, ctype, body in ((f"requests.{fmt}", "application/json", json.dumps(fields)),
                                  (f"requests.{fmt}?api_key={key}", "text/xml", "<request/>")):
            for lang, words in (("en", "must be a form"), ("", "须为表单")):
                async with web.http.post(f"{web.base}/open311/v2/{path}", data=body.encode(),
                                         headers={"Content-Type": ctype, "Accept-Language": lang}) as r:
                    said = check_error(fmt, await web._body(r, path.split("?")[0]), 415)
                    assert r.status == 415 and words in said and ctype in said, (path, ctype, said)
    async with session(db) as s:
        assert (await s.exec(select(Case))).all() == []
    async with web.http.post(f"{web.base}/open311/v2/requests.json?api_key={key}") as r:  # no body: an empty form
        assert r.status == 400 and "service_code" in check_error("json", await r.json(), 400)
